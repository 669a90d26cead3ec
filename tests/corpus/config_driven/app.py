#!/usr/bin/env python3
"""Resources generated from a tenant table; a typical 'one stack, many tenants' draft."""
from dataclasses import dataclass, field

import aws_cdk as cdk
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_kms as kms
from aws_cdk import aws_iam as iam


@dataclass
class Tenant:
    name: str
    tier: str = "standard"
    admins: list[str] = field(default_factory=list)


TENANTS = [
    Tenant("acme", "premium", ["alice"]),
    Tenant("globex"),
    Tenant("initech", admins=["bob", "carol"]),
]


class TenantsStack(cdk.Stack):
    def __init__(self, scope, construct_id, tenants, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        self.buckets = {}
        for tenant in tenants:
            key = kms.Key(self, f"{tenant.name}-key", alias=f"alias/tenant/{tenant.name}")
            self.buckets[tenant.name] = s3.Bucket(
                self, f"{tenant.name}-data",
                bucket_name=f"tenant-{tenant.name}-data",
                encryption_key=key,
                removal_policy=cdk.RemovalPolicy.RETAIN if tenant.tier == "premium" else cdk.RemovalPolicy.DESTROY,
            )
            table = dynamodb.Table(
                self, f"{tenant.name}-table",
                partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
                encryption=dynamodb.TableEncryption.CUSTOMER_MANAGED,
                encryption_key=key,
                **({"billing_mode": dynamodb.BillingMode.PAY_PER_REQUEST} if tenant.tier != "premium" else {}),
            )
            for admin in tenant.admins:
                user = iam.User.from_user_name(self, f"{tenant.name}-{admin}", admin)
                table.grant_full_access(user)


app = cdk.App()
TenantsStack(app, "Tenants", TENANTS)
app.synth()
