"""``{% skeleton %}`` and ``{% hole %}``: a member's page as one shared skeleton with their parts filled in.

``{% fragment %}`` keeps the shared parts of a member's page, but the template
engine still walks the whole page around them on every request: most of a
warm member page's time. A page that names its skeleton is instead rendered
once per generation, language, address and theme with a marker for each
``{% hole %}``, and kept in this process (portal.per_generation); each request
renders only its holes into it:

    {% skeleton "page" skeleton request.get_host request.get_full_path THEME when=skeleton %}
      … {% hole %}{% include "includes/account_menu.html" %}{% endhole %} …
    {% endskeleton %}

    {% hole place=place %}{% include "saved/includes/save_toggle.html" %}{% endhole %}

A hole is rendered with the request's context plus the values it names, read
where it stands when the skeleton is built (a loop variable, an include's
``with``). Outside a skeleton being built it renders in place.

While a skeleton is built, the member's own values are guards that refuse to be
read: ``user`` (but for is_authenticated), ``messages``, ``perms``, the saved
ids and the request's user, session and cookies. A page that shows any of them
outside a hole is rendered in place for that member, never kept, and logged as
an error, instead of handing one member's page to another.
The CSRF token is a placeholder, filled in per request as in fragments.
"""

import logging
import secrets

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from portal import per_generation

from .fragments import HOLES, TOKEN_PLACEHOLDER, FragmentNode, parse_named

register = template.Library()
logger = logging.getLogger(__name__)

# Where a hole goes in a skeleton's HTML: random per process, so no content can hold it.
HOLE_MARKER = f"<!--hole-{secrets.token_hex(16)}-->"


class PersonalValueOutsideHole(Exception):
    """A member's own value read in the shared part of a page skeleton."""


class Guard:
    """Stands in for one member's value while a skeleton is built."""

    def __init__(self, name: str, **allowed):
        self._name, self._allowed = name, allowed

    def __getattr__(self, attribute):
        if attribute.startswith("_"):
            raise AttributeError(attribute)
        if attribute in self._allowed:
            return self._allowed[attribute]
        raise PersonalValueOutsideHole(f"{self._name}.{attribute} outside a {{% hole %}}")

    def _refuse(self, *args):
        raise PersonalValueOutsideHole(f"{self._name} outside a {{% hole %}}")

    # No __getitem__: the template engine tries [name] first and falls back to attributes.
    __bool__ = __iter__ = __len__ = __contains__ = __str__ = _refuse


class GuardedRequest:
    """The request, but for what belongs to its member."""

    PERSONAL = frozenset({"user", "session", "COOKIES", "auth", "_messages", "META"})

    def __init__(self, request):
        self._request = request

    def __getattr__(self, attribute):
        if attribute in self.PERSONAL:
            raise PersonalValueOutsideHole(f"request.{attribute} outside a {{% hole %}}")
        return getattr(self._request, attribute)


def guards(context) -> dict:
    user = context.get("user")
    return {
        "user": Guard(
            "user", is_authenticated=user.is_authenticated, is_anonymous=user.is_anonymous
        ),
        "request": GuardedRequest(context.get("request")),
        "messages": Guard("messages"),
        "perms": Guard("perms"),
        "saved_post_ids": Guard("saved_post_ids"),
        "csrf_token": TOKEN_PLACEHOLDER,
        HOLES: [],
    }


class SkeletonNode(FragmentNode):
    def render(self, context):
        request, user = context.get("request"), context.get("user")
        wanted = self.when and self.when.resolve(context)
        if request is None or user is None or not wanted or not settings.PAGE_CACHE_SECONDS:
            return self.nodelist.render(context)
        generation = self.generation(context, request)

        def build() -> tuple:
            with context.push(guards(context)) as building:
                html = str(self.nodelist.render(context))
                holes = tuple(building[HOLES])
            parts = tuple(html.split(HOLE_MARKER))
            if len(parts) != len(holes) + 1:  # a marker escaped or dropped by a filter
                raise template.TemplateSyntaxError("A {% hole %} must not be filtered.")
            return parts, holes

        key = self.key(context, generation, user)
        try:
            parts, holes = per_generation.get_or_build_here(key, generation, build)
        except PersonalValueOutsideHole:
            # A template shows a member's own value outside its holes: this member still
            # gets their page, rendered in place, and nothing is kept.
            logger.exception("Page skeleton %s not kept", key)
            return self.nodelist.render(context)
        html = [parts[0]]
        for (hole, values), part in zip(holes, parts[1:], strict=True):
            html.append(hole.render_filled(context, values))
            html.append(part)
        page = "".join(html)
        if TOKEN_PLACEHOLDER in page:
            page = page.replace(TOKEN_PLACEHOLDER, str(context.get("csrf_token")))
        return mark_safe(page)


class HoleNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist, self.values = nodelist, values

    def render(self, context):
        holes = context.get(HOLES)
        if holes is None:
            return self.nodelist.render(context)
        holes.append((self, {name: value.resolve(context) for name, value in self.values.items()}))
        return HOLE_MARKER

    def render_filled(self, context, values: dict) -> str:
        with context.push(values):
            return str(self.nodelist.render(context))


@register.tag
def skeleton(parser, token):
    return SkeletonNode(*parse_named(parser, token, options=("when=",)))


@register.tag
def hole(parser, token):
    values = {}
    for bit in token.split_contents()[1:]:
        name, _, value = bit.partition("=")
        if not value:
            raise template.TemplateSyntaxError("{% hole %} takes name=value pairs.")
        values[name] = parser.compile_filter(value)
    nodelist = parser.parse(("endhole",))
    parser.delete_first_token()
    return HoleNode(nodelist, values)
