"""``{% fragment %}``: HTML that is the same for every member, rendered once per generation.

A member's page cannot come from the shared page cache: it carries their CSRF
token, name and choices. Most of it is still the same for every member (a
post's text, its comment thread with Reply and Report forms, the language
switch, an empty comment form), so those parts are kept per generation with a
placeholder where the CSRF token goes, and each request fills in its own.

    {% fragment "comment_thread" post.pk page.number when=thread_shared %}…{% endfragment %}

The key holds the name, the values after it, the content generation (any change
to what public pages show makes every fragment stale, portal.generations), the
language and whether the reader is signed in; portal.per_generation keeps it.
``when`` false renders in place without the cache. ``fills`` names values that
differ on every render (a form's one-time token): a dict of name -> this
render's value, each kept as a placeholder and filled in per request.
``prepare`` is called before a fragment is built, not when it is found: a list
fetches its cards' authors and topics only when some card needs them.

Only for HTML with nothing of one reader's in it but the token and the fills:
the caller's ``when`` and values must say so.
"""

import hashlib

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal import generations, per_generation

register = template.Library()

# Stands in for the CSRF token while the fragment is rendered for the cache: it
# survives HTML escaping unchanged and no real token can contain it (tokens are
# letters and digits only).
TOKEN_PLACEHOLDER = "csrf-token-of-this-request"
# The holes met while a page skeleton is built (portal.templatetags.skeletons): none
# inside a fragment, which is shared with every member.
HOLES = "_skeleton_holes"


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, options):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on
        self.when, self.fills = options.get("when"), options.get("fills")
        self.prepare = options.get("prepare")

    def key(self, context, generation, user) -> str:
        parts = [str(value.resolve(context)) for value in self.vary_on]
        parts += [get_language(), str(user.is_authenticated)]
        digest = hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()
        return f"portal:fragment:{self.name.resolve(context)}:{generation}:{digest}"

    @staticmethod
    def generation(context, request) -> int:
        """The page's own reading when it has one (its fragments then match the post it
        shows), else one reading per request. Read early, so anything rendered later is
        at least as new as the generation it is kept under."""
        generation = context.get("generation") or getattr(request, "_fragments_generation", None)
        if generation is None:
            generation = request._fragments_generation = generations.current()
        return generation

    def render(self, context):
        # Error pages may render without a request (and its context processors): not kept.
        # A page rendered before authentication has the anonymous user: kept as theirs.
        request, user = context.get("request"), context.get("user")
        if request is None or user is None or not settings.PAGE_CACHE_SECONDS:
            return self.nodelist.render(context)
        if self.when and not self.when.resolve(context):
            return self.nodelist.render(context)
        generation = self.generation(context, request)

        fills = self.fills.resolve(context) if self.fills else {}

        def build() -> str:
            if self.prepare:
                self.prepare.resolve(context)  # a callable: the template engine calls it
            with context.push({"csrf_token": TOKEN_PLACEHOLDER, HOLES: None}):
                html = str(self.nodelist.render(context))
            for name, value in fills.items():
                html = html.replace(value, f"fragment-fill-{name}")
            return html

        html = per_generation.get_or_build(self.key(context, generation, user), generation, build)
        for name, value in fills.items():
            html = html.replace(f"fragment-fill-{name}", value)
        if TOKEN_PLACEHOLDER in html:
            # Asked only where a form needs it: a page without one must not get a CSRF cookie.
            html = html.replace(TOKEN_PLACEHOLDER, str(context.get("csrf_token")))
        return mark_safe(html)


def parse_named(parser, token, options=("when=", "fills=", "prepare=")) -> tuple:
    """{% tag name value… option=value… %}…{% endtag %}: the nodelist, name, values, options."""
    tag, *bits = token.split_contents()
    if not bits:
        raise template.TemplateSyntaxError(f"{{% {tag} %}} needs a name.")
    found = {}
    while bits and bits[-1].startswith(options):
        option, value = bits.pop().split("=", 1)
        found[option] = parser.compile_filter(value)
    nodelist = parser.parse((f"end{tag}",))
    parser.delete_first_token()
    name, *vary_on = (parser.compile_filter(bit) for bit in bits)
    return nodelist, name, vary_on, found


@register.tag
def fragment(parser, token):
    return FragmentNode(*parse_named(parser, token))
