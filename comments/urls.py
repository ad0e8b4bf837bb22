from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("posts/<slug:slug>/", views.thread_page, name="page"),
    path("posts/<slug:slug>/new/", views.create, name="create"),
    path("<int:pk>/reply/", views.reply_form, name="reply"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/report/", views.report, name="report"),
]
