"""The erfaringsbank's index holds keys made in Python (bank/words.py) on both databases.

Folded (æ, ø, å as ae, oe, aa) and stemmed twice: every item is indexed again. PostgreSQL's
vector is now made with the `simple` configuration from those keys instead of `danish`.
"""

from django.db import migrations


def rebuild(apps, schema_editor):
    from samskab.bank import index

    index.rebuild(apps.get_model("bank", "BankItem").objects.all())


class Migration(migrations.Migration):
    dependencies = [("bank", "0002_search_index")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
