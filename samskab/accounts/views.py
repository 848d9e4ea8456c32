"""A person's own sign-in: the code step (TOTP), setting up the app, changing the password, and
a throttled password reset."""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth import views as auth
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from samskab.accounts import services
from samskab.accounts.forms import CodeForm, PasswordChangeForm, PasswordResetForm
from samskab.accounts.second_factor import step_taken, totp_required
from samskab.core.redirects import safe_next
from samskab.accounts.throttling import password_reset_allowed, refused

SETUP_DEVICE = "samskab_totp_setup"  # session key: the device being set up


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    return safe_next(request, target, reverse_lazy("processes:dashboard"))


def _signed_in_with(request, device) -> None:
    otp_login(request, device)
    step_taken(request)


@login_required
def totp_verify(request):
    """The second step of a sign-in: the code from the app the person set up."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect(f"{reverse_lazy('accounts:totp_setup')}?{urlencode({'next': _next(request)})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _why = device.verify_is_allowed()
        if not allowed:
            form.add_error("code", _("Too many wrong codes. Wait a minute, then try again."))
        elif device.verify_token(form.cleaned_data["code"]):
            _signed_in_with(request, device)
            return redirect(_next(request))
        else:
            form.add_error("code", _("The code is wrong or too old. Type the code the app shows now."))
    return render(request, "accounts/totp_verify.html", {"form": form, "next": _next(request)})


def _qr(url: str) -> SafeString:
    svg = segno.make(url, micro=False).svg_inline(scale=5, svgclass="samskab-qr", lineclass=None, omitsize=False)
    label = _("QR code to scan with the authenticator app")
    return format_html('<div role="img" aria-label="{}" class="samskab-qr-wrap">{}</div>', label, SafeString(svg))


@login_required
def totp_setup(request):
    """Setting up an authenticator app: scan the QR code, then give the code the app shows.

    Someone who has an app gives its code first: a password alone never replaces the app."""
    if user_has_device(request.user) and not request.user.is_verified():
        return redirect(f"{reverse_lazy('accounts:totp_verify')}?{urlencode({'next': _next(request)})}")
    device = TOTPDevice.objects.filter(
        user=request.user, confirmed=False, pk=request.session.get(SETUP_DEVICE, 0)
    ).first()
    if device is None:
        device = services.totp_device_start(by=request.user)
        request.session[SETUP_DEVICE] = device.pk
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            services.totp_device_confirm(device=device, by=request.user)
            request.session.pop(SETUP_DEVICE, None)
            _signed_in_with(request, device)
            messages.success(request, _("Two-step login is set up. From now on you give a code from the app when you log in."))
            return redirect(_next(request))
        form.add_error("code", _("The code is wrong or too old. Type the code the app shows now."))
    context = {
        "form": form,
        "next": _next(request),
        "qr": _qr(device.config_url),
        "secret": b32encode(device.bin_key).decode(),
        "required": totp_required(request.user),
    }
    return render(request, "accounts/totp_setup.html", context)


@login_required
def account(request):
    """My account: the password and the two-step login."""
    context = {"has_totp": user_has_device(request.user), "totp_required": totp_required(request.user)}
    return render(request, "accounts/account.html", context)


class PasswordChangeView(auth.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        messages.success(self.request, _("Your password was changed."))
        return super().form_valid(form)


class PasswordResetView(auth.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if not password_reset_allowed(self.request, form.cleaned_data["email"]):
            return refused(self.request)
        return super().form_valid(form)
