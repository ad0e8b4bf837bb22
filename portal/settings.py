"""Settings for the portal, read from the environment in this one place.

Development needs nothing set: SQLite under var/, debug off unless DJANGO_DEBUG=1
(``make run`` sets it). Production must set DJANGO_SECRET_KEY and
DJANGO_ALLOWED_HOSTS or the portal refuses to start.
"""

from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from portal.env import (
    env,
    env_bool,
    env_choice,
    env_int,
    env_list,
    logging_config,
    mailers,
)
from portal.object_storage import local_storages, object_storage

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)

_INSECURE_KEY = "django-insecure-development-key-do-not-use-in-production"
SECRET_KEY = env("DJANGO_SECRET_KEY") or _INSECURE_KEY
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

if DEBUG:
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    if SECRET_KEY == _INSECURE_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY to at least 50 random characters (or DJANGO_DEBUG=1 "
            "for development)."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "Set DJANGO_ALLOWED_HOSTS to the host names the portal answers to, "
            "comma-separated (or DJANGO_DEBUG=1 for development)."
        )

# Where the site is reachable from outside, for links in emails, feeds and PDFs
# generated outside a request. Requests use their own host.
SITE_URL = env("PORTAL_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env("PORTAL_SITE_NAME", "Knowledge Portal")

INSTALLED_APPS = [
    "accounts",
    "posts",
    "saved",
    "comments",
    "pages",
    "portal",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    # Tracks each member's sessions so "delete my account" can end them all.
    "allauth.usersessions",
    "taggit",
    "django_htmx",
    "django_prose_editor",
    # The task queue's table, its admin and the `db_worker` command.
    "django_tasks_db",
]

MIDDLEWARE = [
    # First, so static files served by WhiteNoise get the header too.
    "portal.middleware.same_origin_resources",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, auth, CSRF and messages: a hit for an anonymous reader skips them all.
    "portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware, before any page cache: a visitor who prefers
    # another language is sent to that page first (portal/languages.py).
    "portal.languages.first_visit_language",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.languages.admin_in_member_language",
    "portal.middleware.end_idle_sessions",
    "portal.middleware.private_for_members",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
                "portal.context_processors.languages",
                "saved.context_processors.saved_posts",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
VAR_DIR = Path(env("PORTAL_VAR_DIR", str(BASE_DIR / "var")))
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
USING_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
# SQLite keeps the key of a covering index and drops its INCLUDE columns (the sitemap's
# post_sitemap_idx): a plain index there is what we want, not a warning.
SILENCED_SYSTEM_CHECKS = [] if USING_POSTGRES else ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (several app servers), else the database
# cache, which is shared by every process on one box and so fit for rate limits.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "portal.cache.PortalRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [  # Django's and allauth's, with a quicker get_user()
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "posts:latest"

# django-allauth: email only, no usernames; the fixed choices are in portal/accounts_settings.py.
from portal.accounts_settings import *  # noqa: E402,F403

# Mandatory in production: an unverified address cannot log in. Debug keeps
# "optional" so `make run` works without reading emails.
ACCOUNT_EMAIL_VERIFICATION = env_choice(
    "ACCOUNT_EMAIL_VERIFICATION",
    "optional" if DEBUG else "mandatory",
    {"none", "optional", "mandatory"},
)
SESSION_IDLE_SECONDS = env_int("PORTAL_SESSION_IDLE_MINUTES", 120) * 60
# Sessions are read from the shared cache (Redis with several servers) and written
# through to the database, so a member's page costs no session query.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Behind a reverse proxy, how many proxies to trust for the client's IP
# (allauth's rate limits key on it); 0 means REMOTE_ADDR.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("PORTAL_TRUSTED_PROXY_COUNT", 0)

# Email: console in development; EMAIL_URL=smtp://user:pass@host:587?tls=1 in production
# (smtps://… for implicit TLS); without it production hands mail to localhost:25.
EMAIL_URL = env("EMAIL_URL")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <noreply@portal.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where "contact us" on the account pages writes to (default: DEFAULT_FROM_EMAIL's address).
CONTACT_EMAIL = env("PORTAL_CONTACT_EMAIL", parseaddr(DEFAULT_FROM_EMAIL)[1])
MAILERS = mailers(EMAIL_URL, debug=DEBUG)

# Background work goes through django.tasks. In debug (`make run`) the immediate
# backend runs it in the request, so no worker is needed; otherwise django-tasks-db
# keeps tasks in the database for `manage.py run_worker` (see portal/worker.py).
TASKS_BACKEND = env(
    "TASKS_BACKEND",
    "django.tasks.backends.immediate.ImmediateBackend"
    if DEBUG
    else "django_tasks_db.DatabaseBackend",
)
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
# A failed task is run again this many times in all (with a growing pause) before it
# stays failed in the admin; a task whose worker vanished is taken back after this long.
TASKS_MAX_ATTEMPTS = env_int("PORTAL_TASKS_MAX_ATTEMPTS", 3)
TASKS_STALE_MINUTES = env_int("PORTAL_TASKS_STALE_MINUTES", 30)

# The interface languages (each with a catalogue in locale/, see CONTRIBUTING).
# English pages have no prefix; the others live under /ru/, /ka/, ... (portal/urls.py).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("ro", _("Romanian")),
    ("sr-latn", _("Serbian (Latin)")),
    ("sq", _("Albanian")),
    ("ka", _("Georgian")),
    ("hy", _("Armenian")),
]
# The portal's own strings first, then what allauth and Django lack in some languages.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_libraries"]
# Dates, numbers and sizes follow each language's formats (Django's, plus portal/formats/).
FORMAT_MODULE_PATH = ["portal.formats"]
# A visitor's choice is remembered for a year; members also keep it on their profile.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = env("PORTAL_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
# Attachments live outside MEDIA_ROOT with no public URL: the download view checks
# visibility before serving them.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
PDF_ROOT = Path(env("PORTAL_PDF_ROOT", str(VAR_DIR / "pdfs")))
STORAGES = local_storages(
    PRIVATE_MEDIA_ROOT,
    PDF_ROOT,
    "django.contrib.staticfiles.storage.StaticFilesStorage"
    if DEBUG
    else "whitenoise.storage.CompressedManifestStaticFilesStorage",
)
# Object storage (any S3-compatible server) for several app servers: portal/object_storage.py.
S3_MEDIA_BUCKET = env("PORTAL_S3_MEDIA_BUCKET")
if S3_MEDIA_BUCKET:
    MEDIA_URL, s3_storages = object_storage(S3_MEDIA_BUCKET)
    STORAGES.update(s3_storages)
# Django serves /media/ itself (a small box without a web server for it); only for
# media on local disk: on S3 the bucket's URL is used.
SERVE_MEDIA = env_bool("PORTAL_SERVE_MEDIA", DEBUG) and not S3_MEDIA_BUCKET
# Static files are for this site only: no "Access-Control-Allow-Origin: *".
WHITENOISE_ALLOW_ALL_ORIGINS = False

FILE_UPLOAD_PERMISSIONS = 0o644

# Content Security Policy: nothing inline, everything from this origin. Public pages
# are shared through the page cache, so their scripts are files and they never use
# the nonce (Django leaves it out of the header then). Only the admin does: the
# rich-text editor's import map is an inline <script type="importmap">.
# One exception by hash: the admin's rich-text editor (Tiptap inside
# django-prose-editor 0.28) injects its fixed base stylesheet as a <style>; the
# hash allows exactly that text. Re-check it in the browser when upgrading.
TIPTAP_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, TIPTAP_STYLE_HASH],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
}
if MEDIA_URL.startswith(("http://", "https://")):
    # Media served from the bucket's own address or a CDN: pictures may come from there.
    SECURE_CSP["img-src"].append("/".join(MEDIA_URL.split("/", 3)[:3]))

