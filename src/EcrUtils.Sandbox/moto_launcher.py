"""Runs moto's server in-process on 127.0.0.1, for EcrUtils' integration tests and for --sandbox.

Besides everything moto serves, it answers endpoints of its own under /_ecrutils/ that act on moto's
backends directly, so that tests and the sandbox can seed thousands of images quickly and control
push times, which moto otherwise records as whole seconds of the wall clock.

    python3 moto_launcher.py --port 0 --exit-on-stdin-close

Port 0 lets the operating system pick a free port. Once listening, the launcher prints one line,
"ready http://127.0.0.1:<port>", on stdout. It exits cleanly on SIGTERM or SIGINT and, with
--exit-on-stdin-close, when its stdin closes (so it cannot outlive a test or sandbox run that crashed).

Endpoints (JSON in, JSON out; errors are HTTP 400 with {"error": "..."}). Every body and query
may name "accountId" (default 123456789012) and "region" (default us-east-1).

POST /_ecrutils/seed
    {"repositories": [{"name": "api", "tags": {"Project": "x"},
                       "imageTagMutability": "MUTABLE"}],
     "images": [{"repository": "api", "manifest": "<JSON text>", "mediaType": "...",
                 "tags": ["a-1", "a-latest"], "pushedAt": 1700000000.5}]}
    -> {"digests": ["sha256:...", ...]}   (one per image, in order)
    The digest is the sha256 of the manifest bytes, as a registry computes it. Pushing a manifest
    that is already stored adds its tags to that image; a tag held by another image moves, as in ECR.
    "pushedAt" (epoch seconds) is the push time of a new image (moto's clock when absent); an image
    that already holds the manifest keeps its push time, as in ECR (change it with pushed-at).
POST /_ecrutils/pushed-at
    {"repository": "api", "digest": "sha256:...", "pushedAt": 1700000000} -> {}
GET  /_ecrutils/state
    -> {"repositories": [{"name", "arn", "uri", "tags": {"Key": "Value"},
                          "images": [{"digest", "tags" (sorted), "pushedAt", "mediaType", "size",
                                      "manifest"}]}]}
POST /_ecrutils/iam-user
    {"userName": "optional", "policy": "<IAM policy JSON>"}
    -> {"userName", "accessKeyId", "secretAccessKey"}
    Creates the user, its inline policy and an access key. Turning moto's auth on stays a separate
    step (POST /moto-api/reset-auth), because moto refuses the IAM calls once auth is on.
"""

import argparse
import hashlib
import json
import logging
import os
import signal
import sys
import threading
from types import SimpleNamespace

DEFAULT_ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "us-east-1"
PREFIX = "/_ecrutils/"
EXIT_MOTO_MISSING = 3

try:
    import moto
    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        create_backend_app,
    )
    from werkzeug.serving import make_server
    from werkzeug.wrappers import Request, Response
except ImportError as error:
    print(
        f"moto_server is required: pip install 'moto[server]==5.2.1' ({error})",
        file=sys.stderr,
        flush=True,
    )
    sys.exit(EXIT_MOTO_MISSING)

if not moto.__version__.startswith("5."):
    print(
        f"moto 5 is required, found {moto.__version__}: pip install 'moto[server]==5.2.1'",
        file=sys.stderr,
        flush=True,
    )
    sys.exit(EXIT_MOTO_MISSING)

from moto.ecr.models import ecr_backends  # noqa: E402
from moto.iam.models import iam_backends  # noqa: E402
from moto.utilities.utils import get_partition  # noqa: E402


class BadRequest(Exception):
    pass


def _confirm_deletions_by_digest():
    """Makes moto list every image it deleted by digest, as ECR does.

    ECR's BatchDeleteImage answers each deleted id in imageIds
    (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_BatchDeleteImage.html); moto 5.2.1 lists an image
    deleted by digest only under its tags, so an untagged one (an index's child) comes back in neither imageIds nor
    failures, and a client that counts only what the answer confirms would never see it go.
    """
    from moto.ecr.models import ECRBackend

    original = ECRBackend.batch_delete_image

    def batch_delete_image(self, repository_name, registry_id=None, image_ids=None):
        response = original(self, repository_name, registry_id, image_ids)
        answered = {i.image_digest for i in response["imageIds"]}
        answered |= {f["imageId"].get("imageDigest") for f in response["failures"]}
        for image_id in image_ids or []:
            digest = image_id.get("imageDigest")
            if digest and "imageTag" not in image_id and digest not in answered:
                response["imageIds"].append(SimpleNamespace(image_digest=digest, image_tag=None))
                answered.add(digest)
        return response

    ECRBackend.batch_delete_image = batch_delete_image


_confirm_deletions_by_digest()


def _location(source):
    return (
        source.get("accountId") or DEFAULT_ACCOUNT_ID,
        source.get("region") or DEFAULT_REGION,
    )


def _ecr(source):
    account_id, region = _location(source)
    return ecr_backends[account_id][region]


def _repository(backend, name):
    repository = backend.repositories.get(name)
    if repository is None:
        raise BadRequest(f"repository '{name}' does not exist: seed it first")
    return repository


def _digest_of(manifest):
    return "sha256:" + hashlib.sha256(manifest.encode("utf-8")).hexdigest()


def _find_image(repository, digest):
    for image in repository.images:
        if image.image_digest == digest:
            return image
    return None


def _required(item, key):
    value = item.get(key)
    if value is None or value == "":
        raise BadRequest(f"'{key}' is required in {json.dumps(item)[:200]}")
    return value


