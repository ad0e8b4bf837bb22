"""Journey: a reader switches to Georgian, then Russian, without JavaScript; pages in
every script stay accessible, valid and phone-sized; a PDF prints the script."""

import subprocess

import pytest
from django.conf import settings
from playwright.sync_api import expect

from accounts.models import User
from posts.models import Post
from tests.browser.people import log_in
from tests.browser.test_phone import PHONE, assert_no_sideways_scrolling
from tests.browser.tools import validate_html
from tests.factories import PostFactory

pytestmark = pytest.mark.browser

# What each language must show: header entry, the comment button, the PDF's footer.
EXPECTED = {
    "ka": {
        "name": "ქართული",
        "title": "დაბრუნებული მიგრანტების გამოცდილება დასავლეთ აფრიკაში",
        "header": "პოპულარული თემები",
        "comment": "კომენტარის გაგზავნა",
        "pdf_footer": "გვერდი 1",
    },
    "ru": {
        "name": "Русский",
        "title": "Уроки возвратной миграции в Западной Африке",
        "header": "Популярные темы",
        "comment": "Отправить комментарий",
        "pdf_footer": "страница 1 из",
    },
}


@pytest.fixture
def translated(library):
    """The library's post in Georgian and Russian, one translation group."""
    posts = {}
    for code, words in EXPECTED.items():
        posts[code] = PostFactory(
            title=words["title"],
            slug=f"return-migration-{code}",
            summary=words["title"],
            body=f"<p>{words['title']}. {words['header']}.</p>",
            language=code,
            translation_of=library.post,
            authors=library.post.ordered_authors,
        )
    return posts


def pdf_text(tab, path: str) -> str:
    # A first render registers every font: give a loaded machine time.
    response = tab.page.request.get(path, timeout=60_000)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=response.body(),
        capture_output=True,
        check=True,
    )
    return " ".join(result.stdout.decode().split())


def switch_to(tab, code: str) -> None:
    """Open the header's language disclosure and press the language's button (a POST)."""
    page = tab.page
    switch = page.locator("header .language-switch")
    switch.locator("summary").click()
    switch.get_by_role("button", name=EXPECTED[code]["name"]).click()
    page.wait_for_load_state("load")


def test_switching_language_without_javascript(open_tab, library, translated):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        email=library.member_email,
        defaults={
            "verified": True,
            "primary": True,
            "user": User.objects.get(email=library.member_email),
        },
    )
    tab = open_tab("member without JS", java_script_enabled=False)
    log_in(tab, library.member_email)
    page = tab.page

    for code, words in EXPECTED.items():
        # The English address: after the first switch the cookie sends it to that language.
        tab.goto(library.post.get_absolute_url())
        switch_to(tab, code)
        # The same post, now with the interface in that language, at its prefixed address.
        assert page.url.endswith(f"/{code}/posts/{library.post.slug}/"), page.url
        expect(page.locator("html")).to_have_attribute("lang", code)
        expect(page.get_by_role("navigation").first).to_contain_text(words["header"])
        tab.check(f"post, {code} interface")

        # "Also in" leads to the translation, written in that language.
        page.locator(".also-in").get_by_role("link", name=words["name"]).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
        expect(page.get_by_role("heading", level=1)).to_have_attribute("lang", code)
        expect(
            page.locator("#comments").get_by_role("button", name=words["comment"])
        ).to_be_visible()
        tab.check(f"translated post ({code})", heading=words["title"])

        text = pdf_text(tab, f"/{code}/posts/{translated[code].slug}/pdf/")
        assert words["title"] in text
        assert words["pdf_footer"] in text


@pytest.mark.vnu
def test_pages_in_every_language_are_valid_and_accessible(open_tab, library, translated):
    tab = open_tab("reader")
    html = {}
    for code in [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]:
        for name, path in {
            "home": f"/{code}/",
            "post": f"/{code}/posts/{library.post.slug}/",
            "search": f"/{code}/search/?q=migration",
            "login": f"/{code}/accounts/login/",
        }.items():
            html[f"{name} ({code})"] = tab.goto(path).text()
            expect(tab.page.locator("html")).to_have_attribute("lang", code)
            tab.check(f"{name} ({code})")
    html["georgian post"] = tab.goto(translated["ka"].get_own_language_url()).text()

    errors = validate_html(html)

    report = [f"{name}: {error}" for name, found in errors.items() for error in found]
    assert not report, "Nu HTML Checker errors:\n" + "\n".join(report)


