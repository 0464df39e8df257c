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

.PHONY: help system install translations update-translations lint format test demo package bench clean \
	test-qgis test-all

help:
	@echo "make demo      run the whole chain on the bundled Delft sample into out/"
	@echo "make test      lint and run all tests (installs everything first)"
	@echo "make test-qgis SUITE=trixie|sid   make test demo in a Debian chroot of that suite"
	@echo "make test-all  make test here, then test-qgis for every suite in QGIS_SUITES"
	@echo "make package   build the installable plugin zip into dist/"
	@echo "make bench     run the benchmarks (ratios against references, same run)"

system:
	@bash scripts/install_system.sh

# The venv is made from Debian's python3 (the one the QGIS bindings are built for),
# with --system-site-packages so that qgis, scipy and pyproj come from Debian.
# numpy, scipy, pandas and pyproj are the platform's: a copy pip put into the venv (an
# older pin, or a dependency's) is removed, and the install fails if one is still there.
$(INSTALLED): requirements.txt requirements-dev.txt | system
	@[ -x $(PYTHON) ] || $(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PYTHON) scripts/check_platform_packages.py --remove-shadows
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

# The same test and demo against other QGIS/Python versions: in a Debian chroot of a
# newer suite (trixie: QGIS 3.40, Python 3.13; sid: QGIS 3.44, Python 3.14), kept in
# /var/cache/ev-planner/chroots. Needs root. See scripts/qgis_chroot.sh.
QGIS_SUITES := trixie sid
SUITE ?=

empty :=
space := $(empty) $(empty)

test-qgis:
	@case "$(SUITE)" in $(subst $(space),|,$(QGIS_SUITES))) ;; \
	  *) echo "make test-qgis: SUITE must be one of: $(QGIS_SUITES)" \
	    "(e.g. make test-qgis SUITE=trixie), not '$(SUITE)'" >&2; exit 2 ;; \
	esac
	bash scripts/qgis_chroot.sh $(SUITE) test demo

# Every step runs even if an earlier one failed; test-all fails if any did.
test-all:
	@failed=0; summary=""; \
	for suite in host $(QGIS_SUITES); do \
	  started=$$(date +%s); \
	  if [ $$suite = host ]; then $(MAKE) --no-print-directory test; \
	  else $(MAKE) --no-print-directory test-qgis SUITE=$$suite; fi; \
	  status=$$?; [ $$status -eq 0 ] && result=passed || { result="FAILED (exit $$status)"; failed=1; }; \
	  summary+="test-all: $$suite: $$result in $$(( $$(date +%s) - started )) s"$$'\n'; \
	done; \
	printf '\n%s' "$$summary"; exit $$failed

# bench_potential's case (d) compares with pysal spopt, which lives only in .venv-bench
# (see bench/requirements-bench.txt); without that venv the case is skipped with a message.
BENCH_PYTHON := $(if $(wildcard .venv-bench/bin/python),.venv-bench/bin/python,$(PYTHON))

bench: install
	@for script in bench/bench_sources.py bench/bench_usage.py; do \
	  echo "== $$script"; $(PYTHON) $$script || exit $$?; done
	@echo "== bench/bench_potential.py"; $(BENCH_PYTHON) bench/bench_potential.py
	@echo "== bench/bench_walking.py"; $(PYTHON) bench/bench_walking.py --reference-python $(BENCH_PYTHON)

clean:
	rm -rf out dist build .qgis-profile .pytest_cache .ruff_cache $(TRANSLATIONS)
