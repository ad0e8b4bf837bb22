"""Reading settings from the environment: small, strict helpers.

Every variable portal/settings.py reads goes through one of these, and
tests/site/test_configuration.py fails when one is missing from .env.example
or the README's configuration table.
"""

import os
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """A boolean that is neither true nor false raises: a typo must not turn HTTPS off."""
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} is not a boolean: use one of "
        f"{', '.join(sorted(TRUE_WORDS | FALSE_WORDS))}."
    )


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_choice(name: str, default: str, choices: set[str]) -> str:
    value = env(name, default).strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(sorted(choices))}.")
    return value


def mailers(url: str, *, debug: bool) -> dict:
    """MAILERS from EMAIL_URL; without one, the console in debug (decoded, so links in
    printed emails work: portal/mail.py), else a local MTA, as Django always has."""
    if url:
        return mailers_from_url(url)
    if debug:
        return {"default": {"BACKEND": "portal.mail.ReadableConsoleBackend"}}
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "localhost", "port": 25, "timeout": 10},
        }
    }


def mailers_from_url(url: str) -> dict:
    """Django 6.1's MAILERS from ``smtp://user:pass@host:587?tls=1`` (``smtps://`` for TLS),
    or ``file:///abs/folder`` (one file per email; for trials such as ``make cluster``)."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "OPTIONS": {"file_path": unquote(parts.path)},
            }
        }
    options = parse_qs(parts.query)
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": parts.hostname or "localhost",
                "port": parts.port or 25,
                "username": unquote(parts.username or ""),
                "password": unquote(parts.password or ""),
                "use_tls": options.get("tls", ["0"])[0].lower() in TRUE_WORDS,
                "use_ssl": parts.scheme == "smtps",
                "timeout": 10,
            },
        }
    }


def logging_config(log_format: str, level: str) -> dict:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {"()": "portal.logging.JsonFormatter"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": log_format}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            # WeasyPrint narrates every PDF step at INFO, fontTools every font it decodes.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }
