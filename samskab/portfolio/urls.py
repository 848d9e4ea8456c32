from django.urls import path

from samskab.portfolio import views

app_name = "portfolio"

urlpatterns = [
    path("portefoelje/", views.portfolio, name="portfolio"),
    path("portefoelje/portefoelje.xlsx", views.portfolio_xlsx, name="portfolio_xlsx"),
]
