"""The figures stage builds its claims without validation (``quantities/claims.py``,
``factcheck.extract.trusted``): each must be the claim validation would give, to the
types of its numbers (an ``int`` bound would print as ``12``, not ``12.0``)."""

from __future__ import annotations

from factcheck.extract.quantities import find_quantities
from factcheck.models import Claim

# Our own sentences: every kind of claim ``to_claim`` makes (bare, hedged, range, ±,
# vague, tally, money, share, spelled out, scaled).
TEXT = (
    "The council voted 9-4 to approve the plan. About 40% of the residents own a car. "
    "Tickets cost $12 apiece, and between 2 and 3 degrees of warming is expected. "
    "Dozens of people queued; the turbine makes 400 newton-metres, plus or minus 5. "
    "Twenty-five firms bid 1.2 billion yen, and 3,000 fans watched over 3 years. "
    "Tens of thousands marched, the survey of 1,500 voters had a margin of ±3 points."
)


def test_figures_stage_claims_equal_validated_claims() -> None:
    claims = find_quantities(TEXT)
    kinds = {c.qualifier for c in claims} | {c.kind for c in claims}
    assert {"exact", "approx", "range", "vague", "tally", "money", "share"} <= kinds
    for claim in claims:
        assert list(claim.__dict__) == list(Claim.model_fields)  # every field, in order
        again = Claim.model_validate(claim.__dict__)
        assert again == claim
        assert again.model_dump_json() == claim.model_dump_json()
        for key in ("value", "lower", "upper"):
            assert type(getattr(claim, key)) is type(getattr(again, key))
        assert claim.parts is None or all(type(x) is float for x in claim.parts)
