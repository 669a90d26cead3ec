from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class StageParameterStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Data", bucket_name=f"acme-data-{stage}")


class ContextLocalStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env_name = self.node.try_get_context("environmentSuffix") or "dev"
        secretsmanager.Secret(self, "ApiKey", secret_name=f"api-platform-key-{env_name}")


class AttributeStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.stage = self.node.try_get_context("stage") or "dev"
        self._logs()

    def _logs(self) -> None:
        logs.LogGroup(self, "Audit", log_group_name=f"/acme/audit-{self.stage}")


class PropsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, props, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        iam.Role(
            self,
            "Worker",
            role_name=f"acme-worker-{props.environment_suffix}",
            assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"),
        )
        print(props.environment_suffix)
