"""SavedPost, taken over from posts with its table and rows (see posts.0005).

State only: the table posts_savedpost was created by posts.0004 and is kept,
on a fresh database and on one that has saved posts already. The content type
follows the model, so its permissions stay attached.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor, old="posts", new="saved"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    if not types.filter(app_label=new, model="savedpost").exists():
        types.filter(app_label=old, model="savedpost").update(app_label=new)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="saved", new="posts")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("posts", "0005_savedpost_moves_to_saved"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="SavedPost",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "saved_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="saved"
                            ),
                        ),
                        (
                            "post",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="saves",
                                to="posts.post",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="saved_posts",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "saved post",
                        "verbose_name_plural": "saved posts",
                        "db_table": "posts_savedpost",
                        "ordering": ["-saved_at", "-pk"],
                        "indexes": [
                            models.Index(fields=["user", "-saved_at"], name="saved_by_user_idx")
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "post"), name="one_save_per_user_and_post"
                            )
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
