"""django-allauth's fixed choices for the portal (portal/settings.py imports them).

What depends on the environment (verification, protocol, idle timeout, proxies)
stays in settings.py.
"""

# django-allauth: email only, no usernames anywhere.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# The sign-up form adds the public name (accounts.forms.SignupForm).
# Every allauth form the portal shows, relabelled in its own voice (accounts.forms).
ACCOUNT_FORMS = {
    name: f"accounts.forms.{form}"
    for name, form in {
        "login": "LoginForm",
        "signup": "SignupForm",
        "change_password": "ChangePasswordForm",
        "set_password": "SetPasswordForm",
        "reset_password": "ResetPasswordForm",
        "reset_password_from_key": "ResetPasswordKeyForm",
        "add_email": "ChangeEmailForm",
        "reauthenticate": "ReauthenticateForm",
    }.items()
}
ACCOUNT_PREVENT_ENUMERATION = True
# Adding or removing an email address asks for the password again (changing the
# password asks for the current one in its own form).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# None: the login form offers "Remember me". Without it the session ends when the
# browser closes or after PORTAL_SESSION_IDLE_MINUTES idle (portal.middleware).
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_UNIQUE_EMAIL = True
# One address per member: "change email" replaces it once the new one is verified.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# One click from the email confirms the address (and logs in, in the same browser).
ACCOUNT_CONFIRM_EMAIL_ON_GET = True
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Rate limits are kept in the cache above (database or Redis, never a dummy).
# allauth's per-IP failed-login default is 10/m; the per-email limit is what
# stops guessing one account's password.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
}
