import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import CommentReport

RENDERED_SALT = "comments.form-rendered"


def render_stamp() -> str:
    """When the form was shown, signed so a robot cannot backdate it."""
    return signing.dumps(timezone.now().timestamp(), salt=RENDERED_SALT)


def one_time_values() -> dict:
    """What makes an unsent form unique: a token against double sending, and when it was shown."""
    return {"token": uuid.uuid4(), "rendered": render_stamp()}


def fills(values: dict) -> dict:
    """An unsent form's one-time values as the {% fragment %} fills them in."""
    return {"comment-token": str(values["token"]), "comment-shown": values["rendered"]}


def filled_too_fast(stamp: str) -> bool:
    """Sent sooner than a person could type, or without a genuine stamp: a robot."""
    try:
        shown = float(signing.loads(stamp, salt=RENDERED_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return timezone.now().timestamp() - shown < settings.COMMENTS_MIN_FILL_SECONDS


class CommentForm(forms.Form):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    token = forms.UUIDField(widget=forms.HiddenInput)
    rendered = forms.CharField(required=False, widget=forms.HiddenInput)
    # Honeypot: hidden from people by CSS and aria-hidden; robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, parent=None, one_time=None, **kwargs):
        key = parent.pk if parent else "new"
        kwargs.setdefault("auto_id", f"comment-{key}-%s")
        kwargs.setdefault(
            "initial", {**(one_time or one_time_values()), "parent": key if parent else None}
        )
        super().__init__(*args, **kwargs)
        # Built here, not at import, so the length follows the setting (tests change it).
        self.max_length = settings.COMMENTS_MAX_LENGTH
        self.fields["body"] = forms.CharField(
            label=_("Leave a comment"),
            max_length=self.max_length,
            error_messages={
                "max_length": _(
                    "Please shorten your comment to %(limit_value)s characters "
                    "(it has %(show_value)s)."
                )
            },
            widget=forms.Textarea(
                attrs={
                    "rows": 5,
                    "data-comment-text": "",
                    "aria-describedby": f"comment-{key}-counter",
                }
            ),
        )

    @property
    def fresh_values(self) -> dict:
        """What differs between two unsent forms (the {% fragment %} fills them in), or
        nothing when this form was sent back with the member's text: it is theirs alone."""
        return {} if self.is_bound else fills(self.initial)

    def clean(self):
        cleaned = super().clean()
        cleaned["too_fast"] = filled_too_fast(cleaned.get("rendered", ""))
        return cleaned


class ReportForm(forms.ModelForm):
    """The reason's length comes from the model: one limit for the form and the table."""

    class Meta:
        model = CommentReport
        fields = ["reason"]
        labels = {"reason": _("What is wrong with this comment?")}
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"reason": {"required": _("Please say briefly what is wrong.")}}

    @classmethod
    def for_comment(cls, comment, data=None):
        return cls(data, auto_id=f"report-{comment.pk}-%s")
