app_name = "comments"

urlpatterns: list = [
    # Posting, replying, reporting and deleting arrive with the comments issue.
]
