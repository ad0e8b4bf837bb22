from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal import generations

from .models import Page


@receiver([post_save, post_delete], sender=Page)
def page_changed(sender, **kwargs):
    generations.bump()  # the page cache serves these pages: an edit shows at once
