import aws_cdk as cdk
from aws_cdk.assertions import Match, Template

from app_stacks.uploads import UploadsProps, UploadsStack


def test_bucket_is_private():
    app = cdk.App()
    stack = UploadsStack(app, "T", props=UploadsProps())
    template = Template.from_stack(stack)
    template.has_resource_properties("AWS::S3::Bucket", {"CorsConfiguration": Match.any_value()})
    template.resource_count_is("AWS::Lambda::Function", 1)
