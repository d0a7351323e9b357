"""HTTP statuses for factcheck's errors, and the server's own.

The CLI turns a ``FactcheckError`` into one line and its exit code; the server turns it
into the same line in a JSON body and an HTTP status: a draft that cannot be read is the
client's (400), a bad request body is 422 with the field named, a body over the limit
413, a missing or wrong token 401, a check over the time limit 503.
"""

from __future__ import annotations

from factcheck.errors import FactcheckError, InputError, UsageError


class ServeError(FactcheckError):
    """An error of the HTTP layer; ``status`` is the HTTP status it is answered with."""

    status: int = 400

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status


class BodyTooLarge(ServeError):
    status = 413


class Unauthorized(ServeError):
    status = 401


class Overloaded(ServeError):
    status = 503


def status_of(exc: FactcheckError) -> int:
    """The HTTP status of a user's error: the draft or a request value (400), anything
    else factcheck reports (a rule or config problem on the server's side: 500)."""
    if isinstance(exc, ServeError):
        return exc.status
    if isinstance(exc, (InputError, UsageError)):
        return 400
    return 500
