from django.urls import path

from . import views

app_name = "saved"

urlpatterns = [
    path("posts/<slug:slug>/save/", views.toggle, name="toggle"),
    path("saved/", views.saved_list, name="list"),
    path("saved/<slug:slug>/remove/", views.remove, name="remove"),
    path("saved/restore/", views.restore, name="restore"),
    path("saved/pack.pdf", views.reading_pack, name="reading_pack"),
]
