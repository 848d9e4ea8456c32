# Samskab. `make run` serves the demo; `make test` runs the whole suite. Both install first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PORT ?= 8000
VENDOR := assets/vendor
MO := locale/da/LC_MESSAGES/django.mo locale/en/LC_MESSAGES/django.mo

# The uvicorn options of every server: no `Server` header, WebSocket frames of at most 4 KiB
# (clients send nothing on them), no access log (it would tie phones' addresses to times), idle
# connections kept 75 s (longer than a proxy's upstream keep-alive and a phone's pause between
# sends: uvicorn's 5 s closed connections just as cards were sent on them).
SERVE := --no-server-header --ws-max-size 4096 --no-access-log --timeout-keep-alive 75

.PHONY: install install-dev run test imports bench bench-machine bench-process bench-workshop bench-actions bench-bank bench-documents lock audit messages system-packages clean

# Development, tests and benchmarks use the built-in development key and may load the demo
# (settings.py: SAMSKAB_DEV, SAMSKAB_DEMO); production sets neither.
run test bench bench-machine bench-process bench-workshop bench-actions bench-bank bench-documents messages: export SAMSKAB_DEV = 1
run bench bench-process bench-workshop bench-actions bench-bank bench-documents: export SAMSKAB_DEMO = 1

# What production installs: requirements.txt only.
install: $(VENV)/.installed node_modules/.installed $(VENDOR)/.copied $(MO)

# Tests, benchmarks and the audit add requirements-dev.txt.
install-dev: install $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Third-party front-end files are copied from node_modules at set-up, never committed.
$(VENDOR)/.copied: node_modules/.installed
	rm -rf $(VENDOR)
	mkdir -p $(VENDOR)/dkfds $(VENDOR)/htmx
	cp -r node_modules/dkfds/dist/css node_modules/dkfds/dist/js node_modules/dkfds/dist/fonts node_modules/dkfds/dist/img $(VENDOR)/dkfds/
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	touch $@

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(PY) -m samskab.core.compile_messages $<

# The system packages the suite needs: Chromium's headless shell for browser tests, gettext for message checks,
# Pango and fonts for WeasyPrint's PDF referat (production needs those two as well).
system-packages:
	@command -v chromium-headless-shell >/dev/null && command -v xgettext >/dev/null && /sbin/ldconfig -p | grep -q libpangoft2 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell gettext fonts-dejavu-core \
	    libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

# The demo's links and the address load_demo prints follow PORT (make run PORT=8080).
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: install
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(VENV)/bin/uvicorn samskab.asgi:application --host 127.0.0.1 --port $(PORT) $(SERVE)

# The suite on every core (pytest-xdist), with one worker more than cores: a browser test's
# worker waits for the browser's frames and the live server now and then, and the extra worker
# fills that time (README, Tests and benchmarks). Each worker has its own test database with the
# demo loaded once. Tests go to whichever worker is free (worksteal): a few browser tests take
# half a minute. `make test TEST_WORKERS=0` runs it in one process. First the live client's own tests
# (assets/tests/*.test.mjs, Node's built-in runner: no package needed).
# Python writes its bytecode for the run even where PYTHONDONTWRITEBYTECODE is set: pytest keeps
# each test module's rewritten asserts there, and rewriting them all again costs every worker
# about 7 s of CPU (the files are ignored by git).
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
test: export PYTHONDONTWRITEBYTECODE =
test: install-dev system-packages
	node --test assets/tests/
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal

# The apps' import graph (fails on a cycle between apps), then the layers contract (.importlinter).
imports: $(VENV)/.installed-dev
	$(PY) tools/import_graph.py; graph=$$?; $(VENV)/bin/lint-imports --no-logo && exit $$graph

bench: bench-machine bench-process bench-workshop bench-actions bench-bank bench-documents

# How fast this machine runs Python on one core and on all at once: the other figures are read against it.
bench-machine: install-dev
	$(PY) bench/bench_machine.py

bench-process: install-dev
	$(PY) bench/bench_process.py

# Live workshops: simulated phones over HTTP and WebSockets; one JSON line per scenario (rooms-2p needs PostgreSQL and Redis).
bench-workshop: install-dev
	$(PY) bench/bench_workshop.py

bench-actions: install-dev
	$(PY) bench/bench_actions.py

# The referat of a 150-card workshop as Word and PDF, the portfolio of 1,000 forløb as .xlsx; one JSON line.
bench-documents: install-dev
	$(PY) bench/bench_documents.py

# Erfaringsbank search and the portfolio in a generated municipality (200 units, 1,000 forløb, 100,000 items);
# one JSON line per database (PostgreSQL when 127.0.0.1:5432 answers).
bench-bank: install-dev
	$(PY) bench/bench_bank.py

# Regenerate the Python lock files: requirements.txt (production) from requirements.in, then
# requirements-dev.txt (tests, benchmarks) from requirements-dev.in, held to the first's versions.
lock:
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

# Known vulnerabilities in the locked Python and npm packages; fails on any that a newer release
# fixes (.ci/run calls it). Needs the package registries' advisory services.
audit: install-dev
	mkdir -p var
	rm -f var/pip-audit.json var/npm-audit.json
	$(PY) -m pip_audit --progress-spinner off --no-deps --disable-pip -r requirements.txt -r requirements-dev.txt \
	  --format json --output var/pip-audit.json || true
	npm audit --json > var/npm-audit.json || true
	$(PY) .ci/audit.py var/pip-audit.json var/npm-audit.json

# Refresh the translation catalogues after changing user-facing strings.
messages: install
	$(MANAGE) makemessages --locale da --locale en --ignore ".venv/*" --ignore "node_modules/*" --ignore "tests/*" --ignore "bench/*" --no-location --no-obsolete

clean:
	rm -rf $(VENV) node_modules $(VENDOR) staticfiles
