from allauth.account import app_settings as allauth_settings
from allauth.account import forms as allauth_forms
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.internal.flows.login import perform_login
from allauth.account.internal.flows.signup import complete_signup
from allauth.account.models import Login
from allauth.account.utils import filter_users_by_email, get_next_redirect_url
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User

PUBLIC_NAME_HELP = _("Shown with your comments. Your email address is never shown.")
# Sign-up always confirms the address before logging in, whatever
# ACCOUNT_EMAIL_VERIFICATION says: only then can a taken address get the very
# same answer as a new one (allauth hides it in "mandatory" mode only).
SIGNUP_VERIFICATION = allauth_settings.EmailVerificationMethod.MANDATORY


class PlainWords:
    """allauth's forms in the portal's voice: sentence case, no "Remember Me:" colons."""

    labels: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        for name, field in self.fields.items():
            field.label = self.labels.get(name, field.label)
            # allauth's placeholders repeat its labels ("New Password (again)"); ours say it.
            field.widget.attrs.pop("placeholder", None)


NEW_PASSWORD = {
    "oldpassword": _("Current password"),
    "password1": _("New password"),
    "password2": _("New password, again"),
}


class LoginForm(PlainWords, allauth_forms.LoginForm):
    labels = {
        "login": _("Email address"),
        "password": _("Password"),
        "remember": _("Keep me logged in on this device"),
    }


class SignupForm(PlainWords, AllauthSignupForm):
    labels = {
        "email": _("Email address"),
        "password1": _("Password"),
        "password2": _("Password, again"),
    }
    display_name = forms.CharField(
        label=_("Public name"), max_length=80, help_text=PUBLIC_NAME_HELP
    )
    field_order = ["email", "display_name", "password1", "password2"]

    def validate_unique_email(self, value: str) -> str:
        # Never "already registered": remember it, answer as for a new address.
        self.account_already_exists = bool(filter_users_by_email(value))
        return value

    def try_save(self, request):
        if self.account_already_exists:
            # No account; the owner gets an "you already have an account" email.
            login = Login(
                user=None,
                email=self.cleaned_data["email"],
                signup=True,
                email_verification=SIGNUP_VERIFICATION,
            )
            return None, perform_login(request, login)
        user = self.save(request)
        return user, complete_signup(
            request,
            user=user,
            email_verification=SIGNUP_VERIFICATION,
            redirect_url=get_next_redirect_url(request),
        )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name"]
        labels = {"display_name": _("Public name")}
        help_texts = {"display_name": PUBLIC_NAME_HELP}


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand: my account and my saved posts are deleted for good."),
        error_messages={"required": _("Tick the box to confirm that you want to delete it.")},
    )


class ChangePasswordForm(PlainWords, allauth_forms.ChangePasswordForm):
    labels = NEW_PASSWORD


class SetPasswordForm(PlainWords, allauth_forms.SetPasswordForm):
    labels = NEW_PASSWORD


class ResetPasswordForm(PlainWords, allauth_forms.ResetPasswordForm):
    labels = {"email": _("Email address")}


class ResetPasswordKeyForm(PlainWords, allauth_forms.ResetPasswordKeyForm):
    labels = NEW_PASSWORD


class ChangeEmailForm(PlainWords, allauth_forms.AddEmailForm):
    labels = {"email": _("New email address")}


class ReauthenticateForm(PlainWords, allauth_forms.ReauthenticateForm):
    labels = {"password": _("Password")}
