"""Which unit an ambiguous unit word is, from the words around the figure.

``resolve_unit`` applies a unit's ``rule`` (``units`` module doc: ``pound``, ``degree``,
``temp_letter``, ``inch_in``, ``clock``, ``glued``, ``quote_mark``, ``country``, ``won``)
to the text around the figure; the cue words it looks for are here (those of the two
currency rules in ``currency_cues``).
"""

from __future__ import annotations

from factcheck.extract.quantities import units
from factcheck.extract.quantities.currency_cues import by_country, won
from factcheck.extract.quantities.nearby import has_cue, next_word, words_before
from factcheck.extract.quantities.piece import Piece
from factcheck.extract.quantities.quote_marks import measure_mark

# Words near a bare "C", "F", "K" or "degrees" that make it a temperature.
TEMPERATURE_WORDS = (
    "temperature", "temperatures", "thermostat", "degrees", "heat", "heatwave", "hot",
    "cold", "warm", "cool", "weather", "celsius", "fahrenheit", "outside", "freezing",
    "thermometer", "fever", "oven", "boil", "boiling", "frost", "chill", "climate",
    "warming", "cooler", "warmer", "colder", "hotter", "high of", "low of", "highs",
    "lows", "°", "warmed", "cooled", "warms", "cools", "heated", "hottest", "coldest",
    "warmest",
)
# Words near "pounds" that make it sterling, and ...
_MONEY_CUES = (
    "cost", "costs", "paid", "pay", "pays", "spent", "spend", "fined", "fine", "worth",
    "price", "priced", "bid", "salary", "salaries", "raised", "earned", "earn", "budget",
    "fee", "fees", "fund", "funds", "funding", "sterling", "£", "sold for", "bought",
    "deal", "revenue", "profit", "profits", "loss", "losses", "debt", "loan", "grant",
    "compensation", "wage", "wages", "income", "tax", "bill", "invest", "investment",
    "donated", "donation", "award", "damages", "value", "valued", "sales", "charge",
)
# ... that make it a weight (rule ``pound``).
_WEIGHT_CUES = ("weigh", "weighs", "weighed", "weighing", "weight", "lost", "gained", "heavy",
                "lighter", "heavier", "lb", "ounces", "kilos")
# Words after "in" that make it inches (rule ``inch_in``): "2 in thick".
_DIMENSION_WORDS = frozenset(
    "thick thin long wide tall high deep across diameter in length width height".split()
)


# What "pounds of ..." is money for ("thousands of pounds of damage", "of taxpayers' money").
_MONEY_OF = frozenset(
    "damage damages debt debts funding revenue taxpayers taxpayers' public investment "
    "savings cash money losses profit profits compensation spending fines fees bills "
    "subsidies donations".split()
)


def money_of(text: str, u_end: int) -> bool:
    """Whether the unit word ending at ``u_end`` is followed by "of" and a noun of money."""
    of_end = text.lower().find("of", u_end, u_end + 6) + 2
    return of_end > 1 and next_word(text, of_end).lower() in _MONEY_OF


def resolve_unit(
    info: units.UnitInfo | None,
    text: str,
    p: Piece,
    usep: str | None,
    u_end: int,
) -> units.UnitInfo | None:
    """Apply the unit's contextual rule (``units`` module doc); None drops the unit."""
    if info is None:
        return None
    rule = info.rule
    if rule is None:
        return info
    num = p.number
    after = text[u_end : u_end + 20]
    if rule == "glued":
        return info if usep == "" else None
    if rule == "country":
        return by_country(info, text, p, u_end)
    if rule == "won":
        return won(info, text, p, u_end)
    if rule == "quote_mark":
        return info if usep == "" and measure_mark(text, p.num_start, u_end - 1) else None
    if rule == "clock":
        value = p.value
        if num is not None and num.integer_digits is not None and value is not None and 0 < value <= 12:
            p.dropped = True  # "3 pm" after a hedge: a clock time
            return None
        return info
    if rule == "inch_in":
        nxt = next_word(text, u_end).lower()
        stripped = after.lstrip()
        if not stripped or stripped[0] in ".,;:!?)" or nxt in _DIMENSION_WORDS:
            return info
        return None
    if rule == "temp_letter":
        window = words_before(text, p.num_start, 80) + " " + text[u_end : u_end + 40].lower()
        signed = num is not None and (num.value < 0 or text[p.num_start : p.num_start + 1] in "+-−")
        if has_cue(window, TEMPERATURE_WORDS) or (signed and usep == ""):
            return info
        return None
    if rule == "degree":
        window = words_before(text, p.num_start, 100) + " " + text[u_end : u_end + 60].lower()
        if has_cue(window, tuple(w for w in TEMPERATURE_WORDS if w not in ("degrees", "°"))):
            return units.UnitInfo("", "temperature", "temperature")
        return units.angle_degree()
    if rule == "pound":
        nxt = next_word(text, u_end).lower()
        if usep and "-" in usep:
            return info  # "a twenty-pound bag"
        if nxt == "of":
            # "1.4 million pounds of aid" weighs; "pounds of damage" is money
            return units.money_unit("GBP") if money_of(text, u_end) else info
        window = words_before(text, p.start, 80)
        if has_cue(window, _WEIGHT_CUES):
            return info
        scaled = num is not None and num.scaled
        if scaled or has_cue(window + " " + text[u_end : u_end + 40].lower(), _MONEY_CUES):
            return units.money_unit("GBP")
        return info
    return info
