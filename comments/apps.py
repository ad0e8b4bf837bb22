from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from accounts.export import register_exporter

        from . import signals  # noqa: F401
        from .export import export_comments

        register_exporter("comments", export_comments)
