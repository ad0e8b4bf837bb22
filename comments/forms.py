import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Leave a comment"), widget=forms.Textarea(attrs={"rows": 5}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    token = forms.UUIDField(widget=forms.HiddenInput)
    # Honeypot: hidden from people by CSS and aria-hidden; robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, parent=None, **kwargs):
        key = parent.pk if parent else "new"
        kwargs.setdefault("auto_id", f"comment-{key}-%s")
        kwargs.setdefault("initial", {"token": uuid.uuid4(), "parent": key if parent else None})
        super().__init__(*args, **kwargs)
        self.max_length = settings.COMMENTS_MAX_LENGTH
        self.fields["body"].widget.attrs.update(
            {
                "maxlength": self.max_length,
                "data-comment-text": "",
                "aria-describedby": f"comment-{key}-counter",
            }
        )

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) > self.max_length:
            raise forms.ValidationError(
                _("Please shorten your comment to %(max)s characters (it has %(length)s).")
                % {"max": self.max_length, "length": len(body)}
            )
        return body


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this comment?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
