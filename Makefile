# Build, run and test jivo-live. `make test` works on a fresh Debian/Ubuntu machine (as root or
# with password-less sudo); `make run` starts the relay with a demo site. See README.md.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Steps print in order and the test run shares one temporary HOME: never run targets in parallel.
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
comma := ,

# Extras of pyproject.toml installed for the test run. One place to add `desktop` later.
TEST_EXTRAS := server,postgres,redis,desktop,test
# Extras for `make run`: the relay, plus the desktop app once it exists.
RUN_EXTRAS := server$(if $(wildcard jivo_desktop/__main__.py),$(comma)desktop)

# pip runs again only when pyproject.toml is newer than the stamp (or the extras change).
TEST_STAMP := $(VENV)/.installed-$(TEST_EXTRAS)
RUN_STAMP := $(VENV)/.installed-$(RUN_EXTRAS)

# mypy on the relay and the desktop app (STYLE.md: typed code, checked in CI).
MYPY_PATHS := server jivo_desktop

PYTEST_ARGS ?=
RUN_ARGS ?=

export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help test system-deps venv lint format typecheck pytest run docs bench bench-nodes dist clean distclean

help:
	@echo "make run      start the relay with a demo site and admin (jivo-relay serve --demo)"
	@echo "make test     install system packages + .venv, then ruff, mypy and pytest"
	@echo "make lint     ruff check, ruff format --check, mypy"
	@echo "make format   ruff format + ruff check --fix"
	@echo "make docs     regenerate docs/protocol.md from server/protocol/"
	@echo "make translations  build the .qm files; make i18n-update: new strings into the .ts"
	@echo "make bench    run the benchmarks (bench/run_all.py)"
	@echo "make dist     build the desktop bundle (PyInstaller) and dist/jivo-desktop_*.deb"
	@echo "make clean    remove caches and build output (distclean: also .venv)"
	@echo "variables: PYTEST_ARGS='-k name -x'  RUN_ARGS='--port 8080'  PYTHON=python3.12"

# ---- environment --------------------------------------------------------------------------

system-deps:
	@bash scripts/install-system-deps.sh

$(BIN)/python:
	@echo "== creating $(VENV) with $$($(PYTHON) --version 2>&1)"
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "make: '$(PYTHON) -m venv' failed: on Debian/Ubuntu install python3-venv" \
	       "(scripts/install-system-deps.sh does)"; rm -rf $(VENV); exit 1; }

$(VENV)/.installed-%: pyproject.toml | $(BIN)/python
	@echo "== pip install -e '.[$*]'"
	@start=$$SECONDS; \
	$(BIN)/python -m pip install --quiet --progress-bar off -e '.[$*]'; \
	echo "== pip install done in $$((SECONDS - start)) s"
	@touch $@

venv: $(TEST_STAMP)

# ---- checks -------------------------------------------------------------------------------

# All three checks run even when one fails, so one run shows every problem.
lint: $(TEST_STAMP)
	@rc=0; \
	echo "== ruff check"; $(BIN)/ruff check . || rc=1; \
	echo "== ruff format --check"; $(BIN)/ruff format --check . || rc=1; \
	echo "== mypy $(MYPY_PATHS)"; $(BIN)/mypy $(MYPY_PATHS) || rc=1; \
	exit $$rc

typecheck: $(TEST_STAMP)
	@$(BIN)/mypy $(MYPY_PATHS)

format: $(TEST_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# pytest in a throwaway HOME/XDG tree (Chromium and libpulse write there), Qt offscreen, no
# real keyring and no session bus of the real user. libpulse never autospawns a sound server
# (the tests that want one start their own, G7), so no test sees this machine's audio devices.
# `python -m pytest` puts the checkout on sys.path, so `tests.support` imports.
# Exit 5 (no test collected) is a failure: an empty run must not pass.
pytest: $(TEST_STAMP) translations
	@tmp=$$(mktemp -d /tmp/jivo-test-home.XXXXXX); \
	trap 'rm -rf "$$tmp"' EXIT; \
	mkdir -p "$$tmp/config" "$$tmp/cache" "$$tmp/data" "$$tmp/runtime"; \
	chmod 700 "$$tmp/runtime"; \
	printf 'autospawn = no\n' > "$$tmp/config/pulse-client.conf"; \
	echo "== pytest (HOME=$$tmp)"; \
	rc=0; \
	env -u DBUS_SESSION_BUS_ADDRESS HOME="$$tmp" \
	    XDG_CONFIG_HOME="$$tmp/config" XDG_CACHE_HOME="$$tmp/cache" \
	    XDG_DATA_HOME="$$tmp/data" XDG_RUNTIME_DIR="$$tmp/runtime" \
	    PULSE_COOKIE="$$tmp/config/pulse-cookie" PULSE_CLIENTCONFIG="$$tmp/config/pulse-client.conf" \
	    QT_QPA_PLATFORM=offscreen \
	    PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring \
	    $(BIN)/python -m pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make: pytest ran no test (exit 5): failing the run" >&2; fi; \
	exit $$rc

test: system-deps $(TEST_STAMP)
	@start=$$SECONDS; rc=0; \
	$(MAKE) --no-print-directory lint || rc=1; \
	$(MAKE) --no-print-directory pytest || rc=1; \
	if [ $$rc -ne 0 ]; then echo "make test: FAILED (see above) in $$((SECONDS - start)) s" >&2; fi; \
	exit $$rc

# ---- translations (G6) ------------------------------------------------------------------
# resources/i18n/jivo_<lang>.ts are the sources (in git); the .qm the app loads are built here.
# `make i18n-update` adds the strings new code brings (existing translations are kept).

.PHONY: translations i18n-update
TS_FILES := $(wildcard resources/i18n/jivo_*.ts)

translations: $(TS_FILES:.ts=.qm)

resources/i18n/%.qm: resources/i18n/%.ts | $(BIN)/python
	@$(BIN)/pyside6-lrelease -silent $< -qm $@

i18n-update: | $(BIN)/python
	$(BIN)/pyside6-lupdate -locations none -no-obsolete $$(find jivo_desktop -name '*.py' | sort) -ts $(TS_FILES)

# ---- running ------------------------------------------------------------------------------

run: $(RUN_STAMP) translations
	$(BIN)/python scripts/run_demo.py $(RUN_ARGS)

docs: $(RUN_STAMP)
	$(BIN)/python -m server.protocol > docs/protocol.md.tmp
	mv docs/protocol.md.tmp docs/protocol.md

# The relay's benchmarks, then the desktop app's (issue 15): each rewrites its own sections of
# docs/performance.md. Run it alone on the machine: every figure is a ratio within a round, but
# other work on the same cores still widens the rounds.
bench: $(TEST_STAMP) translations
	$(BIN)/python bench/run_all.py
	$(BIN)/python bench/desktop.py
	$(BIN)/python bench/multi_node.py

bench-nodes: $(TEST_STAMP)
	$(BIN)/python bench/multi_node.py

# ---- installers ---------------------------------------------------------------------------

# The one-folder bundle (build/dist/jivo-desktop) and the Debian package in dist/. The .msi and
# the .dmg are built on their own systems (.github/workflows/installers.yml); here the tests
# check the WiX source with wixl (tests/installers).
dist: $(TEST_STAMP) translations
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN --distpath build/dist \
	    --workpath build/pyinstaller installers/jivo_desktop.spec
	$(BIN)/python installers/linux/build_deb.py build/dist/jivo-desktop dist
	@du -sh build/dist/jivo-desktop dist/*.deb

clean:
	rm -rf build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache tests/artifacts
	rm -f resources/i18n/*.qm
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
