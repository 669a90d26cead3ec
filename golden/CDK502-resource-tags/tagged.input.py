from aws_cdk import App, Stack, Tags
from aws_cdk import aws_s3 as s3
from constructs import Construct


class TaggedStack(Stack):
    """Tagged in the class (any case), in super().__init__(tags=...) and by self.tags."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, tags={"environment": "prod"}, **kwargs)
        Tags.of(self).add("owner", "team-a")
        self.tags.set_tag("Project", "orders")
        s3.Bucket(self, "Data")


class AppTaggedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        s3.Bucket(self, "Data")


class LoopTaggedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, tags: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        for key, value in tags.items():
            Tags.of(self).add(key, value)


app = App()
AppTaggedStack(app, "Tagged", tags={"Environment": "prod", "Owner": "team-a"})
Tags.of(app).add("Project", "orders")
app.synth()
