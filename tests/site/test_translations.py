"""Every interface string is translated in every language, and the catalogues are current.

When this fails after new strings were added: `make messages`, translate the new
entries in locale/<lang>/LC_MESSAGES/django.po, `bin/po-status` (CONTRIBUTING.md).
"""

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from portal.catalogues import LOCALE_DIR, TRANSLATED, missing_from, po_path, statistics, update

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


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    counts = statistics(po_path(language))

    assert counts["untranslated"] == 0, f"{language}: {counts['untranslated']} untranslated"
    assert counts["fuzzy"] == 0, f"{language}: {counts['fuzzy']} fuzzy"
    assert counts["translated"] > 300


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_placeholders_and_markup(language):
    for msgid, msgstrs in entries(po_path(language)):
        wanted = set(TOKENS.findall(msgid))
        for msgstr in msgstrs:
            assert set(TOKENS.findall(msgstr)) <= wanted, f"{language}: {msgid!r} -> {msgstr!r}"
            # Singular-only forms may leave out a number ("Автор"); others keep every token.
            if len(msgstrs) == 1:
                assert set(TOKENS.findall(msgstr)) == wanted, f"{language}: {msgid!r}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_forms_header_matches_the_forms_given(language):
    po = po_path(language)
    header = po.read_text(encoding="utf-8")
    nplurals = int(re.search(r"nplurals=(\d)", header).group(1))
    expected = {"ru": 3, "uk": 3, "sr_Latn": 3, "ro": 3, "sq": 2, "ka": 2, "hy": 2}

    assert nplurals == expected[language]
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
