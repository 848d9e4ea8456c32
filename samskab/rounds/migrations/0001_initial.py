"""EvaluationRound and Action (and their history) move here from the workshops app, tables and rows
untouched: the models keep their tables (Meta.db_table), so only Django's state moves; the
content types follow, so that links to them (permissions, generic relations) keep working.
"""

import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models


MODELS = ["evaluationround", "historicalevaluationround", "action", "historicalaction"]


def _move_content_types(apps, source: str, target: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not content_type.objects.filter(app_label=target, model=model).exists():
            content_type.objects.filter(app_label=source, model=model).update(app_label=target)


def content_types_to_rounds(apps, schema_editor):
    _move_content_types(apps, "workshops", "rounds")


def content_types_to_workshops(apps, schema_editor):
    _move_content_types(apps, "rounds", "workshops")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('processes', '0007_measurement_author'),
        ('workshops', '0009_action_source_key'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='EvaluationRound',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveSmallIntegerField(verbose_name='number')),
                        ('status', models.CharField(choices=[('aaben', 'open'), ('afsluttet', 'closed')], default='aaben', max_length=20, verbose_name='status')),
                        ('opened_on', models.DateField(verbose_name='opened')),
                        ('closed_on', models.DateField(blank=True, null=True, verbose_name='closed')),
                        ('submission_id', models.UUIDField(blank=True, editable=False, null=True, unique=True)),
                        ('process', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rounds', to='processes.process')),
                    ],
                    options={
                        'verbose_name': 'evaluation round',
                        'verbose_name_plural': 'evaluation rounds',
                        'db_table': 'workshops_evaluationround',
                        'ordering': ['process', '-number'],
                    },
                ),
                migrations.CreateModel(
                    name='Action',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('submission_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('source_id', models.PositiveIntegerField(blank=True, null=True)),
                        ('source_key', models.CharField(blank=True, editable=False, max_length=300)),
                        ('what', models.CharField(max_length=300, verbose_name='what')),
                        ('why', models.TextField(blank=True, max_length=2000, verbose_name='why')),
                        ('deadline', models.DateField(blank=True, null=True, verbose_name='by when')),
                        ('status', models.CharField(choices=[('ikke_startet', 'not started'), ('i_gang', 'in progress'), ('udfoert', 'done'), ('droppet', 'dropped')], default='ikke_startet', max_length=20, verbose_name='status')),
                        ('done_on', models.DateField(blank=True, null=True, verbose_name='done on')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('owner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='actions', to='processes.participant', verbose_name='who')),
                        ('section', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='actions', to='workshops.section', verbose_name='agreed in')),
                        ('source_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='contenttypes.contenttype')),
                        ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='actions', to='rounds.evaluationround')),
                    ],
                    options={
                        'verbose_name': 'action',
                        'verbose_name_plural': 'actions',
                        'db_table': 'workshops_action',
                        'ordering': ['deadline', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalAction',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('submission_id', models.UUIDField(db_index=True, default=uuid.uuid4, editable=False)),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('source_id', models.PositiveIntegerField(blank=True, null=True)),
                        ('source_key', models.CharField(blank=True, editable=False, max_length=300)),
                        ('what', models.CharField(max_length=300, verbose_name='what')),
                        ('why', models.TextField(blank=True, max_length=2000, verbose_name='why')),
                        ('deadline', models.DateField(blank=True, null=True, verbose_name='by when')),
                        ('status', models.CharField(choices=[('ikke_startet', 'not started'), ('i_gang', 'in progress'), ('udfoert', 'done'), ('droppet', 'dropped')], default='ikke_startet', max_length=20, verbose_name='status')),
                        ('done_on', models.DateField(blank=True, null=True, verbose_name='done on')),
                        ('created_at', models.DateTimeField(blank=True, editable=False)),
                        ('updated_at', models.DateTimeField(blank=True, editable=False)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('owner', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='processes.participant', verbose_name='who')),
                        ('round', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.evaluationround')),
                        ('section', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='workshops.section', verbose_name='agreed in')),
                        ('source_type', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contenttypes.contenttype')),
                    ],
                    options={
                        'verbose_name': 'historical action',
                        'verbose_name_plural': 'historical actions',
                        'db_table': 'workshops_historicalaction',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalEvaluationRound',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('number', models.PositiveSmallIntegerField(verbose_name='number')),
                        ('status', models.CharField(choices=[('aaben', 'open'), ('afsluttet', 'closed')], default='aaben', max_length=20, verbose_name='status')),
                        ('opened_on', models.DateField(verbose_name='opened')),
                        ('closed_on', models.DateField(blank=True, null=True, verbose_name='closed')),
                        ('submission_id', models.UUIDField(blank=True, db_index=True, editable=False, null=True)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('process', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='processes.process')),
                    ],
                    options={
                        'verbose_name': 'historical evaluation round',
                        'verbose_name_plural': 'historical evaluation rounds',
                        'db_table': 'workshops_historicalevaluationround',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddConstraint(
                    model_name='evaluationround',
                    constraint=models.UniqueConstraint(fields=('process', 'number'), name='unique_round_number'),
                ),
                migrations.AddConstraint(
                    model_name='action',
                    constraint=models.UniqueConstraint(condition=models.Q(('source_key', ''), _negated=True), fields=('round', 'source_type', 'source_id', 'source_key'), name='one_action_per_source_and_key'),
                ),
            ],
            database_operations=[migrations.RunPython(content_types_to_rounds, content_types_to_workshops)],
        ),
    ]
