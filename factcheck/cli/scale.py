"""How a command's work is carried out: processes (``--jobs``), a Dask cluster
(``--cluster``), the claim index (``--index``, ``--index-format``) and the progress bar.
The options every command that extracts shares, and the helpers that open what they name."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

if TYPE_CHECKING:
    from factcheck.extract.index import IndexFormat


class IndexFormatChoice(str, Enum):
    sqlite = "sqlite"
    parquet = "parquet"

    @property
    def kind(self) -> IndexFormat:
        return "parquet" if self is IndexFormatChoice.parquet else "sqlite"


def _at_least_one(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter(f"{value} is not a number of processes; give 1 or more")
    return value


JobsOpt = Annotated[Optional[int], typer.Option("--jobs", "-j", callback=_at_least_one, metavar="N", help="Processes (1 or more) for extraction and, on large runs, the checks (default: the number of cores; small inputs stay in one process). The output does not depend on it.", show_default=False)]
ClusterOpt = Annotated[Optional[str], typer.Option("--cluster", metavar="ADDRESS", help="Extract and check on a Dask cluster: a running scheduler (tcp://host:8786) or local:N (N worker processes started for the run). Needs factcheck[dask]; the output does not depend on it.", show_default=False)]
IndexOpt = Annotated[Optional[Path], typer.Option("--index", metavar="FILE", help="Claim index (factcheck index): reuse the claims it has for unchanged documents and add the rest. 'default' is the one in the user cache directory. Without --index nothing is written.", show_default=False)]
IndexFormatOpt = Annotated[IndexFormatChoice, typer.Option("--index-format", metavar="FORMAT", help="The claim index's format: sqlite (one file) or parquet (a folder of Parquet partitions, for archives too large for one SQLite file; needs pyarrow).")]


def progress_factory(quiet: bool):  # noqa: ANN202
    from factcheck.report.progress import progress

    def factory(description: str, total: int):  # noqa: ANN202
        return progress(description, total, enabled=None if not quiet else False)

    return factory


@contextmanager
def cluster_session(address: str | None, quiet: bool) -> Iterator[Any]:
    """The Dask cluster ``--cluster`` names, for the length of one command (None: none);
    where a local cluster's dashboard is goes to stderr unless ``quiet``."""
    if address is None:
        yield None
        return
    from factcheck.cluster import open_cluster

    def say(line: str) -> None:
        if not quiet:
            print(f"factcheck: {line}", file=sys.stderr)

    with open_cluster(address, say=say) as session:
        yield session
