"""The image library, featured images from it, sharing fields and old addresses.

Featured images move from a file on the post (with its alt text beside it)
to an Image row in the library: each stored file becomes one Image, cleaned of
its metadata and given its renditions, and the post points at it. Editors get
the library's permissions.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models

import posts.library
from posts.groups import EDITORS
from posts.renditions import EXTENSIONS, clean_original, make_renditions, sniff_format


def library_image_from(Image, name: str, alt_text: str):
    """An Image row for a stored file: metadata stripped, renditions made."""
    try:
        with default_storage.open(name, "rb") as stored:
            image_format = sniff_format(stored.read(16))
            if image_format is None:
                raise OSError(f"not a picture: {name}")
            data, width, height = clean_original(stored, image_format)
    except OSError:
        # A missing or unreadable file keeps its name; the page shows what it can.
        return Image.objects.create(file=name, alt_text=alt_text)
    new_name = default_storage.save(
        f"images/{uuid.uuid4().hex}.{EXTENSIONS[image_format]}", ContentFile(data)
    )
    return Image.objects.create(
        file=new_name,
        alt_text=alt_text,
        width=width,
        height=height,
        renditions=make_renditions(default_storage, new_name),
    )


def featured_images_to_library(apps, schema_editor):
    Post = apps.get_model("posts", "Post")
    Image = apps.get_model("posts", "Image")
    for post in Post.objects.exclude(legacy_featured_image=""):
        image = library_image_from(Image, post.legacy_featured_image.name, post.featured_image_alt)
        Post.objects.filter(pk=post.pk).update(featured_image=image)
    if schema_editor.connection.vendor == "postgresql":
        # Check the new foreign keys now: the columns are dropped next, in this transaction.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


IMAGE_PERMISSIONS = [f"{action}_image" for action in ("add", "change", "delete", "view")]


def editors_manage_images(apps, schema_editor):
    app_config = apps.get_app_config("posts")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True  # see 0006_editors_group
    create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="posts",
                codename__in=IMAGE_PERMISSIONS,
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0007_trending_snapshot"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Image",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "file",
                    models.ImageField(
                        upload_to=posts.library.image_upload_to, verbose_name="picture"
                    ),
                ),
                (
                    "alt_text",
                    models.CharField(
                        blank=True,
                        help_text="What the picture shows, for readers who cannot see it. Needed before a post using it is published.",
                        max_length=250,
                        verbose_name="alt text",
                    ),
                ),
                ("caption", models.CharField(blank=True, max_length=300, verbose_name="caption")),
                (
                    "credit",
                    models.CharField(
                        blank=True,
                        help_text="Photographer or source.",
                        max_length=200,
                        verbose_name="credit",
                    ),
                ),
                (
                    "width",
                    models.PositiveIntegerField(default=0, editable=False, verbose_name="width"),
                ),
                (
                    "height",
                    models.PositiveIntegerField(default=0, editable=False, verbose_name="height"),
                ),
                (
                    "renditions",
                    models.JSONField(default=list, editable=False, verbose_name="renditions"),
                ),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="uploaded")),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "image",
                "verbose_name_plural": "images",
                "ordering": ["-created", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="SlugRedirect",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "old_slug",
                    models.SlugField(max_length=220, unique=True, verbose_name="old slug"),
                ),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                (
                    "post",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="old_slugs",
                        to="posts.post",
                    ),
                ),
            ],
            options={"verbose_name": "old address", "verbose_name_plural": "old addresses"},
        ),
        migrations.AlterField(
            model_name="post",
            name="summary",
            field=models.TextField(
                blank=True,
                help_text="The lead: one or two sentences.",
                max_length=600,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="post",
            name="meta_description",
            field=models.CharField(
                blank=True,
                help_text="For search results and link previews. Empty: the summary is used.",
                max_length=300,
                verbose_name="meta description",
            ),
        ),
        migrations.AddField(
            model_name="post",
            name="social_image",
            field=models.ForeignKey(
                blank=True,
                help_text="For link previews. Empty: the featured image, or a card with the title is used.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="shared_in",
                to="posts.image",
                verbose_name="social image",
            ),
        ),
        migrations.RenameField(
            model_name="post", old_name="featured_image", new_name="legacy_featured_image"
        ),
        migrations.AddField(
            model_name="post",
            name="featured_image",
            field=models.ForeignKey(
                blank=True,
                help_text="Shown on cards, at the top of the post, in its PDF and when it is shared.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="featured_in",
                to="posts.image",
                verbose_name="featured image",
            ),
        ),
        migrations.RunPython(featured_images_to_library, migrations.RunPython.noop),
        migrations.RemoveField(model_name="post", name="legacy_featured_image"),
        migrations.RemoveField(model_name="post", name="featured_image_alt"),
        migrations.RunPython(editors_manage_images, migrations.RunPython.noop),
    ]
