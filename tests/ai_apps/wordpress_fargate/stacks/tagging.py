import jsii
from aws_cdk import IAspect, Tags


@jsii.implements(IAspect)
class ApplicationTags:
    def __init__(self, app_name: str, owner: str) -> None:
        self.app_name = app_name
        self.owner = owner

    def visit(self, node) -> None:
        Tags.of(node).add("Application", self.app_name)
        Tags.of(node).add("Owner", self.owner)
