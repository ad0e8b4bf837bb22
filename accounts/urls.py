from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/my-data.json", views.export, name="export"),
    path("profile/delete/", views.delete, name="delete"),
]
