"""Every infra/ stack created in the moto server with the dev parameters, then checked through
the AWS APIs. moto's CloudFormation creates only the resource types it implements (S3 bucket
with its encryption, IAM roles, Lambda, SQS, SNS topic, KMS key, Events rules, ECS, ECR, Logs,
EC2, Step Functions, CloudWatch dashboard); for the others (bucket policy, public access block,
versioning, lifecycle, access logging, Glue, Athena workgroup, alarms, budget, scheduler) it
skips the resource or the property, so those are asserted on the parsed template, or applied
from it through the real API (Glue, the access-log bucket policy and the lake's logging)."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import boto3
import pytest
from botocore.exceptions import ClientError
from infra_stacks import (
    ACCOUNT,
    REGION,
    Deployed,
    as_list,
    run_deploy_script,
    stage_repo,
    walk,
    wildcard_statements,
)

from ingest.catalog import glue_table_inputs, register_raw_tables
from ingest.lambda_handler import handler
from ingest.raw_tables import RAW_TABLES

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_every_stack_is_created_with_the_dev_parameters(dev: Deployed) -> None:
    assert dev.outputs["storage"]["LakeUri"] == (f"s3://ecom-dev-lake-{ACCOUNT}-{REGION}/lake")
    assert dev.exports["ecom-dev-AlertsTopicArn"].endswith(":ecom-dev-alerts")
    # Exports of resources moto does not create (Glue, Athena) exist, without a value.
    assert {"ecom-dev-RawDatabaseName", "ecom-dev-WorkGroupName"} <= set(dev.exports)


def test_packaged_ingest_template_lints_clean(dev: Deployed) -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "cfn-lint"), str(dev.packaged_ingest)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_lake_bucket_is_encrypted(dev: Deployed) -> None:
    bucket = dev.outputs["storage"]["LakeBucketName"]
    rules = boto3.client("s3").get_bucket_encryption(Bucket=bucket)[
        "ServerSideEncryptionConfiguration"
    ]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"


def test_lake_bucket_blocks_public_access_and_plain_http(dev: Deployed) -> None:
    # moto's CloudFormation does not apply these (nor create AWS::S3::BucketPolicy): the template.
    resources = dev.templates["storage"]["Resources"]
    bucket = resources["LakeBucket"]["Properties"]
    assert set(bucket["PublicAccessBlockConfiguration"].values()) == {True}
    assert len(bucket["PublicAccessBlockConfiguration"]) == 4
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
    assert bucket["NotificationConfiguration"]["EventBridgeConfiguration"] == {
        "EventBridgeEnabled": True
    }
    [tls] = [
        s
        for s in resources["LakeBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
        if s.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport") == "false"
    ]
    assert tls["Effect"] == "Deny" and tls["Principal"] == "*" and tls["Action"] == "s3:*"
    assert len(tls["Resource"]) == 2  # the bucket and every object in it


def test_lake_lifecycle_moves_landing_archive_and_expires_query_results(dev: Deployed) -> None:
    rules = {
        r["Id"]: r
        for r in dev.templates["storage"]["Resources"]["LakeBucket"]["Properties"][
            "LifecycleConfiguration"
        ]["Rules"]
    }
    landing, archive = rules["landing-to-infrequent-access"], rules["archive-to-glacier"]
    assert landing["Transitions"] == [{"StorageClass": "STANDARD_IA", "TransitionInDays": 30}]
    assert landing["Prefix"] == {"Fn::Sub": "${LakePrefix}/landing/"}
    assert archive["Transitions"] == [{"StorageClass": "GLACIER", "TransitionInDays": 90}]
    assert rules["athena-results-expire"]["ExpirationInDays"] == 7


def substitute(node: Any, values: dict[str, str]) -> Any:
    """A template fragment with its Fn::Sub, Ref and Fn::GetAtt filled in from values
    ("AWS::AccountId", "Environment", "AccessLogBucket.Arn", ...)."""
    if isinstance(node, dict) and len(node) == 1:
        [(function, argument)] = node.items()
        if function == "Fn::Sub" and isinstance(argument, str):
            return re.sub(r"\$\{([\w:.]+)\}", lambda m: values[m.group(1)], argument)
        if function == "Ref":
            return values[argument]
        if function == "Fn::GetAtt":
            return values[".".join(argument)]
    if isinstance(node, dict):
        return {k: substitute(v, values) for k, v in node.items()}
    if isinstance(node, list):
        return [substitute(v, values) for v in node]
    return node


def dev_values(dev: Deployed) -> dict[str, str]:
    """What the dev stacks' Fn::Sub/Ref/GetAtt resolve to in moto."""
    logs_bucket = dev.outputs["storage"]["AccessLogBucketName"]
    return {
        "AWS::Partition": "aws",
        "AWS::AccountId": ACCOUNT,
        "AWS::Region": REGION,
        "Environment": "dev",
        "AccessLogBucket": logs_bucket,
        "AccessLogBucket.Arn": f"arn:aws:s3:::{logs_bucket}",
    }


