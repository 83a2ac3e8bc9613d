# The ecom runner image: the `ecom` CLI and the dbt project, run by the daily workflow's ECS
# Fargate tasks (infra/templates/workflow.yaml) as `ecom ingest customers`, `dbt build --target
# athena` and `ecom run --date D`. Build and push: docs/deploy.md.
FROM python:3.11.14-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DBT_PROFILES_DIR=/app/profiles \
    DBT_SEND_ANONYMOUS_USAGE_STATS=false \
    ECOM_DBT_TARGET=athena

WORKDIR /app

# Dependencies first (this layer changes only with the lock file), exactly as uv.lock pins them
# with their hashes; then the project itself. uv is only needed for these two steps.
COPY pyproject.toml uv.lock README.md ./
RUN pip install uv==0.13.9 \
    && uv export --frozen --quiet --no-emit-project --no-header --output-file /tmp/requirements.txt \
    && uv pip install --system --no-cache --require-hashes -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt
COPY ingest ./ingest
COPY ecom ./ecom
RUN uv pip install --system --no-cache --no-deps . && pip uninstall --yes uv

# The dbt project.
COPY dbt_project.yml ./
COPY profiles ./profiles
COPY models ./models
COPY macros ./macros
COPY seeds ./seeds
COPY snapshots ./snapshots
COPY analyses ./analyses
COPY tests ./tests

# dbt writes target/ and logs/ under /app; nothing else is writable by the task user.
RUN useradd --create-home --uid 10001 ecom && chown ecom /app
USER 10001

CMD ["dbt", "build", "--target", "athena"]
