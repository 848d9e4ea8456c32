"""Reading the Context Handler's privileges attribute (OIO Basic Privilege Profile)."""

import base64

from samskab.signin.privileges import grants_from_privileges
from samskab.signin.roles import Grant
from tests.idp import saml as idp

UNIT = "6d0b3d52-3b7c-4b5a-9a55-000000000001"


def test_privileges_of_the_municipality_come_with_the_units_their_constraints_name():
    encoded = idp.privileges("29189129", [("leder", [UNIT]), ("konsulent", [])])
    assert grants_from_privileges(encoded, "29189129") == [
        Grant(value=idp.PRIVILEGE_PREFIX + "leder/1", unit_uuids=(UNIT,)),
        Grant(value=idp.PRIVILEGE_PREFIX + "konsulent/1", unit_uuids=()),
    ]


def test_privileges_scoped_to_another_cvr_give_nothing():
    assert grants_from_privileges(idp.privileges("11111111", [("leder", [UNIT])]), "29189129") == []


def test_unreadable_privileges_give_nothing():
    assert grants_from_privileges("not base64 at all!", "29189129") == []
    assert grants_from_privileges(base64.b64encode(b"<unclosed").decode(), "29189129") == []
    entity_bomb = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><PrivilegeList>&a;</PrivilegeList>'
    assert grants_from_privileges(base64.b64encode(entity_bomb).decode(), "29189129") == []