@pytest.mark.parametrize("code", ["ka", "ru", "uk"])
def test_long_translations_fit_a_phone(open_tab, library, translated, code):
    tab = open_tab(f"phone reader ({code})", **PHONE)
    post = Post.objects.get(slug="return-migration-ka")
    for name, path in {
        "home": f"/{code}/",
        "post": f"/{code}/posts/{post.slug}/",
        "topics": f"/{code}/topics/",
        "login": f"/{code}/accounts/login/",
    }.items():
        tab.goto(path)
        tab.page.locator("header .language-switch summary").click()  # the open switch too
        assert_no_sideways_scrolling(tab, f"{name} ({code})")
        tab.check(f"{name} ({code}, phone)")


def fonts_fetched(tab, path: str) -> list[str]:
    """The addresses of the web fonts the page at `path` fetched, once they have arrived."""
    fonts = []
    tab.page.on(
        "request", lambda request: fonts.append(request.url) if ".woff2" in request.url else None
    )
    tab.goto(path)
    tab.page.evaluate("document.fonts.ready.then(() => true)")
    return fonts


def test_an_english_list_fetches_no_other_scripts_fonts_for_the_language_filter(open_tab, library):
    """The filter names each language in its own script, in the device's font: a page in
    English fetches no Cyrillic, Georgian or Armenian face for those few words."""
    tab = open_tab()
    fonts = fonts_fetched(tab, "/")

    assert any("inter-latin-400" in url for url in fonts), fonts
    scripts = [url for url in fonts if any(s in url for s in ("cyrillic", "georgian", "armenian"))]
    assert scripts == []
    georgian = tab.page.locator(".language-filter").get_by_role("link", name="ქართული")
    expect(georgian).to_be_visible()
    family = georgian.evaluate("link => getComputedStyle(link).fontFamily")
    assert family.startswith('"Inter Fallback", system-ui'), family


def test_an_armenian_post_fetches_its_own_faces_and_no_georgian_one(open_tab, library):
    """The Armenian full stop is Noto Sans Armenian's: Georgian faces are for Georgian text."""
    post = PostFactory(
        title="Սփյուռքի մասնագետները և համայնքը",
        slug="diaspora-hy",
        summary="Ինչ սովորեցինք։ Վստահությունը գալիս է առաջինը։",
        body="<p>Մարդիկ վերադառնում են այնտեղ, որտեղ իրենց սպասում են։</p>",
        language="hy",
        authors=library.post.ordered_authors,
    )
    tab = open_tab()
    fonts = fonts_fetched(tab, post.get_own_language_url())

    assert any("noto-sans-armenian-armenian-400" in url for url in fonts), fonts
    assert any("noto-sans-armenian-armenian-700" in url for url in fonts), fonts  # the title
    assert [url for url in fonts if "georgian" in url] == []


def test_also_in_names_the_translations_without_fetching_their_scripts_fonts(open_tab, library):
    """ "Also in: Русский · ქართული" under an English title: in the device's font, as the
    language filter, so the page's first paint waits for no Cyrillic or Georgian face."""
    post = library.post
    for code, title in (("ru", "Диаспора и развитие"), ("ka", "დიასპორა და განვითარება")):
        PostFactory(
            title=title,
            slug=f"{post.slug}-{code}",
            language=code,
            translation_of=post,
            authors=post.ordered_authors,
        )
    tab = open_tab()
    fonts = fonts_fetched(tab, post.get_absolute_url())

    also_in = tab.page.locator(".also-in")
    expect(also_in.get_by_role("link", name="ქართული")).to_be_visible()
    family = also_in.get_by_role("link", name="Русский").evaluate(
        "link => getComputedStyle(link).fontFamily"
    )
    assert family.startswith('"Inter Fallback", system-ui'), family
    scripts = [url for url in fonts if any(s in url for s in ("cyrillic", "georgian"))]
    assert scripts == []
