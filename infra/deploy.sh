#!/usr/bin/env bash
# Deploy or destroy one ecom environment: `make deploy ENV=dev` / `make destroy ENV=dev`.
#   infra/deploy.sh deploy  ENV   (needs VPC_ID, SUBNET_IDS; optional ALERT_EMAIL, CUSTOMER_API_URL,
#                                  RUNNER_IMAGE_TAG, ANALYST_PRINCIPAL_ARN)
#   RUNNER_IMAGE_TAG: the runner image the workflow stack runs; default the git commit (HEAD),
#   the tag docs/deploy.md builds and pushes. The repository's tags are immutable; never latest.
#   infra/deploy.sh destroy ENV
# One stack per template, in dependency order (later stacks import earlier stacks' exports).
# Parameters: infra/params/$ENV.params (Key=Value per line) plus the variables above; every
# stack takes the keys its template declares and ignores the others.
set -euo pipefail
cd "$(dirname "$0")/.."

ACTION=${1:?usage: infra/deploy.sh deploy|destroy ENV}
ENV=${2:?usage: infra/deploy.sh deploy|destroy ENV}
PARAMS=infra/params/$ENV.params
[[ -f $PARAMS ]] || { echo "no $PARAMS: ENV must be dev or prod" >&2; exit 2; }
AWS=${AWS:-.venv/bin/python -m awscli}
# ECOM_STACKS: a subset, e.g. to redeploy one stack (keep the order).
read -r -a STACKS <<< "${ECOM_STACKS:-storage glue athena iam monitoring ingest workflow redshift}"

stack() { echo "ecom-$ENV-$1"; }

# The runner image tag: RUNNER_IMAGE_TAG, else the commit checked out (12 hex digits).
runner_image_tag() {
  local tag=${RUNNER_IMAGE_TAG:-}
  if [[ -z $tag ]]; then
    tag=$(git rev-parse --short=12 HEAD 2> /dev/null) || {
      echo "not a git checkout: set RUNNER_IMAGE_TAG to the runner image tag to deploy" >&2
      exit 2
    }
  fi
  if [[ $tag == latest ]]; then
    echo "RUNNER_IMAGE_TAG=latest: tags are immutable, deploy the tag of one build" \
      "(default: the git commit)" >&2
    exit 2
  fi
  echo "$tag"
}

deploy() {
  : "${VPC_ID:?set VPC_ID (the default VPC is fine for dev)}"
  : "${SUBNET_IDS:?set SUBNET_IDS to comma-separated subnet ids}"
  mapfile -t overrides < <(grep -v '^\s*\(#\|$\)' "$PARAMS")
  overrides+=(
    "VpcId=$VPC_ID" "SubnetIds=$SUBNET_IDS"
    "AlertEmail=${ALERT_EMAIL:-}" "CustomerApiUrl=${CUSTOMER_API_URL:-}"
    "AnalystPrincipalArn=${ANALYST_PRINCIPAL_ARN:-}"
  )
  if [[ " ${STACKS[*]} " == *" workflow "* ]]; then
    tag=$(runner_image_tag)
    overrides+=("RunnerImageTag=$tag")
    if ! $AWS ecr describe-images --repository-name "ecom-$ENV-dbt-runner" \
      --image-ids imageTag="$tag" > /dev/null 2>&1; then
      echo "note: ecom-$ENV-dbt-runner has no image $tag yet: build and push it before the" \
        "workflow runs (docs/deploy.md)" >&2
    fi
  fi
  mkdir -p build/packaged
  for name in "${STACKS[@]}"; do
    template=infra/templates/$name.yaml
    if [[ $name == ingest ]]; then
      # Zip build/lambda (make lambda-build) into the lake bucket and point Code at it.
      bucket=$($AWS cloudformation describe-stacks --stack-name "$(stack storage)" \
        --query "Stacks[0].Outputs[?OutputKey=='LakeBucketName'].OutputValue" --output text)
      $AWS cloudformation package --template-file "$template" --s3-bucket "$bucket" \
        --s3-prefix artifacts/lambda --output-template-file build/packaged/$name.yaml
      template=build/packaged/$name.yaml
    fi
    echo "== $(stack "$name")"
    $AWS cloudformation deploy --template-file "$template" --stack-name "$(stack "$name")" \
      --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset \
      --tags project=ecom environment="$ENV" --parameter-overrides "${overrides[@]}"
  done
}

destroy() {
  for ((i = ${#STACKS[@]} - 1; i >= 0; i--)); do
    name=$(stack "${STACKS[$i]}")
    echo "== deleting $name"
    $AWS cloudformation delete-stack --stack-name "$name"
    $AWS cloudformation wait stack-delete-complete --stack-name "$name"
  done
  echo "The lake bucket is kept (DeletionPolicy: Retain); docs/deploy.md says how to delete it."
}

"$ACTION"
