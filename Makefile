# ecom: `make run` builds the marts from sample data; `make test` runs every test.
# Needs only Python 3.11 to 3.13 and make: the first target creates .venv and installs, with uv, the
# packages it needs exactly as uv.lock pins them. Each dependency set has its own stamp:
#   run        the ecom package: ingest, dbt and its adapters      (make run, make docs, ...)
#   dashboard  + streamlit                                          (make dashboard)
#   dev        + tests, linters, moto, awscli, bench tools          (make test, make lint, ...)
# Every install only adds to .venv (uv sync --inexact), so going from one set to another never
# reinstalls or removes what is there; a changed pyproject.toml or uv.lock updates .venv.

SHELL := /bin/bash
# The Pythons ecom supports (pyproject.toml's requires-python), as a test of sys.version_info.
PY_SUPPORTED := (3, 11, 5) <= sys.version_info[:3] < (3, 14)
# The newest supported interpreter on PATH (`make run PYTHON=/path/to/python3.12` picks another).
# Each candidate is run, not just found: a pyenv shim exists for every installed version but
# fails outside the versions its pyenv has selected. None supported: python3, refused below.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(not ($(PY_SUPPORTED)))' 2>/dev/null && { command -v $$p; exit; }; \
	done; command -v python3)
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
	@$(PYTHON) -c 'import sys; sys.exit(0 if $(PY_SUPPORTED) else "ecom needs Python 3.11.5 to 3.13 (found " + sys.version.split()[0] + " at $(PYTHON)); set PYTHON=/path/to/python3.13, 3.12 or 3.11")'
	@echo "creating $(VENV) with $(PYTHON) and installing uv $(UV_VERSION) into it"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	@grep -q DBT_PROFILES_DIR $(BIN)/activate || echo 'export DBT_PROFILES_DIR="$(CURDIR)/profiles"' >> $(BIN)/activate
	@touch $@

# --locked: uv.lock must match pyproject.toml (else `make lock`); --inexact: add, never remove.
# --compile-bytecode: every installed module is compiled once, here. Each `ecom` command, dbt
# run and test process imports dbt, boto3 and numpy; without .pyc files on disk (an environment
# with PYTHONDONTWRITEBYTECODE set, as many container images have) Python would compile them
# again at every start.
SYNC := $(UV) sync --locked --inexact --compile-bytecode

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

.PHONY: test-fast ci-slim

# The inner loop (CONTRIBUTING.md "Test layers"): the unit tests and the one small dbt build (the
# shared e2e run and the modules that read it cheaply); no PostgreSQL, moto, browser or slow
# module. Each test module gives its layer, a pytest marker, at its top (tests/python/conftest.py).
test-fast: $(DEV_STAMP)  ## unit tests + one small dbt build (no browser, moto, PostgreSQL)
	$(BIN)/pytest -m "(unit or fast_dbt) and not (postgres or aws or browser or slow)"

# Slim CI (docs/operating.md "Slim CI"): only the models that differ from production's manifest
# and their children are built; every other ref reads production. CI_SLIM_ARGS, e.g. --target
# postgres or --state s3://bucket/prefix (else ECOM_PROD_ARTIFACTS, else the last `make run`'s
# target/).
CI_SLIM_ARGS ?=
ci-slim: $(RUN_STAMP)  ## build the modified models and their children, deferring the rest to production
	$(BIN)/ecom ci-slim $(CI_SLIM_ARGS)

# Slim CI on a pull request (.github/workflows/pull-request.yml), where no production warehouse
# is at hand: production is the base branch, built from the sample in a worktree (.ci-base/,
# with its own .venv, as `make run` builds it), and the branch's change is built against it.
CI_BASE ?= origin/main
CI_BASE_DIR := .ci-base
.PHONY: ci-slim-pr
ci-slim-pr: $(RUN_STAMP)  ## Slim CI against the base branch CI_BASE (default origin/main), built first
	rm -rf $(CI_BASE_DIR) && git worktree prune
	git worktree add --detach $(CI_BASE_DIR) $(CI_BASE)
	$(MAKE) -C $(CI_BASE_DIR) run RUN_ARGS=--no-docs
	ECOM_DUCKDB_PATH=$(CURDIR)/$(CI_BASE_DIR)/data/warehouse/ecom.duckdb \
		ECOM_LAKE_URI=$(CURDIR)/$(CI_BASE_DIR)/data/lake \
		ECOM_PROD_ARTIFACTS=$(CURDIR)/$(CI_BASE_DIR)/target $(BIN)/ecom ci-slim $(CI_SLIM_ARGS)

