"""Reading the environment, for the settings (guro_jobs/settings.py and settings_security.py)."""

import os


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# PRODUCTION=true switches on everything that only makes sense behind HTTPS (redirect, HSTS,
# secure cookies, hashed static files). It is off by default so `make demo` works over plain
# http on 127.0.0.1; docs/DEPLOY.md lists the production environment.
PRODUCTION = env_bool("PRODUCTION", default=False)
