"""Samskab settings: one file, configured by environment variables.

SQLite (WAL mode) is the embedded default; production sets DATABASE_URL (PostgreSQL)
and REDIS_URL (cache, and later live workshops across processes).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str = "False") -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.environ.get(name, default))


def envsecret(name: str, default: str = "") -> str:
    """Read NAME, or the contents of the file named by NAME_FILE (for Docker/systemd secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name, default)


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG")
# Production: behind TLS, with the secure cookie and HSTS settings below.
SECURE = envbool("SECURE", "False")
# Development and tests (make run, make test, make bench, the test settings) say so with
# SAMSKAB_DEV=1; only then is a missing SECRET_KEY replaced by a fixed development key, which
# `manage.py check --deploy` reports (security.W009). Anything else refuses to start without one.
DEV = envbool("SAMSKAB_DEV")
SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY:
    if SECURE or not DEV:
        raise RuntimeError(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set; only development (SAMSKAB_DEV=1) has a built-in key."
        )
    SECRET_KEY = "django-insecure-development-key-of-samskab-never-use-in-production"
# Demo Kommune (manage.py load_demo, generate_municipality) creates accounts with a published
# password: only in an installation that says it is a demo (make run sets SAMSKAB_DEMO=1).
DEMO = envbool("SAMSKAB_DEMO")

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "samskab.core",
    "samskab.accounts",
    "samskab.organisations",
    "samskab.administration",
    "samskab.signin",
    "samskab.audit",
    "samskab.processes",
    "samskab.rounds",
    "samskab.workshops",
    "samskab.anchoring",
    "samskab.decisions",
    "samskab.communication",
    "samskab.actionplan",
    "samskab.reports",
    "samskab.comparison",
    "samskab.bank",
    "samskab.portfolio",
    "samskab.ideas",
    "samskab.network",
    "samskab.privacy",
    "samskab.demo",
    "samskab.accounts.admin_site.InstallationAdminConfig",  # the Django admin, for superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "samskab.core.middleware.security_headers",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "samskab.core.middleware.danish_first",
    # After the language is chosen (the 413 page is in the person's language), before anything reads the body.
    "samskab.core.body_limit.refuse_large_bodies",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "samskab.accounts.second_factor.second_factor_required",
    # Records downloads, refusals and settings saved, and keeps the request for the audit trail.
    "samskab.audit.middleware.audit_trail",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: answers a refused sign-in (samskab/accounts/throttling.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samskab.urls"
ASGI_APPLICATION = "samskab.asgi.application"
WSGI_APPLICATION = "samskab.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "samskab" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samskab.organisations.context_processors.site",
            ],
        },
    },
]

# Database: SQLite in WAL mode by default, PostgreSQL through DATABASE_URL.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", "0"))}
    # Connections are not kept between requests (DB_CONN_MAX_AGE=0); a pool saves PostgreSQL's
    # connection set-up (several ms) on each one, in the request thread and the sockets'. DB_POOL=0
    # turns it off (needed for DB_CONN_MAX_AGE, or behind PgBouncer in transaction mode).
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and envbool("DB_POOL", "True"):
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 2,
            "max_size": envint("DB_POOL_SIZE", "10"),
            "timeout": 10,
        }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "var" / "samskab.sqlite3")),
            # Kept open: requests run in one long-lived thread (samskab/asgi.py), and opening
            # SQLite with its pragmas costs more than a small request.
            "CONN_MAX_AGE": None,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
# Local passwords (refused where a municipality turned them off), then single sign-on's sessions.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a sign-in while it is throttled
    "samskab.signin.backends.PasswordBackend",
    "samskab.signin.backends.FederatedBackend",
]
# The SAML service provider's key pair (PEM), signing and encryption, for the whole installation:
# SAML_SP_KEY_FILE / SAML_SP_CERT_FILE name the files (or SAML_SP_KEY / SAML_SP_CERT hold them).
SAML_SP_KEY = envsecret("SAML_SP_KEY")
SAML_SP_CERT = envsecret("SAML_SP_CERT")
LOGIN_REDIRECT_URL = "processes:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"
# Backends that check a local password: sign-ins through them owe the TOTP step (accounts/second_factor.py).
PASSWORD_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "samskab.signin.backends.PasswordBackend"]
# TOTP is required of administrators and central konsulenter who sign in with a password; the demo
# (SAMSKAB_DEMO=1) does not require it, so its published logins stay one step.
TOTP_REQUIRED = envbool("TOTP_REQUIRED", "False" if DEMO else "True")
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Samskab")

# Throttled sign-in (samskab/accounts/throttling.py, django-axes): failures per account and per
# address before a wait of LOGIN_COOLOFF_MINUTES, doubled by each further failure (at most a day).
LOGIN_FAILURES_PER_ACCOUNT = envint("LOGIN_FAILURES_PER_ACCOUNT", "5")
LOGIN_FAILURES_PER_ADDRESS = envint("LOGIN_FAILURES_PER_ADDRESS", "50")
LOGIN_COOLOFF_MINUTES = envint("LOGIN_COOLOFF_MINUTES", "15")
AXES_FAILURE_LIMIT = LOGIN_FAILURES_PER_ACCOUNT
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own; the order matters to the handler
AXES_HANDLER = "samskab.accounts.throttling.ThrottleHandler"
AXES_COOLOFF_TIME = "samskab.accounts.throttling.cooloff"
AXES_USERNAME_CALLABLE = "samskab.accounts.throttling.username_of"
AXES_LOCKOUT_CALLABLE = "samskab.accounts.throttling.refused"
AXES_CLIENT_STR_CALLABLE = "samskab.accounts.throttling.client_str"
AXES_DISABLE_ACCESS_LOG = True  # no record of successful sign-ins (nor their addresses)
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Password-reset requests per address and per email address typed, in PASSWORD_RESET_WINDOW seconds.
PASSWORD_RESETS_PER_ADDRESS = envint("PASSWORD_RESETS_PER_ADDRESS", "20")
PASSWORD_RESETS_PER_EMAIL = envint("PASSWORD_RESETS_PER_EMAIL", "3")
PASSWORD_RESET_WINDOW = envint("PASSWORD_RESET_WINDOW", "3600")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Danish first, English second.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "assets"]
# Serve static files from the app process (make run, tests). Behind a reverse proxy, set it off.
SERVE_STATIC = envbool("SERVE_STATIC", "True")

