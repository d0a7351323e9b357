from __future__ import annotations

import pytest

from context_helpers import annotate_one, annotate_surfaces
from factcheck.extract.context.attribution import quote_spans


@pytest.mark.parametrize(
    ("text", "surface", "source"),
    [
        ("Israel’s offensive has killed over 32,000 Palestinians, according to local health officials.", "over 32,000", "local health officials"),
        ("The UN agency for Palestinian refugees UNRWA said on Monday that it estimated 810,000 people had fled.", "810,000", "UNRWA"),
        ("Bloomberg reported that the IDF evacuated over 800,000 civilians from the city.", "over 800,000", "Bloomberg"),
        ("Israel believes dozens of hostages are held in Rafah.", "dozens", "Israel"),
        ("The army put the number at 1,500, citing intelligence estimates.", "1,500", "intelligence estimates"),
        ("Some 300 people were evacuated, Gallant’s office said.", "Some 300", "Gallant’s office"),
        ("At least 14 people died, the official said on Monday.", "At least 14", "official"),
        ("At least 14 people died, said Pentagon Press Secretary Maj. Gen. Pat Ryder.", "At least 14", "Pat Ryder"),
        ("State Department spokesperson Matthew Miller said 40 trucks entered.", "40", "Matthew Miller"),
        ("The temperature hit 118 degrees, the National Weather Service said.", "118 degrees", "National Weather Service"),
        ("The economy added 275,000 jobs in February, the Labor Department said.", "275,000", "Labor Department"),
        ("Gallant told Sullivan that 40,000 residents had left.", "40,000", "Gallant"),
    ],
)
def test_who_gives_the_figure(text: str, surface: str, source: str) -> None:
    c = annotate_one(text, surface)
    assert c.attribution == source
    assert not c.quoted


def test_a_verb_with_a_figure_as_object_is_not_a_source() -> None:
    # "added" reports speech only before "that", a comma or a quotation
    assert annotate_one("The economy added 275,000 jobs in February.", "275,000").attribution is None
    assert annotate_one("Hamas-led militants also took around 250 people hostage.", "around 250").attribution is None


def test_a_bare_the_official_is_the_official_named_before() -> None:
    text = (
        "U.S. leaders pressed their counterparts on Tuesday, a senior Pentagon official said. "
        "The meeting lasted 90 minutes, the official said."
    )
    assert annotate_one(text, "90 minutes").attribution == "senior Pentagon official"


def test_pronouns_resolve_to_the_last_named_source() -> None:
    text = "Gallant said the talks went well. He said 40 hostages were discussed."
    assert annotate_one(text, "40").attribution == "Gallant"
    text = "“We will win,” Gallant said. He discussed 40 hostages, his office said."
    assert annotate_one(text, "40").attribution == "Gallant's office"


def test_claims_inside_quotations_are_quoted_and_take_the_quotations_source() -> None:
    text = (
        "State Department spokesperson Matthew Miller said in a statement that Blinken “reiterated "
        "opposition to an operation that would jeopardize the more than 1.4 million civilians sheltering there.”"
    )
    c = annotate_one(text, "more than 1.4 million")
    assert c.quoted and c.attribution == "Matthew Miller"
    text = "“We have treated more than 500 patients since Saturday,” said Dr. Jane Smith, the hospital's director."
    c = annotate_one(text, "more than 500")
    assert c.quoted and c.attribution == "Jane Smith"
    text = '"About 30 trucks crossed today. More will follow," the official said.'
    c = annotate_one(text, "About 30")
    assert c.quoted and c.attribution == "official"


def test_the_source_after_a_multi_sentence_quotation() -> None:
    text = (
        "“There are ways to address the threat. A lot of those, some 12 of them, are from lessons,” "
        "Maj. Gen. Pat Ryder, Pentagon press secretary, said on Monday."
    )
    c = annotate_one(text, "some 12")
    assert c.quoted and c.attribution == "Pat Ryder"


def test_quote_spans_straight_curly_and_open_at_paragraph_end() -> None:
    text = 'He said "one" and “two” and “three'
    assert [text[o + 1 : c] for o, c in quote_spans(text, 0, len(text))] == ["one", "two", "three"]
    text = "continued here,” she said."
    assert quote_spans(text, 0, len(text)) == [(0, text.index("”"))]


def test_two_sources_in_one_sentence_each_claim_gets_its_own() -> None:
    text = "Israel says 1,200 people were killed, while the ministry says 35,000 have died."
    found = annotate_surfaces(text, ["1,200", "35,000"])
    assert found["1,200"].attribution == "Israel"
    assert found["35,000"].attribution == "ministry"


def test_sentences_skipped_by_the_source_prefilter_have_no_source_to_find() -> None:
    """``AttributionIndex.sources`` scans a sentence only when its lower-cased text holds
    "according", "citing" or a report verb: every other sentence must scan to nothing."""
    import json
    from pathlib import Path

    from factcheck.extract.context.attribution import _TRIGGERS, AttributionIndex
    from factcheck.extract.context.document import TextContext
    from factcheck.extract.context.gazetteer import default_gazetteer

    repo = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in sorted((repo / "seeds").glob("*.txt"))]
    passages = repo.parent / "shared" / "eval" / "reporting" / "passages.jsonl"
    if passages.exists():
        texts += [json.loads(line)["text"] for line in passages.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts.append("SAID the Minister. Officials SAYS so. She wrote it; ‘Citing’ none. Nothing here at all.")
    skipped = scanned = 0
    for text in texts:
        ctx = TextContext(text, None, default_gazetteer())
        index = AttributionIndex(ctx)
        for k, span in enumerate(ctx.seg.sentences):
            found = index._scan(k)
            if _TRIGGERS.search(text[span.start : span.end].lower()) is None:
                skipped += 1
                assert found == [], text[span.start : span.end]
            scanned += bool(found)
            assert index.sources(k) == found
    assert skipped >= 10 and scanned >= 10
