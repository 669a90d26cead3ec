import os
import urllib.parse

import boto3

s3 = boto3.client("s3")
table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def handler(event, context):
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        head = s3.head_object(Bucket=bucket, Key=key)
        # a real implementation would resize with Pillow (layer); we just record metadata here
        s3.copy_object(Bucket=os.environ["THUMBNAIL_BUCKET"], Key=f"thumbs/{key}",
                       CopySource={"Bucket": bucket, "Key": key})
        table.put_item(Item={"key": key, "size": head["ContentLength"], "contentType": head.get("ContentType", "")})
