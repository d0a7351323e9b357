from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.context import annotate
from factcheck.extract.context.segment import segment
from factcheck.models import Claim

WORDS = [
    "Gaza", "Rafah", "there", "the city", "the north", "said", "on Monday", "since May 6", "Oct. 7",
    "U.S.", "Maj. Gen.", "“", "”", '"', ",", ".", "\n", "\n\n", "killed", "30", "1.4 million", "people",
    "held", "hostages", "according to", "officials", "the remains of", "others", "Israel’s", "as of",
    "April 30", "’s", "-", "–", "(", ")", "he", "it", "estimated", "yesterday", "Tuesday", "a third of",
]

texts = st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=texts, data=st.data())
def test_annotate_never_fails_and_keeps_its_promises(text: str, data: st.DataObject) -> None:
    spans = data.draw(
        st.lists(st.tuples(st.integers(0, len(text)), st.integers(1, 12)), max_size=5)
    )
    claims = []
    for start, length in spans:
        end = min(len(text), start + length)
        if end > start and text[start:end].strip():
            claims.append(Claim(start=start, end=end, surface=text[start:end], value=1, lower=1, upper=1, qualifier="exact"))
    published = data.draw(st.none() | st.just(date(2024, 5, 20)))
    out = annotate(text, claims, published)
    assert [(c.start, c.end) for c in out] == [(c.start, c.end) for c in claims]
    for c in out:
        if c.sentence:
            assert c.sentence in text
        if published is not None:
            assert c.as_of is not None and c.as_of_source is not None


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_sentences_are_ordered_stripped_and_inside_their_paragraphs(text: str) -> None:
    seg = segment(text)
    last = 0
    for i, s in enumerate(seg.sentences):
        chunk = text[s.start : s.end]
        assert chunk and chunk == chunk.strip()
        assert s.start >= last
        last = s.end
        para = seg.paragraphs[seg.sentence_paragraph[i]]
        assert para.start <= s.start and s.end <= para.end
    covered = "".join(text[s.start : s.end] for s in seg.sentences)
    assert "".join(covered.split()) == "".join(text.split())
