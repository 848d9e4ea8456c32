"""The Context Handler's privileges attribute: base64 XML in the OIO Basic Privilege Profile.

    <bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">
      <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189129">
        <Privilege>http://samskab.dk/roles/usersystemrole/leder/1</Privilege>
        <Constraint Name="http://sts.kombit.dk/constraints/orgenhed/1">UUID of a unit</Constraint>
      </PrivilegeGroup>
    </bpp:PrivilegeList>
"""

import base64
import binascii

from defusedxml import DefusedXmlException, ElementTree

from samskab.signin.roles import Grant

ATTRIBUTE = "https://data.gov.dk/model/core/eid/privilegesIntermediate"
CVR_SCOPE = "urn:dk:gov:saml:cvrNumberIdentifier:"
ORGENHED = "http://sts.kombit.dk/constraints/orgenhed/1"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def grants_from_privileges(encoded: str, cvr: str) -> list[Grant]:
    """The privileges of the groups scoped to the municipality `cvr`, each with the units its orgenhed constraints name.

    Unreadable input gives no grants.
    """
    try:
        root = ElementTree.fromstring(base64.b64decode(encoded.strip(), validate=False))
    except (binascii.Error, ValueError, ElementTree.ParseError, DefusedXmlException):
        return []
    grants = []
    for group in root.iter():
        if _local(group.tag) != "PrivilegeGroup" or group.get("Scope", "").strip() != CVR_SCOPE + cvr:
            continue
        units = tuple(
            (child.text or "").strip()
            for child in group
            if _local(child.tag) == "Constraint" and child.get("Name", "").strip() == ORGENHED
        )
        for child in group:
            if _local(child.tag) == "Privilege" and (child.text or "").strip():
                grants.append(Grant(value=child.text.strip(), unit_uuids=units))
    return grants
