from django.contrib.auth.backends import ModelBackend

from samskab.signin.models import SignInSettings


class PasswordBackend(ModelBackend):
    """Sign-in with a local password, unless the person's municipality has turned local passwords off."""

    def user_can_authenticate(self, user) -> bool:
        if not super().user_can_authenticate(user):
            return False
        if user.organisation_id is None:
            return True
        return not SignInSettings.objects.filter(organisation_id=user.organisation_id, local_passwords=False).exists()


class FederatedBackend(ModelBackend):
    """The backend of sessions begun through single sign-on. It never checks a password itself:
    sign-in views log the person in with it once the identity provider has vouched for them."""

    def authenticate(self, request, **credentials):
        return None


PASSWORD_BACKEND = "samskab.signin.backends.PasswordBackend"
FEDERATED_BACKEND = "samskab.signin.backends.FederatedBackend"
