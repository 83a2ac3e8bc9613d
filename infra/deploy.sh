#!/usr/bin/env bash
# Deploy or destroy one ecom environment: `make deploy ENV=dev` / `make destroy ENV=dev`.
#   infra/deploy.sh deploy  ENV   (needs VPC_ID, SUBNET_IDS; optional ALERT_EMAIL, CUSTOMER_API_URL,
#                                  RUNNER_IMAGE_TAG, ANALYST_PRINCIPAL_ARN)
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

deploy() {
  : "${VPC_ID:?set VPC_ID (the default VPC is fine for dev)}"
  : "${SUBNET_IDS:?set SUBNET_IDS to comma-separated subnet ids}"
  mapfile -t overrides < <(grep -v '^\s*\(#\|$\)' "$PARAMS")
  overrides+=(
    "VpcId=$VPC_ID" "SubnetIds=$SUBNET_IDS"
    "AlertEmail=${ALERT_EMAIL:-}" "CustomerApiUrl=${CUSTOMER_API_URL:-}"
    "RunnerImageTag=${RUNNER_IMAGE_TAG:-latest}" "AnalystPrincipalArn=${ANALYST_PRINCIPAL_ARN:-}"
  )
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
