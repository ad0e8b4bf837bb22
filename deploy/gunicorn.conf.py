"""gunicorn settings for the portal: `gunicorn -c deploy/gunicorn.conf.py portal.wsgi`.

Each value can be overridden on the command line (e.g. --bind) or through the
GUNICORN_* variables below. Graceful restarts: `kill -HUP <master pid>` reloads the
code with new workers; `kill -USR2` starts a new master beside the old one (then
send the old one TERM).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers; PDFs and uploads are CPU- or IO-heavy, so no more than 2 per core.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# A request taking longer is killed (a PDF render of a large reading pack takes seconds).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
# On restart or shutdown, requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = 5  # seconds; nginx keeps connections to the upstream open
# Recycle workers now and then, at staggered times, so slow leaks never pile up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 1000))
max_requests_jitter = max_requests // 10
# Load the app in the master: workers start fast and share memory.
preload_app = True
# Only the proxy on this box may set X-Forwarded-*; Django reads them (settings.py).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Access log on stdout: client (as nginx saw it), request, status, size, time in µs.
accesslog = "-"
access_log_format = (
    '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(B)s %(D)sus "%(f)s" "%(a)s" pid=%(p)s'
)
errorlog = "-"