# Email: console by default, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = envint("EMAIL_PORT", "587")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "True")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samskab <noreply@samskab.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if SECURE and not EMAIL_HOST:
    # Without a mail server, password-reset links would be printed to the server's log.
    raise RuntimeError("EMAIL_HOST must be set in production (SECURE=1): password-reset links are sent by email.")

# Security. Behind TLS (production) these are switched on by SECURE=1.
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE and envbool("SECURE_SSL_REDIRECT", "True")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000") if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "samskab.core.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(8 * 3600))
# How long the audit trail is kept (manage.py purge deletes older events), the same for every municipality.
AUDIT_RETENTION_MONTHS = envint("AUDIT_RETENTION_MONTHS", "24")

# Request bodies: the largest upload (an Excel import of at most 5 MiB) with its form fits in
# MAX_REQUEST_BODY; a larger body is refused before it is read (core/body_limit.py). The reverse
# proxy should refuse it first (nginx: client_max_body_size 6m).
MAX_REQUEST_BODY = envint("MAX_REQUEST_BODY", str(6 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Live workshops' sockets: clients send nothing, so a frame above WS_MAX_FRAME closes the socket
# (uvicorn --ws-max-size says the same before the frame is read); a participant's phone or a
# user may hold at most WS_PER_HOLDER sockets of a workshop at once (tabs, reconnects).
WS_MAX_FRAME = envint("WS_MAX_FRAME", "4096")
WS_PER_HOLDER = envint("WS_PER_HOLDER", "6")

# The ASGI server's threads for requests (samskab/core/lanes.py): the phone lane runs everything
# but the slow lane's logins, password changes, documents, imports and search. A thread keeps
# its database connection, so each lane holds at most this many connections per process. Few
# phone threads: they share one core through the interpreter lock, and a burst of small writes
# is answered sooner one after another than side by side.
REQUEST_THREADS = envint("REQUEST_THREADS", "2")
SLOW_REQUEST_THREADS = envint("SLOW_REQUEST_THREADS", "2")
# PDFs are printed in this many processes of their own (core/pdf_process.py); 0: in the request thread.
PDF_PROCESSES = envint("PDF_PROCESSES", "1")

# manage.py sync_organisation: OS2mo's GraphQL endpoint (e.g. https://os2mo.kommune.dk/graphql/v22) and a
# Keycloak client with client credentials (token URL e.g. https://os2mo.kommune.dk/auth/realms/mo/protocol/openid-connect/token).
OS2MO_URL = os.environ.get("OS2MO_URL", "")
OS2MO_TOKEN_URL = os.environ.get("OS2MO_TOKEN_URL", "")
OS2MO_CLIENT_ID = os.environ.get("OS2MO_CLIENT_ID", "")
OS2MO_CLIENT_SECRET = envsecret("OS2MO_CLIENT_SECRET")

# Domain settings
SILENT_AFTER_DAYS_DEFAULT = 60

# Wrong workshop join codes allowed per window (seconds): per browser session, per address
# (a whole room on guest Wi-Fi shares one), and from everybody together.
JOIN_TRIES_WINDOW = envint("JOIN_TRIES_WINDOW", "600")
JOIN_TRIES_PER_SESSION = envint("JOIN_TRIES_PER_SESSION", "10")
JOIN_TRIES_PER_ADDRESS = envint("JOIN_TRIES_PER_ADDRESS", "300")

# Live workshops (samskab/workshops/live_hub.py): changes of one workshop are sent together at
# most every LIVE_WINDOW_MS, and less often while the process is behind, at most every
# LIVE_WINDOW_MAX_MS (live_pace.py; the same value turns that off); a socket with
# LIVE_QUEUE_SIZE messages not yet written is too slow and is closed (its client catches up).
# With REDIS_URL, keys and channel start with the prefix.
LIVE_WINDOW_MS = envint("LIVE_WINDOW_MS", "100")
LIVE_WINDOW_MAX_MS = envint("LIVE_WINDOW_MAX_MS", "300")
LIVE_QUEUE_SIZE = envint("LIVE_QUEUE_SIZE", "64")
LIVE_REDIS_PREFIX = os.environ.get("LIVE_REDIS_PREFIX", "samskab:live:")

# No IP address in any log (core/log_filters.py): uvicorn's server logger writes each WebSocket
# with the client's address even without an access log; keep the access log off (--no-access-log).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_addresses": {"()": "samskab.core.log_filters.WithoutAddresses"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["without_addresses"]}},
    # uvicorn's access log too: it must stay off (--no-access-log), but if someone turns it on, no address.
    "loggers": {"uvicorn.error": {"filters": ["without_addresses"]}, "uvicorn.access": {"filters": ["without_addresses"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

FORM_RENDERER = "samskab.core.forms.FormRenderer"
