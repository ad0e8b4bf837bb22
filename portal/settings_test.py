"""Settings for the test suite: pyproject.toml names this module for pytest.

The suite runs with production settings (debug off), made hermetic: a fixed test
key and hosts, fast hashing, an in-memory cache and mailbox, plain static files
(manifest names 404 under live_server) and no HTTPS redirects on the test client.
"""

import os

os.environ["DJANGO_DEBUG"] = "0"
os.environ["DJANGO_SECRET_KEY"] = "tests-only-" + "k" * 60
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost,127.0.0.1,[::1]"

from portal.object_storage import local_storages
from portal.settings import *  # noqa: F403
from portal.settings import VAR_DIR

ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
SITE_URL = "http://testserver"  # PDFs link to it: the test client's host
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
# __Host- names need Secure cookies, which the test client and live_server (http) lack.
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
LANGUAGE_COOKIE_NAME = "django_language"
SECURE_HSTS_SECONDS = 0

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
MEDIA_ROOT = VAR_DIR / "test-media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private"
# Local folders whatever the environment says; tests/storage/ switches to S3 itself.
MEDIA_URL = "/media/"
PDF_ROOT = VAR_DIR / "test-pdfs"
STORAGES = local_storages(
    PRIVATE_MEDIA_ROOT, PDF_ROOT, "django.contrib.staticfiles.storage.StaticFilesStorage"
)
LANGUAGE_COOKIE_SECURE = False
# Tasks run in the request, so a test sees their effects at once.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
