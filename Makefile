# ecom: `make run` builds the marts from sample data; `make test` runs every test.
# Needs only Python 3.11 and make: the first target creates .venv and installs, with uv, the
# packages it needs exactly as uv.lock pins them. Each dependency set has its own stamp:
#   run        the ecom package: ingest, dbt and its adapters      (make run, make docs, ...)
#   dashboard  + streamlit                                          (make dashboard)
#   dev        + tests, linters, moto, awscli, bench tools          (make test, make lint, ...)
# Every install only adds to .venv (uv sync --inexact), so going from one set to another never
# reinstalls or removes what is there; a changed pyproject.toml or uv.lock updates .venv.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# uv, from PyPI into .venv; `make lock` after editing pyproject.toml's dependencies.
UV_VERSION := 0.13.9
UV := $(BIN)/uv
RUN_STAMP := $(VENV)/.installed-run
DASHBOARD_STAMP := $(VENV)/.installed-dashboard
DEV_STAMP := $(VENV)/.installed-dev

# dbt finds profiles/ from make, and from a shell with .venv activated (see the install step).
export DBT_PROFILES_DIR := $(CURDIR)/profiles
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

# Sample-data knobs for `make run`, e.g. `make run ROWS=1000000 DAYS=365 END_DATE=2026-06-30`.
ROWS ?= 200000
DAYS ?= 90
END_DATE ?= 2026-11-20
SEED ?= 42
DASHBOARD_PORT ?= 8501
DOCS_PORT ?= 8080
RUN_ARGS ?=
# `make bench SCALE=10000000 RUNS=3`: sales rows of history to measure, runs per step.
SCALE ?= 1000000
RUNS ?= 3

.PHONY: help install install-dev lock run test lint lint-python lint-dbt format docs dashboard bench clean infra-render infra-lint lambda-build deploy destroy

# AWS deployment (infra/, docs/deploy.md): `make deploy ENV=dev VPC_ID=... SUBNET_IDS=...`.
ENV ?= dev

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(UV):
	@$(PYTHON) -c 'import sys; sys.exit(0 if (3, 11, 5) <= sys.version_info[:3] < (3, 12) else "ecom needs Python 3.11.5 or a later 3.11 (found " + sys.version.split()[0] + "); set PYTHON=/path/to/python3.11")'
	@echo "creating $(VENV) with $(PYTHON) and installing uv $(UV_VERSION) into it"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	@grep -q DBT_PROFILES_DIR $(BIN)/activate || echo 'export DBT_PROFILES_DIR="$(CURDIR)/profiles"' >> $(BIN)/activate
	@touch $@

# --locked: uv.lock must match pyproject.toml (else `make lock`); --inexact: add, never remove.
SYNC := $(UV) sync --locked --inexact

$(RUN_STAMP): $(UV) pyproject.toml uv.lock
	@echo "installing what \`make run\` needs into $(VENV) (ecom, dbt and its adapters)"
	$(SYNC)
	@mkdir -p data/warehouse  # dbt-duckdb creates the warehouse file, not its folder
	@touch $@

$(DASHBOARD_STAMP): $(RUN_STAMP)
	@echo "adding the dashboard's packages (streamlit) to $(VENV)"
	$(SYNC) --extra dashboard
	@touch $@

$(DEV_STAMP): $(RUN_STAMP)
	@echo "adding the development packages (tests, linters, moto, awscli) to $(VENV)"
	$(SYNC) --extra dev
	@touch $@

install: $(RUN_STAMP)  ## create .venv with what `make run` needs, as uv.lock pins it

install-dev: $(DEV_STAMP)  ## add the dashboard, test, lint and deploy tools to .venv

lock: $(UV)  ## re-resolve uv.lock after a change to pyproject.toml's dependencies
	$(UV) lock

run: $(RUN_STAMP)  ## generate sample data, land it in the lake, dbt build + docs, print a summary
	$(BIN)/ecom run --rows $(ROWS) --days $(DAYS) --end-date $(END_DATE) --seed $(SEED) $(RUN_ARGS)

test: $(DEV_STAMP) lint  ## lint, then every test (pytest, incl. dbt build on a throwaway warehouse)
	$(BIN)/pytest

# The three groups run side by side (-j3); -O prints each group's output in one block.
lint: $(DEV_STAMP)  ## ruff, mypy, sqlfluff, dbt-score, cfn-lint, checkov, hadolint
	@$(MAKE) --no-print-directory -j3 -O lint-python lint-dbt infra-lint

lint-python: $(DEV_STAMP)  ## ruff (lint and format) and mypy --strict
	$(BIN)/ruff check ingest ecom dashboard tests infra
	$(BIN)/ruff format --check ingest ecom dashboard tests infra
	$(BIN)/mypy

