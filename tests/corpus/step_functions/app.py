from aws_cdk import App, Duration, Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_stepfunctions as sfn
from aws_cdk import aws_stepfunctions_tasks as tasks
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_logs as logs
from constructs import Construct


class OnboardingWorkflowStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        customers = dynamodb.Table(
            self, "Customers",
            partition_key=dynamodb.Attribute(name="customer_id", type=dynamodb.AttributeType.STRING),
        )

        def step_function(name: str) -> lambda_.Function:
            return lambda_.Function(
                self, name,
                runtime=lambda_.Runtime.PYTHON_3_12,
                handler=f"{name.lower()}.handler",
                code=lambda_.Code.from_asset("steps"),
                timeout=Duration.seconds(30),
            )

        validate = tasks.LambdaInvoke(self, "Validate", lambda_function=step_function("ValidateCustomer"),
                                      output_path="$.Payload")
        score = tasks.LambdaInvoke(self, "Score", lambda_function=step_function("CreditScore"),
                                   output_path="$.Payload")
        store = tasks.DynamoPutItem(
            self, "Store",
            table=customers,
            item={"customer_id": tasks.DynamoAttributeValue.from_string(sfn.JsonPath.string_at("$.id"))},
        )
        reject = sfn.Fail(self, "Rejected", cause="score too low")

        definition = validate.next(score).next(
            sfn.Choice(self, "Approved?")
            .when(sfn.Condition.number_greater_than("$.score", 600), store)
            .otherwise(reject)
        )

        sfn.StateMachine(
            self, "Onboarding",
            definition_body=sfn.DefinitionBody.from_chainable(definition),
            timeout=Duration.minutes(5),
            logs=sfn.LogOptions(destination=logs.LogGroup(self, "WorkflowLogs"), level=sfn.LogLevel.ALL),
            tracing_enabled=True,
        )


app = App()
OnboardingWorkflowStack(app, "Onboarding")
app.synth()
