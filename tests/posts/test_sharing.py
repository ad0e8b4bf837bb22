"""Pictures and words for readers and link previews: <picture>, og:image, JSON-LD."""

import json
import re

import pytest
from django.core.files.storage import default_storage
from PIL import Image as PillowImage

from posts.sharing import card_digest
from tests.factories import ImageFactory, PostFactory

pytestmark = pytest.mark.django_db


def meta(text: str, key: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{key}" content="([^"]*)"', text)
    assert match, f"no {key}"
    return match.group(1)


def json_ld(text: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return json.loads(match.group(1))


def test_the_featured_image_is_responsive_with_webp_and_its_size(client):
    image = ImageFactory(alt_text="Hills at dawn", caption="Dawn", credit="Ana Rusu")
    post = PostFactory(featured_image=image)

    text = client.get(post.get_absolute_url()).text

    figure = text[text.index('<figure class="post__image">') :]
    assert '<source type="image/webp" srcset="/media/images/renditions/' in figure
    assert " 400w, " in figure and " 1200w" in figure
    assert 'alt="Hills at dawn" width="1200" height="675"' in figure
    assert "Photo: Ana Rusu" in figure


def test_the_first_cards_image_loads_at_once_and_first_the_others_lazily(client):
    """The first card's picture is above the fold and the home page's largest paint."""
    for title in ("Older", "Newer"):
        PostFactory(title=title, featured_image=ImageFactory(alt_text=f"{title} hills"))

    text = client.get("/").text

    first, second = re.findall(r'<picture class="card__image">.*?</picture>', text, re.S)
    assert 'alt="Newer hills"' in first and 'alt="Older hills"' in second
    assert 'loading="eager"' in first and 'fetchpriority="high"' in first
    assert 'loading="lazy"' in second and "fetchpriority" not in second
    assert 'width="1200"' in first and 'width="1200"' in second


def test_library_images_in_the_body_become_responsive_figures(client):
    image = ImageFactory(alt_text="From the library")
    body = (
        f'<figure><img src="{image.url}" alt="Written for this post" data-file="{image.pk}">'
        "<figcaption>Seen from the river</figcaption></figure>"
    )
    post = PostFactory(body=body)

    text = client.get(post.get_absolute_url()).text

    assert 'type="image/webp"' in text.split('class="post__body')[1]
    assert 'alt="Written for this post"' in text  # the body's own alt text wins
    assert "<figcaption>Seen from the river</figcaption>" in text


def test_sharing_uses_the_meta_description_and_social_image_when_set(client):
    featured, social = ImageFactory(alt_text="Featured"), ImageFactory(alt_text="For sharing")
    post = PostFactory(
        featured_image=featured, social_image=social, meta_description="Shared in one line."
    )

    text = client.get(post.get_absolute_url()).text

    assert meta(text, "description") == "Shared in one line."
    assert meta(text, "og:description") == "Shared in one line."
    assert meta(text, "og:image") == f"http://testserver{social.url}"
    assert meta(text, "og:image:alt") == "For sharing"
    assert meta(text, "twitter:card") == "summary_large_image"
    assert json_ld(text)["description"] == "Shared in one line."
    assert json_ld(text)["image"]["url"] == f"http://testserver{social.url}"


def test_sharing_defaults_to_the_summary_and_the_featured_image(client):
    featured = ImageFactory(alt_text="Featured")
    post = PostFactory(featured_image=featured, summary="The lead of the post.")

    text = client.get(post.get_absolute_url()).text

    assert meta(text, "og:description") == "The lead of the post."
    assert meta(text, "og:image") == f"http://testserver{featured.url}"
    assert meta(text, "og:image:width") == "1200"


def test_a_post_without_images_shares_a_generated_title_card(client):
    post = PostFactory(title="Cash transfers after floods")

    text = client.get(post.get_absolute_url()).text
    card_url = meta(text, "og:image").removeprefix("http://testserver")
    assert card_url == f"/posts/{post.slug}/card-{card_digest(post)}.png"
    assert meta(text, "twitter:image") == meta(text, "og:image")

    response = client.get(card_url)
    assert response.status_code == 302
    name = response.url.removeprefix("/media/")
    with default_storage.open(name) as stored, PillowImage.open(stored) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))


def test_the_card_is_drawn_once_per_title(client):
    post = PostFactory(title="First title")
    first = client.get(f"/posts/{post.slug}/card-{card_digest(post)}.png").url
    assert client.get(f"/posts/{post.slug}/card-{card_digest(post)}.png").url == first

    old_digest = card_digest(post)
    post.title = "Second title"
    post.save()

    moved = client.get(f"/posts/{post.slug}/card-{old_digest}.png")
    assert moved.status_code == 302 and card_digest(post) in moved.url


def test_a_drafts_card_is_hidden_from_the_public(client):
    post = PostFactory(draft=True)

    assert client.get(f"/posts/{post.slug}/card-{card_digest(post)}.png").status_code == 404
