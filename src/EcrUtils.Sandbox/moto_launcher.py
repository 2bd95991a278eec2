"""Runs moto's server in-process on 127.0.0.1, for EcrUtils' integration tests and for --sandbox.

Besides everything moto serves, it answers endpoints of its own under /_ecrutils/ that act on moto's
backends directly, so that tests and the sandbox can seed thousands of images quickly and control
push times, which moto otherwise records as whole seconds of the wall clock. It also emulates ECR's
image archival, which moto 5.2.1 lacks: image statuses and pull times in DescribeImages, the
imageStatus filter of DescribeImages and ListImages, and UpdateImageStorageClass.

    python3 moto_launcher.py --port 0 --exit-on-stdin-close

Port 0 lets the operating system pick a free port. Once listening, the launcher prints one line,
"ready http://127.0.0.1:<port>", on stdout. It exits cleanly on SIGTERM or SIGINT and, with
--exit-on-stdin-close, when its stdin closes (so it cannot outlive a test or sandbox run that crashed).

Endpoints (JSON in, JSON out; errors are HTTP 400 with {"error": "..."}). Every body and query
may name "accountId" (default 123456789012) and "region" (default us-east-1).

POST /moto-api/reset also sets the activation delay and the archival clock back.

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
    An image may also carry "status" (ACTIVE, ARCHIVED or ACTIVATING), "lastArchivedAt",
    "lastActivatedAt" and "lastRecordedPullTime" (epoch seconds), as image-status and pull-time set them.
POST /_ecrutils/pushed-at
    {"repository": "api", "digest": "sha256:...", "pushedAt": 1700000000} -> {}
POST /_ecrutils/image-status
    {"repository": "api", "digest": "sha256:...", "status": "ARCHIVED", "at": 1700000000} -> {}
    Sets the status without UpdateImageStorageClass's checks. "at" (the archival clock's now when
    absent) is lastArchivedAt for ARCHIVED, the start of the restore for ACTIVATING, and lastActivatedAt
    for ACTIVE when the image was not active.
POST /_ecrutils/pull-time
    {"repository": "api", "digest": "sha256:...", "lastRecordedPullTime": 1700000000} -> {}
    null removes it: the image was never pulled.
POST /_ecrutils/activation-delay
    {"seconds": 1200} -> {}
    How long a restored image stays ACTIVATING (0 until set: the next read finds it ACTIVE).
POST /_ecrutils/archival-clock
    {"advanceSeconds": 1200} -> {"now": 1700001200.0}
    Moves the clock of the archival emulation (lastArchivedAt, lastActivatedAt, the end of a
    restore) forward, so that a test sees a restore finish without waiting. Push times keep moto's clock.
GET  /_ecrutils/state
    -> {"repositories": [{"name", "arn", "uri", "tags": {"Key": "Value"},
                          "images": [{"digest", "tags" (sorted), "pushedAt", "mediaType", "size",
                                      "manifest", "status", "lastArchivedAt", "lastActivatedAt",
                                      "lastRecordedPullTime"}]}]}
POST /_ecrutils/iam-user
    {"userName": "optional", "policy": "<IAM policy JSON>"}
    -> {"userName", "accessKeyId", "secretAccessKey"}
    Creates the user, its inline policy and an access key. Turning moto's auth on stays a separate
    step (POST /moto-api/reset-auth), because moto refuses the IAM calls once auth is on.
"""

import argparse
import copy
import hashlib
import json
import logging
import os
import signal
import sys
import threading
import time
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

from moto.core.exceptions import ServiceException  # noqa: E402
from moto.ecr.exceptions import InvalidParameterException, ValidationException  # noqa: E402
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

# ECR image archival: https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive_restore_image.html
ACTIVE = "ACTIVE"
ARCHIVED = "ARCHIVED"
ACTIVATING = "ACTIVATING"
IMAGE_STATUSES = (ACTIVE, ARCHIVED, ACTIVATING)
STATUS_FILTERS = IMAGE_STATUSES + ("ANY",)
TAG_STATUS_FILTERS = ("TAGGED", "UNTAGGED", "ANY")
ARCHIVE = "ARCHIVE"
STANDARD = "STANDARD"


