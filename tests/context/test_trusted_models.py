"""The context stage builds its claims without pydantic's per-field walk
(``factcheck.extract.context.trusted``): what it builds must be the model
``model_construct`` and validation would give."""

from __future__ import annotations

from datetime import date

from factcheck.extract import extract
from factcheck.extract.context.trusted import build
from factcheck.models import Claim, ClaimFrame

TEXT = (
    "At least 1,200 people were killed and 3,400 wounded in the city on Monday, the health "
    "ministry said. Of the 240 hostages taken on Oct. 7, 43 of whom are children, about 130 "
    "are still held. Prices rose 12% from $1,980 to $2,217 last year."
)


def test_build_equals_model_construct_with_every_field() -> None:
    values = {name: ClaimFrame().__dict__[name] for name in ClaimFrame.model_fields}
    values.update(noun="hostage", verb="hold", mentions=[date(2023, 10, 7)], clause=(3, 9))
    built = build(ClaimFrame, set(ClaimFrame.model_fields), dict(values))
    assert built == ClaimFrame.model_construct(**values)
    assert built == ClaimFrame.model_validate(values)
    assert built.model_fields_set == set(ClaimFrame.model_fields)
    assert built.model_dump() == ClaimFrame.model_validate(values).model_dump()


def test_extracted_claims_and_frames_survive_validation_unchanged() -> None:
    claims = extract(TEXT, date(2024, 5, 15))
    assert len(claims) >= 6
    for claim in claims:
        assert list(claim.__dict__) == list(Claim.model_fields)  # declaration order, every field
        assert claim.frame is not None and list(claim.frame.__dict__) == list(ClaimFrame.model_fields)
        again = Claim.model_validate(claim.model_dump())
        assert again == claim
        assert again.model_dump_json() == claim.model_dump_json()


def test_claims_of_one_document_share_their_strings_and_empty_lists() -> None:
    text = " ".join(f"In town {k}, {k + 10} people were killed, officials said." for k in range(20))
    claims = [c for c in extract(text, date(2024, 5, 15)) if c.entity == "people"]
    assert len(claims) >= 20
    first = claims[0]
    for claim in claims[1:]:
        assert claim.entity is first.entity and claim.attribution is first.attribution
        assert claim.unit is first.unit and claim.kind is first.kind
        assert claim.frame is not None and first.frame is not None
        assert claim.frame.verb is first.frame.verb
        assert claim.frame.measured is first.frame.measured  # the one shared empty list
