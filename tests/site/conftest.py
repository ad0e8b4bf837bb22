import pytest

from tests.factories import AttachmentFactory, AuthorFactory, PostFactory


@pytest.fixture
def content(db):
    """A little of everything the public pages show, plus a draft."""
    author = AuthorFactory(name="Mira Migration", slug="mira-migration")
    post = PostFactory(
        title="Diaspora engagement",
        slug="diaspora-engagement",
        body="<h2>Findings</h2><p>See <a href='https://example.org'>the report</a>.</p>",
        authors=[author],
        topics=["Diaspora", "Remittances"],
    )
    AttachmentFactory(post=post, title="The brief")
    draft = PostFactory(title="Unfinished draft", slug="unfinished-draft", draft=True)
    return {"post": post, "author": author, "draft": draft}
