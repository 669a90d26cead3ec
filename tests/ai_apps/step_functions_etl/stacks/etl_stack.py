from aws_cdk import (
    Duration,
    Stack,
    aws_lambda as _lambda,
    aws_logs as logs,
    aws_s3 as s3,
    aws_stepfunctions as sfn,
    aws_stepfunctions_tasks as tasks,
)
from constructs import Construct


class EtlWorkflowStack(Stack):
    """Extract -> validate -> transform each partition -> load, orchestrated by Step Functions."""

    def __init__(self, scope: Construct, construct_id: str, *, env_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment = env_name
        is_prod = env_name == "prod"

        staging = s3.Bucket(
            self,
            "StagingBucket",
            encryption=s3.BucketEncryption.S3_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            lifecycle_rules=[s3.LifecycleRule(expiration=Duration.days(30))],
        )

        def etl_function(name: str, code: str) -> _lambda.Function:
            fn = _lambda.Function(
                self,
                name,
                runtime=_lambda.Runtime.PYTHON_3_12,
                handler="index.handler",
                code=_lambda.Code.from_inline(code),
                timeout=Duration.minutes(5),
                memory_size=1024,
                environment={"STAGING_BUCKET": staging.bucket_name, "ENV": self.environment},
                log_format="JSON",
                log_retention=logs.RetentionDays(7 if is_prod else 3),
            )
            staging.grant_read_write(fn)
            return fn

        extract_fn = etl_function(
            "ExtractFn",
            "def handler(event, context):\n    return {'partitions': ['2024-01', '2024-02'], 'valid': True}\n",
        )
        transform_fn = etl_function(
            "TransformFn",
            "def handler(event, context):\n    return {'partition': event, 'rows': 100}\n",
        )
        load_fn = etl_function(
            "LoadFn",
            "def handler(event, context):\n    return {'loaded': len(event)}\n",
        )

        extract = tasks.LambdaInvoke(self, "Extract", lambda_function=extract_fn, output_path="$.Payload")

        transform_each = sfn.Map(
            self,
            "TransformPartitions",
            items_path="$.partitions",
            max_concurrency=4,
            result_path="$.transformed",
        )
        transform_each.iterator(
            tasks.LambdaInvoke(self, "Transform", lambda_function=transform_fn, output_path="$.Payload")
            .add_retry(errors=["Lambda.TooManyRequestsException"], max_attempts=3, backoff_rate=2)
        )

        load = tasks.LambdaInvoke(self, "Load", lambda_function=load_fn, input_path="$.transformed")
        failed = sfn.Fail(self, "ValidationFailed", cause="Extract returned invalid data")
        done = sfn.Succeed(self, "Done")

        definition = extract.next(
            sfn.Choice(self, "IsValid?")
            .when(sfn.Condition.boolean_equals("$.valid", True), transform_each.next(load).next(done))
            .otherwise(failed)
        )

        sm_logs = logs.LogGroup(self, "StateMachineLogs", retention=logs.RetentionDays.ONE_MONTH)

        sfn.StateMachine(
            self,
            "EtlStateMachine",
            state_machine_name=f"etl-{env_name}",
            definition_body=sfn.DefinitionBody.from_chainable(definition),
            timeout=Duration.hours(2),
            tracing_enabled=True,
            logs=sfn.LogOptions(destination=sm_logs, level=sfn.LogLevel.ALL),
        )