# The groups run side by side (-j3); -O prints each group's output in one block.
lint: $(DEV_STAMP)  ## ruff, mypy, sqlfluff, dbt-score, cfn-lint, checkov, hadolint, actionlint
	@$(MAKE) --no-print-directory -j3 -O lint-python lint-dbt infra-lint lint-workflows

lint-python: $(DEV_STAMP)  ## ruff (lint and format) and mypy --strict
	$(BIN)/ruff check ingest ecom dashboard bench tests infra
	$(BIN)/ruff format --check ingest ecom dashboard bench tests infra
	$(BIN)/mypy

lint-dbt: $(DEV_STAMP)  ## sqlfluff over models/ and tests/, dbt-score over the manifest
	ECOM_DUCKDB_PATH=:memory: $(BIN)/sqlfluff lint models tests --processes 2
	ECOM_DUCKDB_PATH=:memory: $(BIN)/dbt parse --quiet --target-path target/lint
	$(BIN)/dbt-score lint --manifest target/lint/manifest.json

.PHONY: lint-workflows lint-sql-changed compile-aws upload-artifacts runner-image chromium

# shellcheck and pyflakes, which actionlint runs on `run:` scripts when it finds them on PATH,
# are off: GitHub's runners have shellcheck and this machine may not, and the result must not
# depend on where it runs (every `run:` here is one make target).
lint-workflows: $(DEV_STAMP)  ## actionlint over .github/workflows/
	$(BIN)/actionlint -shellcheck= -pyflakes=

# The pull request's lint of SQL: the files under models/ and tests/ that differ from where the
# branch left LINT_BASE (committed or not, and new ones), not the whole project. Under GitHub
# Actions sqlfluff writes each violation as an annotation on the pull request's diff.
LINT_BASE ?= origin/main
lint-sql-changed: $(DEV_STAMP)  ## sqlfluff over the models/ and tests/ SQL changed since LINT_BASE (origin/main)
	@base=$$(git merge-base $(LINT_BASE) HEAD) || { echo "no common ancestor with $(LINT_BASE): fetch it, or set LINT_BASE" >&2; exit 2; }; \
	files=$$( { git diff --name-only --diff-filter=d $$base -- 'models/*.sql' 'tests/*.sql'; \
		git ls-files --others --exclude-standard -- 'models/*.sql' 'tests/*.sql'; } \
		| grep -v '^tests/snapshots/' | sort -u); \
	if [ -z "$$files" ]; then echo "no SQL under models/ or tests/ changed since $(LINT_BASE)"; exit 0; fi; \
	report="--format human"; [ "$${GITHUB_ACTIONS:-}" = true ] \
		&& report="--format github-annotation-native --annotation-level error"; \
	echo "sqlfluff lint:" $$files; \
	ECOM_DUCKDB_PATH=:memory: $(BIN)/sqlfluff lint --processes 2 $$report $$files

# Athena and Redshift compiled with no AWS account, as tests/python/test_portability_compile.py
# does it: credentials that reach nothing, no relation cache, is_incremental() answered by a var
# (macros/utils/is_incremental.sql), once as a first build and once as a daily run compiles the
# incremental models; unit tests are left out (compiling them asks the warehouse for types).
COMPILE_OFFLINE := env -u AWS_PROFILE -u AWS_SESSION_TOKEN AWS_ACCESS_KEY_ID=AKIDUMMYDUMMYDUMMY \
	AWS_SECRET_ACCESS_KEY=dummy ECOM_REDSHIFT_HOST=redshift.invalid ECOM_REDSHIFT_PASSWORD=dummy \
	$(BIN)/dbt compile --quiet --no-populate-cache --exclude resource_type:unit_test
compile-aws: $(RUN_STAMP)  ## dbt compile --target athena and --target redshift, offline (no AWS account)
	@set -e; for target in athena redshift; do \
		echo "dbt compile --target $$target: first build, then the incremental models' daily run"; \
		$(COMPILE_OFFLINE) --target $$target --target-path target/compile-$$target \
			--vars '{compile_as_incremental: false}'; \
		$(COMPILE_OFFLINE) --target $$target --target-path target/compile-$$target-incremental \
			--vars '{compile_as_incremental: true}' --select config.materialized:incremental; \
	done

