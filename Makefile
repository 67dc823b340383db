# The two README commands: `make run` and `make test`. Both work on a fresh
# Debian machine with Python 3.11: they make .venv and install what is missing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-app-dev
SAMPLE := vfx_rs/resources/sample.exr

.PHONY: run test lint bench sysdeps venv sample

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[app,dev]"
	touch $(STAMP)

venv: $(STAMP)

sysdeps:
	./tools/install-debian-deps.sh

run: $(STAMP)
	mkdir -p out
	$(VENV)/bin/vfx info --stats $(SAMPLE)
	$(VENV)/bin/vfx convert $(SAMPLE) out/sample.png
	@echo "wrote out/sample.png"

test: $(STAMP) sysdeps
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check vfx_rs vfxview tests bench tools
	$(VENV)/bin/lint-imports

sample: $(STAMP)
	$(PY) tools/make_sample.py $(SAMPLE)

bench: $(STAMP)
	for b in bench/*.py; do $(PY) $$b || exit 1; done