class ArchivalClock:
    """The time of the archival emulation and how long a restore takes; a test moves it instead of waiting."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.activation_seconds = 0.0
        self._offset = 0.0

    def now(self):
        return time.time() + self._offset

    def advance(self, seconds):
        if seconds < 0:
            raise BadRequest("the archival clock only moves forward")
        self._offset += seconds
        return self.now()


ARCHIVAL_CLOCK = ArchivalClock()


class ImageStorageClassUpdateNotSupportedException(ServiceException):
    code = "ImageStorageClassUpdateNotSupportedException"


def _image_status(image):
    # A restore ends on its own once its time is up, seen by whoever reads the status next.
    due = image.activation_due
    if due is not None and ARCHIVAL_CLOCK.now() >= due:
        image.stored_status = ACTIVE
        image.last_activated_at = due
        image.activation_due = None
    return image.stored_status


def _set_status(image, status, at):
    if status not in IMAGE_STATUSES:
        raise ValidationException(
            f"1 validation error detected: Value '{status}' at 'imageStatus' failed to satisfy constraint: "
            f"Member must satisfy enum value set: [{', '.join(IMAGE_STATUSES)}]"
        )
    was_active = image.image_status == ACTIVE
    image.stored_status = status
    image.activation_due = None
    if status == ARCHIVED:
        image.last_archived_at = at
    elif status == ACTIVATING:
        image.activation_due = at + ARCHIVAL_CLOCK.activation_seconds
    elif not was_active:
        image.last_activated_at = at


def _emulate_archival():
    """Gives moto's images ECR's archival: statuses, the imageStatus filter, UpdateImageStorageClass.

    moto serializes an image by the model's member names, so the attributes image_status, last_archived_at,
    last_activated_at and last_recorded_pull_time come out as imageStatus, lastArchivedAt, lastActivatedAt and
    lastRecordedPullTime (epoch seconds, like imagePushedAt); None leaves the member out, as ECR does for an image
    never archived, restored or pulled.

    BatchGetImage keeps moto's answer for an archived image: AWS documents that a pull of one fails with a 404 from the
    registry (https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive-image.html), not what BatchGetImage answers.
    """
    from moto.core.responses import ActionResult
    from moto.ecr.models import ECRBackend, Image
    from moto.ecr.responses import ECRResponse

    Image.stored_status = ACTIVE
    Image.activation_due = None
    Image.last_archived_at = None
    Image.last_activated_at = None
    Image.last_recorded_pull_time = None
    Image.image_status = property(_image_status)

    def describe_images(self):
        image_status, tag_status = _images_filter(self._get_param("filter"))
        images = self.ecr_backend.describe_images(
            self._get_param("repositoryName"), self._get_param("registryId"), self._get_param("imageIds")
        )
        details = []
        for image in images:
            if _matches(image, image_status, tag_status):
                detail = copy.copy(image)
                # As moto does: ECR leaves imageTags out of an untagged image's details.
                if not detail.image_tags:
                    del detail.image_tags
                details.append(detail)
        return ActionResult({"imageDetails": details})

    def list_images(self):
        image_status, tag_status = _images_filter(self._get_param("filter"))
        images = self.ecr_backend.list_images(self._get_param("repositoryName"), self._get_param("registryId"))
        ids = [
            {"imageDigest": image.image_digest, "imageTag": tag}
            for image in images
            if _matches(image, image_status, tag_status)
            for tag in image.image_tags or [None]
        ]
        return ActionResult({"imageIds": ids})

    def update_image_storage_class(self):
        return ActionResult(
            _update_storage_class(
                self.ecr_backend,
                self._get_param("repositoryName"),
                self._get_param("registryId"),
                self._get_param("imageId"),
                self._get_param("targetStorageClass"),
            )
        )

    ECRResponse.describe_images = describe_images
    ECRResponse.list_images = list_images
    ECRResponse.update_image_storage_class = update_image_storage_class

    original_put_image = ECRBackend.put_image

    def put_image(self, *args, **kwargs):
        image = original_put_image(self, *args, **kwargs)
        # Pushing an archived image again restores it, at once: "by re-pushing the image to the repository"
        # (https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive-image.html, and restore-image.html).
        if image.image_status != ACTIVE:
            _set_status(image, ACTIVE, ARCHIVAL_CLOCK.now())
        return image

    ECRBackend.put_image = put_image


def _images_filter(image_filter):
    # "If not specified, only images with ACTIVE status are returned."
    # https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImagesFilter.html
    # https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ListImagesFilter.html
    image_filter = image_filter or {}
    image_status = image_filter.get("imageStatus") or ACTIVE
    tag_status = image_filter.get("tagStatus") or "ANY"
    for name, value, allowed in (
        ("filter.imageStatus", image_status, STATUS_FILTERS),
        ("filter.tagStatus", tag_status, TAG_STATUS_FILTERS),
    ):
        if value not in allowed:
            raise ValidationException(
                f"1 validation error detected: Value '{value}' at '{name}' failed to satisfy constraint: "
                f"Member must satisfy enum value set: [{', '.join(allowed)}]"
            )
    return image_status, tag_status


def _matches(image, image_status, tag_status):
    return image_status in ("ANY", image.image_status) and (
        tag_status == "ANY" or (tag_status == "TAGGED") == bool(image.image_tags)
    )


def _update_storage_class(backend, repository_name, registry_id, image_id, target_storage_class):
    """ECR's UpdateImageStorageClass: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UpdateImageStorageClass.html

    ARCHIVE moves an ACTIVE image to ARCHIVED; STANDARD restores an ARCHIVED one, which is ACTIVATING until the restore
    ends ("within 20 minutes", https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive_restore_image.html;
    ACTIVATING: https://docs.aws.amazon.com/AmazonECR/latest/userguide/restore-image.html), here after the activation
    delay. AWS documents ImageStorageClassUpdateNotSupportedException ("The requested image storage class update is not
    supported") without naming its cases; the emulation answers it for every other transition: archiving an image that
    is archived or being restored, and restoring one that is active or being restored.
    """
    for name, value in (
        ("repositoryName", repository_name),
        ("imageId", image_id),
        ("targetStorageClass", target_storage_class),
    ):
        if value is None:
            raise ValidationException(
                f"1 validation error detected: Value null at '{name}' failed to satisfy constraint: "
                "Member must not be null"
            )
    if target_storage_class not in (STANDARD, ARCHIVE):
        raise ValidationException(
            f"1 validation error detected: Value '{target_storage_class}' at 'targetStorageClass' failed to "
            f"satisfy constraint: Member must satisfy enum value set: [{STANDARD}, {ARCHIVE}]"
        )
    digest = image_id.get("imageDigest")
    tag = image_id.get("imageTag")
    if not digest and not tag:
        raise InvalidParameterException(
            "Invalid parameter at 'imageId' failed to satisfy constraint: 'imageDigest or imageTag must be given'"
        )
    repository = backend._get_repository(repository_name, registry_id)
    image = repository._get_image(tag, digest)

    status = image.image_status
    if target_storage_class == ARCHIVE and status != ACTIVE:
        raise ImageStorageClassUpdateNotSupportedException(
            f"The image {image.image_digest} is {status}: only an ACTIVE image can be archived."
        )
    if target_storage_class == STANDARD and status != ARCHIVED:
        raise ImageStorageClassUpdateNotSupportedException(
            f"The image {image.image_digest} is {status}: only an ARCHIVED image can be restored."
        )
    # A restore answers ACTIVATING even when the activation delay is zero: the next read finds it ACTIVE.
    new_status = ARCHIVED if target_storage_class == ARCHIVE else ACTIVATING
    _set_status(image, new_status, ARCHIVAL_CLOCK.now())

    answered_id = {"imageDigest": image.image_digest}
    if tag:
        answered_id["imageTag"] = tag
    return {
        "registryId": repository.registry_id,
        "repositoryName": repository.name,
        "imageId": answered_id,
        "imageStatus": new_status,
    }


_emulate_archival()


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
    elif not is_new and image.image_status != ACTIVE:
        # A push restores an archived image at once, also when it adds no tag.
        _set_status(image, ACTIVE, ARCHIVAL_CLOCK.now())
    _seed_archival(image, item)
    return digest


def _seed_archival(image, item):
    status = item.get("status")
    if status is not None:
        _set_status(image, status, ARCHIVAL_CLOCK.now())
    for key, attribute in (
        ("lastArchivedAt", "last_archived_at"),
        ("lastActivatedAt", "last_activated_at"),
        ("lastRecordedPullTime", "last_recorded_pull_time"),
    ):
        if item.get(key) is not None:
            setattr(image, attribute, item[key])


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


def _stored_image(body):
    repository = _repository(_ecr(body), _required(body, "repository"))
    digest = _required(body, "digest")
    image = _find_image(repository, digest)
    if image is None:
        raise BadRequest(f"image {digest} is not in repository '{repository.name}'")
    return image


def set_pushed_at(body):
    _stored_image(body).image_pushed_at = _required(body, "pushedAt")
    return {}


def set_image_status(body):
    at = body.get("at")
    _set_status(_stored_image(body), _required(body, "status"), ARCHIVAL_CLOCK.now() if at is None else at)
    return {}


def set_pull_time(body):
    if "lastRecordedPullTime" not in body:
        raise BadRequest("'lastRecordedPullTime' is required (null: never pulled)")
    _stored_image(body).last_recorded_pull_time = body["lastRecordedPullTime"]
    return {}


def set_activation_delay(body):
    seconds = _required(body, "seconds")
    if seconds < 0:
        raise BadRequest("the activation delay cannot be negative")
    ARCHIVAL_CLOCK.activation_seconds = seconds
    return {}


def advance_archival_clock(body):
    return {"now": ARCHIVAL_CLOCK.advance(_required(body, "advanceSeconds"))}


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
                # Read first: reading the status ends a restore whose time is up.
                "status": image.image_status,
                "lastArchivedAt": image.last_archived_at,
                "lastActivatedAt": image.last_activated_at,
                "lastRecordedPullTime": image.last_recorded_pull_time,
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
    ("POST", "image-status"): lambda request: set_image_status(request.get_json(force=True)),
    ("POST", "pull-time"): lambda request: set_pull_time(request.get_json(force=True)),
    ("POST", "activation-delay"): lambda request: set_activation_delay(request.get_json(force=True)),
    ("POST", "archival-clock"): lambda request: advance_archival_clock(request.get_json(force=True)),
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
            if path == "/moto-api/reset" and environ.get("REQUEST_METHOD") == "POST":
                ARCHIVAL_CLOCK.reset()
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
