"""allauth adapter: where the portal's rules differ from allauth's defaults."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext_lazy

from .redirects import is_safe_next


class AccountAdapter(DefaultAccountAdapter):
    def is_safe_url(self, url: str) -> bool:
        # Stricter than allauth: this very host only, not every ALLOWED_HOSTS entry.
        return is_safe_next(context.request, url)

    def get_login_redirect_url(self, request):
        # Used when the login names no `next`: a feature that sent the visitor to log
        # in (saved: a Save pressed while logged out) says where they pressed it.
        return_to = getattr(request, "login_return_to", None)
        if is_safe_next(request, return_to):
            return return_to
        return super().get_login_redirect_url(request)

    def post_login(self, request, user, **kwargs):
        # The login message welcomes a member who just signed up as new, not "back".
        user.just_signed_up = bool(kwargs.get("signup"))
        return super().post_login(request, user, **kwargs)

    def get_http_user_agent(self, request) -> str:
        # allauth's fallback, "Unspecified", is English in every language's email.
        return request.META.get("HTTP_USER_AGENT") or pgettext_lazy("browser", "not given")

    def send_mail(self, template_prefix, email, context):
        # A member hears from us in the language they chose; visitors in the page's.
        user = context.get("user")
        language = getattr(user, "language", "") or translation.get_language()
        with translation.override(language):
            return super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        """Every email goes out as plain text and HTML.

        The wording lives once, in the .txt templates; the HTML part is that
        text (links made clickable) inside the portal's email layout.
        """
        message = super().render_mail(template_prefix, email, context, headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            html = render_to_string(
                "account/email/layout.html",
                {
                    "subject": message.subject,
                    "SITE_NAME": settings.SITE_NAME,
                    # urlize escapes the text; linebreaks only adds <p> and <br>.
                    "body_html": mark_safe(
                        linebreaks(urlize(message.body, autoescape=True), autoescape=False)
                    ),
                },
            )
            message.attach_alternative(html, "text/html")
        return message

    def save_user(self, request, user, form, commit=True):
        # The public name asked for at sign-up (accounts.forms.SignupForm).
        user.display_name = form.cleaned_data.get("display_name", "").strip()
        return super().save_user(request, user, form, commit)

    def populate_username(self, request, user):
        # The User model has no username; nothing to fill in.
        return None
