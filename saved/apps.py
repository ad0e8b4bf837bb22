from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SavedConfig(AppConfig):
    name = "saved"
    verbose_name = _("Saved posts")

    def ready(self):
        # Finish a save asked for before logging in; include saves in "download my data".
        from django.contrib.auth.signals import user_logged_in

        from accounts.export import register_exporter

        from .following import export_follows
        from .saving import complete_pending_save, export_saved_posts

        user_logged_in.connect(complete_pending_save, dispatch_uid="saved_complete_pending_save")
        register_exporter("saved_posts", export_saved_posts)
        register_exporter("follows", export_follows)
