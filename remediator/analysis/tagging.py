"""Tags: which resources a new tag replaces, and which constructs build such resources.

``Tags.of(scope).add(...)`` reaches every taggable resource below ``scope``. For most resource types
CloudFormation updates tags in place, but for a few the tag property is *create-only*: a new tag
there means a new resource (a new EC2 key pair, a new Batch compute environment...).

:data:`TAG_REPLACING_TYPES` are the resource types whose CloudFormation resource schema lists its
tag property (``tagging.tagProperty``, ``Tags`` by default) in ``createOnlyProperties``, as the
schemas bundled with cfn-lint say (``tests/test_tagging_facts.py`` recomputes the list from them
and fails when it drifts). L1 classes map to their type by name (``aws_cdk.aws_ec2.CfnKeyPair`` is
``AWS::EC2::KeyPair``); :data:`TAG_REPLACING_CONSTRUCTS` are the higher-level aws-cdk-lib
constructs that create such resources, found by reading which of aws-cdk-lib's own modules
instantiate those L1 classes (2.275.0; the synth test checks each entry).
"""

from __future__ import annotations

#: resource types whose tags are create-only (cfn-lint's resource schemas, us-east-1)
TAG_REPLACING_TYPES = frozenset({
    "AWS::ApiGateway::DomainNameAccessAssociation", "AWS::AppConfig::Deployment",
    "AWS::AppRunner::AutoScalingConfiguration", "AWS::AppRunner::ObservabilityConfiguration",
    "AWS::AppRunner::Service", "AWS::AppRunner::VpcConnector", "AWS::AppRunner::VpcIngressConnection",
    "AWS::BackupGateway::Hypervisor", "AWS::Batch::ComputeEnvironment",
    "AWS::Bedrock::AutomatedReasoningPolicyVersion", "AWS::Bedrock::PromptVersion",
    "AWS::CE::AnomalyMonitor", "AWS::CE::AnomalySubscription", "AWS::CloudFormation::ChangeSet",
    "AWS::CloudFront::AnycastIpList", "AWS::CodeGuruReviewer::RepositoryAssociation",
    "AWS::Cognito::UserPoolReplica", "AWS::DRS::LaunchConfigurationTemplate", "AWS::EC2::KeyPair",
    "AWS::EC2::PlacementGroup", "AWS::ECS::ExpressGatewayService", "AWS::EMRContainers::JobTemplate",
    "AWS::FinSpace::Environment", "AWS::HealthImaging::Datastore", "AWS::IoT::JobTemplate",
    "AWS::IoTTwinMaker::SyncJob", "AWS::Kinesis::StreamConsumer", "AWS::MGN::LaunchConfigurationTemplate",
    "AWS::MSK::ServerlessCluster", "AWS::MediaLive::CloudWatchAlarmTemplate",
    "AWS::MediaLive::CloudWatchAlarmTemplateGroup", "AWS::MediaLive::EventBridgeRuleTemplate",
    "AWS::MediaLive::EventBridgeRuleTemplateGroup", "AWS::MediaLive::SignalMap", "AWS::MediaPackage::Asset",
    "AWS::MediaPackage::Channel", "AWS::MediaPackage::PackagingGroup",
    "AWS::Notifications::NotificationConfiguration", "AWS::NotificationsContacts::EmailContact",
    "AWS::Omics::AnnotationStore", "AWS::Omics::ReferenceStore", "AWS::Omics::VariantStore",
    "AWS::OpenSearchServerless::Collection", "AWS::PI::PerfReports", "AWS::Personalize::Dataset",
    "AWS::Personalize::DatasetGroup", "AWS::Personalize::Schema", "AWS::Personalize::Solution",
    "AWS::QuickSight::Topic", "AWS::QuickSight::TopicV2", "AWS::RedshiftServerless::Snapshot",
    "AWS::Route53RecoveryControl::Cluster", "AWS::Route53RecoveryControl::ControlPanel",
    "AWS::Route53Resolver::ResolverQueryLoggingConfig", "AWS::S3::AccessGrant",
    "AWS::S3::AccessGrantsInstance", "AWS::S3::AccessGrantsLocation",
    "AWS::SageMaker::DataQualityJobDefinition", "AWS::SageMaker::FeatureGroup",
    "AWS::SageMaker::ModelBiasJobDefinition", "AWS::SageMaker::ModelExplainabilityJobDefinition",
    "AWS::SageMaker::ModelQualityJobDefinition", "AWS::SageMaker::ProcessingJob", "AWS::SageMaker::Project",
    "AWS::SageMaker::StudioLifecycleConfig", "AWS::Wisdom::AIAgent", "AWS::Wisdom::AIGuardrail",
    "AWS::Wisdom::AIPrompt", "AWS::Wisdom::Assistant", "AWS::Wisdom::AssistantAssociation",
    "AWS::Wisdom::ContentAssociation", "AWS::Wisdom::KnowledgeBase", "AWS::WorkSpaces::ConnectionAlias",
})

#: aws-cdk-lib constructs (not L1) that create resources of those types
TAG_REPLACING_CONSTRUCTS: dict[str, tuple[str, ...]] = {
    "aws_cdk.aws_ec2.KeyPair": ("AWS::EC2::KeyPair",),
    "aws_cdk.aws_ec2.PlacementGroup": ("AWS::EC2::PlacementGroup",),
    "aws_cdk.aws_kinesis.StreamConsumer": ("AWS::Kinesis::StreamConsumer",),
    "aws_cdk.aws_batch.ManagedEc2EcsComputeEnvironment": ("AWS::Batch::ComputeEnvironment",),
    "aws_cdk.aws_batch.ManagedEc2EksComputeEnvironment": ("AWS::Batch::ComputeEnvironment",),
    "aws_cdk.aws_batch.FargateComputeEnvironment": ("AWS::Batch::ComputeEnvironment",),
    "aws_cdk.aws_batch.UnmanagedComputeEnvironment": ("AWS::Batch::ComputeEnvironment",),
    # a configuration deployed to environments (deploy_to=, Environment.add_deployment) is a Deployment
    "aws_cdk.aws_appconfig.HostedConfiguration": ("AWS::AppConfig::Deployment",),
    "aws_cdk.aws_appconfig.SourcedConfiguration": ("AWS::AppConfig::Deployment",),
    "aws_cdk.aws_appconfig.Environment": ("AWS::AppConfig::Deployment",),
    "aws_cdk.aws_appconfig.Application": ("AWS::AppConfig::Deployment",),
}

_L1 = {f"aws_cdk.aws_{t.split('::')[1].lower()}.Cfn{t.split('::')[2]}": t for t in TAG_REPLACING_TYPES}


def replaced_by_new_tags(qualname: str) -> tuple[str, ...]:
    """The tag-replacing resource types a construct class creates (``()`` for most)."""
    if qualname in _L1:
        return (_L1[qualname],)
    return TAG_REPLACING_CONSTRUCTS.get(qualname, ())
