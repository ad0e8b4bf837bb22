"""A tiny registry for "download my data".

Each app that keeps something about a member registers a function in its
AppConfig.ready(); accounts then never imports those apps. A function takes
the user and returns JSON-serialisable data, stored under its name.
"""

from collections.abc import Callable
from typing import Any

Exporter = Callable[[Any], Any]

_exporters: dict[str, Exporter] = {}


def register_exporter(name: str, fn: Exporter) -> None:
    _exporters[name] = fn


def registered_exporters() -> dict[str, Exporter]:
    return dict(_exporters)


def export_user_data(user) -> dict[str, Any]:
    data: dict[str, Any] = {
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "public_name": user.public_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in user.emailaddress_set.order_by("-primary", "email")
            ],
        }
    }
    for name, fn in sorted(_exporters.items()):
        data[name] = fn(user)
    return data