# The dashboard's browser test drives Debian's chromium and chromium-driver; under CI (CI=true)
# it fails rather than skips without them. Installs them with apt-get when either is missing.
chromium:  ## install Debian's Chromium and ChromeDriver for the browser test, when missing
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then \
		echo "chromium and chromedriver are installed"; exit 0; fi; \
	sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
		--no-install-recommends chromium chromium-driver >/dev/null

format: $(DEV_STAMP)  ## apply ruff and sqlfluff fixes
	$(BIN)/ruff format ingest ecom dashboard bench tests infra
	$(BIN)/ruff check --fix ingest ecom dashboard bench tests infra
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
	$(BIN)/python -m bench --scale $(SCALE) --runs $(RUNS)

.PHONY: backtest
# The customer predictions against what happened (docs/predictions.md): the sample, built once by
# `ecom run` under data/backtest/ (365 days), and the CDNOW purchases in tests/data/real/cdnow/.
# Offline; fails if the models do not beat the naive baseline on both.
backtest: $(RUN_STAMP)  ## backtest the customer predictions on the sample and CDNOW -> docs/backtest.md
	$(BIN)/python -m ecom.predictions.backtest --out docs/backtest.md

.PHONY: loadtest
# Many users at once (docs/loadtest.md): MCP clients over HTTP and stdio, headless Chromium on the
# dashboard (chromium + chromium-driver, as .ci/run installs them), and both during `ecom run`;
# on its own sample under data/loadtest/. LOADTEST_ARGS=--no-browser leaves out the dashboard.
LOADTEST_ARGS ?=
loadtest: $(DEV_STAMP)  ## many users at once on `ecom mcp` and the dashboard -> docs/loadtest.md
	$(BIN)/python -m bench.loadtest $(LOADTEST_ARGS)

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

AWS_CLI := $(BIN)/python -m awscli

# The runner image of ENV, tagged with the commit, the tag `make deploy` gives the task definition
# (docs/deploy.md). Tags are immutable: a commit's image already pushed is left as it is.
runner-image: $(DEV_STAMP)  ## docker build the runner image, push it to ENV's ECR repository (tag: the commit)
	@set -eo pipefail; tag=$$(git rev-parse --short=12 HEAD); name=ecom-$(ENV)-dbt-runner; \
	if $(AWS_CLI) ecr describe-images --repository-name $$name --image-ids imageTag=$$tag >/dev/null 2>&1; then \
		echo "$$name:$$tag is already pushed"; exit 0; fi; \
	account=$$($(AWS_CLI) sts get-caller-identity --query Account --output text); \
	registry=$$account.dkr.ecr.$${AWS_REGION:?set AWS_REGION}.amazonaws.com; \
	$(AWS_CLI) ecr get-login-password | docker login --username AWS --password-stdin $$registry; \
	docker build --platform linux/amd64 -t $$registry/$$name:$$tag . && docker push $$registry/$$name:$$tag

# Slim CI's production state: the manifest of what main deploys, parsed (no connection) for the
# production target (ECOM_DBT_TARGET, athena on AWS), copied to ECOM_PROD_ARTIFACTS, an s3://
# prefix or a local folder, which is where `make ci-slim` reads `--state` from.
ECOM_PROD_ARTIFACTS ?=
upload-artifacts: $(DEV_STAMP)  ## parse for ECOM_DBT_TARGET, copy manifest.json to ECOM_PROD_ARTIFACTS (s3:// or a folder)
	@test -n "$(ECOM_PROD_ARTIFACTS)" || { echo "set ECOM_PROD_ARTIFACTS to an s3:// prefix or a folder: where Slim CI reads the production manifest" >&2; exit 2; }
	$(BIN)/dbt parse --quiet --target $${ECOM_DBT_TARGET:-duckdb} --target-path target/prod-artifacts
	@case "$(ECOM_PROD_ARTIFACTS)" in \
		s3://*) $(AWS_CLI) s3 cp --only-show-errors target/prod-artifacts/manifest.json "$(ECOM_PROD_ARTIFACTS:%/=%)/manifest.json" ;; \
		*) mkdir -p "$(ECOM_PROD_ARTIFACTS)" && cp target/prod-artifacts/manifest.json "$(ECOM_PROD_ARTIFACTS)/" \
			&& echo "copied target/prod-artifacts/manifest.json to $(ECOM_PROD_ARTIFACTS)/" ;; \
	esac
