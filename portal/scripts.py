"""Script tags with Subresource Integrity, for the portal's own static scripts.

The hash is of the file as it is served (from the static storage, or the
finders in development), computed once per process. A proxy or CDN that
altered a script would have the browser refuse it.
"""

import base64
import hashlib
from functools import lru_cache

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage


@lru_cache(maxsize=64)
def integrity(path: str) -> str:
    found = finders.find(path)
    if found:
        with open(found, "rb") as source:
            content = source.read()
    else:
        with staticfiles_storage.open(path) as source:
            content = source.read()
    return "sha384-" + base64.b64encode(hashlib.sha384(content).digest()).decode()