def test_lake_access_logs_go_to_a_bucket_only_s3_logging_writes_to(dev: Deployed) -> None:
    s3 = boto3.client("s3")
    lake = dev.outputs["storage"]["LakeBucketName"]
    logs = dev.outputs["storage"]["AccessLogBucketName"]
    assert logs == f"ecom-dev-access-logs-{ACCOUNT}-{REGION}"
    rules = s3.get_bucket_encryption(Bucket=logs)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    resources = dev.templates["storage"]["Resources"]
    logging = resources["LakeBucket"]["Properties"]["LoggingConfiguration"]
    assert logging["DestinationBucketName"] == {"Ref": "AccessLogBucket"}
    target = {"TargetBucket": logs, "TargetPrefix": logging["LogFilePrefix"]}
    # S3 refuses a logging target that does not admit the logging service (hence the lake
    # bucket's DependsOn on the policy); moto checks the same.
    with pytest.raises(ClientError, match="InvalidTargetBucketForLogging"):
        s3.put_bucket_logging(Bucket=lake, BucketLoggingStatus={"LoggingEnabled": target})
    assert resources["LakeBucket"]["DependsOn"] == "AccessLogBucketPolicy"
    policy = substitute(
        resources["AccessLogBucketPolicy"]["Properties"]["PolicyDocument"], dev_values(dev)
    )
    s3.put_bucket_policy(Bucket=logs, Policy=json.dumps(policy))
    s3.put_bucket_logging(Bucket=lake, BucketLoggingStatus={"LoggingEnabled": target})
    assert s3.get_bucket_logging(Bucket=lake)["LoggingEnabled"] == target
    # The one grant: S3's logging service, objects under lake/, for the lake bucket of this account.
    [grant] = [s for s in policy["Statement"] if s["Effect"] == "Allow"]
    assert grant["Principal"] == {"Service": "logging.s3.amazonaws.com"}
    assert (grant["Action"], grant["Resource"]) == ("s3:PutObject", f"arn:aws:s3:::{logs}/lake/*")
    assert grant["Condition"] == {
        "ArnLike": {"aws:SourceArn": f"arn:aws:s3:::{lake}"},
        "StringEquals": {"aws:SourceAccount": ACCOUNT},
    }
    [tls] = [s for s in policy["Statement"] if s["Effect"] == "Deny"]
    assert tls["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    assert tls["Resource"] == [f"arn:aws:s3:::{logs}", f"arn:aws:s3:::{logs}/*"]


def test_access_log_bucket_is_private_and_expires_logs_after_the_log_retention(
    dev: Deployed,
) -> None:
    # moto's CloudFormation applies none of these: the template.
    bucket = dev.templates["storage"]["Resources"]["AccessLogBucket"]
    props = bucket["Properties"]
    assert set(props["PublicAccessBlockConfiguration"].values()) == {True}
    assert len(props["PublicAccessBlockConfiguration"]) == 4
    # ACLs off: the bucket policy, not the log-delivery group, admits S3 logging.
    assert props["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]
    rules = {r["Id"]: r for r in props["LifecycleConfiguration"]["Rules"]}
    assert rules["expire-access-logs"]["ExpirationInDays"] == {"Ref": "LogRetentionDays"}
    assert rules["expire-access-logs"]["NoncurrentVersionExpiration"] == {"NoncurrentDays": 1}
    assert rules["remove-expired-delete-markers"]["ExpiredObjectDeleteMarker"] is True
    cfn = boto3.client("cloudformation")
    storage = cfn.describe_stacks(StackName="ecom-dev-storage")["Stacks"][0]
    given = {p["ParameterKey"]: p["ParameterValue"] for p in storage["Parameters"]}
    assert given["LogRetentionDays"] == dev.params["LogRetentionDays"] == "14"
    assert bucket["DeletionPolicy"] == "Retain"


def test_alerts_topic_and_every_log_group_are_encrypted_with_the_rotated_key(
    dev: Deployed,
) -> None:
    key = dev.exports["ecom-dev-MonitoringKeyArn"]
    kms = boto3.client("kms")
    # (moto's DescribeKey fails on a key CloudFormation made: its policy is kept as a dict.)
    aliases = {a["AliasName"]: a.get("TargetKeyId") for a in kms.list_aliases()["Aliases"]}
    assert key.endswith(f":key/{aliases['alias/ecom-dev-monitoring']}")
    assert kms.get_key_rotation_status(KeyId=key)["KeyRotationEnabled"] is True
    topic = dev.exports["ecom-dev-AlertsTopicArn"]
    attributes = boto3.client("sns").get_topic_attributes(TopicArn=topic)["Attributes"]
    assert attributes["KmsMasterKeyId"] == key
    # Every log group of every stack uses the key (moto's CloudFormation drops KmsKeyId: the
    # templates), and the key policy lets CloudWatch Logs use it for exactly those groups.
    values = dev_values(dev)
    groups = set()
    for name, template in dev.templates.items():
        for logical_id, resource in template["Resources"].items():
            if resource["Type"] == "AWS::Logs::LogGroup":
                assert resource["Properties"]["KmsKeyId"] == {
                    "Fn::ImportValue": {"Fn::Sub": "ecom-${Environment}-MonitoringKeyArn"}
                }, (name, logical_id)
                groups.add(substitute(resource["Properties"]["LogGroupName"], values))
    assert groups == {
        "/aws/lambda/ecom-dev-ingest",
        "/ecs/ecom-dev-dbt-runner",
        "/aws/vendedlogs/states/ecom-dev-daily",
    }
    created = boto3.client("logs").describe_log_groups(logGroupNamePrefix="/")["logGroups"]
    assert groups <= {g["logGroupName"] for g in created}
    monitoring = dev.templates["monitoring"]["Resources"]
    statements = substitute(
        monitoring["MonitoringKey"]["Properties"]["KeyPolicy"]["Statement"], values
    )
    [logs] = [
        s for s in statements if s["Principal"] == {"Service": f"logs.{REGION}.amazonaws.com"}
    ]
    prefix = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:"
    allowed = logs["Condition"]["ArnLike"]["kms:EncryptionContext:aws:logs:arn"]
    assert {arn.removeprefix(prefix) for arn in allowed} == groups


def test_everything_that_publishes_to_the_alerts_topic_may_use_its_key(dev: Deployed) -> None:
    monitoring = dev.templates["monitoring"]["Resources"]
    topic_policy = monitoring["AlertsTopicPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    publishers = {
        s["Principal"]["Service"]
        for s in topic_policy
        if s["Effect"] == "Allow" and s["Action"] == "sns:Publish"
    }
    assert publishers == {"cloudwatch.amazonaws.com", "budgets.amazonaws.com"}
    for publisher in publishers:
        [grant] = [
            s
            for s in monitoring["MonitoringKey"]["Properties"]["KeyPolicy"]["Statement"]
            if publisher in as_list(s["Principal"].get("Service", []))
        ]
        assert set(grant["Action"]) == {"kms:Decrypt", "kms:GenerateDataKey*"}, publisher
    # The daily workflow publishes with its role: it may use the key, through SNS only.
    iam = boto3.client("iam")
    document = iam.get_role_policy(
        RoleName="ecom-dev-daily-workflow", PolicyName="run-runner-task-and-notify"
    )["PolicyDocument"]
    if isinstance(document, str):  # moto keeps a CloudFormation policy as Python repr
        document = ast.literal_eval(unquote(document))
    [kms] = [s for s in document["Statement"] if s.get("Sid") == "EncryptNotifications"]
    assert kms["Resource"] == dev.exports["ecom-dev-MonitoringKeyArn"]
    assert kms["Condition"] == {"StringEquals": {"kms:ViaService": f"sns.{REGION}.amazonaws.com"}}


def test_runner_image_tags_are_immutable_and_never_default_to_latest(dev: Deployed) -> None:
    [repository] = boto3.client("ecr").describe_repositories(
        repositoryNames=["ecom-dev-dbt-runner"]
    )["repositories"]
    assert repository["imageTagMutability"] == "IMMUTABLE"
    task = boto3.client("ecs").describe_task_definition(taskDefinition="ecom-dev-runner")
    [container] = task["taskDefinition"]["containerDefinitions"]
    assert container["image"] == (
        f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/ecom-dev-dbt-runner:{dev.params['RunnerImageTag']}"
    )
    parameter = dev.templates["workflow"]["Parameters"]["RunnerImageTag"]
    assert "Default" not in parameter
    pattern = parameter["AllowedPattern"]
    assert not re.fullmatch(pattern, "latest") and not re.fullmatch(pattern, "")
    assert re.fullmatch(pattern, "3f9c2a7be41d") and re.fullmatch(pattern, "v1.4.0")


def test_raw_tables_have_partition_projection_over_the_landing_prefix(
    dev: Deployed, glue_tables: dict[str, Any]
) -> None:
    lake = dev.outputs["storage"]["LakeUri"]
    assert set(glue_tables) == set(RAW_TABLES)
    for name in ("sales", "products", "customers"):
        table = glue_tables[name]
        parameters = table["Parameters"]
        assert parameters["projection.enabled"] == "true"
        assert parameters["projection.ingest_date.type"] == "date"
        assert parameters["projection.ingest_date.format"] == "yyyy-MM-dd"
        assert parameters["storage.location.template"] == (
            f"{lake}/landing/{name}/ingest_date=${{ingest_date}}/"
        )
        assert table["StorageDescriptor"]["Location"] == f"{lake}/landing/{name}/"
        assert [k["Name"] for k in table["PartitionKeys"]] == ["ingest_date"]


def test_raw_tables_are_exactly_what_the_cli_registers(
    dev: Deployed, glue_tables: dict[str, Any]
) -> None:
    lake = dev.outputs["storage"]["LakeUri"]
    for name, wanted in glue_table_inputs(lake).items():
        assert glue_tables[name]["Parameters"] == {
            **glue_tables[name]["Parameters"],
            **wanted["Parameters"],
        }
    changes = register_raw_tables(boto3.client("glue"), dev.params["RawDatabaseName"], lake)
    assert not changes.changed and sorted(changes.unchanged) == sorted(glue_tables)


def test_analytics_databases_match_the_dbt_layers(
    dev: Deployed, glue_tables: dict[str, Any]
) -> None:
    names = {d["Name"] for d in boto3.client("glue").get_databases()["DatabaseList"]}
    base = dev.params["AnalyticsDatabaseName"]
    for layer in ("staging", "intermediate", "marts", "qa", "snapshots", "reference"):
        assert f"{base}_{layer}" in names
    assert {base, dev.params["RawDatabaseName"]} <= names


def test_athena_workgroup_settings(dev: Deployed) -> None:
    # moto's CloudFormation has no AWS::Athena::WorkGroup: asserted on the template.
    workgroup = dev.templates["athena"]["Resources"]["WorkGroup"]["Properties"]
    config = workgroup["WorkGroupConfiguration"]
    assert config["EngineVersion"]["SelectedEngineVersion"] == "Athena engine version 3"
    assert config["EnforceWorkGroupConfiguration"] is True
    assert config["PublishCloudWatchMetricsEnabled"] is True
    assert config["BytesScannedCutoffPerQuery"] == {"Ref": "BytesScannedCutoffPerQuery"}
    assert int(dev.params["BytesScannedCutoffPerQuery"]) >= 10_000_000
    assert config["ResultConfiguration"]["OutputLocation"]["Fn::Sub"][0] == (
        "s3://${Bucket}/athena-results/"
    )
    assert config["ResultConfiguration"]["EncryptionConfiguration"] == {
        "EncryptionOption": "SSE_S3"
    }


def test_no_created_iam_policy_allows_every_action_on_every_resource(dev: Deployed) -> None:
    iam = boto3.client("iam")
    roles = [r for r in iam.list_roles()["Roles"] if r["RoleName"].startswith("ecom-dev-")]
    assert {r["RoleName"] for r in roles} >= {
        "ecom-dev-ingest-function",
        "ecom-dev-dbt-runner-task",
        "ecom-dev-dbt-runner-execution",
        "ecom-dev-analyst",
        "ecom-dev-daily-workflow",
        "ecom-dev-daily-schedule",
    }
    checked = 0
    for role in roles:
        for policy in iam.list_role_policies(RoleName=role["RoleName"])["PolicyNames"]:
            document = iam.get_role_policy(RoleName=role["RoleName"], PolicyName=policy)[
                "PolicyDocument"
            ]
            if isinstance(document, str):  # moto keeps a CloudFormation policy as Python repr
                document = ast.literal_eval(unquote(document))
            assert document["Statement"], (role["RoleName"], policy)
            assert wildcard_statements(document) == [], (role["RoleName"], policy)
            checked += 1
        assert (
            iam.list_attached_role_policies(RoleName=role["RoleName"])["AttachedPolicies"] == []
        ), "managed policies are broader than the inline, prefix-scoped ones"
    assert checked >= 10


def test_ingest_function_is_configured_for_the_lake_with_a_dead_letter_queue(
    dev: Deployed,
) -> None:
    function = boto3.client("lambda").get_function(FunctionName="ecom-dev-ingest")
    config = function["Configuration"]
    assert config["Handler"] == "ingest.lambda_handler.handler"
    assert config["Role"].endswith("role/ecom-dev-ingest-function")
    env = config["Environment"]["Variables"]
    assert env["ECOM_LAKE_URI"] == dev.outputs["storage"]["LakeUri"]
    assert env["ECOM_RAW_SCHEMA"] == "ecom_dev_raw"
    events = boto3.client("events")
    rule = events.describe_rule(Name="ecom-dev-inbox-object-created")
    pattern = json.loads(rule["EventPattern"])
    assert pattern["detail-type"] == ["Object Created"]
    assert pattern["detail"]["object"]["key"] == [{"prefix": "lake/inbox/"}]
    [target] = events.list_targets_by_rule(Rule="ecom-dev-inbox-object-created")["Targets"]
    assert target["Arn"] == config["FunctionArn"]
    assert target["DeadLetterConfig"]["Arn"].endswith(":ecom-dev-ingest-dlq")
    schedule = events.describe_rule(Name="ecom-dev-customer-pull")
    assert schedule["ScheduleExpression"] == "rate(1 hour)"
    boto3.client("sqs").get_queue_url(QueueName="ecom-dev-ingest-dlq")
    invoke = dev.templates["ingest"]["Resources"]["IngestFunctionInvokeConfig"]["Properties"]
    assert invoke["DestinationConfig"]["OnFailure"]["Destination"] == {
        "Fn::GetAtt": ["IngestDeadLetterQueue", "Arn"]
    }


def test_lambda_handler_lands_an_inbox_file_as_the_cli_would(
    dev: Deployed, glue_tables: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env = boto3.client("lambda").get_function_configuration(FunctionName="ecom-dev-ingest")[
        "Environment"
    ]["Variables"]
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    bucket, prefix = dev.exports["ecom-dev-LakeBucketName"], dev.exports["ecom-dev-LakePrefix"]
    data = (
        b"transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"
        b"T1,C1,P1,2,19.98,2026-11-21 10:00:00\n"
    )
    s3 = boto3.client("s3")
    inbox_key = f"{prefix}/inbox/sales/sales_2026-11-21.csv"
    s3.put_object(Bucket=bucket, Key=inbox_key, Body=data)
    event = {
        "source": "aws.s3",
        "detail-type": "Object Created",
        "detail": {"bucket": {"name": bucket}, "object": {"key": inbox_key}},
    }
    [report] = handler(event)["reports"]
    [landed] = report["files"]
    assert landed["status"] == "landed"
    listed = s3.list_objects_v2(Bucket=bucket, Prefix=f"{prefix}/landing/sales/")["Contents"]
    # (test_catalog_contract.py lands its own sample in this lake, under other names)
    [key] = [o["Key"] for o in listed if o["Key"].endswith("-sales_2026-11-21.csv")]
    # the contract's nine columns, the line numbered within its order
    landed_bytes = (
        b"transaction_id,customer_id,product_id,quantity,amount,transaction_date,"
        b"line_number,line_type,original_transaction_id\n"
        b"T1,C1,P1,2,19.98,2026-11-21 10:00:00,1,,\n"
    )
    assert s3.get_object(Bucket=bucket, Key=key)["Body"].read() == landed_bytes
    assert s3.list_objects_v2(Bucket=bucket, Prefix=f"{prefix}/inbox/")["KeyCount"] == 0
    # Where the Glue table (partition projection) finds it: landing/sales/ingest_date=<day>/.
    location = glue_tables["sales"]["Parameters"]["storage.location.template"]
    day = key.split("ingest_date=")[1].split("/")[0]
    assert f"s3://{bucket}/{key}".startswith(location.replace("${ingest_date}", day))
    # ... and Redshift Spectrum, which ignores projection, in the partition the function listed.
    partition = boto3.client("glue").get_partition(
        DatabaseName=env["ECOM_RAW_SCHEMA"], TableName="sales", PartitionValues=[day]
    )["Partition"]
    assert partition["StorageDescriptor"]["Location"] == location.replace("${ingest_date}", day)
    # The CLI, given the same bytes, lands the same relative layout in its own lake.
    cli_lake = f"s3://{bucket}/cli-lake"
    source = tmp_path / "sales_2026-11-21.csv"
    source.write_bytes(data)
    from conftest import run_ecom

    result = run_ecom(
        ["ingest", "sales", str(source), "--lake", cli_lake, "--no-glue"],
        {**__import__("os").environ, "ECOM_LAKE_URI": cli_lake},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    cli_listed = s3.list_objects_v2(Bucket=bucket, Prefix="cli-lake/landing/sales/")["Contents"]
    [cli_key] = [o["Key"] for o in cli_listed]

    def shape(k: str, root: str) -> str:
        relative = k.removeprefix(f"{root}/")
        folder, name = relative.rsplit("/", 1)
        return f"{folder}/{name.split('-', 1)[1]}"  # drop the batch id

    assert shape(cli_key, "cli-lake") == shape(key, prefix)
    assert s3.get_object(Bucket=bucket, Key=cli_key)["Body"].read() == landed_bytes


def test_daily_workflow_every_task_retries_and_catches(dev: Deployed) -> None:
    sfn = boto3.client("stepfunctions")
    arn = dev.outputs["workflow"]["StateMachineArn"]
    definition = json.loads(sfn.describe_state_machine(stateMachineArn=arn)["definition"])
    states = definition["States"]
    tasks = {name: s for name, s in states.items() if s["Type"] == "Task"}
    assert set(tasks) == {
        "Ingest",
        "DailyRun",
        "Maintain",
        "NotifySuccess",
        "NotifyFailure",
        "NotifyMaintenanceFailure",
    }
    for name, task in tasks.items():
        assert task["Retry"] and all(r["BackoffRate"] >= 2 for r in task["Retry"]), name
        assert any("States.ALL" in c["ErrorEquals"] for c in task["Catch"]), name
        assert states[task["Catch"][0]["Next"]]["Type"] in ("Task", "Fail"), name
    # customer pull -> the daily run -> Iceberg upkeep -> notify, each a Fargate task of the
    # runner image.
    order, state = [], definition["StartAt"]
    while state:
        order.append(state)
        step = states[state]
        state = step.get("Next") or step.get("Default")
    assert order[-4:] == ["Ingest", "DailyRun", "Maintain", "NotifySuccess"]
    for name in ("Ingest", "DailyRun", "Maintain"):
        assert tasks[name]["Resource"] == "arn:aws:states:::ecs:runTask.sync"
        assert tasks[name]["Parameters"]["LaunchType"] == "FARGATE"
    # One build a day: only the daily run builds (`ecom run` runs dbt build itself); a step of
    # its own running `dbt build` as well built every model and test twice.
    commands = {
        name: json.dumps(task["Parameters"].get("Overrides", {})) for name, task in tasks.items()
    }
    builders = [n for n, c in commands.items() if "dbt build" in c or "ecom run" in c]
    assert builders == ["DailyRun"], commands
    assert "ecom run --target athena --date {}" in commands["DailyRun"]
    assert "python -m ecom.cloudwatch target/athena/run_results.json" in commands["DailyRun"]
    # exit 3 (data problems) ends the step well: ecom run alerted through the topic itself
    assert "if [ $status -eq 3 ]; then" in commands["DailyRun"]
    runner = dev.templates["workflow"]["Resources"]["RunnerTaskDefinition"]["Properties"]
    env = {e["Name"] for e in runner["ContainerDefinitions"][0]["Environment"]}
    assert "ECOM_ALERT_SNS_TOPIC_ARN" in env
    # Compaction and snapshot expiry of the Iceberg tables, after the build; its failure is
    # told apart from the build's (the marts are built) and still fails the execution.
    maintain = tasks["Maintain"]["Parameters"]["Overrides"]["ContainerOverrides"][0]["Command"]
    assert maintain[:5] == ["dbt", "run-operation", "iceberg_maintenance", "--target", "athena"]
    assert tasks["Maintain"]["Catch"][0]["Next"] == "NotifyMaintenanceFailure"
    assert states["NotifyMaintenanceFailure"]["Next"] == "MaintenanceFailed"
    assert states["MaintenanceFailed"]["Type"] == "Fail"
    assert tasks["NotifyFailure"]["Next"] == "WorkflowFailed"
    assert states["WorkflowFailed"]["Type"] == "Fail"
    subnets = dev.params["SubnetIds"].split(",")
    network = tasks["Ingest"]["Parameters"]["NetworkConfiguration"]["AwsvpcConfiguration"]
    assert network["Subnets"] == subnets


def test_schedule_alarms_budget_and_dashboard(dev: Deployed) -> None:
    # Scheduler, alarms and budgets are not in moto's CloudFormation: the template.
    schedule = dev.templates["workflow"]["Resources"]["DailyRunSchedule"]["Properties"]
    assert schedule["Target"]["Arn"] == {"Ref": "DailyWorkflow"}
    monitoring = dev.templates["monitoring"]["Resources"]
    metrics = {
        (r["Properties"]["Namespace"], r["Properties"]["MetricName"])
        for r in monitoring.values()
        if r["Type"] == "AWS::CloudWatch::Alarm"
    }
    assert metrics >= {
        ("AWS/States", "ExecutionsFailed"),
        ("AWS/Lambda", "Errors"),
        ("AWS/Lambda", "Throttles"),
        ("ecom", "DbtTestFailures"),
        ("AWS/Athena", "ProcessedBytes"),
    }
    for resource in monitoring.values():
        if resource["Type"] == "AWS::CloudWatch::Alarm":
            assert resource["Properties"]["AlarmActions"] == [{"Ref": "AlertsTopic"}]
    budget = monitoring["MonthlyCostBudget"]["Properties"]["Budget"]
    assert budget["TimeUnit"] == "MONTHLY"
    dashboard = boto3.client("cloudwatch").get_dashboard(DashboardName="ecom-dev")
    body = json.loads(dashboard["DashboardBody"])
    assert len(body["widgets"]) == 4
    topic = dev.exports["ecom-dev-AlertsTopicArn"]
    assert boto3.client("sns").get_topic_attributes(TopicArn=topic)


def test_redshift_stack_creates_nothing_billable_unless_enabled(dev: Deployed) -> None:
    resources = dev.templates["redshift"]["Resources"]
    assert dev.params["EnableRedshift"] == "false"
    for name, resource in resources.items():
        expected = "SkipRedshift" if name == "RedshiftDisabled" else "CreateRedshift"
        assert resource["Condition"] == expected, name
    assert not any(
        r["RoleName"] == "ecom-dev-redshift-spectrum"
        for r in boto3.client("iam").list_roles()["Roles"]
    )
    assert any(
        isinstance(n, dict) and n.get("ManageAdminPassword") is True
        for n in walk(resources["Namespace"])
    )


def test_deploy_script_deploys_and_destroys_with_change_sets(
    moto_endpoint: str, tmp_path: Path
) -> None:
    # prod, so it does not touch the dev stacks above; only stacks that import nothing.
    root = stage_repo(tmp_path)
    env = {
        "ECOM_STACKS": "storage monitoring",
        "VPC_ID": "vpc-1",
        "SUBNET_IDS": "subnet-1,subnet-2",
        "ALERT_EMAIL": "ops@example.com",
    }
    printed = run_deploy_script(root, "deploy", env, "prod")
    assert "Successfully created/updated stack - ecom-prod-storage" in printed
    assert "Successfully created/updated stack - ecom-prod-monitoring" in printed
    cfn = boto3.client("cloudformation")
    storage = cfn.describe_stacks(StackName="ecom-prod-storage")["Stacks"][0]
    assert {p["ParameterKey"]: p["ParameterValue"] for p in storage["Parameters"]} == {
        "Environment": "prod",
        "LakePrefix": "lake",
        "NoncurrentVersionDays": "30",
        "LogRetentionDays": "90",
    }
    monitoring = cfn.describe_stacks(StackName="ecom-prod-monitoring")["Stacks"][0]
    given = {p["ParameterKey"]: p["ParameterValue"] for p in monitoring["Parameters"]}
    assert given["MonthlyCostBudgetUsd"] == "100" and given["AlertEmail"] == "ops@example.com"
    destroyed = run_deploy_script(root, "destroy", env, "prod")
    assert "deleting ecom-prod-monitoring" in destroyed and "bucket is kept" in destroyed
    live = {
        s["StackName"]
        for s in cfn.list_stacks()["StackSummaries"]
        if s["StackStatus"] != "DELETE_COMPLETE"
    }
    assert not {"ecom-prod-storage", "ecom-prod-monitoring"} & live
    boto3.client("s3").head_bucket(Bucket=f"ecom-prod-lake-{ACCOUNT}-{REGION}")  # Retain


def deploy_script_dry_run(root: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """infra/deploy.sh deploy dev of the workflow stack with `echo` as the AWS CLI: the
    commands it would run, printed; no git repository above root unless root has one."""
    return subprocess.run(
        ["bash", str(root / "infra" / "deploy.sh"), "deploy", "dev"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={
            **os.environ,
            "AWS": "echo aws",
            "ECOM_STACKS": "workflow",
            "VPC_ID": "vpc-1",
            "SUBNET_IDS": "subnet-1",
            "GIT_CEILING_DIRECTORIES": str(root.parent),
            **env,
        },
    )


def test_deploy_script_runs_the_runner_image_of_the_commit_checked_out(tmp_path: Path) -> None:
    root = stage_repo(tmp_path / "repo")
    git = ["git", "-C", str(root), "-c", "user.name=ecom", "-c", "user.email=ecom@example.com"]
    subprocess.run([*git, "init", "--quiet"], check=True)
    subprocess.run([*git, "add", "infra"], check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "infra"], check=True)
    commit = subprocess.run(
        [*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    result = deploy_script_dry_run(root, {})
    assert result.returncode == 0, result.stderr
    [deploy] = [line for line in result.stdout.splitlines() if "cloudformation deploy" in line]
    assert f" RunnerImageTag={commit[:12]}" in deploy
    # An explicit tag wins.
    tagged = deploy_script_dry_run(root, {"RUNNER_IMAGE_TAG": "v1.4.0"})
    assert " RunnerImageTag=v1.4.0" in tagged.stdout


def test_deploy_script_refuses_latest_and_asks_for_a_tag_outside_git(tmp_path: Path) -> None:
    root = stage_repo(tmp_path / "repo")
    latest = deploy_script_dry_run(root, {"RUNNER_IMAGE_TAG": "latest"})
    assert latest.returncode == 2
    assert "tags are immutable" in latest.stderr and "cloudformation deploy" not in latest.stdout
    untagged = deploy_script_dry_run(root, {})
    assert untagged.returncode == 2
    assert "not a git checkout: set RUNNER_IMAGE_TAG" in untagged.stderr
