"""Configuration lives in one place and is documented: every variable settings read."""

import ast
import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_choice, env_int

ROOT = Path(__file__).resolve().parents[2]
READERS = {"env", "env_bool", "env_int", "env_list", "env_choice"}


def variables_read_by(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in READERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(node.args[0].value)
    return names


def documented_in_env_example() -> set[str]:
    names = set()
    for line in (ROOT / ".env.example").read_text().splitlines():
        line = line.lstrip("# ").strip()
        if "=" in line and line.split("=", 1)[0].isupper():
            names.add(line.split("=", 1)[0])
    return names


def documented_in_readme() -> set[str]:
    text = (ROOT / "README.md").read_text()
    table = text[text.index("## Configuration") :]
    return set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table))


# The modules the settings are read in: settings.py and the two it delegates to.
SETTINGS_MODULES = ["settings.py", "tunables.py", "object_storage.py"]
SETTINGS_VARIABLES = set().union(
    *(variables_read_by(ROOT / "portal" / name) for name in SETTINGS_MODULES)
)


def test_the_settings_read_variables_at_all():
    # Guards the scan itself: an AST change that finds nothing would pass everything below.
    assert {
        "DJANGO_SECRET_KEY",
        "TASKS_BACKEND",
        "PORTAL_COMMENTS_MAX_LENGTH",
    } <= SETTINGS_VARIABLES
    assert "PORTAL_S3_ENDPOINT_URL" in SETTINGS_VARIABLES


def test_every_variable_the_settings_read_is_in_env_example():
    assert SETTINGS_VARIABLES - documented_in_env_example() == set()


def test_every_variable_the_settings_read_is_in_the_readme():
    assert SETTINGS_VARIABLES - documented_in_readme() == set()


def test_env_example_documents_nothing_the_settings_do_not_read():
    assert documented_in_env_example() - SETTINGS_VARIABLES == set()


@pytest.mark.parametrize("value", ["ture", "enabled", "2", "nope"])
def test_a_boolean_that_is_neither_true_nor_false_refuses(monkeypatch, value):
    monkeypatch.setenv("DJANGO_SECURE_SSL_REDIRECT", value)

    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECURE_SSL_REDIRECT"):
        env_bool("DJANGO_SECURE_SSL_REDIRECT", True)


@pytest.mark.parametrize(
    ("value", "expected"), [("1", True), ("Yes", True), ("off", False), ("", True)]
)
def test_booleans_accept_the_usual_words(monkeypatch, value, expected):
    monkeypatch.setenv("DJANGO_SECURE_SSL_REDIRECT", value)

    assert env_bool("DJANGO_SECURE_SSL_REDIRECT", True) is expected


def test_a_number_that_is_not_a_number_refuses(monkeypatch):
    monkeypatch.setenv("PORTAL_COMMENTS_PER_PAGE", "twenty")

    with pytest.raises(ImproperlyConfigured, match="PORTAL_COMMENTS_PER_PAGE"):
        env_int("PORTAL_COMMENTS_PER_PAGE", 20)


def test_a_choice_outside_its_options_refuses(monkeypatch):
    monkeypatch.setenv("ACCOUNT_EMAIL_VERIFICATION", "sometimes")

    with pytest.raises(ImproperlyConfigured, match="ACCOUNT_EMAIL_VERIFICATION"):
        env_choice("ACCOUNT_EMAIL_VERIFICATION", "optional", {"none", "optional", "mandatory"})
