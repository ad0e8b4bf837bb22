"""Every interface string is translated in every language, and the catalogues are current.

When this fails after new strings were added: `make messages`, translate the new
entries in locale/<lang>/LC_MESSAGES/django.po, `bin/po-status` (CONTRIBUTING.md).
"""

import re
import subprocess
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone, translation
from django.utils.timesince import timesince

from portal.catalogues import (
    LOCALE_DIR,
    TRANSLATED,
    library_catalogues,
    missing_from,
    po_path,
    statistics,
    update,
)

# The portal's catalogues, then the gaps it fills in allauth's and Django's.
CATALOGUES = [pytest.param(language, po_path(language), id=language) for language in TRANSLATED]
LIBRARY_CATALOGUES = [
    pytest.param(language, po, id=f"{language}-libraries")
    for language, po in library_catalogues().items()
]
PLURALS = {"ru": 3, "uk": 3, "sr_Latn": 3, "ro": 3, "sq": 2, "ka": 2, "hy": 2}
# A placeholder or tag a translation must keep: %(name)s, {n}, <a ...>, </strong>.
TOKENS = re.compile(r"%\(\w+\)[sd]|\{\w*\}|</?[a-z]+")


def entries(po) -> list[tuple[str, list[str]]]:
    """(msgid, [msgstr, ...]) pairs, read with msgcat's one-line-per-string layout."""
    text = subprocess.run(
        ["msgcat", "--no-wrap", str(po)], capture_output=True, text=True, check=True
    ).stdout
    found = []
    for block in text.split("\n\n")[1:]:
        msgid = re.search(r'^msgid "(.*)"$', block, re.M)
        plural = re.search(r'^msgid_plural "(.*)"$', block, re.M)
        strs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', block, re.M)
        if msgid:
            # Plural forms may use the plural's number in every form (Russian "21 день").
            source = msgid.group(1) + (" " + plural.group(1) if plural else "")
            found.append((source, strs))
    return found


def test_every_language_has_a_catalogue():
    codes = {translation.to_locale(code) for code, _name in settings.LANGUAGES}
    assert codes - {"en"} == set(TRANSLATED)


@pytest.mark.parametrize(("language", "po"), CATALOGUES + LIBRARY_CATALOGUES)
def test_every_string_is_translated_and_none_is_fuzzy(language, po):
    counts = statistics(po)

    assert counts["untranslated"] == 0, f"{language}: {counts['untranslated']} untranslated"
    assert counts["fuzzy"] == 0, f"{language}: {counts['fuzzy']} fuzzy"
    assert counts["translated"] > (300 if po.is_relative_to(LOCALE_DIR) else 0)


@pytest.mark.parametrize(("language", "po"), CATALOGUES + LIBRARY_CATALOGUES)
def test_translations_keep_placeholders_and_markup(language, po):
    for msgid, msgstrs in entries(po):
        wanted = set(TOKENS.findall(msgid))
        for msgstr in msgstrs:
            assert set(TOKENS.findall(msgstr)) <= wanted, f"{language}: {msgid!r} -> {msgstr!r}"
            # Singular-only forms may leave out a number ("Автор"); others keep every token.
            if len(msgstrs) == 1:
                assert set(TOKENS.findall(msgstr)) == wanted, f"{language}: {msgid!r}"


@pytest.mark.parametrize(("language", "po"), CATALOGUES + LIBRARY_CATALOGUES)
def test_plural_forms_header_matches_the_forms_given(language, po):
    header = po.read_text(encoding="utf-8")
    nplurals = int(re.search(r"nplurals=(\d)", header).group(1))

    assert nplurals == PLURALS[language]
    for msgid, msgstrs in entries(po):
        assert len(msgstrs) in {1, nplurals}, msgid


def test_catalogues_are_not_stale():
    """makemessages into a scratch folder: every msgid of the source is in every .po."""
    with tempfile.TemporaryDirectory(prefix=".po-check-", dir=settings.BASE_DIR) as scratch:
        update(locale_dir=Path(scratch), keep_pot=True)
        pot = Path(scratch) / "django.pot"
        assert pot.exists()
        checksums = {language: po_path(language).read_bytes() for language in TRANSLATED}

        for language in TRANSLATED:
            missing = missing_from(po_path(language), pot)
            assert not missing, f"{language} lacks new strings (run `make messages`): {missing[:5]}"
    # The check never touches the real catalogues.
    assert checksums == {language: po_path(language).read_bytes() for language in TRANSLATED}


def test_compiled_catalogues_are_used(client):
    assert (LOCALE_DIR / "ka" / "LC_MESSAGES" / "django.mo").exists()
    with translation.override("ka"):
        assert translation.gettext("Trending topics") == "პოპულარული თემები"


def library_msgids() -> set[str]:
    """Every msgid allauth and Django (core, auth, humanize) use, from their English catalogues."""
    import allauth
    import django

    sources = [
        Path(allauth.__file__).parent / "locale",
        Path(django.__file__).parent / "conf" / "locale",
        Path(django.__file__).parent / "contrib" / "auth" / "locale",
        Path(django.__file__).parent / "contrib" / "humanize" / "locale",
    ]
    return {
        msgid for source in sources for msgid, _ in entries(source / "en/LC_MESSAGES/django.po")
    }


def test_library_gaps_are_strings_the_libraries_still_use():
    """A gap filled for a wording the library has since changed would be dead weight."""
    known = library_msgids()
    for language, po in library_catalogues().items():
        stale = [msgid for msgid, _ in entries(po) if msgid not in known]
        assert not stale, f"{language}: {stale}"


def test_library_gaps_are_what_readers_get():
    with translation.override("sq"):
        assert translation.gettext("Incorrect password.") == "Fjalëkalim i pasaktë."
    # Romanian has Django's catalogue, whose plural still has the pre-6.1 wording.
    message = "This password is too short. It must contain at least %d character."
    plural = message.replace("character.", "characters.")
    with translation.override("ro"):
        assert translation.ngettext(message, plural, 20) % 20 == (
            "Parola este prea scurtă. Trebuie să conțină cel puțin 20 de caractere."
        )
    with translation.override("ru"):  # Django's own catalogue, untouched
        assert "8" in translation.ngettext(message, plural, 8) % 8
    # "Updated 5 minutes ago" on the trending page, and the desk's drafts.
    five_minutes_ago = timezone.now() - timedelta(minutes=5, seconds=1)
    with translation.override("ka"):
        assert timesince(five_minutes_ago) == "5\xa0წუთის"
    with translation.override("hy"):
        assert timesince(five_minutes_ago) == "5\xa0րոպե"
