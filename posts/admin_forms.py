"""The post form of the admin: slug rules, topic suggestions and publishing checks."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.models import BaseInlineFormSet
from taggit.forms import TagWidget
from taggit.models import Tag

from .models import Post
from .publishing import NEEDS_AUTHOR, content_problems, goes_public

# Long enough for a title's key words, short enough to read in a shared link.
SLUG_MAX_LENGTH = 80
TOPIC_SUGGESTIONS = 500


class TopicsInput(TagWidget):
    """The comma-separated topics field with the existing topics as a <datalist>.

    Browsers offer the list as the editor types; without it the field is a
    plain text box, as before.
    """

    template_name = "posts/widgets/topics.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id', name)}-suggestions"
        context["widget"]["attrs"]["list"] = list_id
        context["list_id"] = list_id
        context["topics"] = Tag.objects.order_by("name").values_list("name", flat=True)[
            :TOPIC_SUGGESTIONS
        ]
        return context


class PostAdminForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = [
            *["title", "slug", "summary", "body", "status", "published_at", "tags"],
            *["comments_enabled", "featured_image", "meta_description", "social_image"],
        ]
        widgets = {"tags": TopicsInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if slug := self.fields.get("slug"):
            slug.max_length = SLUG_MAX_LENGTH
            slug.widget.attrs["maxlength"] = str(SLUG_MAX_LENGTH)
            slug.validators.append(MaxLengthValidator(SLUG_MAX_LENGTH))
            slug.help_text = _slug_help()
        if summary := self.fields.get("summary"):
            # static/js/admin-posts.js shows "n / max characters" from these.
            summary.widget.attrs["data-character-counter"] = ""

    def _post_clean(self):
        super()._post_clean()  # self.instance now holds the submitted values
        if goes_public(self.instance):
            for field, message in content_problems(self.instance).items():
                self.add_error(field if field in self.fields else None, message)


def _slug_help():
    from django.utils.translation import gettext

    return gettext(
        "The post's address: at most %(max)s characters. It follows the title and can be "
        "changed while the post is a draft; once published it is fixed."
    ) % {"max": SLUG_MAX_LENGTH}


class PostAuthorFormSet(BaseInlineFormSet):
    """A post readers will see needs at least one author, counted after deletions."""

    def clean(self):
        super().clean()
        if not goes_public(self.instance):
            return
        authors = [
            form
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("author")
        ]
        if not authors:
            raise ValidationError(NEEDS_AUTHOR, code="needs_author")
