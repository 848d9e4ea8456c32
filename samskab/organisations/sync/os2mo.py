"""Reading the organisation from OS2mo's GraphQL API.

A client-credentials token comes from Keycloak's token endpoint; lists are read a page at a time
by cursor. OS2mo answers an expired or refused token with HTTP 200 and an error in the body: the
client then fetches a new token once and asks again.
"""

import uuid

import httpx

from samskab.organisations.sync.source import Organisation, SourceLeader, SourcePerson, SourceUnit, SyncError

PAGE_SIZE = 500

UNITS = """
query Units($limit: int, $cursor: Cursor) {
  org_units(limit: $limit, cursor: $cursor) {
    objects { current { uuid name parent_uuid } }
    page_info { next_cursor }
  }
}"""

PEOPLE = """
query People($limit: int, $cursor: Cursor) {
  employees(limit: $limit, cursor: $cursor) {
    objects { current { uuid given_name surname user_key addresses { name address_type { scope } } } }
    page_info { next_cursor }
  }
}"""

LEADERS = """
query Leaders($limit: int, $cursor: Cursor) {
  managers(limit: $limit, cursor: $cursor) {
    objects { current { org_unit_uuid employee_uuid } }
    page_info { next_cursor }
  }
}"""


def _is_token_error(errors: list[dict]) -> bool:
    for error in errors:
        text = f"{error.get('message', '')} {error.get('extensions', {})}".lower()
        if "token" in text or "unauthenticated" in text or "unauthorized" in text:
            return True
    return False


class OS2moClient:
    def __init__(self, *, url: str, token_url: str, client_id: str, client_secret: str, timeout: float = 30):
        self.url, self.token_url = url, token_url
        self.client_id, self.client_secret = client_id, client_secret
        self.http = httpx.Client(timeout=timeout)
        self.token: str | None = None

    def _new_token(self) -> str:
        response = self.http.post(
            self.token_url,
            data={"grant_type": "client_credentials", "client_id": self.client_id, "client_secret": self.client_secret},
        )
        if response.status_code != 200 or "access_token" not in response.json():
            raise SyncError(f"Keycloak gave no token (HTTP {response.status_code}).")
        return response.json()["access_token"]

    def query(self, query: str, variables: dict) -> dict:
        for attempt in (1, 2):
            if self.token is None:
                self.token = self._new_token()
            response = self.http.post(
                self.url, json={"query": query, "variables": variables}, headers={"Authorization": f"Bearer {self.token}"}
            )
            if response.status_code == 401 or (response.status_code == 200 and _is_token_error(response.json().get("errors") or [])):
                self.token = None  # expired or refused: one new token, then give up
                if attempt == 1:
                    continue
                raise SyncError("OS2mo refused a new token.")
            if response.status_code != 200:
                raise SyncError(f"OS2mo answered HTTP {response.status_code}.")
            body = response.json()
            if body.get("errors"):
                raise SyncError(f"OS2mo answered with errors: {body['errors'][0].get('message', body['errors'])}")
            return body["data"]
        raise AssertionError("unreachable")

    def objects(self, query: str, name: str):
        """Every object of the list `name`, following the cursor page by page."""
        cursor = None
        while True:
            page = self.query(query, {"limit": PAGE_SIZE, "cursor": cursor})[name]
            for item in page["objects"]:
                if item.get("current"):
                    yield item["current"]
            cursor = (page.get("page_info") or {}).get("next_cursor")
            if not cursor:
                return

    def organisation(self) -> Organisation:
        try:
            return self._organisation()
        except httpx.HTTPError as error:
            raise SyncError(f"OS2mo could not be reached: {error}") from None
        except (KeyError, TypeError, ValueError) as error:
            raise SyncError(f"OS2mo answered in a shape Samskab does not know: {error!r}") from None

    def _organisation(self) -> Organisation:
        units = [
            SourceUnit(uuid.UUID(u["uuid"]), u["name"], uuid.UUID(u["parent_uuid"]) if u.get("parent_uuid") else None)
            for u in self.objects(UNITS, "org_units")
        ]
        people = [_person(p) for p in self.objects(PEOPLE, "employees")]
        leaders = [
            SourceLeader(uuid.UUID(m["org_unit_uuid"]), uuid.UUID(m["employee_uuid"]))
            for m in self.objects(LEADERS, "managers")
            if m.get("employee_uuid")  # a vacant leader post
        ]
        return Organisation(units, people, leaders)


def _person(data: dict) -> SourcePerson:
    emails = [a["name"] for a in data.get("addresses") or [] if (a.get("address_type") or {}).get("scope") == "EMAIL"]
    return SourcePerson(
        uuid=uuid.UUID(data["uuid"]),
        first_name=data.get("given_name") or "",
        last_name=data.get("surname") or "",
        username=data.get("user_key") or "",
        email=emails[0] if emails else "",
    )
