from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from posts import sitemaps

from . import languages, theme, views

admin.site.site_header = _("Portal administration")
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Editorial desk")
# The admin logs in through the portal's login, so allauth's rate limits
# (ACCOUNT_RATE_LIMITS) guard it too; its own form would take endless guesses.
admin.site.login = secure_admin_login(admin.site.login)

# Pages readers see carry their language: English unprefixed, the others under
# /ru/, /ka/, ... (see portal/languages.py). The admin, the sitemap, robots.txt,
# health checks and the language switch itself have one address.
urlpatterns = [
    # Django's set_language, which also keeps a member's choice on the profile.
    path("i18n/setlang/", languages.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    # The sitemap protocol caps a file at 50,000 URLs: an index names one file per section
    # and page (posts by ranges of PostSitemap.limit ids, posts/sitemaps.py).
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.section, name="sitemap_section"),
    path("theme/", theme.set_theme, name="theme"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
]
urlpatterns += i18n_patterns(
    path("", include("posts.urls")),
    path("", include("saved.urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("comments/", include("comments.urls")),
    path("pages/", include("pages.urls")),
    prefix_default_language=False,
)

# Public media on local disk, served by Django itself when no web server does it.
# Not django.conf.urls.static.static(): that adds nothing with debug off.
if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$",
            views.serve_media,
            {"document_root": settings.MEDIA_ROOT},
            name="media",
        )
    )

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
# allauth's rate limits (sign-up, password reset floods) answer with this page.
handler429 = "portal.views.too_many_requests"
