"""Upload checks: allowlisted types only, content matching the extension, a size limit."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter

from posts.models import Attachment
from posts.uploads import check_upload
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def make_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=72, height=72)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, fmt)
    return buffer.getvalue()


def make_zip(entries: dict[str, str], *, stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, text) in enumerate(entries.items()):
            compress = zipfile.ZIP_STORED if stored_first and index == 0 else None
            archive.writestr(name, text, compress_type=compress)
    return buffer.getvalue()


CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)


def make_ooxml(folder: str, part: str) -> bytes:
    return make_zip(
        {
            "[Content_Types].xml": CONTENT_TYPES_XML,
            "_rels/.rels": "<Relationships/>",
            f"{folder}/{part}": "<root/>",
        }
    )


def make_odf(kind: str) -> bytes:
    return make_zip(
        {
            "mimetype": f"application/vnd.oasis.opendocument.{kind}",
            "META-INF/manifest.xml": "<manifest:manifest/>",
            "content.xml": "<office:document-content/>",
        },
        stored_first=True,
    )


ALLOWED_FILES = {
    "brief.pdf": (make_pdf, "application/pdf"),
    "brief.docx": (
        lambda: make_ooxml("word", "document.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "figures.xlsx": (
        lambda: make_ooxml("xl", "workbook.xml"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "slides.pptx": (
        lambda: make_ooxml("ppt", "presentation.xml"),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "brief.odt": (lambda: make_odf("text"), "application/vnd.oasis.opendocument.text"),
    "figures.ods": (
        lambda: make_odf("spreadsheet"),
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    "slides.odp": (
        lambda: make_odf("presentation"),
        "application/vnd.oasis.opendocument.presentation",
    ),
    "data.csv": (lambda: "country,projects\nGéorgie,3\nSerbia,5\n".encode(), "text/csv"),
    "toolkit.zip": (lambda: make_zip({"readme.txt": "Templates"}), "application/zip"),
    "map.png": (lambda: make_image("PNG"), "image/png"),
    "photo.jpg": (lambda: make_image("JPEG"), "image/jpeg"),
    "photo.jpeg": (lambda: make_image("JPEG"), "image/jpeg"),
    "photo.webp": (lambda: make_image("WEBP"), "image/webp"),
}


def attachment_with(name: str, data: bytes) -> Attachment:
    return Attachment(post=PostFactory(), title="A file", file=SimpleUploadedFile(name, data))


def error_codes(excinfo) -> list[str]:
    return [error.code for error in excinfo.value.error_dict["file"]]


@pytest.mark.parametrize("name", sorted(ALLOWED_FILES))
def test_each_allowed_type_is_accepted_and_described(name):
    build, content_type = ALLOWED_FILES[name]
    data = build()
    attachment = attachment_with(name, data)

    attachment.full_clean()
    attachment.save()

    attachment.refresh_from_db()
    assert attachment.content_type == content_type
    assert attachment.size == len(data)
    assert attachment.original_name == name
    # Stored under a generated name, never the uploader's.
    assert attachment.file.name.startswith("attachments/")
    assert name not in attachment.file.name
    with attachment.file.open("rb") as stored:
        assert stored.read() == data


def test_uppercase_extension_is_accepted():
    attachment = attachment_with("REPORT.PDF", make_pdf())

    attachment.full_clean()

    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "REPORT.PDF"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("page.html", b"<!doctype html><script>alert(1)</script>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("no-extension", b"%PDF-1.4\n"),
    ],
)
def test_types_outside_the_allowlist_are_refused(name, data):
    attachment = attachment_with(name, data)

    with pytest.raises(ValidationError) as excinfo:
        attachment.full_clean()

    assert error_codes(excinfo) == ["file_type"]
    assert "cannot be attached" in str(excinfo.value)
    assert "pdf, docx" in str(excinfo.value)


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("brief.pdf", lambda: b"<!doctype html><title>x</title><script>alert(1)</script>"),
        ("brief.pdf", lambda: make_image("PNG")),
        ("brief.docx", lambda: make_zip({"readme.txt": "just a zip"})),
        ("brief.docx", lambda: make_ooxml("xl", "workbook.xml")),  # a spreadsheet
        ("brief.odt", lambda: make_odf("spreadsheet")),
        ("brief.odt", lambda: make_zip({"content.xml": "<x/>", "mimetype": "x"})),
        ("map.png", lambda: make_image("JPEG")),
        ("photo.jpg", make_pdf),
        ("photo.webp", lambda: make_image("PNG")),
        ("toolkit.zip", make_pdf),
        ("data.csv", lambda: b"a,b\n\x00\x01\x02"),
        ("data.csv", lambda: "a,b\ncafé,1\n".encode("latin-1")),
    ],
)
def test_disguised_content_is_refused(name, build):
    attachment = attachment_with(name, build())

    with pytest.raises(ValidationError) as excinfo:
        attachment.full_clean()

    assert error_codes(excinfo) == ["file_content"]
    assert "not a valid" in str(excinfo.value)
    assert attachment.content_type == ""


def test_too_large_file_is_refused(settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    attachment = attachment_with("big.csv", b"a,b\n" + b"1,2\n" * 400)

    with pytest.raises(ValidationError) as excinfo:
        attachment.full_clean()

    assert error_codes(excinfo) == ["file_size"]
    assert excinfo.value.message_dict["file"] == [
        "This file is 1.6\xa0KB; files may be at most 1.0\xa0KB."
    ]


def test_file_at_the_limit_is_accepted(settings):
    data = make_pdf()
    settings.ATTACHMENT_MAX_BYTES = len(data)

    checked = check_upload(SimpleUploadedFile("brief.pdf", data))

    assert checked.size == len(data)


def test_empty_file_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        check_upload(SimpleUploadedFile("empty.csv", b""))

    assert excinfo.value.code == "file_empty"


def test_stored_file_is_not_checked_again():
    """Editing an attachment's title must not re-read or re-judge its file."""
    attachment = attachment_with("brief.pdf", make_pdf())
    attachment.full_clean()
    attachment.save()
    stored = Attachment.objects.get(pk=attachment.pk)
    stored.title = "A new title"

    stored.full_clean()

    assert stored.content_type == "application/pdf"


def test_model_form_reports_the_error_on_the_file_field():
    """The admin builds a ModelForm: the check reaches editors as a field error."""
    from django.forms import modelform_factory

    form_class = modelform_factory(Attachment, fields=["post", "title", "file", "position"])
    post = PostFactory()
    form = form_class(
        data={"post": post.pk, "title": "Brief", "position": 0},
        files={"file": SimpleUploadedFile("brief.pdf", b"<html>not a pdf</html>")},
    )

    assert not form.is_valid()
    assert "not a valid PDF file" in form.errors["file"][0]
