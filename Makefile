# EV Planner: `make demo` runs the whole job on the bundled Delft data, `make test`
# runs every check. Both install what they need (Debian packages, venv, pip) first,
# idempotently: a second run installs nothing.
SHELL := /bin/bash
.DEFAULT_GOAL := help

SYSTEM_PYTHON := /usr/bin/python3
VENV ?= .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
VERSION ?= $(shell sed -n 's/^version=//p' ev_planner/metadata.txt)
TRANSLATIONS := $(patsubst %.ts,%.qm,$(wildcard ev_planner/resources/i18n/*.ts))
PYTEST_ARGS ?=

.PHONY: help system install translations update-translations lint format test demo package bench clean

help:
	@echo "make demo      run the whole chain on the bundled Delft sample into out/"
	@echo "make test      lint and run all tests (installs everything first)"
	@echo "make package   build the installable plugin zip into dist/"
	@echo "make bench     run the benchmarks (ratios against references, same run)"

system:
	@bash scripts/install_system.sh

# The venv is made from Debian's python3 (the one the QGIS bindings are built for),
# with --system-site-packages so that qgis, scipy and pyproj come from Debian.
$(INSTALLED): requirements.txt requirements-dev.txt | system
	@[ -x $(PYTHON) ] || $(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

install: system $(INSTALLED) translations

%.qm: %.ts
	lrelease -silent $< -qm $@

translations: $(TRANSLATIONS)

update-translations: $(INSTALLED)
	$(PYTHON) scripts/update_translations.py

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# pytest exits 5 when it collects no test; that is reported, not a failure of the run.
test: install lint
	@QT_QPA_PLATFORM=offscreen $(PYTHON) -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$status

demo: install
	$(PYTHON) scripts/demo.py

package: install
	bash scripts/package.sh $(VERSION)

# bench_potential's case (d) compares with pysal spopt, which lives only in .venv-bench
# (see bench/requirements-bench.txt); without that venv the case is skipped with a message.
BENCH_PYTHON := $(if $(wildcard .venv-bench/bin/python),.venv-bench/bin/python,$(PYTHON))

bench: install
	@for script in bench/bench_sources.py bench/bench_usage.py; do \
	  echo "== $$script"; $(PYTHON) $$script || exit $$?; done
	@echo "== bench/bench_potential.py"; $(BENCH_PYTHON) bench/bench_potential.py

clean:
	rm -rf out dist build .qgis-profile .pytest_cache .ruff_cache $(TRANSLATIONS)