lint-dbt: $(DEV_STAMP)  ## sqlfluff over models/ and tests/, dbt-score over the manifest
	ECOM_DUCKDB_PATH=:memory: $(BIN)/sqlfluff lint models tests --processes 2
	ECOM_DUCKDB_PATH=:memory: $(BIN)/dbt parse --quiet --target-path target/lint
	$(BIN)/dbt-score lint --manifest target/lint/manifest.json

format: $(DEV_STAMP)  ## apply ruff and sqlfluff fixes
	$(BIN)/ruff format ingest ecom dashboard tests infra
	$(BIN)/ruff check --fix ingest ecom dashboard tests infra
	ECOM_DUCKDB_PATH=:memory: $(BIN)/sqlfluff fix models tests --processes 2

docs: $(RUN_STAMP)  ## serve the dbt docs of the last build on http://127.0.0.1:8080 (DOCS_PORT=...)
	@$(BIN)/python -m ecom.ports $(DOCS_PORT) --what "make docs" --variable DOCS_PORT
	@if [ ! -f target/catalog.json ]; then \
		echo "no dbt docs in target/ yet: generating them (dbt docs generate, about 15 s)"; \
		$(BIN)/dbt docs generate --quiet; \
	fi
	@echo "serving the dbt docs in target/ (from the last \`make run\`, or just generated); Ctrl+C stops it"
	$(BIN)/dbt docs serve --host 127.0.0.1 --port $(DOCS_PORT) --no-browser

dashboard: $(DASHBOARD_STAMP)  ## the BI dashboard over the marts on http://127.0.0.1:8501 (DASHBOARD_PORT=...)
	@$(BIN)/python -m ecom.ports $(DASHBOARD_PORT) --what "make dashboard" --variable DASHBOARD_PORT
	@echo "starting the ecom dashboard (target $${ECOM_DBT_TARGET:-duckdb}); Streamlit prints its URL once it is up; Ctrl+C stops it"
	$(BIN)/streamlit run dashboard/app.py --server.address 127.0.0.1 --server.port $(DASHBOARD_PORT) \
		--server.headless true --browser.gatherUsageStats false

bench: $(DEV_STAMP)  ## time and memory of each step at SCALE sales rows vs pandas -> docs/benchmarks.md
	$(BIN)/python -m ecom.bench --scale $(SCALE) --runs $(RUNS)

clean:  ## remove the local lake, warehouse and dbt artifacts (keeps .venv)
	rm -rf data target logs dbt_packages

infra-render: $(RUN_STAMP)  ## regenerate infra/templates/glue.yaml from ingest/catalog.py and dbt_project.yml
	$(BIN)/python infra/render_glue.py

# checkov pins boto3/botocore older than uv.lock: its own venv, from its own lock.
CHECKOV_VENV := .venv-checkov
CHECKOV := $(CHECKOV_VENV)/bin/checkov

$(CHECKOV): infra/checkov-requirements.txt $(UV)
	$(UV) venv --allow-existing --python $(PYTHON) $(CHECKOV_VENV)
	$(UV) pip install --python $(CHECKOV_VENV)/bin/python -r infra/checkov-requirements.txt
	@touch $@

infra-lint: $(DEV_STAMP) $(CHECKOV)  ## cfn-lint + checkov the templates, check glue.yaml is current, hadolint the Dockerfile
	$(BIN)/python infra/render_glue.py --check
	$(BIN)/cfn-lint infra/templates/*.yaml
	$(CHECKOV) --directory infra/templates --framework cloudformation --compact --quiet --skip-download
	$(BIN)/hadolint Dockerfile

lambda-build: $(UV)  ## build/lambda: the ingest package + its runtime deps for the Lambda
	rm -rf build/lambda && mkdir -p build/lambda
	$(UV) export --locked --no-emit-project --no-header --quiet --output-file build/lambda.lock.txt
	$(UV) pip install --quiet --target build/lambda --constraint build/lambda.lock.txt \
		--python-platform x86_64-manylinux2014 --python-version 3.11 \
		--only-binary :all: boto3 requests tenacity
	cp -r ingest build/lambda/ingest
	find build/lambda -name __pycache__ -prune -exec rm -rf {} +

deploy: $(DEV_STAMP) lambda-build  ## deploy every stack of ENV (dev|prod) with aws cloudformation package/deploy
	infra/deploy.sh deploy $(ENV)

destroy: $(DEV_STAMP)  ## delete every stack of ENV (the lake bucket is retained)
	infra/deploy.sh destroy $(ENV)
