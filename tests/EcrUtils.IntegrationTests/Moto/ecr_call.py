"""Calls one ECR operation with boto3, an independent SigV4 signer, for the integration tests.

    python3 ecr_call.py DescribeRepositories '{"repositoryNames": ["api"]}'

Endpoint, region and credentials come from the usual AWS_* environment variables. Prints one JSON
line: {"ok": true, "response": {...}} or {"ok": false, "code": "...", "status": 403}.
"""

import json
import re
import sys

import boto3
import botocore.exceptions


def _error_code(error):
    code = error.response.get("Error", {}).get("Code", "")
    # moto answers auth failures with an XML body that boto3's JSON parser keeps as the message.
    message = error.response.get("Error", {}).get("Message", "")
    found = re.search(r"<Code>([^<]+)</Code>", message)
    return found.group(1) if found else code


def main():
    operation = sys.argv[1]
    parameters = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    client = boto3.client("ecr")
    method = getattr(client, re.sub(r"(?<!^)(?=[A-Z])", "_", operation).lower())
    try:
        response = method(**parameters)
    except botocore.exceptions.ClientError as error:
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        print(json.dumps({"ok": False, "code": _error_code(error), "status": status}))
        return
    response.pop("ResponseMetadata", None)
    print(json.dumps({"ok": True, "response": response}, default=str))


if __name__ == "__main__":
    main()
