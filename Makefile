# Samskab. `make run` serves the demo; `make test` runs the whole suite. Both install first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PORT ?= 8000
VENDOR := assets/vendor
MO := locale/da/LC_MESSAGES/django.mo locale/en/LC_MESSAGES/django.mo

.PHONY: install run test bench bench-process bench-workshop bench-actions bench-bank lock messages system-packages clean

install: $(VENV)/.installed node_modules/.installed $(VENDOR)/.copied $(MO)

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
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

# The system packages the suite needs: Chromium for browser tests, gettext for message checks,
# Pango and fonts for WeasyPrint's PDF referat (production needs those two as well).
system-packages:
	@command -v chromium >/dev/null && command -v xgettext >/dev/null && /sbin/ldconfig -p | grep -q libpangoft2 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium gettext fonts-dejavu-core \
	    libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

run: install
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(VENV)/bin/uvicorn samskab.asgi:application --host 127.0.0.1 --port $(PORT) --no-access-log

test: install system-packages
	$(PY) -m pytest

bench: bench-process bench-workshop bench-actions bench-bank

bench-process: install
	$(PY) bench/bench_process.py

# Live workshops: simulated phones over HTTP and WebSockets; one JSON line per scenario (rooms-2p needs PostgreSQL and Redis).
bench-workshop: install
	$(PY) bench/bench_workshop.py

bench-actions: install
	$(PY) bench/bench_actions.py

# Erfaringsbank search and the portfolio in a generated municipality (200 units, 1,000 forløb, 100,000 items);
# one JSON line per database (PostgreSQL when 127.0.0.1:5432 answers).
bench-bank: install
	$(PY) bench/bench_bank.py

# Regenerate the Python lock file from requirements.in.
lock:
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in

# Refresh the translation catalogues after changing user-facing strings.
messages: install
	$(MANAGE) makemessages --locale da --locale en --ignore ".venv/*" --ignore "node_modules/*" --ignore "tests/*" --ignore "bench/*" --no-location --no-obsolete

clean:
	rm -rf $(VENV) node_modules $(VENDOR) staticfiles
