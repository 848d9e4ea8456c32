"""The municipality's organisation from its own systems: OS2mo or a CSV export (manage.py sync_organisation)."""
