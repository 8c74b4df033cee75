"""gunicorn settings: `gunicorn -c guro_jobs/gunicorn.conf.py` (Procfile, docs/DEPLOY.md).
Every value can be overridden from the environment or the command line."""

import multiprocessing
import os

wsgi_app = "guro_jobs.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")  # the reverse proxy talks to this
# Sync workers: each holds one persistent database connection (CONN_MAX_AGE).
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 9)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never take the portal down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Only the local reverse proxy may set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"  # heartbeat files off the disk
