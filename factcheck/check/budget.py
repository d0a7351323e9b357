"""budget: a checked document too dense with figures to be read whole.

Extraction reads at most ``document_numbers`` numbers (written in digits) of one
document (or ``numbers_per_mib`` per MiB of its text, if that is more) and at most
``sentence_numbers`` of one sentence (``factcheck.extract.budget``):
text dense with figures and without full stops, a table pasted as prose or a data dump,
would otherwise take minutes and gigabytes. What lies beyond is not checked, and this
check says so, once per cut, on the last claim read before it: the sentence (by its
line) or the document, how many numbers it holds and how many were read. The budget is
counted, never timed, so the same documents are cut the same way on any machine and
for any ``--jobs``. The budgets are this check's options; a rule set without the check
reads within the default budget and warns on standard error instead.

Example::

    checks:
      - id: not-fully-checked
        budget:
          document_numbers: 20000
          numbers_per_mib: 4000
          sentence_numbers: 5000

Passes: an article of a few hundred figures.

Fails: a CSV export saved as ``.txt``, one "sentence" of 48,000 numbers: "sentence at
line 3: 48,000 numbers, read the first 5,000".
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from pydantic import BaseModel, ConfigDict, Field

from factcheck.check.base import Context, Item, Problem, base_params
from factcheck.extract.budget import (
    DOCUMENT_NUMBERS,
    NUMBERS_PER_MIB,
    SENTENCE_NUMBERS,
    Budget,
    Cut,
    read_plan,
)
from factcheck.models import Document
from factcheck.rules.messages import COMMON
from factcheck.rules.schema import CheckRule, RuleSet

ID = "budget"


class BudgetOptions(BaseModel):
    """Options of the ``budget`` check: how much of a document extraction reads."""

    model_config = ConfigDict(extra="forbid")

    document_numbers: int = Field(
        default=DOCUMENT_NUMBERS, ge=1, le=10_000_000,
        description="Numbers (written in digits) of one document that are read; the rest is not checked.",
    )
    numbers_per_mib: int = Field(
        default=NUMBERS_PER_MIB, ge=0, le=10_000_000,
        description="Numbers read per MiB of a document's text, when that is more than document_numbers (a long document may hold more).",
    )
    sentence_numbers: int = Field(
        default=SENTENCE_NUMBERS, ge=1, le=10_000_000,
        description="Numbers of one sentence that are read (analysis costs grow with the figures of a sentence).",
    )

    def budget(self) -> Budget:
        return Budget(self.document_numbers, self.sentence_numbers, self.numbers_per_mib)


Options = BudgetOptions

SCOPE = "claims"
SPLIT = "document"
PROBLEM = "not fully checked"
RANK = 0
DEFAULT_SEVERITY = "warning"
DEFAULT_MESSAGE = "{doc}: not fully checked: {cut}"
PLACEHOLDERS = {
    **COMMON,
    "cut": "what was not read, e.g. 'sentence at line 3: 48,000 numbers, read the first 5,000'",
    "numbers": "the numbers the sentence (or document) holds",
    "read": "how many of them were read",
}


def budget_of(rules: RuleSet) -> Budget:
    """The budget extraction reads within: the first ``budget`` check's, else the default."""
    for rule in rules.checks:
        if rule.kind == ID:
            return rule.options.budget()  # type: ignore[no-any-return]
    return Budget()


def describe(cut: Cut, doc: Document) -> str:
    """A cut in words: "sentence at line 3: 48,000 numbers, read the first 5,000"."""
    if cut.scope == "document":
        where = "document"
    else:
        where = f"sentence at line {doc.text.count(chr(10), 0, cut.sentence_start) + 1 + doc.line_offset}"
    return f"{where}: {cut.numbers:,} numbers, read the first {cut.read:,}"


def check(ctx: Context, rule: CheckRule[Options]) -> Iterator[Problem]:
    budget = rule.options.budget()
    checked = [i for i in ctx.checked_items if i.doc is not None and not i.is_reference]
    for _, group in groupby(sorted(checked, key=lambda i: (i.doc_id, i.claim.start)), key=lambda i: i.doc_id):
        items = list(group)
        doc = items[0].doc
        assert doc is not None
        # Cuts that follow the same last claim (a sentence cut, then the document's
        # limit in the next sentence without a figure read between) make one finding.
        at: dict[str, tuple[Item, list[Cut]]] = {}
        for cut in read_plan(doc.text, budget).cuts:
            last = _last_before(items, cut.start)
            if last is not None:
                at.setdefault(last.id, (last, []))[1].append(cut)
        for last, cuts in at.values():
            params = base_params(last, rule) | {
                "cut": "; ".join(describe(c, doc) for c in cuts),
                "numbers": f"{cuts[0].numbers:,}",
                "read": f"{cuts[0].read:,}",
            }
            ctx.compared(rule, last, [], agreed=False)
            yield Problem(last, [], params)


def _last_before(items: list[Item], offset: int) -> Item | None:
    """The last claim read before ``offset`` (items sorted by start)."""
    found = None
    for item in items:
        if item.claim.start >= offset:
            break
        found = item
    return found
