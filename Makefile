# Two commands matter: `make run` (try the portal) and `make test` (the whole suite).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install check-system migrate demo lint format clean serve browser-tools cluster cluster-down cluster-status bench messages po-status

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' || \
		{ echo "Python 3.12 or newer is needed (found $$($(PYTHON) --version)). Set PYTHON=/path/to/python3.12."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Translations: the .po files are in git, the .mo files are built from them here.
# `make messages` refreshes every .po from the source (new strings arrive empty);
# translate them, then `bin/po-status` and tests/site/test_translations.py check.
TRANSLATED := ru uk ro sr_Latn sq ka hy  # as portal/catalogues.py
PO_FILES := $(foreach lang,$(TRANSLATED),locale/$(lang)/LC_MESSAGES/django.po)
# allauth's and Django's strings they ship no translation for, in some languages.
LIBRARY_PO_FILES := $(wildcard locale_libraries/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo) $(LIBRARY_PO_FILES:.po=.mo)

install: $(STAMP) check-system $(MO_FILES)

%.mo: %.po
	msgfmt --check-format -o $@ $<

messages: $(STAMP)
	$(BIN)/python bin/po-status --update

po-status: $(STAMP)
	@$(BIN)/python bin/po-status

# WeasyPrint needs Pango from the system; say so plainly instead of failing deep in a test.
check-system: $(STAMP)
	@$(BIN)/python bin/check_system.py

migrate: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput

demo: migrate
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo

run: demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ - editor: editor@example.org / portal-editor"
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The browser suite's HTML checker (npm vnu-jar, pinned in tests/browser/package-lock.json).
# Without npm the browser tests that need it are skipped locally and fail in CI.
VNU_JAR := tests/browser/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): tests/browser/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the HTML validity check of the browser suite cannot run."; fi

browser-tools: $(VNU_JAR)

test: install browser-tools
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The several-servers set-up on one machine, in the background: nginx on :8080, app
# servers on :8081 and :8082, a task worker, SeaweedFS S3 on :8333 (CLUSTER_PORT shifts
# them all). Needs nginx (apt-get install -y nginx), PostgreSQL and Redis.
cluster: install
	$(BIN)/python bin/cluster up

cluster-down:
	$(BIN)/python bin/cluster down

cluster-status:
	$(BIN)/python bin/cluster status

# Page speed against a bare Django hello-world (PostgreSQL portal_bench, Redis db 9, wrk).
bench: install
	$(BIN)/python bench/pages.py $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var
