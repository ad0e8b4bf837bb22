from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SavedConfig(AppConfig):
    name = "saved"
    verbose_name = _("Saved posts")

    def ready(self):
        # Finish a save asked for before logging in; include saves in "download my data".
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save

        from accounts.export import register_exporter

        from .models import SavedPost
        from .saving import complete_pending_save, export_saved_posts, forget_saved_ids

        user_logged_in.connect(complete_pending_save, dispatch_uid="saved_complete_pending_save")
        register_exporter("saved_posts", export_saved_posts)
        post_save.connect(forget_saved_ids, sender=SavedPost, dispatch_uid="saved_ids_saved")
        post_delete.connect(forget_saved_ids, sender=SavedPost, dispatch_uid="saved_ids_deleted")
