from django.urls import path

from . import follow_views, views

app_name = "saved"

urlpatterns = [
    path("posts/<slug:slug>/save/", views.toggle, name="toggle"),
    path("saved/", views.saved_list, name="list"),
    path("saved/<slug:slug>/remove/", views.remove, name="remove"),
    path("saved/restore/", views.restore, name="restore"),
    path("saved/pack.pdf", views.reading_pack, name="reading_pack"),
    path("following/", follow_views.following, name="following"),
    path("following/topics/<slug:slug>/", follow_views.follow_topic, name="follow_topic"),
    path("following/authors/<slug:slug>/", follow_views.follow_author, name="follow_author"),
    path("following/digest/", follow_views.digest, name="digest"),
    path("following/unsubscribe/<str:token>/", follow_views.unsubscribe, name="unsubscribe"),
]
