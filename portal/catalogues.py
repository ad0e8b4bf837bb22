"""The interface's translation catalogues (locale/<lang>/LC_MESSAGES/django.po).

One definition of how strings are collected, shared by ``make messages``
(through bin/po-status --update), bin/po-status and the translation tests.
The .po files are in git; the .mo files are built (make install, or
compile_stale() before the tests) and ignored.
"""

import re
import subprocess
from pathlib import Path

from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
# allauth's and Django's strings the portal shows that those projects leave untranslated
# in a language (written by hand, never by makemessages): language -> its .po file.
LIBRARY_DIR = Path(settings.BASE_DIR) / "locale_libraries"
# English is the source language: its msgids are the text, it has no catalogue.
TRANSLATED = ["ru", "uk", "ro", "sr_Latn", "sq", "ka", "hy"]
MAKEMESSAGES_OPTIONS = {
    "extensions": ["html", "txt", "py"],
    "ignore_patterns": [
        ".venv/*",
        ".po-check*",
        # Never let makemessages adopt ./locale by itself: the target is LOCALE_PATHS[0].
        "locale",
        "tests/*",
        "node_modules/*",
        "var/*",
        "bench/*",
        "build/*",
    ],
    # No file:line comments: other branches move code around, catalogues should not conflict.
    "no_location": True,
    "no_obsolete": True,
    "verbosity": 0,
}


def po_path(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / "django.po"


def update(locale_dir: Path | None = None, keep_pot: bool = False) -> None:
    """Run makemessages for every translated language, from the project's root.

    ``locale_dir`` (a scratch copy) must sit directly in the project's root:
    makemessages files each source under the first locale path whose parent
    contains it.
    """
    import os

    from django.core.management import call_command
    from django.test.utils import override_settings

    target = Path(locale_dir or LOCALE_DIR)
    if target.parent != Path(settings.BASE_DIR):
        raise ValueError(f"{target} must be a folder of {settings.BASE_DIR}")
    cwd = os.getcwd()
    os.chdir(settings.BASE_DIR)
    try:
        with override_settings(LOCALE_PATHS=[str(target)]):
            call_command(
                "makemessages", locale=TRANSLATED, keep_pot=keep_pot, **MAKEMESSAGES_OPTIONS
            )
    finally:
        os.chdir(cwd)


def statistics(po: Path) -> dict[str, int]:
    """{"translated": n, "fuzzy": n, "untranslated": n} as msgfmt counts them."""
    result = subprocess.run(
        ["msgfmt", "--check-format", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", result.stderr):
        counts[kind] = int(number)
    return counts


def missing_from(po: Path, pot: Path) -> list[str]:
    """msgids of the template ``pot`` that ``po`` lacks (msgcmp's complaints)."""
    result = subprocess.run(
        ["msgcmp", "--use-untranslated", str(po), str(pot)], capture_output=True, text=True
    )
    return [line for line in result.stderr.splitlines() if "not defined" in line]


def library_catalogues() -> dict[str, Path]:
    return {po.parent.parent.name: po for po in sorted(LIBRARY_DIR.glob("*/LC_MESSAGES/*.po"))}


def compile_stale() -> None:
    """Build each .mo that is missing or older than its .po."""
    for po in [po_path(language) for language in TRANSLATED] + [*library_catalogues().values()]:
        mo = po.with_suffix(".mo")
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(po)], check=True)
