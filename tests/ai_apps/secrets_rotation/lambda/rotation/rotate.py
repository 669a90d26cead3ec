"""Rotates the third-party API key stored in Secrets Manager (createSecret/setSecret/testSecret/finishSecret)."""
import json
import os
import secrets

import boto3

client = boto3.client("secretsmanager", region_name=os.environ["AWS_REGION"])


def handler(event, context):
    arn, token, step = event["SecretId"], event["ClientRequestToken"], event["Step"]
    if step == "createSecret":
        current = json.loads(client.get_secret_value(SecretId=arn, VersionStage="AWSCURRENT")["SecretString"])
        current["api_key"] = secrets.token_urlsafe(32)
        client.put_secret_value(SecretId=arn, ClientRequestToken=token, SecretString=json.dumps(current),
                                VersionStages=["AWSPENDING"])
    elif step == "finishSecret":
        meta = client.describe_secret(SecretId=arn)
        current = next(v for v, stages in meta["VersionIdsToStages"].items() if "AWSCURRENT" in stages)
        client.update_secret_version_stage(SecretId=arn, VersionStage="AWSCURRENT", MoveToVersionId=token,
                                           RemoveFromVersionId=current)
