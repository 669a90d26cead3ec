from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from constructs import Construct


class Unchanged(Stack):
    def __init__(self, scope: Construct, construct_id: str, bucket_factory=None, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        role = iam.Role(self, "Role", assumed_by=iam.AccountRootPrincipal())
        # valid names
        logs.LogGroup(self, "Logs", retention=logs.RetentionDays.ONE_MONTH)
        bucket = s3.Bucket(self, "Bucket")
        bucket.grant_read(role)
        bucket.grants.actions_on_object_keys(role, "*", "s3:GetObjectTagging")
        bucket.node.add_dependency(role)
        # no actions given: nothing to choose from, reported
        bucket.grant(role)
        # a receiver of unknown type: a factory could return anything
        other = bucket_factory(self)
        other.grant(role, "s3:GetObject")
        # typed IPrincipal by the API, but a Role at run time: interfaces that many classes
        # implement say too little to judge a member
        print(role.grant_principal.role_arn)
        # node.default_child is typed IConstruct: at run time it is the L1 (here a CfnBucket)
        cfn_bucket = bucket.node.default_child
        cfn_bucket.add_property_override("VersioningConfiguration.Status", "Enabled")
        # a name bound to different types in the same scope is unknown
        thing = s3.Bucket(self, "A")
        thing = logs.LogGroup(self, "B")
        thing.grant(role, "logs:PutLogEvents")
        # ambiguous: reported with the candidates, not guessed
        logs.LogGroup(self, "Fuzzy", retention=logs.RetentionDays.MONTHS)
        self.node.try_get_context("env")


class Suppressed(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        logs.LogGroup(self, "Kept", retention=logs.RetentionDays.THIRTY_DAYS)  # remediator: ignore[CDK104]


class OtherModules(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        from aws_cdk import aws_apprunner as apprunner
        from aws_cdk import aws_iot as iot

        # same-named classes of other services are different things: reported, never moved
        apprunner.Service(self, "Service")
        # an L2 class that does not exist is not its L1 class
        iot.TopicRule(self, "Rule")
