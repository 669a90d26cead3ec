from aws_cdk import App, Stack, RemovalPolicy
from aws_cdk import aws_kms as kms
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct


class LedgerStack(Stack):
	"""Indented with tabs, as the original author's editor was set up."""

	def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
		super().__init__(scope, construct_id, **kwargs)
		key = kms.Key(
			self,
			"LedgerKey",
			alias="alias/ledger",
		)
		dynamodb.Table(
			self,
			"Ledger",
			partition_key=dynamodb.Attribute(name="account", type=dynamodb.AttributeType.STRING),
			sort_key=dynamodb.Attribute(name="seq", type=dynamodb.AttributeType.NUMBER),
			encryption=dynamodb.TableEncryption.CUSTOMER_MANAGED,
			encryption_key=key,
			removal_policy=RemovalPolicy.DESTROY,
		)


app = App()
LedgerStack(app, "Ledger")
app.synth()
