"""How the command line describes its arguments: in words a user reads ("[PATH]...",
"TEXT", "N"), never as the Python types typer would print ("<list[str]>", "<str>").

Every command is made with ``cls=PlainCommand``: its positional arguments are shown by their
metavar alone, and every option declares a metavar of its own."""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand


class PlainArgument(TyperArgument):
    """A positional argument whose help line is its metavar and its help, no type."""

    def display_type_rich(self, ctx: Any) -> str | None:  # noqa: ARG002 - typer's signature (a click context)
        return None


class PlainCommand(TyperCommand):
    """A typer command whose arguments read as ``PlainArgument``s."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = PlainArgument
