"""Tasks of the portal itself (the apps keep theirs in their own tasks.py)."""

import time

from django.conf import settings
from django.tasks import task


@task
def canary(name: str, seconds: float = 0) -> str:
    """Proves the queue works end to end: waits, then writes a file under
    PORTAL_VAR_DIR/canary/. `manage.py run_worker --help` explains its use."""
    time.sleep(min(seconds, 60))
    folder = settings.VAR_DIR / "canary"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{''.join(c for c in name if c.isalnum() or c in '-_') or 'canary'}.done"
    target.write_text(str(time.time()))
    return str(target)
