from aws_cdk import CfnOutput, Duration, Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_ecs_patterns as patterns
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct


def add_task_permissions(task_role, bucket: s3.IBucket) -> None:
    from aws_cdk import aws_iam as iam

    bucket.grant_read_write(task_role)
    task_role.add_to_principal_policy(
        iam.PolicyStatement(actions=["mediaconvert:CreateJob", "mediaconvert:GetJob"], resources=["*"])
    )


class VideoWorkerStack(Stack):
    """Fargate workers that scale on the depth of an SQS queue of video transcoding jobs."""

    def __init__(self, scope: Construct, construct_id: str, *, image: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(self, "WorkerVpc", cidr="10.40.0.0/16", max_azs=2, nat_gateways=1)
        cluster = ecs.Cluster(self, "WorkerCluster", vpc=vpc, container_insights=True)

        media = s3.Bucket(
            self,
            "MediaBucket",
            encryption=s3.BucketEncryption.S3_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
        )

        dlq = sqs.Queue(self, "JobsDlq", retention_period=Duration.days(14))
        jobs = sqs.Queue(
            self,
            "TranscodeJobs",
            visibility_timeout=Duration.minutes(15),
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=dlq),
        )

        service = patterns.QueueProcessingFargateService(
            self,
            "TranscodeService",
            cluster=cluster,
            image=ecs.ContainerImage.from_registry(image),
            command=["python", "-m", "worker"],
            queue=jobs,
            cpu=1024,
            memory_limit_mib=2048,
            min_scaling_capacity=0,
            max_scaling_capacity=10,
            scaling_steps=[
                {"upper": 0, "change": -1},
                {"lower": 10, "change": +2},
                {"lower": 100, "change": +5},
            ],
            environment={"MEDIA_BUCKET": media.bucket_name},
            log_driver=ecs.LogDrivers.aws_logs(
                stream_prefix="transcode",
                log_retention=logs.RetentionDays.THIRTY_DAYS,
            ),
        )
        add_task_permissions(service.task_definition.task_role, media)

        cloudwatch.Alarm(
            self,
            "DlqAlarm",
            metric=dlq.metric_approximate_number_of_messages_visible(),
            threshold=1,
            evaluation_periods=1,
            period=Duration.minutes(1),
            statistic="Maximum",
        )

        CfnOutput(self, "JobsQueueUrl", value=jobs.queue_url)
