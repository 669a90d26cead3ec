from aws_cdk import core


class LegacyStack(core.Stack):
    def __init__(self, scope: core.Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # ConstructNode is gone in v2 (constructs.Node works differently): no automatic fix
        core.ConstructNode.validate(self.node)
