"""Accent-insensitive search on both databases, and trigrams for "did you mean".

PostgreSQL: the unaccent and pg_trgm extensions, a text search configuration
``<language>_unaccent`` per configuration posts.multilingual uses (unaccent before
stemming: "markovic" matches "Marković"), and a trigram index on titles. SQLite: ``search_text``, a folded copy.
Existing posts are re-indexed either way.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

# Every configuration posts.multilingual uses, and its dictionary for words.
BASES = {"english": "english_stem", "russian": "russian_stem", "romanian": "romanian_stem",
         "serbian": "serbian_stem", "armenian": "armenian_stem", "simple": "simple"}  # fmt: skip
CONFIG_SQL = """
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{base}_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION {base}_unaccent (COPY = {base});
    ALTER TEXT SEARCH CONFIGURATION {base}_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary};
  END IF;
END $$;
"""
TITLE_INDEX = "posts_post_title_trgm"


def postgres_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for base, dictionary in BASES.items():
        schema_editor.execute(CONFIG_SQL.format(base=base, dictionary=dictionary))
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TITLE_INDEX} ON posts_post USING gin (title gin_trgm_ops)"
    )


def drop_postgres_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {TITLE_INDEX}")
    for base in BASES:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {base}_unaccent")


def reindex(apps, schema_editor):
    # The live indexer, not a frozen copy: this only recomputes derived data, and
    # `manage.py rebuild_search_index` does the same at any later time.
    from posts.search.index import update_search_vectors

    Post = apps.get_model("posts", "Post")
    ids = list(Post.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        update_search_vectors(ids[start : start + 500])


class Migration(migrations.Migration):
    dependencies = [("posts", "0011_generated_portrait_names")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.AddField(
            model_name="post",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(postgres_search, drop_postgres_search, elidable=False),
        migrations.RunPython(reindex, migrations.RunPython.noop, elidable=True),
    ]
