"""Settings for the Guro jobs portal (구로 일자리 원스톱 포털).

Every deploy-time value comes from the environment. With nothing set, the portal runs on a
SQLite file in the project folder and runs Celery tasks in-process, so a newcomer's first
command works on a bare machine.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from kombu import Queue

# PRODUCTION=true switches on what only makes sense behind HTTPS (guro_jobs/env.py, docs/DEPLOY.md).
from guro_jobs.env import PRODUCTION, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)
LOCAL_SECRET_KEY = "local-dev-only-not-secret-change-me-guro-jobs-portal"
SECRET_KEY = os.environ.get("SECRET_KEY", LOCAL_SECRET_KEY)
if PRODUCTION and SECRET_KEY == LOCAL_SECRET_KEY:
    raise ImproperlyConfigured("PRODUCTION=true needs SECRET_KEY from the environment (docs/DEPLOY.md).")
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The admin site with optional TOTP for staff and the readiness page (guro_jobs/admin_site.py).
    "guro_jobs.apps.GuroAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guro_jobs",
    "accounts",
    "references",
    "residents",
    "programs",
    "employers",
    "resumes",
    "placements",
    "reports",
    "notifications",
    "audit",
    "spreadsheets",
    "alerts",
    "casework",
    "plans",
    "interviews",
    "conversations",
]
# The vacancy search's trigram indexes (employers) and the national vacancy feed (고용24).
INSTALLED_APPS += ["django.contrib.postgres", "national"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "guro_jobs.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "guro_jobs.middleware.StaffIdleTimeoutMiddleware",
    # Staff and managers verify a TOTP device in every session (docs/DEPLOY.md §6).
    "guro_jobs.middleware.SecondFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "guro_jobs.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "guro_jobs.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes first: every authenticate(request=...) is counted, locked-out logins refused.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Residents log in with an email address or a mobile number (accounts/backends.py).
    "accounts.backends.EmailOrPhoneBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.validators.PipaPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Residents log in with their email or mobile number (accounts/backends.py).
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Korean first, English switchable (locale/ holds both catalogues).
LANGUAGE_CODE = "ko-kr"
LANGUAGES = [("ko", _("한국어")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# WhiteNoise serves static files. In production they are collected, hashed and compressed
# (collectstatic); elsewhere WhiteNoise reads them straight from the finders, no collectstatic needed.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "guro_jobs.storage.PortalStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
    # Uploaded import files: outside MEDIA_ROOT and STATIC_ROOT, never served (guro_jobs/uploads.py).
    "private_uploads": {"BACKEND": "guro_jobs.uploads.PrivateUploadStorage"},
}
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
# Front-end packages come from npm at install time (package.json) and are served by the portal.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [BASE_DIR / "static"] + [
    (prefix, NODE_MODULES / folder)
    for prefix, folder in [("krds", "krds-uiux/resources"), ("chartjs", "chart.js/dist"), ("axe", "axe-core")]
    if (NODE_MODULES / folder).is_dir()
]
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "media/"
# Uploaded import files live outside MEDIA_ROOT and STATIC_ROOT, so no web server ever serves them.
PRIVATE_UPLOAD_ROOT = Path(os.environ.get("PRIVATE_UPLOAD_ROOT", BASE_DIR / "private" / "uploads"))
IMPORT_MAX_UPLOAD_BYTES = int(os.environ.get("IMPORT_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
# Resume files (resumes/files.py): the size limit, and ClamAV's daemon when one is configured
# (a Unix socket, or a host and port); with neither, uploads are accepted and marked unscanned.
RESUME_MAX_UPLOAD_BYTES = int(os.environ.get("RESUME_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
CLAMAV_SOCKET = os.environ.get("CLAMAV_SOCKET", "")
CLAMAV_HOST = os.environ.get("CLAMAV_HOST", "")
CLAMAV_PORT = int(os.environ.get("CLAMAV_PORT", "3310"))
CLAMAV_TIMEOUT = float(os.environ.get("CLAMAV_TIMEOUT", "30"))

# Mail: console by default, SMTP when EMAIL_HOST is set.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "구로구 일자리지원과 <jobs@guro.go.kr>")

# Celery: with no broker configured, tasks run in-process (embedded default).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = int(os.environ.get("CELERY_TASK_TIME_LIMIT", "1800"))
CELERY_TASK_SOFT_TIME_LIMIT = int(os.environ.get("CELERY_TASK_SOFT_TIME_LIMIT", "1700"))
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None  # a worker waits for the broker to come back
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Redelivered after a worker dies mid-task (acks_late); longer than the hard time limit.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
    "socket_connect_timeout": 2,
}
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
# Publishing gives up quickly so a web request can say "unavailable" (guro_jobs/tasks_util.py).
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.3,
    "interval_max": 1,
}
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_TASK_TRACK_STARTED = True
CELERY_BEAT_SCHEDULE = {
    # Every night at 02:00 Seoul time (CELERY_TIMEZONE).
    "recompute-dashboards-nightly": {
        "task": "reports.recompute_all_dashboards",
        "schedule": crontab(hour=2, minute=0),
    },
    "anonymise-expired-residents": {
        "task": "residents.tasks.anonymise_expired_residents",
        "schedule": crontab(hour=3, minute=30),
    },
    # Job alerts: each saved search gets its new matching vacancies once, at night.
    "send-job-alerts": {
        "task": "alerts.tasks.send_job_alerts_task",
        "schedule": crontab(hour=2, minute=0),
    },
    # Saved vacancies (관심 공고) closing within three days: one reminder each, in the morning.
    "send-saved-vacancy-reminders": {
        "task": "alerts.tasks.send_closing_reminders_task",
        "schedule": crontab(hour=9, minute=0),
    },
    # Retention follow-ups at 1, 3, 6 and 12 months exist for every placement.
    "placements-create-due-retention-checks": {
        "task": "placements.tasks.create_due_retention_checks",
        "schedule": crontab(hour=6, minute=0),
    },
}

# The shared cache: API throttles and sign-up limits count here, so every gunicorn worker and web
# machine shares one count. CACHE_URL (Redis) if set, else the broker's Redis; local memory only
# in the embedded default (no broker), where there is one process anyway.
CACHE_URL = os.environ.get("CACHE_URL", "")
if not CACHE_URL and CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    CACHE_URL = CELERY_BROKER_URL
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "guro_jobs.cache.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "guro-cache",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
        # The admin's sidebar and staff lists' filters ({% cache … using="admin_fragments" %}):
        # the same Redis, with each worker's last reads also kept in its memory for 30 seconds.
        "admin_fragments": {
            "BACKEND": "guro_jobs.cache.WorkerMemoryRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "guro-cache",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1, "WORKER_SECONDS": 30},
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "admin_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
# The national vacancy feed (고용24 / 워크넷 채용정보 Open API): off until both are set.
NATIONAL_VACANCY_API_URL = os.environ.get("NATIONAL_VACANCY_API_URL", "")
NATIONAL_VACANCY_API_KEY = os.environ.get("NATIONAL_VACANCY_API_KEY", "")
NATIONAL_VACANCY_API_TIMEOUT = float(os.environ.get("NATIONAL_VACANCY_API_TIMEOUT", "10"))
# 구로구 and its neighbours in Seoul: 양천구, 영등포구, 금천구, 관악구 (행정구역 코드).
NATIONAL_VACANCY_REGIONS = os.environ.get("NATIONAL_VACANCY_REGIONS", "11530,11470,11560,11545,11620").split(
    ","
)
NATIONAL_VACANCY_PAGE_SIZE = int(os.environ.get("NATIONAL_VACANCY_PAGE_SIZE", "100"))
NATIONAL_VACANCY_MAX_PAGES = int(os.environ.get("NATIONAL_VACANCY_MAX_PAGES", "200"))
CELERY_BEAT_SCHEDULE["sync-national-vacancies"] = {
    "task": "national.sync_vacancies",
    "schedule": crontab(minute=20),  # hourly; does nothing while the feed is not configured
}

# The API (/api/v1/): session auth for the browser (CSRF enforced), tokens that staff issue in the
# admin for other systems; throttled per anonymous client and per user (so per token).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Tokens stop working API_TOKEN_EXPIRY_DAYS after they were issued (accounts/authentication.py).
        "accounts.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "guro_jobs.api_support.StablePageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "guro_jobs.api_support.AnonymousRateThrottle",
        "guro_jobs.api_support.PerUserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/min"),
        "user": os.environ.get("API_THROTTLE_USER", "1000/min"),
    },
    "EXCEPTION_HANDLER": "guro_jobs.api_support.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "구로 일자리 원스톱 포털 API",
    "DESCRIPTION": (
        "구로구 일자리 사업, 채용 공고, 구직자, 지원, 취업 실적, 목표와 고용 통계. "
        "Guro-gu jobs portal: programs, vacancies, residents, applications, placements, targets, "
        "labour statistics."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ProgramApplicationStatusEnum": "programs.models.ProgramApplication.Status",
        "JobApplicationStatusEnum": "placements.models.JobApplication.Status",
        "VacancyStatusEnum": "employers.models.Vacancy.Status",
        "SectorEnum": "references.choices.Sector",
        "TargetSectorEnum": "reports.models.Target.Sector",
        "EmploymentStatusEnum": "references.choices.EmploymentStatus",
        "EducationLevelEnum": "references.choices.EducationLevel",
        "EmploymentTypeEnum": "references.choices.EmploymentType",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "guro_jobs.api_support.add_error_responses",
    ],
}

# HTTPS, cookies, security headers, the Content-Security-Policy, login throttling and password
# reset limits: guro_jobs/settings_security.py.
from guro_jobs.settings_security import *  # noqa: E402, F403

# Two-factor login, mandatory for staff and managers (django-otp TOTP; docs/DEPLOY.md §6).
OTP_TOTP_ISSUER = "구로 일자리 포털"
# API tokens (issued by district staff in the admin) expire this many days after they were issued.
API_TOKEN_EXPIRY_DAYS = int(os.environ.get("API_TOKEN_EXPIRY_DAYS", "90"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# The retention period stated in the PIPA consent text (years after last activity).
RESIDENT_RETENTION_YEARS = int(os.environ.get("RESIDENT_RETENTION_YEARS", "3"))
CONSENT_TEXT_VERSION = "2026-11"

# Personal-data access log (PIPA safeguard standard Art. 8): kept at least this many years (no task
# deletes it); the monthly review flags accounts that viewed at least this many residents.
AUDIT_LOG_RETENTION_YEARS = int(os.environ.get("AUDIT_LOG_RETENTION_YEARS", "2"))
AUDIT_MANY_VIEWS_THRESHOLD = int(os.environ.get("AUDIT_MANY_VIEWS_THRESHOLD", "200"))

# Spreadsheet imports: files with more rows than this run on a Celery worker with a progress bar;
# the report page lists at most SPREADSHEET_REPORT_ROWS rows, then bad rows only.
SPREADSHEET_SYNC_ROWS = int(os.environ.get("SPREADSHEET_SYNC_ROWS", "500"))
SPREADSHEET_REPORT_ROWS = int(os.environ.get("SPREADSHEET_REPORT_ROWS", "1000"))
# An import's report keeps at most this many bad rows' messages; beyond, only their number.
SPREADSHEET_REPORT_ERRORS = int(os.environ.get("SPREADSHEET_REPORT_ERRORS", "1000"))

# Follow-ups due within this many days are listed as "확인 필요" for staff.
RETENTION_DUE_SOON_DAYS = int(os.environ.get("RETENTION_DUE_SOON_DAYS", "14"))

# A request that declares a body over the import upload limit is refused (413) before it is read.
MIDDLEWARE += ["spreadsheets.middleware.UploadSizeLimitMiddleware"]
# --- Scale-out: named queues, a read replica (docs/DEPLOY.md "More machines") ---------------
# Each kind of work has its own queue and its own worker (Procfile), so an hour-long recompute
# or import never delays a status mail. Patterns are Celery task names; the first match wins.
# `celery` (Celery's default) takes the daily maintenance tasks; the mail worker also listens to it.
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_QUEUES = [Queue(name) for name in ["celery", "dashboards", "imports", "mail", "national"]]
CELERY_TASK_ANNOTATIONS = ["guro_jobs.celery.QueueTimeLimits"]
CELERY_TASK_ROUTES = {
    "*national*": {"queue": "national"},  # the national vacancy feed
    "reports.*": {"queue": "dashboards"},
    "spreadsheets.*": {"queue": "imports"},
    "notifications.*": {"queue": "mail"},
    "alerts.*": {"queue": "mail"},
}
# Hard / soft time limit (seconds) per queue, applied to every task routed there (guro_jobs/celery.py).
MAIL_TIME_LIMIT = int(os.environ.get("CELERY_MAIL_TIME_LIMIT", "120"))
NATIONAL_TIME_LIMIT = int(os.environ.get("CELERY_NATIONAL_TIME_LIMIT", "900"))
CELERY_QUEUE_TIME_LIMITS = {
    "mail": (MAIL_TIME_LIMIT, max(MAIL_TIME_LIMIT - 20, 1)),
    "national": (NATIONAL_TIME_LIMIT, max(NATIONAL_TIME_LIMIT - 60, 1)),
    "dashboards": (CELERY_TASK_TIME_LIMIT, CELERY_TASK_SOFT_TIME_LIMIT),
    "imports": (CELERY_TASK_TIME_LIMIT, CELERY_TASK_SOFT_TIME_LIMIT),
    "celery": (CELERY_TASK_TIME_LIMIT, CELERY_TASK_SOFT_TIME_LIMIT),
}
# Optional: beat also recomputes the current year's dashboard every N seconds (unset: nightly only).
if os.environ.get("DASHBOARD_REFRESH_SECONDS"):
    CELERY_BEAT_SCHEDULE["refresh-current-dashboard"] = {
        "task": "reports.recompute_dashboard",
        "schedule": timedelta(seconds=int(os.environ["DASHBOARD_REFRESH_SECONDS"])),
    }
# The file mail backend's folder (EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend).
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]

# With DATABASE_REPLICA_URL (a PostgreSQL hot standby), dashboards, exports and public pages read
# from it; writes, and a browser's pages for REPLICA_PIN_SECONDS after it wrote, use the primary.
# A standby more than REPLICA_MAX_LAG_SECONDS behind, or down, is skipped (guro_jobs/db_router.py).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = 2
    # Tests: the replica alias reads the same test database, on the standby (Django sets NAME only).
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["guro_jobs.db_router.PrimaryReplicaRouter"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("axes.middleware.AxesMiddleware"), "guro_jobs.db_router.ReplicaReadMiddleware"
)
REPLICA_MAX_LAG_SECONDS = float(os.environ.get("REPLICA_MAX_LAG_SECONDS", "5"))
# Public pages' shared HTML fragments (guro_jobs/page_cache.py): seconds each lives at most; 0 = off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# A staff list page kept around its rows (residents/admin_kept_list.py): seconds at most; 0 = off.
ADMIN_LIST_KEPT_SECONDS = min(int(os.environ.get("ADMIN_LIST_KEPT_SECONDS", "30")), PAGE_CACHE_SECONDS)
REPLICA_PIN_SECONDS = int(os.environ.get("REPLICA_PIN_SECONDS", "15"))
REPLICA_CHECK_SECONDS = float(os.environ.get("REPLICA_CHECK_SECONDS", "2"))
# URL names (fnmatch patterns) whose reads may come from the replica.
REPLICA_READ_VIEWS = [
    "home",
    "vacancies:list",
    "vacancies:detail",
    "programs:list",
    "programs:detail",
    "reports:dashboard",
    "reports:print",
    "reports:export_*",
    "api-dashboard",
    "disclosure:*",
    "admin:*_export",
]
# An employer may correct (cancel) a hire it recorded for this many hours; after that staff correct
# it in the admin, with a reason. A retention check is refused more than this many days before its due date.
HIRE_CORRECTION_HOURS = int(os.environ.get("HIRE_CORRECTION_HOURS", "72"))
RETENTION_CHECK_EARLY_DAYS = int(os.environ.get("RETENTION_CHECK_EARLY_DAYS", "7"))
# Plans and the live dashboards (plans/, reports/live.py, reports/forecast.py).
# Seconds between a change that moves a figure and the current year's debounced recompute.
DASHBOARD_LIVE_RECOMPUTE_DELAY = int(os.environ.get("DASHBOARD_LIVE_RECOMPUTE_DELAY", "30"))
# Managers are warned when a year-end projection falls below this share of its target (%),
# and again each time it worsens by FORECAST_WARNING_STEP percentage points.
FORECAST_WARNING_SHARE = int(os.environ.get("FORECAST_WARNING_SHARE", "90"))
FORECAST_WARNING_STEP = int(os.environ.get("FORECAST_WARNING_STEP", "5"))
CELERY_BEAT_SCHEDULE["forecast-warnings-nightly"] = {
    "task": "reports.send_forecast_warnings",
    "schedule": crontab(hour=2, minute=30),
}
# The TrueType font with Hangul for the plan PDFs (Debian/Ubuntu package fonts-nanum).
PLAN_PDF_FONT = os.environ.get("PLAN_PDF_FONT", "/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
# Text messages (notifications/sms.py): the console backend logs them unless SMS_BACKEND names
# another, e.g. notifications.sms.NhnCloudSmsBackend with the NHN Cloud SMS app key, secret key
# and the sender number registered in its console.
SMS_BACKEND = os.environ.get(
    "SMS_BACKEND",
    "notifications.sms.NhnCloudSmsBackend"
    if os.environ.get("SMS_NHN_APP_KEY")
    else "notifications.sms.ConsoleSmsBackend",
)
SMS_NHN_BASE_URL = os.environ.get("SMS_NHN_BASE_URL", "https://api-sms.cloud.toast.com")
SMS_NHN_APP_KEY = os.environ.get("SMS_NHN_APP_KEY", "")
SMS_NHN_SECRET_KEY = os.environ.get("SMS_NHN_SECRET_KEY", "")
SMS_SENDER_NUMBER = os.environ.get("SMS_SENDER_NUMBER", "02-860-2114")
SMS_TIMEOUT_SECONDS = float(os.environ.get("SMS_TIMEOUT_SECONDS", "5"))
# Interviews (interviews/): the day-before reminder, hourly so a confirmed interview is reminded
# 23–24 hours ahead; the task marks each interview and time, so it never mails twice.
CELERY_TASK_ROUTES["interviews.*"] = {"queue": "mail"}
CELERY_BEAT_SCHEDULE["interview-reminders"] = {
    "task": "interviews.send_interview_reminders",
    "schedule": crontab(minute=5),
}
CELERY_BEAT_SCHEDULE["booking-reminders"] = {
    "task": "interviews.send_booking_reminders",
    "schedule": crontab(minute=10),
}
# Messages on an application (conversations/): text only, at most this many characters.
APPLICATION_MESSAGE_MAX_LENGTH = int(os.environ.get("APPLICATION_MESSAGE_MAX_LENGTH", "1000"))
