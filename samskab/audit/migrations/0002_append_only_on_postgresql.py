"""On PostgreSQL, the database itself refuses to change an audit event (a trigger), besides
the model. Two changes pass: the retention purge's and an erasure's (services._rewriting sets
samskab.audit_rewrite for its transaction), and a deleted account or municipality leaving its
events without the reference (on_delete SET_NULL). Deleting rows stays the model's guard:
the test suite empties tables with DELETE."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_event_unchanged() RETURNS trigger AS $$
BEGIN
    IF current_setting('samskab.audit_rewrite', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF NEW.id = OLD.id AND NEW."when" = OLD."when" AND NEW.kind = OLD.kind
       AND NEW.username = OLD.username AND NEW.object_type = OLD.object_type
       AND NEW.object_id = OLD.object_id AND NEW.object_text = OLD.object_text
       AND NEW.address IS NOT DISTINCT FROM OLD.address AND NEW.details = OLD.details
       AND (NEW.user_id IS NULL OR NEW.user_id = OLD.user_id)
       AND (NEW.organisation_id IS NULL OR NEW.organisation_id = OLD.organisation_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_unchanged BEFORE UPDATE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_unchanged();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_event_unchanged ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_unchanged();
"""


def _run(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP), elidable=False)]
