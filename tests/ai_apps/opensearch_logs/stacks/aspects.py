import jsii
from aws_cdk import IAspect, Tags
from constructs import IConstruct


@jsii.implements(IAspect)
class CostCenterTagger:
    """Tags every construct with the cost center so the search cluster shows up in billing reports."""

    def __init__(self, cost_center: str) -> None:
        self.cost_center = cost_center

    def visit(self, node: IConstruct) -> None:
        Tags.of(node).add("CostCenter", self.cost_center)
