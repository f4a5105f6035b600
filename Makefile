# qms: the two set-up commands are `make demo` and `make test`; both create .venv and
# install what is missing (Graphviz and librsvg via apt-get when `dot`, `rsvg-convert` are not on PATH).
VENV   := .venv
PY     := $(VENV)/bin/python
QMS    := $(VENV)/bin/qms
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEMS := redu sakk lappia

.PHONY: demo test lint gallery bench setup system-deps browser-deps office-deps clean

setup: $(VENV)/.installed system-deps

$(VENV)/.installed: pyproject.toml
	@python3 -m venv $(VENV) 2>/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,lint]'
	@touch $@

system-deps:
	@command -v dot >/dev/null || { echo "installing Graphviz (dot)"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends graphviz; }
	@command -v rsvg-convert >/dev/null || { echo "installing librsvg (rsvg-convert, PNG and PDF of the vuosikello)"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends librsvg2-bin; }

# Headless Chromium and its driver, for the handbook's browser test and `qms handbook --pdf`.
browser-deps:
	@{ [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null; } || { echo "installing Chromium and chromedriver"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends chromium chromium-driver; }

# LibreOffice Writer without its GUI, for the test that the Word copy of the handbook prints.
office-deps:
	@command -v soffice >/dev/null || { echo "installing LibreOffice Writer (no GUI)"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui; }

demo: setup
	$(QMS) build models/redu -o out/redu
	@echo "handbook: $(CURDIR)/out/redu/index.html"

test: setup browser-deps office-deps lint
	$(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check qms tests benchmarks
	$(VENV)/bin/mypy

# diagrams/ and exports/ are generated and committed; tests/test_gallery.py fails when they are stale.
gallery: setup
	@rm -rf diagrams exports
	@for s in $(SYSTEMS); do \
	  $(QMS) render models/$$s -o diagrams/$$s --kind all --format svg || exit 1; \
	  $(QMS) export models/$$s -o exports/$$s || exit 1; \
	done
	@dot -V 2>&1 | sed -n 's/.*version \([0-9.]*\).*/\1/p' > diagrams/GRAPHVIZ_VERSION

# Peers (pm4py, bpmn-io, bpmn-moddle, bpmn-auto-layout) are installed by run.py itself into
# benchmarks/.peers/; one that cannot be installed shows as n/a. e.g. make bench BENCH_ARGS="--only export"
bench: setup
	$(PY) benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
