from django.urls import path

from samskab.signin import settings_views, views

app_name = "signin"

urlpatterns = [
    path("saml/metadata/", views.saml_metadata, name="saml_metadata"),
    path("saml/acs/", views.saml_acs, name="saml_acs"),
    path("saml/slo/", views.saml_slo, name="saml_slo"),
    path("log-ind/saml/<slug:slug>/", views.saml_login, name="saml_login"),
    path("log-ud/saml/", views.saml_logout, name="saml_logout"),
    path("log-ind/oidc/<slug:slug>/", views.oidc_login, name="oidc_login"),
    path("log-ind/oidc-svar/", views.oidc_callback, name="oidc_callback"),
    path("administration/log-ind/", settings_views.sign_in_settings, name="sign_in_settings"),
    path("administration/log-ind/roller/", settings_views.role_mappings, name="role_mappings"),
    path("administration/log-ind/roller/<int:pk>/slet/", settings_views.role_mapping_remove, name="role_mapping_remove"),
]
