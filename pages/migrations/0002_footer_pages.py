"""The four footer pages, with starting text editors then adapt in the admin.

The privacy page lists what the portal stores about members; keep it true when
a feature starts keeping something new.
"""

from django.db import migrations

PAGES = [
    (
        "about",
        "About",
        "<p>This portal is where a network of practitioners shares what it learns: learning "
        "briefs, good practices and lessons from projects in several countries and languages.</p>"
        "<p>Posts are written by named experts and edited by the programme team. Anyone may read "
        "them; members can save posts, follow topics and authors, and join the conversation.</p>",
    ),
    (
        "contact",
        "Contact",
        "<p>Questions about a post, a correction, or an idea for a brief? Write to the editorial "
        'team at <a href="mailto:editors@portal.example">editors@portal.example</a>.</p>'
        "<p>For anything about your account or your data, write to "
        '<a href="mailto:privacy@portal.example">privacy@portal.example</a>.</p>',
    ),
    (
        "privacy",
        "Privacy",
        "<p>Reading the portal needs no account, and readers are not tracked: no advertising, "
        "no third-party scripts.</p>"
        "<h2>What we keep about members</h2><ul>"
        "<li>Your account: your email address, the public name you choose, your password "
        "(stored only as a secure hash), and when you joined.</li>"
        "<li>Your language, if you choose one.</li>"
        "<li>Your saved posts, and when you saved them.</li>"
        "<li>The topics and authors you follow, and whether you want the weekly email.</li>"
        "<li>Your comments, their moderation status and any note a moderator added; "
        "reports you make about comments.</li>"
        "<li>Your sessions: where you are logged in (browser and address), so you can end them.</li>"
        "</ul>"
        "<h2>What we count without knowing who you are</h2>"
        "<p>Views, saves, comments and downloads are counted per post and per day, with no "
        "personal data, to rank trending topics.</p>"
        "<h2>Your choices</h2>"
        "<p>From your profile you can download all of it as one file, change it, or delete your "
        "account. Your comments then stay, shown as by “Former member”.</p>"
        "<h2>Cookies</h2><p>A session cookie when you log in, a security (CSRF) cookie for forms, "
        "and small cookies that remember your language and light or dark theme.</p>",
    ),
    (
        "terms",
        "Terms",
        "<p>The posts are published by the network for practitioners to read, print and share, "
        "with a link back to the portal.</p>"
        "<p>Members keep their comments polite and on topic; moderators may decline or remove "
        "comments, and suspend commenting for those who abuse it.</p>"
        "<p>The portal is offered as is; we work to keep it accurate and available.</p>",
    ),
]


def create_pages(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    for slug, title, body in PAGES:
        Page.objects.get_or_create(slug=slug, defaults={"title": title, "body": body})


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]
    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