def _put_image(backend, item):
    name = _required(item, "repository")
    manifest = _required(item, "manifest")
    media_type = _required(item, "mediaType")
    tags = item.get("tags") or []
    repository = _repository(backend, name)
    digest = _digest_of(manifest)

    image = _find_image(repository, digest)
    is_new = image is None
    # moto's put_image adds a tag to an image that already holds the same manifest and moves a tag
    # that another image holds, like ECR; it raises when the image already holds the tag.
    pending = [tag for tag in tags if image is None or tag not in image.image_tags]
    if image is None:
        first = pending.pop(0) if pending else None
        image = backend.put_image(name, manifest, first, media_type, digest)
    for tag in pending:
        backend.put_image(name, manifest, tag, media_type, digest)

    if is_new and item.get("pushedAt") is not None:
        image.image_pushed_at = item["pushedAt"]
    return digest


def seed(body):
    backend = _ecr(body)
    for item in body.get("repositories") or []:
        backend.create_repository(
            repository_name=_required(item, "name"),
            registry_id=None,
            encryption_config=None,
            image_scan_config=None,
            image_tag_mutability=item.get("imageTagMutability"),
            tags=[{"Key": k, "Value": v} for k, v in (item.get("tags") or {}).items()],
        )
    return {"digests": [_put_image(backend, item) for item in body.get("images") or []]}


def set_pushed_at(body):
    repository = _repository(_ecr(body), _required(body, "repository"))
    digest = _required(body, "digest")
    image = _find_image(repository, digest)
    if image is None:
        raise BadRequest(f"image {digest} is not in repository '{repository.name}'")
    image.image_pushed_at = _required(body, "pushedAt")
    return {}


def state(query):
    backend = _ecr(query)
    repositories = []
    for repository in sorted(backend.repositories.values(), key=lambda r: r.name):
        images = [
            {
                "digest": image.image_digest,
                "tags": sorted(image.image_tags),
                "pushedAt": image.image_pushed_at,
                "mediaType": image.image_manifest_media_type,
                "size": image.image_size_in_bytes,
                "manifest": image.image_manifest,
            }
            for image in repository.images
        ]
        images.sort(key=lambda i: (i["pushedAt"], i["digest"]))
        repositories.append(
            {
                "name": repository.name,
                "arn": repository.arn,
                "uri": repository.uri,
                "tags": {
                    tag["Key"]: tag["Value"]
                    for tag in backend.tagger.list_tags_for_resource(repository.arn)["tags"]
                },
                "images": images,
            }
        )
    return {"repositories": repositories}


def create_iam_user(body):
    account_id, region = _location(body)
    iam = iam_backends[account_id][get_partition(region)]
    user_name = body.get("userName") or f"ecrutils-test-{len(iam.users) + 1}"
    iam.create_user(region_name=region, user_name=user_name)
    iam.put_user_policy(user_name, "ecrutils-test", _required(body, "policy"))
    key = iam.create_access_key(user_name)
    return {
        "userName": user_name,
        "accessKeyId": key.access_key_id,
        "secretAccessKey": key.secret_access_key,
    }


ROUTES = {
    ("POST", "seed"): lambda request: seed(request.get_json(force=True)),
    ("POST", "pushed-at"): lambda request: set_pushed_at(request.get_json(force=True)),
    ("GET", "state"): lambda request: state(request.args),
    ("POST", "iam-user"): lambda request: create_iam_user(request.get_json(force=True)),
}


class TestEndpoints:
    """WSGI middleware: answers /_ecrutils/ itself and passes everything else to moto."""

    def __init__(self, moto_app):
        self._moto_app = moto_app
        # moto's backends are plain objects; one test request at a time keeps them consistent.
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith(PREFIX):
            return self._moto_app(environ, start_response)
        request = Request(environ)
        route = ROUTES.get((request.method, path[len(PREFIX):]))
        if route is None:
            response = _json({"error": f"unknown test endpoint {request.method} {path}"}, 404)
        else:
            try:
                with self._lock:
                    response = _json(route(request), 200)
            except Exception as error:  # noqa: BLE001 - the test needs the reason, whatever it is
                response = _json({"error": f"{type(error).__name__}: {error}"}, 400)
        return response(environ, start_response)


def _json(payload, status):
    return Response(json.dumps(payload), status=status, mimetype="application/json")


def _warm_up(moto_app):
    # moto creates each service's Flask app on its first request; doing it now keeps the first
    # test's first call as fast as the others.
    for backend in ("ecr", "iam", "moto_api"):
        moto_app.app_instances[backend] = create_backend_app(backend)


def _exit_when_stdin_closes(server):
    # Raw reads: a daemon thread blocked inside sys.stdin's buffer holds its lock, and Python aborts
    # when it finds that lock taken at exit (after SIGTERM, for instance).
    while os.read(sys.stdin.fileno(), 65536):
        pass
    server.shutdown()


def main():
    parser = argparse.ArgumentParser(description="moto server with EcrUtils test endpoints")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument(
        "--exit-on-stdin-close",
        action="store_true",
        help="exit when stdin reaches end of file (the parent process is gone)",
    )
    args = parser.parse_args()

    # One line per request would drown the errors that a failing test shows from stderr.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    moto_app = DomainDispatcherApplication(create_backend_app)
    _warm_up(moto_app)
    server = make_server("127.0.0.1", args.port, TestEndpoints(moto_app), threaded=True)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, lambda *_: sys.exit(0))
    if args.exit_on_stdin_close:
        threading.Thread(target=_exit_when_stdin_closes, args=(server,), daemon=True).start()

    print(f"ready http://127.0.0.1:{server.server_port}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
