"""The round moved to the rounds app with its table: only Django's idea of the foreign key changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('anchoring', '0002_anchoring_check'),
        ('rounds', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='anchoringcheck',
                    name='round',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='anchoring_check', to='rounds.evaluationround'),
                ),
                migrations.AlterField(
                    model_name='historicalanchoringcheck',
                    name='round',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rounds.evaluationround'),
                ),
            ],
        ),
    ]
