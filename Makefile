# runlift: two commands on a fresh machine.
#   make demo   set everything up and plan the bundled example athletes
#   make test   set everything up and run every check
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test format bench clean system-deps serve

# Debian packages the tests use outside the virtualenv: Chromium for the report's
# browser test, poppler-utils (pdftoppm, pdftotext) to check the PDF report, two
# fonts with wide coverage that the report of an athlete named in another script is
# drawn with (WenQuanYi Micro Hei: Chinese, Japanese, Korean; DejaVu Sans: Greek,
# Cyrillic, Latin Extended), and PostgreSQL, whose server the store's tests start on a
# free loopback port. Installed only when missing, and only as root; anyone else is
# told the command to run. runlift itself needs none of them.
FONTS := /usr/share/fonts/truetype
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	test -f $(FONTS)/wqy/wqy-microhei.ttc || missing="$$missing fonts-wqy-microhei"; \
	test -f $(FONTS)/dejavu/DejaVuSans.ttf || missing="$$missing fonts-dejavu-core"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" -ne 0 ]; then \
		echo "runlift needs these system packages:$$missing" >&2; \
		echo "run: sudo apt-get install -y$$missing" >&2; \
		exit 1; \
	fi; \
	echo "installing system packages:$$missing"; \
	apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

demo: $(STAMP)
	$(BIN)/runlift demo examples/athletes --output out

test: system-deps $(STAMP)
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	@echo "science core: full branch coverage required"
	$(BIN)/pytest -q --no-header --cov=runlift.science --cov-branch \
		--cov-fail-under=100 --cov-report=term-missing:skip-covered \
		tests/science src/runlift/science tests/property/test_running_properties.py \
		tests/property/test_strength_properties.py tests/property/test_load_properties.py \
		tests/property/test_monitoring_properties.py
	$(BIN)/pytest

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/cli_startup.py
	$(BIN)/python benchmarks/placement.py --quick
	$(BIN)/python benchmarks/plan.py
	$(BIN)/python benchmarks/import_fit.py

clean:
	rm -rf $(VENV) out .mypy_cache .pytest_cache .ruff_cache

# The web app on a temporary store with the example athletes and demo logins.
serve: $(STAMP)
	$(BIN)/runlift serve --demo
