"""Factories for the portal's models; tests build only what they need."""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import User
from posts.models import Attachment, Author, Image, Post, PostAuthor, PostStatus
from saved.models import SavedPost


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Member {n}")
    password = factory.django.Password("correct horse battery")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    role = "Migration advisor"
    organisation = "Practitioners' Network"
    bio = "Works on migration and development."


def picture_bytes(
    width: int = 1600, height: int = 900, image_format: str = "JPEG", **save
) -> bytes:
    """A picture of one colour, in any format Pillow writes (EXIF via ``exif=``)."""
    from io import BytesIO

    from PIL import Image as PillowImage

    buffer = BytesIO()
    mode = "RGBA" if image_format == "PNG" else "RGB"
    PillowImage.new(mode, (width, height), "#1d4e89").save(buffer, image_format, **save)
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    """A library image; saving it makes its renditions, as an upload does."""

    class Meta:
        model = Image

    file = factory.LazyFunction(lambda: ContentFile(picture_bytes(), name="picture.jpg"))
    alt_text = factory.Sequence(lambda n: f"A picture, number {n}")
    caption = "A caption"
    credit = "A photographer"


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Learning brief {n}")
    slug = factory.Sequence(lambda n: f"learning-brief-{n}")
    summary = "What we learned from working with practitioners."
    body = "<p>A body with <strong>rich</strong> text.</p>"
    status = PostStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    class Params:
        draft = factory.Trait(status=PostStatus.DRAFT)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
        )

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            for position, author in enumerate(extracted):
                PostAuthor.objects.create(post=self, author=author, position=position)


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    post = factory.SubFactory(PostFactory)
    title = factory.Sequence(lambda n: f"Brief {n} (PDF)")
    file = factory.django.FileField(filename="brief.pdf", data=b"%PDF-1.4\n% test file\n%%EOF\n")
    original_name = "brief.pdf"
    content_type = "application/pdf"
    size = 28


class SavedPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedPost

    user = factory.SubFactory(UserFactory)
    post = factory.SubFactory(PostFactory)


class CommentFactory(factory.django.DjangoModelFactory):
    """An approved comment written an hour ago; pass post= and user= to place it."""

    class Meta:
        model = "comments.Comment"

    post = factory.SubFactory(PostFactory)
    user = factory.SubFactory(UserFactory)
    body = "A thoughtful remark."
    status = "approved"
    created_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
