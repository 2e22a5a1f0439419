"""The one exception type whose message is meant for the user."""


class UserError(Exception):
    """A problem the user can fix; its message says what to do next."""
