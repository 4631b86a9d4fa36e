"""Settings of the Bakohumas Portal.

Every value that differs between machines is read from the environment here, at the top,
through django-environ; each variable is listed with its default in `.env.example`.
A `.env` file beside `manage.py` (made by `make run`/`make test`) is read first when present;
variables already set in the environment win over it.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
ENV_FILE = Path(env.str("ENV_FILE", default=str(BASE_DIR / ".env")))
if ENV_FILE.is_file():
    env.read_env(ENV_FILE)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Local state of the embedded setup (SQLite file, file-system Celery queue, uploads).
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))
DATABASE_URL = env.str("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
# Seconds a database connection is kept between requests; health-checked before reuse.
CONN_MAX_AGE = env.int("CONN_MAX_AGE", default=600)
REDIS_URL = env.str("REDIS_URL", default="")
EMAIL_URL = env.str("EMAIL_URL", default="consolemail://")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Portal Bakohumas <noreply@localhost>")
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
# Hashed, compressed file names need `collectstatic`; on by default outside DEBUG.
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
# Set when a reverse proxy terminates TLS and sends X-Forwarded-Proto.
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
# The portal's public address, for links in e-mails sent by the worker (no request there).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "").rstrip("/")
# Largest evidence file (lampiran) a satker may upload, in megabytes.
ATTACHMENT_MAX_MB = env.int("ATTACHMENT_MAX_MB", default=10)
# WhatsApp: console (print to the worker's log), locmem (tests), fonnte, cloud, or none.
WHATSAPP_BACKEND = env.str("WHATSAPP_BACKEND", default="console" if DEBUG else "none")
FONNTE_TOKEN = env.str("FONNTE_TOKEN", default="")
FONNTE_URL = env.str("FONNTE_URL", default="https://api.fonnte.com/send")
WHATSAPP_CLOUD_TOKEN = env.str("WHATSAPP_CLOUD_TOKEN", default="")
WHATSAPP_CLOUD_PHONE_NUMBER_ID = env.str("WHATSAPP_CLOUD_PHONE_NUMBER_ID", default="")
WHATSAPP_CLOUD_TEMPLATE = env.str("WHATSAPP_CLOUD_TEMPLATE", default="bakohumas_pemberitahuan")
WHATSAPP_CLOUD_API_URL = env.str(
    "WHATSAPP_CLOUD_API_URL", default="https://graph.facebook.com/v21.0"
)
WHATSAPP_CLOUD_APP_SECRET = env.str("WHATSAPP_CLOUD_APP_SECRET", default="")
# Shared secret in the gateways' delivery-report webhook URLs (and Cloud API's verify token).
WHATSAPP_WEBHOOK_TOKEN = env.str("WHATSAPP_WEBHOOK_TOKEN", default="")
# Seconds after which a message a worker claimed but did not finish is taken back (the
# worker died); longer than any delivery task may run.
OUTBOX_CLAIM_TIMEOUT = env.int("OUTBOX_CLAIM_TIMEOUT", default=300)
# Sign-in guessing limit: this many wrong passwords for one account from one address, then a
# pause of this many minutes.
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
# Roles that must sign in with a second step (an authenticator app code); "admin" means
# superusers. Others may turn it on for themselves.
# The default asks it of nobody in development (`make run`'s demo accounts sign in with a
# password only) and of admins and reviewers everywhere else.
TWO_FACTOR_REQUIRED_FOR = env.list(
    "TWO_FACTOR_REQUIRED_FOR", default=[] if DEBUG else ["admin", "reviewer"]
)
# Minutes without a request after which a session ends (on top of its 12-hour lifetime).
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=120)
# REST API requests allowed per API token, per signed-in user (browser session) and per
# address without either, e.g. "600/minute"; DRF's n/second|minute|hour|day.
API_RATE_TOKEN = env.str("API_RATE_TOKEN", default="600/minute")
API_RATE_USER = env.str("API_RATE_USER", default="300/minute")
API_RATE_ANON = env.str("API_RATE_ANON", default="60/minute")

if not DEBUG and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set (at least 50 random characters) when DEBUG is off. "
        "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
if not DEBUG and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "SITE_URL must be set to the portal's https:// address when DEBUG is off: "
        "links in e-mails are built from it."
    )
if DEBUG and not SECRET_KEY:
    SECRET_KEY = "insecure-development-key-only-for-debug-mode-never-in-production-use"

# Applications ---------------------------------------------------------------------------

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_celery_beat",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Django REST framework and django-filter work without being installed apps, and must:
    # DRF's Indonesian catalogue words Django's own strings differently ("This field is
    # required." → "Bidang ini harus diisi.") and would change the messages of every page.
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "satker",
    "accounts",
    "workdays",
    "notifications",
    "reports",
    "reminders",
    "backups",
    "dashboards",
    "exports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for slow mobile data (static files come compressed from WhiteNoise).
    # Django adds random bytes to each compressed page against BREACH.
    "bakohumas.middleware.GZipMiddleware",
    # Refuses an oversized request before anything reads its body.
    "bakohumas.middleware.RequestSizeLimitMiddleware",
    # A request arriving while PostgreSQL restarts waits for it instead of failing.
    "bakohumas.middleware.DatabaseRetryMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "bakohumas.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.SessionLimitMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "accounts.middleware.PrivatePagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: it answers a locked-out sign-in with the portal's lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bakohumas.urls"
WSGI_APPLICATION = "bakohumas.wsgi.application"

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
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# Form widgets and field groups render from the project's templates too (templates/reports/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Data -----------------------------------------------------------------------------------

DATABASES = {"default": env.db_url_config(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # The web app, the worker and beat share one SQLite file: wait for locks, don't fail.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
    # Tests use a file, not memory, so that a real worker process can share their rows.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = CONN_MAX_AGE
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "bakohumas",
        }
    }
else:
    # On disk, so the web app and the worker on one machine share it (worker heartbeat).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# Accounts -------------------------------------------------------------------------------

AUTH_USER_MODEL = "satker.User"
AUTHENTICATION_BACKENDS = [
    # First: it refuses a locked-out username + address before a password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "satker.backends.MembershipBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link is valid for one day
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time ----------------------------------------------------------------------

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# Static and media -----------------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

ATTACHMENT_MAX_BYTES = ATTACHMENT_MAX_MB * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # form fields; files are counted separately
# The largest request the portal reads at all: one evidence file plus the report's fields.
# nginx's client_max_body_size should say the same (README, Deployment).
REQUEST_MAX_BYTES = ATTACHMENT_MAX_BYTES + DATA_UPLOAD_MAX_MEMORY_SIZE
FILE_UPLOAD_HANDLERS = [
    "uploads.handlers.SizeLimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# E-mail ---------------------------------------------------------------------------------

globals().update(env.email_url_config(EMAIL_URL))
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = "[Bakohumas] "

# Security -------------------------------------------------------------------------------

# Cookies only over https; off only for a load test over plain http (bench/deadline_rush.sh),
# which `check --deploy` then reports.
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_AGE = 60 * 60 * 12  # a working day; staff share office computers
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "accounts.views.csrf_failure"

# Every script and style is a file of the portal's own: nothing inline, nothing elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip

# Sign-in: guessing limit (django-axes) and the second step (django-otp).
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = 1 if BEHIND_TLS_PROXY else None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if BEHIND_TLS_PROXY else ["REMOTE_ADDR"]
)
OTP_TOTP_ISSUER = "Portal Bakohumas"
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = False
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a one-way commitment the province's domain owners must decide on.
    "security.W021",
]

# Celery ---------------------------------------------------------------------------------

HEARTBEAT_SECONDS = 60

CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
else:
    # kombu's file-system transport: the embedded setup needs no broker server.
    CELERY_QUEUE_DIR = VAR_DIR / "celery"
    for sub in ("queue", "processed", "control"):
        (CELERY_QUEUE_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_QUEUE_DIR / "queue"),
        "data_folder_out": str(CELERY_QUEUE_DIR / "queue"),
        "data_folder_processed": str(CELERY_QUEUE_DIR / "processed"),
        "control_folder": str(CELERY_QUEUE_DIR / "control"),
        "store_processed": False,
    }
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Seeds the admin-editable schedule (django-celery-beat copies it into the database).
CELERY_BEAT_SCHEDULE = {
    # Proves to /kesehatan/ (and the worker log) that beat and a worker are alive: without
    # them no reminder goes out, and nobody would notice.
    "detak-worker": {
        "task": "bakohumas.tasks.heartbeat",
        "schedule": HEARTBEAT_SECONDS,
    },
    # Opens the period of the month just ended. Daily and safe to repeat, so a run missed on
    # the 1st (worker down) is made up the next day.
    # Delivers what the outbox holds that no worker was asked for (broker was down), retries
    # that are due, and messages of workers that died: nothing waits more than a minute.
    "kirim-kotak-keluar": {
        "task": "notifications.tasks.deliver_due",
        "schedule": 60,
    },
    "buka-periode-pelaporan": {
        "task": "reports.tasks.open_reporting_periods",
        "schedule": crontab(hour=0, minute=5),
    },
    # The reminder sweep, every morning in WIB; on weekends and days off it does nothing, and
    # the next working day sends what fell due meanwhile (once). Editable in admin.
    "sapuan-pengingat": {
        "task": "reminders.tasks.sweep_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    # Export files older than a week go, stuck jobs are marked failed, unsent ones resent.
    "hapus-ekspor-lama": {
        "task": "exports.tasks.clean_old_exports",
        "schedule": crontab(hour=2, minute=45),
    },
    "hapus-sesi-kedaluwarsa": {
        "task": "bakohumas.tasks.clear_expired_sessions",
        "schedule": crontab(hour=2, minute=30),
    },
}
DJANGO_CELERY_BEAT_TZ_AWARE = True

# REST API (/api/v1/) --------------------------------------------------------------------

# Conventions in the `restapi` package: JSON only, one error format, tokens or the session,
# read-only tokens refused on writes, throttled per token / user / address, paged lists.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "restapi.permissions.ReadOnlyTokensOnlyRead",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["restapi.throttles.ApiRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "restapi.pagination.PageNumberPagination",
    "DEFAULT_SCHEMA_CLASS": "restapi.schema.AutoSchema",
    "EXCEPTION_HANDLER": "restapi.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "COERCE_DECIMAL_TO_STRING": False,  # numbers as numbers
    # Whose address an anonymous request is throttled by: the proxy's X-Forwarded-For only
    # behind our own proxy, else the connection's (a client could write any X-Forwarded-For).
    "NUM_PROXIES": 1 if BEHIND_TLS_PROXY else 0,
}
API_THROTTLE_RATES = {"token": API_RATE_TOKEN, "user": API_RATE_USER, "anon": API_RATE_ANON}

SPECTACULAR_SETTINGS = {
    "TITLE": "API Portal Bakohumas",
    "DESCRIPTION": (
        "Laporan bulanan Bakohumas KPU Provinsi Sumatera Utara untuk KPU RI dan sistem lain: "
        "satker, periode, laporan beserta bagian-bagiannya, lampiran dan riwayatnya. "
        "Cakupan dan aturan sama dengan halaman portal."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": True,
    "ENUM_NAME_OVERRIDES": {
        "ActivityKindEnum": "reports.models.Activity.Kind",
        "VillageKindEnum": "reports.models.Dp3Village.Kind",
        "DivisionKindEnum": "satker.models.Division.Kind",
        "ChannelEnum": "reports.models.Channel",
        "SegmentEnum": "reports.models.Segment",
        "ReportStatusEnum": "reports.models.Status",
    },
    "SWAGGER_UI_DIST": "SIDECAR",  # served from our own static files: no CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No ReDoc: its page fetches fonts and a logo from CDNs.
    "SWAGGER_UI_SETTINGS": {"persistAuthorization": False},
}

# Logging --------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Lockouts are warnings and stay; every successful sign-in is not worth a line.
        "axes": {"level": "WARNING"},
    },
}
