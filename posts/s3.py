"""The private bucket's storage; its own module so boto3 loads only when S3 is used."""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """Attachments and featured images on S3: served by views that check visibility,
    never by a public or presigned URL."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no URL: they are served by the portal's views.")
