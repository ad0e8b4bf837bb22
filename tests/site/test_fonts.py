"""Fonts do not move the page (issue 13.13): preloaded first faces, metric-matched fallbacks,
and extended Latin in small subsets fetched only for pages that use it."""

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "static"
FONTS_CSS = (STATIC / "css" / "fonts.css").read_text()


def preloaded_fonts(page: str) -> list[str]:
    return re.findall(
        r'<link rel="preload" href="/static/(fonts/[^"]+)" as="font" type="font/woff2" crossorigin>',
        page,
    )


@pytest.mark.django_db
def test_every_page_preloads_the_first_screens_faces(client):
    preloads = preloaded_fonts(client.get("/").content.decode())
    assert len(preloads) == 4
    for path in preloads:
        assert (STATIC / path).exists()
        assert f"../{path}" in FONTS_CSS  # what is preloaded is what the page uses
        assert "latin-ext" not in path


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "script_faces"),
    [
        ("ka", ["noto-sans-georgian-mkhedruli-400", "noto-sans-georgian-mkhedruli-700"]),
        ("hy", ["noto-sans-armenian-armenian-400", "noto-sans-armenian-armenian-700"]),
    ],
)
def test_georgian_and_armenian_pages_preload_their_scripts_faces_regular_and_bold(
    client, code, script_faces
):
    """The title is bold: a face that misses the first paint is never shown (optional)."""
    preloads = preloaded_fonts(client.get(f"/{code}/").content.decode())
    names = [path.rsplit("/", 1)[1] for path in preloads]
    assert [name.rsplit("-", 1)[0] for name in names] == [
        # Spaces, figures and punctuation of Georgian and Armenian text come from these.
        "inter-latin-400",
        "inter-latin-600",
        "inter-latin-700",
        "source-serif-4-latin-400",
        *script_faces,
    ]
    for path in preloads:
        assert (STATIC / path).exists()
        assert f"../{path}" in FONTS_CSS


def test_georgian_on_screen_is_the_modern_alphabet_in_a_small_subset():
    from fontTools.ttLib import TTFont

    faces = re.findall(
        r'src: url\("\.\./(fonts/noto-sans-georgian/[^"]+)"\) format\("woff2"\);\s*'
        r"unicode-range: ([^;]+);",
        FONTS_CSS,
    )
    modern = [path for path, ranges in faces if ranges == "U+10D0-10FF"]
    assert len(modern) == 2
    for path in modern:
        assert "mkhedruli" in path
        assert (STATIC / path).stat().st_size < 8_000
        assert set(range(0x10D0, 0x1100)) <= set(TTFont(STATIC / path).getBestCmap())
    # The rarer letters (Mtavruli capitals of text-transform: uppercase) come from the full file.
    assert all("U+1C90" in ranges for path, ranges in faces if path not in modern)
    # The Armenian full stop is Noto Sans Armenian's: an Armenian page fetches no Georgian face.
    assert all("U+0589" not in ranges for _, ranges in faces)


def test_fallback_faces_match_the_web_fonts_metrics():
    for family in ("Inter Fallback", "Source Serif 4 Fallback"):
        assert f'font-family: "{family}";' in FONTS_CSS
    for descriptor in ("size-adjust", "ascent-override", "descent-override", "line-gap-override"):
        assert FONTS_CSS.count(descriptor) >= 3
    portal_css = (STATIC / "css" / "portal.css").read_text()
    assert '"Inter", "Inter Fallback"' in portal_css
    assert '"Source Serif 4", "Source Serif 4 Fallback"' in portal_css


def test_extended_latin_is_a_small_subset_behind_a_unicode_range():
    ext_files = re.findall(r'url\("\.\./(fonts/[^"]*latin-ext[^"]*)"\)', FONTS_CSS)
    assert len(ext_files) == 9
    for path in ext_files:
        assert "latin-ext-a" in path
        assert (STATIC / path).stat().st_size < 12_000
    assert "U+0100-017F" in FONTS_CSS and "U+1E00-1E9F" not in FONTS_CSS


def test_the_latin_faces_keep_only_the_features_the_portal_uses():
    """Fractions, numerators and the like are dropped (2-4 KB a face); kerning, ligatures
    and the tabular figures of the trending table stay."""
    from fontTools.ttLib import TTFont

    latin = sorted(set(re.findall(r'url\("\.\./(fonts/[^"]*-latin-\d{3}-[^"]*)"\)', FONTS_CSS)))
    assert len(latin) == 9
    for path in latin:
        font = TTFont(STATIC / path)
        substitutions = {r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord}
        positioning = {r.FeatureTag for r in font["GPOS"].table.FeatureList.FeatureRecord}
        assert substitutions <= {"calt", "ccmp", "liga", "locl", "tnum"}, path
        assert "kern" in positioning, path
        assert (STATIC / path).stat().st_size < 22_000, path
        if "inter" in path:
            assert "tnum" in substitutions, path
