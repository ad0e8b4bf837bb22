"""Checks on uploaded attachments, the storages uploads live in, and their names.

An upload is accepted only when its extension is on the allowlist *and* its
bytes look like that kind of file: an HTML page renamed ``.pdf`` or a zip
renamed ``.docx`` is refused. Readers' browsers get the content type we
decide here, never one the uploader claimed.
"""

import codecs
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import unquote, urljoin

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF_MAGIC = b"%PDF-"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
ZIP_MAGIC = b"PK\x03\x04"

OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    **ODF_TYPES,
    "csv": "text/csv",
    "zip": "application/zip",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
}
ALLOWED_EXTENSIONS = tuple(CONTENT_TYPES)
CSV_CHUNK = 64 * 1024


class PrivateFileSystemStorage(FileSystemStorage):
    """Attachments' storage: files are served by the download view only, never by URL."""

    def url(self, name):
        raise ValueError("Attachments have no public URL: link to Attachment.get_absolute_url().")


@dataclass(frozen=True)
class CheckedUpload:
    original_name: str
    content_type: str
    size: int


def _head(upload, length: int = 16) -> bytes:
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def _zip_names(upload) -> list[str] | None:
    """The entry names of a zip archive, or None when it is not a readable zip."""
    if not _head(upload).startswith(ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)


def _odf_mimetype(upload) -> str | None:
    """ODF puts a `mimetype` entry first, holding the document's type."""
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if not entries or entries[0].filename != "mimetype" or entries[0].file_size > 100:
                return None
            return archive.read(entries[0]).decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)


def _is_utf8_text(upload) -> bool:
    """UTF-8 throughout and no NUL bytes: read in chunks, so large files stay cheap."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    upload.seek(0)
    try:
        while chunk := upload.read(CSV_CHUNK):
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        upload.seek(0)
    return True


def content_matches(extension: str, upload) -> bool:
    """Whether the file's bytes are what its extension says."""
    head = _head(upload)
    if extension == "pdf":
        return head.startswith(PDF_MAGIC)
    if extension == "png":
        return head.startswith(PNG_MAGIC)
    if extension in {"jpg", "jpeg"}:
        return head.startswith(JPEG_MAGIC)
    if extension == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if extension == "csv":
        return _is_utf8_text(upload)
    names = _zip_names(upload)
    if names is None:
        return False
    if extension == "zip":
        return True
    if extension in OOXML_FOLDERS:
        folder = OOXML_FOLDERS[extension]
        return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)
    if extension in ODF_TYPES:
        return _odf_mimetype(upload) == ODF_TYPES[extension]
    return False


def check_upload(upload) -> CheckedUpload:
    """Validate an uploaded file; return what the Attachment should record about it.

    Raises ValidationError with a message a non-technical editor can act on.
    """
    original_name = PurePath(upload.name or "").name
    extension = PurePath(original_name).suffix.lstrip(".").lower()
    if extension not in CONTENT_TYPES:
        raise ValidationError(
            _("Files of type “%(extension)s” cannot be attached. Allowed types: %(allowed)s."),
            code="file_type",
            params={
                "extension": f".{extension}" if extension else original_name,
                "allowed": ", ".join(ALLOWED_EXTENSIONS),
            },
        )
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; files may be at most %(limit)s."),
            code="file_size",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise ValidationError(_("This file is empty."), code="file_empty")
    if not content_matches(extension, upload):
        raise ValidationError(
            _(
                "The content of this file is not a valid %(kind)s file. It may be damaged "
                "or renamed: save it again in that format and upload it once more."
            ),
            code="file_content",
            params={"kind": extension.upper()},
        )
    # Keep the reader-facing name within the column, extension included.
    if len(original_name) > 255:
        original_name = f"{PurePath(original_name).stem[: 254 - len(extension)]}.{extension}"
    return CheckedUpload(
        original_name=original_name, content_type=CONTENT_TYPES[extension], size=upload.size
    )


def validate_attachment_upload(attachment) -> None:
    """Check a newly chosen file and record its name, type and size on the attachment.

    Called from Attachment.clean(), so the admin form and any ModelForm run it.
    Files already stored were checked when they arrived and are left alone.
    """
    field_file = attachment.file
    if not field_file or field_file._committed:
        return
    try:
        checked = check_upload(field_file.file)
    except ValidationError as error:
        raise ValidationError({"file": error}) from error
    attachment.original_name = checked.original_name
    attachment.content_type = checked.content_type
    attachment.size = checked.size


def generated_name(folder: str, filename: str) -> str:
    """A random name in ``folder``: the uploader's file name never reaches a URL."""
    return f"{folder}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def portrait_upload_to(instance, filename: str) -> str:
    return generated_name("portraits", filename)


def open_media(name: str, storage: Storage | None = None) -> bytes | None:
    """A media file's bytes through the storage API (local disk or S3), never over HTTP."""
    storage = storage or storages["default"]
    try:
        with storage.open(name, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, SuspiciousFileOperation, OSError):
        return None


def media_for_url(url: str, site_origin: str) -> bytes | None:
    """The bytes of one of the portal's public media files named by ``url`` (on the
    site's origin or the media bucket's address), or None when the URL is not one."""
    prefix = urljoin(site_origin.rstrip("/") + "/", settings.MEDIA_URL)
    if not url.startswith(prefix):
        return None
    name = unquote(url.removeprefix(prefix).split("?", 1)[0])
    if ".." in PurePath(name).parts:
        return None
    return open_media(name)
