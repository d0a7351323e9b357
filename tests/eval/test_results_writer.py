"""``python -m tests.eval.results --write`` rewrites only the peer-suite section of
RESULTS.md: the sections after it (dates, the case tables of issue 15) are written by
hand or by other scripts and must survive a rewrite."""

from __future__ import annotations

from tests.eval import peer_suites as ps
from tests.eval.results import FOOTER, HEADER, later_sections, merged

RESULTS = ps.HERE / "RESULTS.md"


def _peer_table(doc: str) -> str:
    lines = doc.splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith("| suite | cases |"))
    last = first
    while last + 1 < len(lines) and lines[last + 1].startswith("|"):
        last += 1
    return "\n".join(lines[first : last + 1])


def test_rewriting_results_keeps_the_hand_written_sections() -> None:
    existing = RESULTS.read_text(encoding="utf-8")
    generated = HEADER + _peer_table(existing) + "\n" + FOOTER
    # Same table in, same file out: every later section kept, byte for byte, and the
    # committed first section is exactly what the writer generates.
    assert merged(generated, existing) == existing
    assert "# Dates in general news" in later_sections(existing)


def test_a_new_peer_table_replaces_only_the_first_section() -> None:
    existing = "# Peers\n\nold table\n\n# Dates\n\nkept\n\n## Sub\n\nkept too\n"
    assert merged("# Peers\n\nnew table\n", existing) == "# Peers\n\nnew table\n\n# Dates\n\nkept\n\n## Sub\n\nkept too\n"


def test_a_heading_inside_a_code_block_is_not_a_section() -> None:
    existing = "# Peers\n\n```\n# not a heading\n```\n"
    assert later_sections(existing) == ""
    assert merged("# Peers\n\nnew\n", existing) == "# Peers\n\nnew\n"
