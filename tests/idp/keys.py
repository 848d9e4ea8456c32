"""Key pairs made at test time (never committed): an RSA key and a self-signed certificate, as PEM."""

import datetime
from dataclasses import dataclass
from functools import cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class KeyPair:
    key: rsa.RSAPrivateKey
    key_pem: str
    cert_pem: str

    @property
    def cert_base64(self) -> str:
        """The certificate's body, as metadata carries it."""
        return "".join(line for line in self.cert_pem.splitlines() if "CERTIFICATE" not in line)


@cache
def key_pair(name: str) -> KeyPair:
    """A test-only key pair for `name`, made once per test session."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return KeyPair(key=key, key_pem=key_pem.decode(), cert_pem=cert.public_bytes(serialization.Encoding.PEM).decode())
