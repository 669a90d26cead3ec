from aws_cdk import Duration, Stack, CfnOutput
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from stacks.functions import make_consumer


class EventBusStack(Stack):
    """Custom event bus for domain events, with an archive, a rule per consumer and a DLQ."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        bus = events.EventBus(self, "DomainBus", event_bus_name="domain-events")

        bus.archive(
            "DomainArchive",
            archive_name="domain-events-archive",
            description="Replayable archive of all domain events",
            event_pattern=events.EventPattern(account=[self.account]),
            retention=Duration.days(30),
        )

        dlq = sqs.Queue(self, "TargetDLQ", retention_period=Duration.days(14), enforce_ssl=True)

        billing_fn = make_consumer(self, "BillingConsumer", "print(json.dumps(event))")
        shipping_fn = make_consumer(self, "ShippingConsumer", "print('ship', event['detail'])")

        audit_queue = sqs.Queue(self, "AuditQueue", enforce_ssl=True)

        events.Rule(
            self,
            "OrderPlacedRule",
            event_bus=bus,
            event_pattern=events.EventPattern(source=["shop.orders"], detail_type=["OrderPlaced"]),
            targets=[
                targets.LambdaFunction(billing_fn, dead_letter_queue=dlq, retry_attempts=3),
                targets.LambdaFunction(shipping_fn, dead_letter_queue=dlq, retry_attempts=3),
            ],
        )

        events.Rule(
            self,
            "AuditEverythingRule",
            event_bus=bus,
            event_pattern=events.EventPattern(source=events.Match.prefix("shop.")),
            targets=[targets.SqsQueue(audit_queue, dead_letter_queue=dlq)],
        )

        CfnOutput(self, "EventBusName", value=bus.event_bus_name)
