import aws_cdk
import aws_cdk.aws_efs as efs
import aws_cdk.aws_ec2 as ec2

CONTEXT = {
    "@aws-cdk/aws-ec2:restrictDefaultSecurityGroup": True,
}

app = aws_cdk.App(context=CONTEXT)
stack = aws_cdk.Stack(app, "FilesStack")
vpc = ec2.Vpc(stack, "Vpc", max_azs=2)
efs.FileSystem(stack, "Files", vpc=vpc)
app.synth()
