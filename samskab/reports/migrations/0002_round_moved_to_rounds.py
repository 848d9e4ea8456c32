"""The round moved to the rounds app with its table: only Django's idea of the foreign key changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0001_initial'),
        ('rounds', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='roundreport',
                    name='round',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='report', to='rounds.evaluationround'),
                ),
            ],
        ),
    ]
