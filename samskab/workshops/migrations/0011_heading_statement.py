"""Prompt's rows split by what they are: a board's columns and themes become Headings, a rating's
statements Statements. Each row keeps its id, so the cards', lessons' and ratings' foreign keys
still hold the right values when 0012 points them at the new tables; the history rows move too."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations, models

HEADING_KINDS = ("kolonne", "tema")
STATEMENT = "udsagn"
# Columns both tables have; Prompt's `role` is a Heading's `kind`, and a Statement has none.
SHARED = ("id", "section_id", "text", "key", "order")
HISTORY = ("history_id", "history_date", "history_change_reason", "history_type", "history_user_id")


def _copy(schema_editor, source: str, target: str, columns, with_kind: bool, roles) -> None:
    quote = schema_editor.quote_name
    into = [*columns, "kind"] if with_kind else list(columns)
    taken = [*columns, "role"] if with_kind else list(columns)
    marks = ", ".join(["%s"] * len(roles))
    schema_editor.execute(
        f"INSERT INTO {quote(target)} ({', '.join(map(quote, into))}) "
        f"SELECT {', '.join(map(quote, taken))} FROM {quote(source)} WHERE {quote('role')} IN ({marks})",
        list(roles),
    )


def _reset_sequences(schema_editor, models_) -> None:
    """Explicit ids do not move PostgreSQL's sequences on; SQLite needs nothing (no statements)."""
    for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), models_):
        schema_editor.execute(sql)


def split_prompts(apps, schema_editor):
    table = {name: apps.get_model("workshops", name)._meta.db_table for name in (
        "Prompt", "HistoricalPrompt", "Heading", "HistoricalHeading", "Statement", "HistoricalStatement"
    )}  # fmt: skip
    _copy(schema_editor, table["Prompt"], table["Heading"], SHARED, True, HEADING_KINDS)
    _copy(schema_editor, table["Prompt"], table["Statement"], SHARED, False, [STATEMENT])
    _copy(schema_editor, table["HistoricalPrompt"], table["HistoricalHeading"], SHARED + HISTORY, True, HEADING_KINDS)
    _copy(schema_editor, table["HistoricalPrompt"], table["HistoricalStatement"], SHARED + HISTORY, False, [STATEMENT])
    names = ("Heading", "HistoricalHeading", "Statement", "HistoricalStatement")
    _reset_sequences(schema_editor, [apps.get_model("workshops", name) for name in names])


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0010_round_and_action_moved_to_rounds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Heading",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("kolonne", "column"), ("tema", "theme")], max_length=20, verbose_name="kind")),
                ("text", models.CharField(max_length=300, verbose_name="text")),
                ("key", models.CharField(blank=True, help_text="Stable key of a template's heading (keep/change/avoid, a theme).", max_length=30)),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                ("section", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="headings", to="workshops.section")),
            ],
            options={
                "verbose_name": "board heading",
                "verbose_name_plural": "board headings",
                "ordering": ["kind", "order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Statement",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("text", models.CharField(max_length=300, verbose_name="text")),
                ("key", models.CharField(blank=True, help_text="Stable key of a template's statement (an anchoring factor).", max_length=30)),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                ("section", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="statements", to="workshops.section")),
            ],
            options={
                "verbose_name": "statement",
                "verbose_name_plural": "statements",
                "ordering": ["order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalHeading",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("kind", models.CharField(choices=[("kolonne", "column"), ("tema", "theme")], max_length=20, verbose_name="kind")),
                ("text", models.CharField(max_length=300, verbose_name="text")),
                ("key", models.CharField(blank=True, help_text="Stable key of a template's heading (keep/change/avoid, a theme).", max_length=30)),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                ("history_type", models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1)),
                ("history_user", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("section", models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="workshops.section")),
            ],
            options={
                "verbose_name": "historical board heading",
                "verbose_name_plural": "historical board headings",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalStatement",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("text", models.CharField(max_length=300, verbose_name="text")),
                ("key", models.CharField(blank=True, help_text="Stable key of a template's statement (an anchoring factor).", max_length=30)),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                ("history_type", models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1)),
                ("history_user", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("section", models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="workshops.section")),
            ],
            options={
                "verbose_name": "historical statement",
                "verbose_name_plural": "historical statements",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(split_prompts, migrations.RunPython.noop),
    ]
