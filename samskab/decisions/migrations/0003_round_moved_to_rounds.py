"""The round moved to the rounds app with its table: only Django's idea of the foreign key changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('decisions', '0002_one_decision_per_round'),
        ('rounds', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='decision',
                    name='round',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='rounds.evaluationround'),
                ),
                migrations.AlterField(
                    model_name='historicaldecision',
                    name='round',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.evaluationround'),
                ),
                migrations.AlterField(
                    model_name='historicalprocessdecision',
                    name='round',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.evaluationround'),
                ),
                migrations.AlterField(
                    model_name='processdecision',
                    name='round',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='rounds.evaluationround'),
                ),
            ],
        ),
    ]
