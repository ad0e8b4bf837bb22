from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PostsConfig(AppConfig):
    name = "posts"
    verbose_name = _("Posts")

    def ready(self):
        # Saved posts: finish a save asked for before logging in; include them in
        # "download my data".
        from django.contrib.auth.signals import user_logged_in

        from accounts.export import register_exporter

        from . import signals  # noqa: F401  (connects search-index and cache hooks)
        from .saved import complete_pending_save, export_saved_posts

        user_logged_in.connect(complete_pending_save, dispatch_uid="posts_complete_pending_save")
        register_exporter("saved_posts", export_saved_posts)
