"""The cards, lessons and ratings point at the Headings and Statements that 0011 copied Prompt's
rows into, under the same ids; then Prompt and its history go. Back: Prompt is made again and the
rows copied back into it (while no heading and statement have come to share an id since)."""

import django.db.models.deletion
from django.core.management.color import no_style
from django.db import migrations, models

STATEMENT = "udsagn"
SHARED = ("id", "section_id", "text", "key", "order")
HISTORY = ("history_id", "history_date", "history_change_reason", "history_type", "history_user_id")


def _reset_sequences(schema_editor, models_) -> None:
    for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), models_):
        schema_editor.execute(sql)


def join_prompts(apps, schema_editor):
    """Back: the headings and statements into Prompt again, which the way back has just made anew."""
    quote = schema_editor.quote_name
    table = {name: apps.get_model("workshops", name)._meta.db_table for name in (
        "Prompt", "HistoricalPrompt", "Heading", "HistoricalHeading", "Statement", "HistoricalStatement"
    )}  # fmt: skip
    for source, target, columns in (
        ("Heading", "Prompt", SHARED),
        ("HistoricalHeading", "HistoricalPrompt", SHARED + HISTORY),
    ):
        listed = ", ".join(map(quote, columns))
        schema_editor.execute(
            f"INSERT INTO {quote(table[target])} ({listed}, {quote('role')}) "
            f"SELECT {listed}, {quote('kind')} FROM {quote(table[source])}"
        )
    for source, target, columns in (
        ("Statement", "Prompt", SHARED),
        ("HistoricalStatement", "HistoricalPrompt", SHARED + HISTORY),
    ):
        listed = ", ".join(map(quote, columns))
        schema_editor.execute(
            f"INSERT INTO {quote(table[target])} ({listed}, {quote('role')}) "
            f"SELECT {listed}, %s FROM {quote(table[source])}",
            [STATEMENT],
        )
    _reset_sequences(schema_editor, [apps.get_model("workshops", name) for name in ("Prompt", "HistoricalPrompt")])
    if schema_editor.connection.vendor == "postgresql":
        # Check the copied rows' foreign keys now: PostgreSQL refuses to alter a table with checks pending.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0011_heading_statement"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="rating", name="one_rating_per_statement"),
        migrations.RenameField(model_name="rating", old_name="prompt", new_name="statement"),
        migrations.AlterField(
            model_name="rating",
            name="statement",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="ratings", to="workshops.statement"),
        ),
        migrations.AddConstraint(
            model_name="rating",
            constraint=models.UniqueConstraint(fields=("statement", "attendee"), name="one_rating_per_statement"),
        ),
        migrations.AlterField(
            model_name="card",
            name="column",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="cards", to="workshops.heading", verbose_name="column"),
        ),
        migrations.AlterField(
            model_name="card",
            name="theme",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="themed_cards", to="workshops.heading", verbose_name="theme"),
        ),
        migrations.AlterField(
            model_name="lesson",
            name="theme",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="lessons", to="workshops.heading", verbose_name="theme"),
        ),
        migrations.AlterField(
            model_name="historicallesson",
            name="theme",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="workshops.heading", verbose_name="theme"),
        ),
        migrations.RunPython(migrations.RunPython.noop, join_prompts),
        migrations.DeleteModel(name="HistoricalPrompt"),
        migrations.DeleteModel(name="Prompt"),
    ]
