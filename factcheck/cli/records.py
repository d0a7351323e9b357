"""``--strict-records``: what the commands that read documents do with the bad records
of JSON and JSON Lines files (see ``factcheck.load.formats.records``)."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.errors import InputError, SkippedRecords

StrictRecordsOpt = Annotated[bool, typer.Option("--strict-records", help="Refuse a JSON or JSON Lines file that has a bad record (default: check its other records, list each bad one as FILE:LINE:COL and exit 2 at the end).")]


def refuse_bad_records(bad_records: list[InputError]) -> None:
    """After the report of the good records is out: each bad record on a line, exit 2."""
    if bad_records:
        raise SkippedRecords(bad_records)
