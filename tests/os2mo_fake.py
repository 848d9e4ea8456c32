"""A recorded fake of OS2mo's GraphQL API and Keycloak's token endpoint, served through httpx.MockTransport.

Its answers have the shape OS2mo's answers have: lists of objects with their `current` version,
paged by `page_info.next_cursor`, and an expired token answered with HTTP 200 and an error.
"""

import json
import uuid
from dataclasses import dataclass, field

import httpx

URL = "https://os2mo.test/graphql/v22"
TOKEN_URL = "https://os2mo.test/auth/realms/mo/protocol/openid-connect/token"


def uid(n: int) -> str:
    return str(uuid.UUID(int=n))


@dataclass
class FakeOS2mo:
    units: list[dict] = field(default_factory=list)
    employees: list[dict] = field(default_factory=list)
    managers: list[dict] = field(default_factory=list)
    tokens_issued: int = 0
    queries: list[dict] = field(default_factory=list)  # every GraphQL request: list name and cursor
    expire_token_after: int | None = None  # answers a token's n+1th query with "expired"
    _used: int = 0

    def unit(self, n: int, name: str, parent: int | None = None) -> None:
        self.units.append({"current": {"uuid": uid(n), "name": name, "parent_uuid": uid(parent) if parent else None}})

    def employee(self, n: int, given: str, surname: str, user_key: str = "", email: str = "") -> None:
        addresses = [{"name": email, "address_type": {"scope": "EMAIL"}}] if email else []
        self.employees.append(
            {"current": {"uuid": uid(n), "given_name": given, "surname": surname, "user_key": user_key, "addresses": addresses}}
        )

    def manager(self, unit: int, employee: int | None) -> None:
        self.managers.append({"current": {"org_unit_uuid": uid(unit), "employee_uuid": uid(employee) if employee else None}})

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            form = dict(pair.split("=", 1) for pair in request.content.decode().split("&"))
            if form.get("client_secret") != "hemmelig":
                return httpx.Response(401, json={"error": "unauthorized_client"})
            self.tokens_issued += 1
            self._used = 0
            return httpx.Response(200, json={"access_token": f"token-{self.tokens_issued}", "expires_in": 300})
        assert str(request.url) == URL
        if request.headers.get("authorization") != f"Bearer token-{self.tokens_issued}":
            return httpx.Response(200, json={"data": None, "errors": [{"message": "Invalid token"}]})
        if self.expire_token_after is not None and self._used >= self.expire_token_after:
            return httpx.Response(200, json={"data": None, "errors": [{"message": "Signature has expired: token expired"}]})
        self._used += 1
        body = json.loads(request.content)
        name = next(n for n in ("org_units", "employees", "managers") if n in body["query"])
        items = {"org_units": self.units, "employees": self.employees, "managers": self.managers}[name]
        start, limit = int(body["variables"]["cursor"] or 0), body["variables"]["limit"]
        self.queries.append({"list": name, "cursor": body["variables"]["cursor"]})
        following = start + limit
        page_info = {"next_cursor": str(following) if following < len(items) else None}
        return httpx.Response(200, json={"data": {name: {"objects": items[start:following], "page_info": page_info}}})
