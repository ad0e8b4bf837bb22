"""Saved posts moved to the `saved` app: posts forgets the model, the table stays.

State only: saved/migrations/0001 takes the model over with the same table
(posts_savedpost), so every member's saved posts survive the move.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("posts", "0004_savedpost")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SavedPost")],
            database_operations=[],
        )
    ]
