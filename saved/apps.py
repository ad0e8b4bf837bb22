from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SavedConfig(AppConfig):
    name = "saved"
    verbose_name = _("Saved posts")

    def ready(self):
        # Finish a save asked for before logging in; include saves in "download my data";
        # a deleted account's reading packs go with it.
        from allauth.account.signals import user_signed_up
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save

        from accounts.export import register_exporter

        from .following import export_follows
        from .models import SavedPost
        from .pack import forget_reading_packs
        from .saving import complete_pending_save, export_saved_posts, forget_saved_ids

        user_logged_in.connect(complete_pending_save, dispatch_uid="saved_complete_pending_save")
        user_signed_up.connect(complete_pending_save, dispatch_uid="saved_pending_save_signup")
        register_exporter("saved_posts", export_saved_posts)
        register_exporter("follows", export_follows)
        post_delete.connect(
            forget_reading_packs, sender=get_user_model(), dispatch_uid="saved_forget_packs"
        )
        # The Save toggles' cached ids go with every save or removal.
        post_save.connect(forget_saved_ids, sender=SavedPost, dispatch_uid="saved_ids_saved")
        post_delete.connect(forget_saved_ids, sender=SavedPost, dispatch_uid="saved_ids_deleted")
