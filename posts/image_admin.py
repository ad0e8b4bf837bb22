"""The image library in the admin, and the picker the body editor opens.

The editor's figure dialog ("Browse…") opens the picker in a small window,
as CKEditor's file browsers do; choosing an image hands its URL, alt text and
caption back to the dialog (static/js/admin-image-picker.js). The picker also
takes a new upload, so an editor never leaves the post they are writing.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .library import Image

PICKER_PAGE_SIZE = 24


def thumbnail(image, width=120):
    """A small preview for the admin's lists and forms."""
    if not image or not image.width:
        return "—"
    height = round(image.height * width / image.width)
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" class="image-thumbnail" loading="lazy">',
        image.small_url,
        width,
        height,
    )


class ImageUploadForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit"]


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["preview", "alt_text", "caption", "credit", "size", "created"]
    list_display_links = ["preview", "alt_text"]
    search_fields = ["alt_text", "caption", "credit"]
    fields = ["file", "preview", "alt_text", "caption", "credit", "size", "uploaded_by"]
    readonly_fields = ["preview", "size", "uploaded_by"]
    date_hierarchy = "created"

    class Media:
        css = {"all": ["css/admin-posts.css"]}

    @admin.display(description=_("preview"))
    def preview(self, image):
        return thumbnail(image)

    @admin.display(description=_("size in pixels"))
    def size(self, image):
        return f"{image.width} × {image.height}" if image.width else "—"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        picker = self.admin_site.admin_view(self.picker_view)
        return [path("picker/", picker, name="posts_image_picker"), *super().get_urls()]

    def picker_view(self, request):
        """Choose an image for the body, or upload one (POST, needs the add permission)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        callback = request.GET.get("CKEditorFuncNum", "")
        form = None
        if self.has_add_permission(request):
            form = ImageUploadForm(request.POST or None, request.FILES or None)
            if request.method == "POST" and form.is_valid():
                image = form.save(commit=False)
                image.uploaded_by = request.user
                image.save()
                return HttpResponseRedirect(request.get_full_path())
        images = Image.objects.all()
        if query := request.GET.get("q", "").strip():
            images = images.filter(
                Q(alt_text__icontains=query)
                | Q(caption__icontains=query)
                | Q(credit__icontains=query)
            )
        page = Paginator(images, PICKER_PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Choose an image"),
            "opts": self.opts,
            "page": page,
            "query": query,
            "callback": callback,
            "form": form,
            "is_popup": True,
        }
        return TemplateResponse(request, "admin/posts/image/picker.html", context)
