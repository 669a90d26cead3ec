# Members read only where hasattr() says they exist are no findings; others still are.
from aws_cdk import Stack, Tags, aws_lambda as lambda_
from constructs import Construct


class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        code = lambda_.Code.from_inline("def handler(event, context):\n    return 1\n")
        if hasattr(code, "node"):
            code.node.add_metadata("owner", "platform")
        asset = lambda_.Code.from_asset("lambda")
        if hasattr(asset, "node") and asset.node is not None:
            Tags.of(asset).add("owner", "platform")
        retention = code.retention if hasattr(code, "retention") else None
        if not hasattr(code, "node"):
            retention = None
        else:
            code.node.add_metadata("retention", str(retention))
        code.nodes  # not guarded: still a finding
