"""One compiled pattern set, one pass over the text."""

from __future__ import annotations

from factcheck.extract.quantities import find_quantities, patterns, prescan


def test_pattern_is_compiled_once():
    assert patterns.pattern() is patterns.pattern()


def test_find_reads_the_text_in_one_pass(monkeypatch):
    """One pass of the prescan over the whole text; the compiled pattern only runs
    anchored at the candidates it found, never over the text again."""
    real = patterns.pattern()
    scan = prescan.compiled()
    passes, anchored = [], []

    class PatternSpy:
        def finditer(self, *args, **kwargs):
            raise AssertionError("the compiled pattern scanned the whole text")

        def match(self, text, pos=0, *args, **kwargs):
            anchored.append(pos)
            return real.match(text, pos, *args, **kwargs)

    class TokensSpy:
        def finditer(self, text, *args, **kwargs):
            passes.append(len(text))
            return scan.tokens.finditer(text, *args, **kwargs)

    from dataclasses import replace

    monkeypatch.setattr(prescan, "pattern", lambda: PatternSpy())
    monkeypatch.setattr(prescan, "compiled", lambda: replace(scan, tokens=TokensSpy()))
    text = "More than 1.4 million people, some 1,200 killed, 14-0, a third of Gaza. " * 20
    claims = find_quantities(text)
    assert len(claims) == 80
    assert passes == [len(text)]
    # tried at the figures (and the odd sign before one), not at every word
    assert 80 <= len(anchored) <= 200 < len(text.split())


def test_pint_is_not_called_per_figure(monkeypatch):
    find_quantities("warm up: 5 km and 3 miles")  # tables built
    ureg = patterns.units.registry()

    def boom(*a, **k):
        raise AssertionError("pint called in the hot path")

    monkeypatch.setattr(type(ureg), "Unit", property(lambda self: boom))
    assert [c.unit for c in find_quantities("5 km, 3 miles, 60 mph, $5")] == [
        "kilometer", "mile", "mile_per_hour", "USD"
    ]
