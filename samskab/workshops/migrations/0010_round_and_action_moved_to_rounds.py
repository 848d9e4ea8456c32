"""EvaluationRound and Action move to the rounds app with their tables: here they leave Django's state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('anchoring', '0003_round_moved_to_rounds'),
        ('bank', '0004_round_moved_to_rounds'),
        ('communication', '0002_round_moved_to_rounds'),
        ('decisions', '0003_round_moved_to_rounds'),
        ('ideas', '0002_round_moved_to_rounds'),
        ('reports', '0002_round_moved_to_rounds'),
        ('rounds', '0001_initial'),
        ('workshops', '0009_action_source_key'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='evaluationround',
                    name='process',
                ),
                migrations.AlterField(
                    model_name='workshop',
                    name='round',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='workshop', to='rounds.evaluationround'),
                ),
                migrations.RemoveField(
                    model_name='historicalaction',
                    name='round',
                ),
                migrations.AlterField(
                    model_name='historicalworkshop',
                    name='round',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.evaluationround'),
                ),
                migrations.RemoveField(
                    model_name='historicalaction',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalaction',
                    name='owner',
                ),
                migrations.RemoveField(
                    model_name='historicalaction',
                    name='section',
                ),
                migrations.RemoveField(
                    model_name='historicalaction',
                    name='source_type',
                ),
                migrations.RemoveField(
                    model_name='historicalevaluationround',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalevaluationround',
                    name='process',
                ),
                migrations.DeleteModel(
                    name='Action',
                ),
                migrations.DeleteModel(
                    name='EvaluationRound',
                ),
                migrations.DeleteModel(
                    name='HistoricalAction',
                ),
                migrations.DeleteModel(
                    name='HistoricalEvaluationRound',
                ),
            ],
        ),
    ]
