"""Identity providers started inside the test suite (nothing reaches the network): a SAML IdP in
the shape of KOMBIT's Context Handler (OIOSAML 3.0) and an OIDC provider in the shape of Entra ID."""
