# ecom: `make run` builds the marts from sample data; `make test` runs every test.
# Needs only Python 3.11 and make: the first target creates .venv with the pinned dependencies.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# dbt finds profiles/ from make, and from a shell with .venv activated (see the install step).
export DBT_PROFILES_DIR := $(CURDIR)/profiles
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

# Sample-data knobs for `make run`, e.g. `make run ROWS=1000000 DAYS=365 END_DATE=2026-06-30`.
ROWS ?= 200000
DAYS ?= 90
END_DATE ?= 2026-11-20
SEED ?= 42
DASHBOARD_PORT ?= 8501
RUN_ARGS ?=
# `make bench SCALE=10000000 RUNS=3`: sales rows of history to measure, runs per step.
SCALE ?= 1000000
RUNS ?= 3

.PHONY: help install run test lint format docs dashboard bench clean infra-render infra-lint lambda-build deploy destroy

# AWS deployment (infra/, docs/deploy.md): `make deploy ENV=dev VPC_ID=... SUBNET_IDS=...`.
ENV ?= dev

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "ecom needs Python 3.11 (found " + sys.version.split()[0] + "); set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@mkdir -p data/warehouse  # dbt-duckdb creates the warehouse file, not its folder
	@grep -q DBT_PROFILES_DIR $(BIN)/activate || echo 'export DBT_PROFILES_DIR="$(CURDIR)/profiles"' >> $(BIN)/activate
	@touch $@

install: $(STAMP)  ## create .venv with the pinned dependencies

run: $(STAMP)  ## generate sample data, land it in the lake, dbt build + docs, print a summary
	$(BIN)/ecom run --rows $(ROWS) --days $(DAYS) --end-date $(END_DATE) --seed $(SEED) $(RUN_ARGS)

test: $(STAMP) lint  ## lint, then every test (pytest, incl. dbt build on a throwaway warehouse)
	$(BIN)/pytest

lint: $(STAMP)  ## ruff, mypy, sqlfluff, dbt-score, cfn-lint
	$(BIN)/ruff check ingest ecom dashboard tests infra
	$(BIN)/ruff format --check ingest ecom dashboard tests infra
	$(BIN)/mypy
	ECOM_DUCKDB_PATH=:memory: $(BIN)/sqlfluff lint models tests --processes 2
	ECOM_DUCKDB_PATH=:memory: $(BIN)/dbt parse --quiet --target-path target/lint
	$(BIN)/dbt-score lint --manifest target/lint/manifest.json
	$(MAKE) --no-print-directory infra-lint

format: $(STAMP)  ## apply ruff and sqlfluff fixes
	$(BIN)/ruff format ingest ecom dashboard tests infra
	$(BIN)/ruff check --fix ingest ecom dashboard tests infra
	ECOM_DUCKDB_PATH=:memory: $(BIN)/sqlfluff fix models tests --processes 2

docs: $(STAMP)  ## serve the dbt docs of the last build on http://127.0.0.1:8080
	$(BIN)/dbt docs serve --host 127.0.0.1 --port 8080

dashboard: $(STAMP)  ## the BI dashboard over the marts on http://127.0.0.1:8501 (DASHBOARD_PORT=...)
	@echo "ecom dashboard: http://127.0.0.1:$(DASHBOARD_PORT)  (target $${ECOM_DBT_TARGET:-duckdb}; Ctrl+C stops it)"
	$(BIN)/streamlit run dashboard/app.py --server.address 127.0.0.1 --server.port $(DASHBOARD_PORT) \
		--server.headless true --browser.gatherUsageStats false

bench: $(STAMP)  ## time and memory of each step at SCALE sales rows vs pandas -> docs/benchmarks.md
	$(BIN)/python -m ecom.bench --scale $(SCALE) --runs $(RUNS)

clean:  ## remove the local lake, warehouse and dbt artifacts (keeps .venv)
	rm -rf data target logs dbt_packages

infra-render: $(STAMP)  ## regenerate infra/templates/glue.yaml from ingest/catalog.py and dbt_project.yml
	$(BIN)/python infra/render_glue.py

# checkov pins boto3/botocore older than constraints.txt: its own venv, from its own lock.
CHECKOV_VENV := .venv-checkov
CHECKOV := $(CHECKOV_VENV)/bin/checkov

$(CHECKOV): infra/checkov-requirements.txt
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install --quiet -r infra/checkov-requirements.txt
	@touch $@

infra-lint: $(STAMP) $(CHECKOV)  ## cfn-lint + checkov the templates, check glue.yaml is current, hadolint the Dockerfile
	$(BIN)/python infra/render_glue.py --check
	$(BIN)/cfn-lint infra/templates/*.yaml
	$(CHECKOV) --directory infra/templates --framework cloudformation --compact --quiet --skip-download
	$(BIN)/hadolint Dockerfile

lambda-build: $(STAMP)  ## build/lambda: the ingest package + its runtime deps for the Lambda
	rm -rf build/lambda && mkdir -p build/lambda
	$(BIN)/python -m pip install --quiet --target build/lambda -c constraints.txt \
		--platform manylinux2014_x86_64 --implementation cp --python-version 3.11 \
		--only-binary=:all: boto3 requests tenacity
	cp -r ingest build/lambda/ingest
	find build/lambda -name __pycache__ -prune -exec rm -rf {} +

deploy: $(STAMP) lambda-build  ## deploy every stack of ENV (dev|prod) with aws cloudformation package/deploy
	infra/deploy.sh deploy $(ENV)

destroy: $(STAMP)  ## delete every stack of ENV (the lake bucket is retained)
	infra/deploy.sh destroy $(ENV)
