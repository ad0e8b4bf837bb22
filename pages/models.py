"""The site's own pages (About, Contact, Privacy, Terms): edited by editors in the admin,
sanitised like post bodies, linked from the footer."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from posts.sanitize import sanitize_html

# The footer links these, in this order; a data migration creates them.
FOOTER_SLUGS = ("about", "contact", "privacy", "terms")


class Page(models.Model):
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    body = ProseEditorField(
        _("text"),
        extensions={
            "Bold": True, "Italic": True, "Heading": {"levels": [2, 3]}, "BulletList": True,
            "OrderedList": True, "ListItem": True, "Blockquote": True, "Link": {"enableTarget": False},
            "HardBreak": True, "History": True,
        },
        sanitize=sanitize_html,
        blank=True,
    )  # fmt: skip
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Sanitised on every path (admin, shell, migrations' demo text), as posts are.
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("pages:page", kwargs={"slug": self.slug})
