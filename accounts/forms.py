from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name"]


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand: my account and my saved posts are deleted for good."),
        error_messages={"required": _("Tick the box to confirm that you want to delete it.")},
    )
