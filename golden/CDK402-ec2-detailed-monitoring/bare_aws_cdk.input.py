import aws_cdk
import constructs


class WebStack(aws_cdk.Stack):
    def __init__(self, scope: constructs.Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        aws_cdk.aws_ec2.Instance(
            self,
            "Worker",
            vpc=vpc,
            instance_type=aws_cdk.aws_ec2.InstanceType("t3.micro"),
            machine_image=aws_cdk.aws_ec2.MachineImage.latest_amazon_linux2023(),
        )
        aws_cdk.aws_ec2.CfnInstance(self, "L1", image_id="ami-123", instance_type="t3.micro")
        aws_cdk.aws_ec2.CfnInstance(self, "L1On", image_id="ami-123", instance_type="t3.micro", monitoring=True)
