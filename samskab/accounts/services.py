"""Writes of a person's own sign-in: the TOTP app they set up."""

from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_device_start(*, by) -> TOTPDevice:
    """The app being set up: an unconfirmed device with a new secret, until a code from it is given."""
    TOTPDevice.objects.filter(user=by, confirmed=False).delete()
    return TOTPDevice.objects.create(user=by, name="Samskab", confirmed=False)


def totp_device_confirm(*, device: TOTPDevice, by) -> TOTPDevice:
    """The app gave a right code: it is the person's second factor from now on (replacing any earlier)."""
    TOTPDevice.objects.filter(user=by).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


def totp_device_remove(*, by) -> None:
    TOTPDevice.objects.filter(user=by).delete()
