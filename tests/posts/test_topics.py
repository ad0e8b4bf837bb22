from taggit.utils import parse_tags

from posts.topics import format_topics, parse_topics


def test_topics_with_spaces_stay_whole():
    assert parse_topics("Climate adaptation, Migration ,, ") == ["Climate adaptation", "Migration"]


def test_taggit_uses_the_comma_only_parser():
    assert parse_tags("Climate adaptation") == ["Climate adaptation"]


def test_topics_are_shown_to_editors_comma_separated():
    class Tag:
        def __init__(self, name):
            self.name = name

    assert (
        format_topics([Tag("Climate adaptation"), Tag("Migration")])
        == "Climate adaptation, Migration"
    )
