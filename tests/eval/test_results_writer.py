"""``python -m tests.eval.results --write`` rewrites only the peer-suite section of
RESULTS.md: the sections after it (dates, the case tables of issue 15) are written by
hand or by other scripts and must survive a rewrite."""

from __future__ import annotations

from tests.eval import peer_suites as ps
from tests.eval.results import FOOTER, HEADER, README, later_sections, merged, peer_table, with_table

RESULTS = ps.HERE / "RESULTS.md"


def test_rewriting_results_keeps_the_hand_written_sections() -> None:
    existing = RESULTS.read_text(encoding="utf-8")
    generated = HEADER + peer_table(existing) + "\n" + FOOTER
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


def test_the_readme_shows_the_peer_table_of_results() -> None:
    """README.md's "How well it reads figures" table is the one RESULTS.md holds (both
    written by ``python -m tests.eval.results --write``): a figure in the README is
    reproducible by the command it names."""
    table = peer_table(RESULTS.read_text(encoding="utf-8"))
    assert table and peer_table(README.read_text(encoding="utf-8")) == table


def test_the_readme_table_is_replaced_and_the_rest_kept() -> None:
    doc = "# Tool\n\nintro\n\n| suite | cases |\n| --- | --- |\n| old | 1 |\n\nafter\n"
    assert with_table(doc, "| suite | cases |\n| --- | --- |\n| new | 2 |") == (
        "# Tool\n\nintro\n\n| suite | cases |\n| --- | --- |\n| new | 2 |\n\nafter\n"
    )
    assert with_table("no table here\n", "| suite | cases |") == "no table here\n"
