"""Settings for careerguide, read from environment variables only.

Every variable is parsed by a small helper that stops start-up with a message
naming the variable when its value is unusable, rather than guessing.
See the README's "Configuration" section for the full list.
"""

from __future__ import annotations

import os
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean; use one of 1/0, true/false, yes/no, on/off."
    )


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ImproperlyConfigured(f"{name} is set but lists nothing; unset it or give values.")
    return items


def env_number(name: str, default: str, *, minimum: Decimal = Decimal(0)) -> Decimal:
    raw = os.environ.get(name, default).strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a number of at least {minimum}.")
    return value


def env_url(name: str, default: str, schemes: tuple[str, ...]) -> str:
    value = os.environ.get(name, default).strip()
    scheme = value.split("://", 1)[0] if "://" in value else ""
    if scheme not in schemes:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a URL with one of the schemes {', '.join(schemes)}."
        )
    return value


def env_email(name: str, default: str) -> str:
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    value = os.environ.get(name, default).strip()
    try:
        validate_email(value)
    except ValidationError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an email address.") from None
    return value


def env_path_prefix(name: str, default: str) -> str:
    value = os.environ.get(name, default).strip()
    if not value or value.startswith("/") or not value.endswith("/") or "//" in value:
        raise ImproperlyConfigured(
            f"{name}={value!r} must be a relative path ending in '/', e.g. 'admin/'."
        )
    return value


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(for local work, `make run` turns DJANGO_DEBUG on)."
        )
    SECRET_KEY = "insecure-key-for-local-development-only"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")

ADMIN_URL = env_path_prefix("ADMIN_URL", "admin/")

# The one public address of the site (scheme and host, no trailing slash) for
# canonical links, Open Graph and JSON-LD, whichever host a request used.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
if SITE_URL:
    env_url("SITE_URL", SITE_URL, ("http", "https"))  # fails loudly on a bad value

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_htmx",
    "simple_history",
    "import_export",
    "axes",
    "django_tasks_db",
    # The three layers, each importing only those above it here.
    "core",
    "officialstats",
    "comparisons",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.csp.FixedPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache, so cached pages carry it too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Cached pages are answered here, skipping everything below.
    "core.pages.CachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.resilience.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "careerguide.urls"
WSGI_APPLICATION = "careerguide.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "builtins": ["core.templatetags.site"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_url(
            "DATABASE_URL",
            f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            ("sqlite", "postgres", "postgresql", "pgsql"),
        ),
        conn_max_age=60,
        conn_health_checks=True,
    )
}

_redis_url = os.environ.get("REDIS_URL")
if _redis_url:
    CACHES = {
        "default": {
            "BACKEND": "core.cache_backend.ReusingRedisCache",
            "LOCATION": env_url("REDIS_URL", "", ("redis", "rediss", "unix")),
            # Fail fast when Redis is down: the site then serves from the database.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Tests render pages without running collectstatic first.
WHITENOISE_USE_FINDERS = DEBUG

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Public pages stay cookie-free; the admin's cookies are locked down, and an
# editor's session ends after 8 hours or when the browser closes. Over plain
# HTTP in development, Secure and __Host- cookies would never be sent back.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
if not DEBUG:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# HTTPS only, for a year, once deployed. Behind a proxy that terminates TLS,
# DJANGO_SECURE_PROXY_SSL_HEADER names the header it sets (X-Forwarded-Proto).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# A strict Content-Security-Policy on every response: only this origin's
# files, no inline script or style (JSON-LD data blocks are not scripts), no
# framing. htmx is configured not to inject its indicator <style>.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

# Admin logins: 5 failures lock the client's IP address, and separately the
# username tried, for 30 minutes (guessing one account from many addresses is
# stopped too, at the price that anyone can lock an account for 30 minutes).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Names the deployed release in page-cache keys and ETags; by default a digest
# of the code and templates is used, which changes with every deploy.
RELEASE = os.environ.get("CAREERGUIDE_RELEASE", "").strip()

# Pages kept by the page cache: in each process's memory, up to this many
# megabytes, and in Redis (when REDIS_URL is set) for this long.
PAGE_MEMORY_BYTES = int(env_number("CAREERGUIDE_PAGE_MEMORY_MB", "64", minimum=Decimal(1))) << 20
PAGE_CACHE_SECONDS = int(env_number("CAREERGUIDE_PAGE_CACHE_SECONDS", "86400", minimum=Decimal(60)))

# How long shared caches (a CDN, a reverse proxy) may keep a public page;
# browsers always revalidate, and the app itself never serves a stale page.
SHARED_CACHE_SECONDS = int(env_number("CAREERGUIDE_SHARED_CACHE_SECONDS", "60"))

# Editors' warnings in admin: two published averages of one role that differ
# by more than this share of the larger, and sources older than this.
AVERAGE_TOLERANCE_PERCENT = env_number("CAREERGUIDE_AVERAGE_TOLERANCE_PERCENT", "10")
# A role's headline average further than this share of its linked
# occupation's BLS mean wage (see comparisons/official_checks.py).
OFFICIAL_TOLERANCE_PERCENT = env_number("CAREERGUIDE_OFFICIAL_TOLERANCE_PERCENT", "20")
SOURCE_MAX_AGE_MONTHS = int(
    env_number("CAREERGUIDE_SOURCE_MAX_AGE_MONTHS", "18", minimum=Decimal(1))
)

# Where readers report a wrong figure (the about page's mailto link). The
# default reaches no one: `manage.py check --deploy` warns until it is set.
CONTACT_EMAIL_PLACEHOLDER = "corrections@careerguide.example"
CONTACT_EMAIL = env_email("CAREERGUIDE_CONTACT_EMAIL", CONTACT_EMAIL_PLACEHOLDER)

# Background tasks (Django's Tasks framework) are kept in the database and
# run by `manage.py db_worker`, a process of its own beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Official statistics fetched for the embedded default, and releases editors
# upload, wait here for the importer (git-ignored; never served).
OFFICIALSTATS_DATA_DIR = Path(
    os.environ.get("CAREERGUIDE_WORK_DIR", "").strip() or BASE_DIR / ".data"
).resolve()
# A folder of the guidance datasets' files as their publishers publish them
# (officialstats/guidance/programs.py names each file), read-only: imports
# check each against the folder's SHA256SUMS. Unset, imports download them.
GUIDANCE_DATA_DIR = (
    Path(os.environ["CAREERGUIDE_DATA_DIR"].strip()).resolve()
    if os.environ.get("CAREERGUIDE_DATA_DIR", "").strip()
    else None
)

# Bulk imports run in a transaction: one bad row and nothing changes.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # django-axes logs every login at INFO; failures and lockouts are warnings.
    "loggers": {"axes": {"level": "WARNING"}},
}
