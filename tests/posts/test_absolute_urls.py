"""One way to build absolute URLs: the reader's address with a request, SITE_URL without."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.test import RequestFactory
from django.urls import reverse

from portal.absolute import absolute_url
from posts.printing.render import print_context
from tests.factories import AuthorFactory, PostFactory


def test_without_a_request_the_configured_site_address_is_used(settings):
    settings.SITE_URL = "https://portal.example"

    assert absolute_url("/posts/a/") == "https://portal.example/posts/a/"


def test_with_a_request_the_address_the_reader_used(settings):
    settings.SITE_URL = "https://portal.example"
    settings.ALLOWED_HOSTS = ["reader.example"]
    request = RequestFactory().get("/", secure=True, headers={"host": "reader.example"})

    assert absolute_url("/posts/a/", request) == "https://reader.example/posts/a/"


def test_an_absolute_url_stays_as_it_is(settings):
    settings.SITE_URL = "https://portal.example"
    image = "https://media.example/featured/a.jpg"

    assert absolute_url(image) == image
    assert absolute_url(image, RequestFactory().get("/")) == image


@pytest.mark.django_db
def test_feed_json_ld_and_print_agree_on_a_post_address(client):
    post = PostFactory(authors=[AuthorFactory()])
    expected = f"https://testserver{post.get_absolute_url()}"

    feed = client.get(reverse("posts:feed_latest"), secure=True)
    page = client.get(post.get_absolute_url(), secure=True)
    request = RequestFactory().get("/", secure=True)

    channel = ET.fromstring(feed.content).find("channel")
    assert channel.findtext("link") == "https://testserver/"
    assert channel.find("item").findtext("link") == expected
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.text, re.S)
    assert json.loads(block.group(1))["url"] == expected
    assert print_context(request, post)["post_url"] == expected
