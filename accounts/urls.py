app_name = "accounts"

urlpatterns: list = [
    # Profile, data export and account deletion arrive with the members issue.
]
