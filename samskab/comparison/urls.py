from django.urls import path

from samskab.comparison import views

urlpatterns = [
    path("forloeb/<int:pk>/sammenlign/", views.comparison, name="comparison"),
]
