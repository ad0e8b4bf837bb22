"""Every account page and email speaks each of the portal's languages, allauth's and
Django's own strings included (locale_libraries/ fills what those projects lack).

Each page is walked in English and in the language; a visible text (or a label-like
attribute) that comes out the same as in English, and has words in it, was not translated.
"""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from accounts.models import User
from portal.catalogues import TRANSLATED
from tests.accounts.walk import PASSWORD, account_emails, account_pages
from tests.shown_texts import ALSO_ENGLISH, shown_texts

pytestmark = pytest.mark.django_db


def email_lines(messages) -> set[str]:
    lines = set()
    for message in messages:
        for line in [message.subject, *message.body.splitlines()]:
            line = re.sub(r"https?://\S+|\S+@\S+", "", line)
            line = line.replace(settings.SITE_NAME, "").replace("Wanda Walker", "")
            if re.search(r"[A-Za-z]{3,}", line):
                lines.add(" ".join(line.split()))
    return lines


def walk(client, member, language):
    """The pages and emails in ``language``, from the same starting state each time."""
    cache.clear()  # the first walk's attempts would rate-limit the second
    User.objects.exclude(pk=member.pk).delete()
    member.set_password(PASSWORD)
    member.language = language
    member.save()
    client.logout()
    with translation.override(language):
        pages = account_pages(client, member)
        client.logout()
        emails = account_emails(client, member)
    client.logout()
    return pages, emails


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_account_page_and_email_is_in_the_language(client, walker, language):
    english_pages, english_messages = walk(client, walker, "en")
    english_pages = {name: shown_texts(html) for name, html in english_pages.items()}
    english_emails = email_lines(english_messages)
    pages, emails = walk(client, walker, language)

    untranslated = {
        name: [
            text
            for text in sorted(shown_texts(html) & english_pages[name])
            if text not in ALSO_ENGLISH.get(language, ())
        ]
        for name, html in pages.items()
    }
    untranslated = {name: texts for name, texts in untranslated.items() if texts}
    assert not untranslated, "\n".join(f"{name}: {texts}" for name, texts in untranslated.items())
    assert len(emails) == len(english_messages) == 5
    assert sorted(email_lines(emails) & english_emails) == []


def test_the_comparison_catches_an_english_text():
    english = shown_texts('<p>Forgot your password?</p><input placeholder="Email address">')
    georgian = shown_texts('<p>დაგავიწყდათ პაროლი?</p><input placeholder="Email address">')
    assert georgian & english == {"Email address"}
