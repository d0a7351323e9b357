from __future__ import annotations

import pytest

from factcheck.extract.context.segment import segment
from factcheck.util.resources import default_corpus


def sentences(text: str) -> list[str]:
    seg = segment(text)
    return [text[s.start : s.end] for s in seg.sentences]


@pytest.mark.parametrize(
    "text",
    [
        "Pentagon Press Secretary Maj. Gen. Pat Ryder said on Tuesday that it went well.",
        "U.S. defense leaders pressed their counterparts to protect civilians.",
        "It was launched in response to Hamas' Oct. 7 attack on Israel, which killed some 1,200 people.",
        "The U.N. Security Council voted on resolution No. 2728 on Monday.",
        "The parade starts on St. Patrick's Day in St. Louis at 9 a.m. Eastern time.",
        "President John F. Kennedy visited Dallas in Nov. 1963.",
        "Lloyd J. Austin met Mr. Gallant and Dr. Smith at 10 a.m. on Tuesday.",
        "The Washington, D.C. office of Acme Inc. reported 4.5 percent growth.",
    ],
)
def test_news_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_abbreviation_at_a_real_sentence_end_still_splits() -> None:
    text = "The aid was sent to the U.S. The official said more would follow. It arrived at 9 a.m. Officials were relieved."
    assert sentences(text) == [
        "The aid was sent to the U.S.",
        "The official said more would follow.",
        "It arrived at 9 a.m.",
        "Officials were relieved.",
    ]


def test_a_currency_abbreviated_with_a_full_stop_does_not_end_a_sentence_before_its_amount() -> None:
    """Every currency prefix of the figures stage that ends in a full stop ("Rs.",
    "Rp.") stands before its amount inside a sentence, and still ends one where no
    amount follows ("... paid in Rs. The ...")."""
    from factcheck.extract.quantities.units import currency_prefix_surfaces

    cased, caseless = currency_prefix_surfaces()
    dotted = [p for p in (*cased, *caseless) if p.endswith(".") and p[:-1].isalpha()]
    assert len(dotted) >= 2
    for prefix in dotted:
        text = f"Commuters now pay {prefix} 1,250 for a monthly pass. The operator defended it."
        assert sentences(text) == [
            f"Commuters now pay {prefix} 1,250 for a monthly pass.",
            "The operator defended it.",
        ], prefix
    assert sentences("The bill was settled in Rs. The buyer left.") == ["The bill was settled in Rs.", "The buyer left."]


def test_month_abbreviation_ends_a_sentence_when_no_day_follows() -> None:
    assert sentences("The vote was held in Oct. The result came later.") == [
        "The vote was held in Oct.",
        "The result came later.",
    ]


def test_quotes_close_with_their_sentence_and_lowercase_continuations_do_not_split() -> None:
    text = "“It was a very good conversation. They trust each other,” the official said. “Why not?” asked Smith. He left."
    assert sentences(text) == [
        "“It was a very good conversation.",
        "They trust each other,” the official said.",
        "“Why not?” asked Smith.",
        "He left.",
    ]


def test_straight_quotes_and_question_marks() -> None:
    text = 'Kirby said, "We believe it is a mistake." Is it? Yes!'
    assert sentences(text) == ['Kirby said, "We believe it is a mistake."', "Is it?", "Yes!"]


def test_decimals_and_ellipses() -> None:
    text = "The toll rose to 1.4 million... Officials disagreed. It cost $3.5 billion."
    assert sentences(text) == ["The toll rose to 1.4 million...", "Officials disagreed.", "It cost $3.5 billion."]


def test_offsets_are_exact_and_stripped() -> None:
    text = "  First one.   Second one.\n\n Third one. "
    seg = segment(text)
    for span in seg.sentences:
        chunk = text[span.start : span.end]
        assert chunk == chunk.strip() and chunk
    assert sentences(text) == ["First one.", "Second one.", "Third one."]


def test_one_paragraph_per_line_and_headings_stand_alone() -> None:
    text = "Gallant and Austin\nThe meeting went well. It was long.\nRecommended Videos\nA second paragraph."
    seg = segment(text)
    assert [text[p.start : p.end] for p in seg.paragraphs] == [
        "Gallant and Austin",
        "The meeting went well. It was long.",
        "Recommended Videos",
        "A second paragraph.",
    ]
    assert [seg.sentence_paragraph[i] for i in range(len(seg.sentences))] == [0, 1, 1, 2, 3]


def test_blank_lines_separate_paragraphs_and_hard_wrapped_lines_run_on() -> None:
    text = (
        "The ministry said on Monday that the number of people who had fled the\n"
        "city had risen to 810,000, more than half of its wartime population, and\n"
        "that aid deliveries had stalled. Officials warned of famine in the north\n"
        "of the territory.\n"
        "\n"
        "A second paragraph starts here and it is also wrapped at a fixed width of\n"
        "about seventy-five characters like the first one.\n"
    )
    seg = segment(text)
    assert len(seg.paragraphs) == 2
    assert sentences(text)[0].startswith("The ministry said on Monday")
    assert sentences(text)[0].endswith("had stalled.")
    assert "\n" in sentences(text)[0]


def test_a_line_ending_mid_sentence_before_lower_case_or_a_digit_runs_on() -> None:
    text = "The ministry said the toll had risen to\n32,000 people, and rescuers were still\nsearching the rubble."
    seg = segment(text)
    assert len(seg.paragraphs) == 1
    assert sentences(text) == [text]


def test_sentence_and_paragraph_lookup_by_offset() -> None:
    text = "One here. Two there.\nThree."
    seg = segment(text)
    two = seg.sentences[seg.sentence_index(text.index("Two"))]
    assert text[two.start : two.end] == "Two there."
    assert seg.paragraph_index(text.index("Three")) == 1
    assert seg.sentences[seg.sentence_index(text.index("there"))].start == text.index("Two")


def test_empty_text() -> None:
    seg = segment("")
    assert seg.sentences == [] and seg.paragraphs == []


def test_seed_sentences_survive_their_abbreviations() -> None:
    text = next(default_corpus().glob("002_*.txt")).read_text(encoding="utf-8")
    found = sentences(text)
    assert (
        "Israel’s offensive has killed over 32,000 Palestinians, according to local health officials, "
        "and driven a third of Gaza’s population to the brink of starvation." in found
    )
    assert "It was launched in response to Hamas’ Oct. 7 attack on Israel, which killed some 1,200 people." in found
    assert any(s.startswith("A lot of those are from lessons") and s.endswith("said on Monday.") for s in found)
    assert "Recommended Videos" in found
