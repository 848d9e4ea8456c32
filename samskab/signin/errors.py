class SignInRefused(Exception):
    """A sign-in that must not go through. `message` is shown to the person (translated)."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(reason or message)
        self.message = message
