"""Creates ECS and Lambda workloads in moto with boto3, for the in-use check's integration tests.

    python3 moto_workloads.py '{"clusters": [...], "functions": [...]}'

Endpoint, region and credentials come from the usual AWS_* environment variables (moto's auth must be
off while this runs). The spec:

    {"clusters": [{"name": "prod",
                   "services": [{"name": "api", "image": "<image reference>"}],
                   "tasks": [{"family": "nightly", "image": "<image reference>"}]}],
     "functions": [{"name": "resize", "image": "<image reference>", "aliases": ["live"]}]}

A service gets a task definition of its own name and one PRIMARY deployment. A task runs on a container
instance (an EC2 instance from moto's EC2), which moto needs for RunTask. A function runs its image as
$LATEST; with aliases, version 1 is published and each alias points at it. (moto shares the code of
$LATEST with its published versions, so a version cannot run another image than $LATEST here.)
Prints {"ok": true}.
"""

import json
import sys

import boto3

AMI = "ami-12c6146b"


def _container_instance(ecs, ec2, cluster):
    instance = ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1)["Instances"][0]
    document = {
        "instanceId": instance["InstanceId"],
        "availabilityZone": instance["Placement"]["AvailabilityZone"],
        "region": instance["Placement"]["AvailabilityZone"][:-1],
        "instanceType": instance["InstanceType"],
        "imageId": AMI,
        "privateIp": instance.get("PrivateIpAddress", "10.0.0.1"),
    }
    ecs.register_container_instance(cluster=cluster, instanceIdentityDocument=json.dumps(document))


def _task_definition(ecs, family, image):
    return ecs.register_task_definition(
        family=family,
        containerDefinitions=[{"name": family, "image": image, "memory": 128}],
    )["taskDefinition"]["taskDefinitionArn"]


def _clusters(spec):
    ecs = boto3.client("ecs")
    ec2 = boto3.client("ec2")
    for cluster in spec.get("clusters") or []:
        name = cluster["name"]
        ecs.create_cluster(clusterName=name)
        for service in cluster.get("services") or []:
            definition = _task_definition(ecs, service["name"], service["image"])
            ecs.create_service(cluster=name, serviceName=service["name"], taskDefinition=definition, desiredCount=1)
        tasks = cluster.get("tasks") or []
        if tasks:
            _container_instance(ecs, ec2, name)
        for task in tasks:
            definition = _task_definition(ecs, task["family"], task["image"])
            ecs.run_task(cluster=name, taskDefinition=definition, count=1)


def _functions(spec):
    functions = spec.get("functions") or []
    if not functions:
        return
    iam = boto3.client("iam")
    role = iam.create_role(RoleName="ecrutils-test-lambda", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    client = boto3.client("lambda")
    for function in functions:
        name = function["name"]
        client.create_function(FunctionName=name, Role=role, PackageType="Image", Code={"ImageUri": function["image"]})
        aliases = function.get("aliases") or []
        if aliases:
            version = client.publish_version(FunctionName=name)["Version"]
            for alias in aliases:
                client.create_alias(FunctionName=name, Name=alias, FunctionVersion=version)


def main():
    spec = json.loads(sys.argv[1])
    _clusters(spec)
    _functions(spec)
    print(json.dumps({"ok": True}))


if __name__ == "__main__":
    main()
