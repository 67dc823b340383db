# The two README commands: `make run` and `make test`. Both work on a fresh
# Debian machine with Python 3.11: they make .venv and install what is missing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-app-dev
SAMPLE := resources/sample.exr

.PHONY: run test lint bench sysdeps sysdeps-run sysdeps-venv venv sample

# Debian packages (tools/debian-packages.txt), installed only when missing: python3-venv before the
# venv is made (Debian's own python3 lacks ensurepip), the viewer's libraries and Xvfb for run and test.
sysdeps-venv:
	PYTHON=$(PYTHON) ./tools/install-debian-deps.sh venv

sysdeps-run:
	PYTHON=$(PYTHON) ./tools/install-debian-deps.sh run

sysdeps:
	PYTHON=$(PYTHON) ./tools/install-debian-deps.sh test

$(STAMP): pyproject.toml | sysdeps-venv
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[app,dev]"
	touch $(STAMP)

venv: $(STAMP)

# The viewer needs a display: with DISPLAY set it opens the window; on a headless
# machine with xvfb-run it renders the window to out/vfxview.png instead and says so.
# The sample is scene-linear Rec.709; it is shown through the viewer's default config (OCIO's default,
# the built-in ACES 2.1 CG config) and its sRGB ACES 2.0 view.
VIEW_ARGS = --input "Linear Rec.709 (sRGB)" --display "sRGB - Display" --view "ACES 2.0 - SDR 100 nits (Rec.709)"

run: sysdeps-run $(STAMP)
	mkdir -p out
	$(VENV)/bin/vfx info --stats $(SAMPLE)
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(VENV)/bin/vfxview $(SAMPLE) $(VIEW_ARGS); \
	elif command -v xvfb-run >/dev/null; then \
		QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" $(VENV)/bin/vfxview $(SAMPLE) $(VIEW_ARGS) --size 1600x1050 --screenshot out/vfxview.png \
		&& echo "no display: rendered the viewer under xvfb-run to out/vfxview.png (set DISPLAY to open the window)"; \
	else \
		echo "no display (DISPLAY unset) and no xvfb-run: run 'make sysdeps' or use a desktop session"; exit 1; \
	fi

test: sysdeps $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check vfx_rs vfxview tests bench tools
	$(VENV)/bin/ruff format --check vfx_rs vfxview tests bench tools
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

sample: $(STAMP)
	$(PY) tools/make_sample.py $(SAMPLE)

bench: $(STAMP)
	for b in bench/*.py; do $(PY) $$b || exit 1; done
