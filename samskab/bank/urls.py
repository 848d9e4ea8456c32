from django.urls import path

from samskab.bank import views

app_name = "bank"

urlpatterns = [
    path("erfaringsbank/", views.bank_search, name="bank_search"),
    path("erfaringsbank/<int:pk>/", views.bank_item, name="bank_item"),
    path("erfaringsbank/<int:pk>/deling/", views.bank_share, name="bank_share"),
    path("erfaringsbank/<int:pk>/brug-hos-os/", views.bank_adopt, name="bank_adopt"),
]
