"""Storages for S3-compatible object storage (several app servers share the media).

Public media goes to one bucket with plain URLs; attachments and rendered PDFs
go to a private one that hands out no URL at all (the views stream them).
"""

from portal.env import env, env_choice

# Public media names are never reused: uploads get fresh random names, renditions are
# named after their upload, title cards after a digest of what they show. So an address
# always means the same bytes, and browsers may keep them a year without asking again.
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"


def local_storages(private_root, pdf_root, static_backend: str) -> dict:
    """The zero-configuration STORAGES: everything on local disk.

    Attachments and rendered PDFs live outside MEDIA_ROOT with no public URL: the
    download and PDF views check visibility before serving them.
    """
    return {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "attachments": {
            "BACKEND": "posts.uploads.PrivateFileSystemStorage",
            "OPTIONS": {"location": private_root},
        },
        "pdfs": {
            "BACKEND": "posts.uploads.PrivateFileSystemStorage",
            "OPTIONS": {"location": pdf_root},
        },
        "staticfiles": {"BACKEND": static_backend},
    }


def object_storage(media_bucket: str) -> tuple[str, dict]:
    """MEDIA_URL and the STORAGES entries for the buckets named by the PORTAL_S3_* variables."""
    s3 = {
        "endpoint_url": env("PORTAL_S3_ENDPOINT_URL") or None,  # None: AWS itself
        "access_key": env("PORTAL_S3_ACCESS_KEY_ID") or None,  # None: boto3's own lookup
        "secret_key": env("PORTAL_S3_SECRET_ACCESS_KEY") or None,
        "region_name": env("PORTAL_S3_REGION") or None,
        "addressing_style": env_choice("PORTAL_S3_ADDRESSING_STYLE", "path", {"path", "virtual"}),
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    # The public address of the media bucket (a CDN, or the load balancer proxying it);
    # default: the bucket's own URL on the endpoint.
    media_url = env("PORTAL_S3_MEDIA_URL") or f"{s3['endpoint_url']}/{media_bucket}/"
    media_url = media_url.rstrip("/") + "/"
    storages = {}
    storages["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **s3,
            "bucket_name": media_bucket,
            # Readable by anyone through the bucket's policy: plain URLs, no signatures.
            "querystring_auth": False,
            "default_acl": None,
            # Served with each object (through the CDN or the proxy in front of the bucket).
            "object_parameters": {"CacheControl": MEDIA_CACHE_CONTROL},
            "custom_domain": media_url.split("://", 1)[1].rstrip("/"),
            "url_protocol": media_url.split("://", 1)[0] + ":",
        },
    }
    storages["attachments"] = {
        "BACKEND": "posts.s3.PrivateS3Storage",
        "OPTIONS": {
            **s3,
            "bucket_name": env("PORTAL_S3_PRIVATE_BUCKET", f"{media_bucket}-private"),
            "default_acl": "private",
        },
    }
    # Rendered PDFs: the private bucket too, so every app server serves what a worker made.
    storages["pdfs"] = {
        "BACKEND": "posts.s3.PrivateS3Storage",
        "OPTIONS": {**storages["attachments"]["OPTIONS"], "location": "pdfs"},
    }
    return media_url, storages