# Security headers; HTTPS settings switch on outside debug.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the form, not the cookie
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"  # a page in the site's design
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # The proxy in front (deploy/nginx-*.conf) sets X-Forwarded-Proto itself, overwriting
    # what a client sent, so the header can be trusted. USE_X_FORWARDED_HOST stays off:
    # nginx passes the Host header through unchanged and ALLOWED_HOSTS checks it.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Off only for plain-HTTP trials such as `make cluster`: browsers drop secure
    # cookies over http://, so nobody could log in.
    SESSION_COOKIE_SECURE = env_bool("PORTAL_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
    if SESSION_COOKIE_SECURE:
        # __Host- cookies must be Secure, for Path=/ and without Domain: no
        # subdomain can set or overwrite them.
        SESSION_COOKIE_NAME = "__Host-sessionid"
        CSRF_COOKIE_NAME = "__Host-csrftoken"
        LANGUAGE_COOKIE_NAME = "__Host-django_language"
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

TAGGIT_CASE_INSENSITIVE = True
# Topics are separated by commas only: "Climate adaptation" is one topic, not two.
TAGGIT_TAGS_FROM_STRING = "posts.topics.parse_topics"
TAGGIT_STRING_FROM_TAGS = "posts.topics.format_topics"

# The portal's own tunables (trending, PDFs, comments, uploads, page cache): portal/tunables.py.
from portal.tunables import *  # noqa: E402,F403

LOGGING = logging_config(
    env_choice("PORTAL_LOG_FORMAT", "plain", {"plain", "json"}), env("PORTAL_LOG_LEVEL", "INFO")
)
