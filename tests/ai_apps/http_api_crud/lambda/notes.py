import json
import os
import uuid

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def _response(status, body):
    return {"statusCode": status, "headers": {"content-type": "application/json"}, "body": json.dumps(body)}


def handler(event, context):
    method = event["requestContext"]["http"]["method"]
    note_id = (event.get("pathParameters") or {}).get("id")
    if method == "GET" and note_id:
        item = table.get_item(Key={"id": note_id}).get("Item")
        return _response(200, item) if item else _response(404, {"message": "not found"})
    if method == "GET":
        return _response(200, table.scan(Limit=50).get("Items", []))
    if method == "POST":
        note = {"id": str(uuid.uuid4()), **json.loads(event.get("body") or "{}")}
        table.put_item(Item=note)
        return _response(201, note)
    if method == "DELETE" and note_id:
        table.delete_item(Key={"id": note_id})
        return _response(204, {})
    return _response(400, {"message": "unsupported"})
