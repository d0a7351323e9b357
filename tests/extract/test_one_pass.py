"""One compiled pattern set, one pass over the text."""

from __future__ import annotations

from factcheck.extract.quantities import assemble, find_quantities, patterns


def test_pattern_is_compiled_once():
    assert patterns.pattern() is patterns.pattern()


def test_find_scans_the_text_once(monkeypatch):
    real = patterns.pattern()
    calls = []

    class Spy:
        def finditer(self, text, *args, **kwargs):
            calls.append(len(text))
            return real.finditer(text, *args, **kwargs)

    monkeypatch.setattr(assemble, "pattern", lambda: Spy())
    text = "More than 1.4 million people, some 1,200 killed, 14-0, a third of Gaza. " * 20
    claims = find_quantities(text)
    assert len(claims) == 80
    assert calls == [len(text)]


def test_pint_is_not_called_per_figure(monkeypatch):
    find_quantities("warm up: 5 km and 3 miles")  # tables built
    ureg = patterns.units.registry()

    def boom(*a, **k):
        raise AssertionError("pint called in the hot path")

    monkeypatch.setattr(type(ureg), "Unit", property(lambda self: boom))
    assert [c.unit for c in find_quantities("5 km, 3 miles, 60 mph, $5")] == [
        "kilometer", "mile", "mile_per_hour", "USD"
    ]
