from django.urls import path

from samskab.comparison import views

app_name = "comparison"

urlpatterns = [
    path("forloeb/<int:pk>/sammenlign/", views.comparison, name="comparison"),
]
