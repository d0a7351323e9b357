"""Which currency a currency word shared by several countries is, and when "won" is one.

"500 dinars" is Kuwait's, Jordan's, Iraq's, Algeria's ... dinar; "400 kroner" Norway's
or Denmark's; "9,000 kr" also Sweden's or Iceland's. The country is read from the words
around the figure (its name, its people, its capital: "in Amman", "Danish"), the nearest
cue winning; with none, the figure is money of no stated currency (kind ``money``,
``unit`` null), never a guess (rule ``country``).

"Won" is South Korea's currency and a verb ("the team won 3 games" never reaches here:
the unit follows the number; "of the 10, 7 won their seats" does). After a number it is
money when the figure has a scale word ("1.2 trillion won") or a word of money or of
Korea is near, and the next word is not one that follows the verb ("won the", "won
by") (rule ``won``).
"""

from __future__ import annotations

import re

from factcheck.extract.quantities import units
from factcheck.extract.quantities.nearby import has_cue, next_word, words_before
from factcheck.extract.quantities.piece import Piece

# Country, people and main cities, per ISO code.
_COUNTRY_CUES: dict[str, tuple[str, ...]] = {
    "KWD": ("kuwait", "kuwaiti", "kuwaitis"),
    "JOD": ("jordan", "jordanian", "jordanians", "amman"),
    "IQD": ("iraq", "iraqi", "iraqis", "baghdad", "basra", "erbil", "mosul"),
    "DZD": ("algeria", "algerian", "algerians", "algiers", "oran"),
    "TND": ("tunisia", "tunisian", "tunisians", "tunis"),
    "LYD": ("libya", "libyan", "libyans", "tripoli", "benghazi"),
    "BHD": ("bahrain", "bahraini", "bahrainis", "manama"),
    "RSD": ("serbia", "serbian", "serbians", "serbs", "belgrade"),
    "NOK": ("norway", "norwegian", "norwegians", "oslo", "bergen", "equinor"),
    "DKK": ("denmark", "danish", "danes", "copenhagen", "aarhus", "novo nordisk"),
    "SEK": ("sweden", "swedish", "swedes", "stockholm", "gothenburg", "malmo", "malmö"),
    "ISK": ("iceland", "icelandic", "icelanders", "reykjavik"),
}
# The currencies each shared word may be.
_SHARED: dict[str, tuple[str, ...]] = {
    "dinar": ("KWD", "JOD", "IQD", "DZD", "TND", "LYD", "BHD", "RSD"),
    "dinars": ("KWD", "JOD", "IQD", "DZD", "TND", "LYD", "BHD", "RSD"),
    "krone": ("NOK", "DKK"),
    "kroner": ("NOK", "DKK"),
    "kr": ("SEK", "NOK", "DKK", "ISK"),
}
# How far either side of the figure a country cue is looked for (characters).
_BEFORE = 200
_AFTER = 100
_LAST_WORD = re.compile(r"[A-Za-z]+\.?$")

_KOREA_CUES = (
    "korea", "korean", "koreans", "seoul", "busan", "incheon", "samsung", "hyundai", "lg",
    "sk", "kia", "kospi", "kosdaq",
)
_MONEY_CUES = (
    "cost", "costs", "paid", "pay", "pays", "spent", "spend", "fined", "fine", "worth",
    "price", "prices", "priced", "salary", "budget", "fee", "fees", "fund", "funding",
    "sold for", "bought", "deal", "revenue", "profit", "loss", "debt", "loan", "grant",
    "wage", "wages", "income", "tax", "bill", "investment", "invest", "value", "valued",
    "sales", "charge", "charges", "fare", "fares", "rent",
)
# Words after "won" that make it the verb: its object ("won their seats", "won gold") or "by".
_VERB_NEXT = frozenset(
    "the a an their his her its our my your this that these those by over against out back "
    "re-election election seats seat games medals races awards titles gold silver bronze".split()
)


def _nearest_country(text: str, start: int, end: int, codes: tuple[str, ...]) -> str | None:
    """The code among ``codes`` whose cue stands nearest the figure at ``start``-``end``."""
    before = words_before(text, start, _BEFORE)
    after = text[end : end + _AFTER].lower()
    best: tuple[int, str] | None = None
    for code in codes:
        for cue in _COUNTRY_CUES[code]:
            pattern = re.compile(rf"(?<![a-z]){re.escape(cue)}(?![a-z])")
            found = [len(before) - m.end() for m in pattern.finditer(before)]
            found += [m.start() for m in pattern.finditer(after)]
            if found and (best is None or min(found) < best[0]):
                best = (min(found), code)
    return best[1] if best is not None else None


def by_country(info: units.UnitInfo, text: str, p: Piece, u_end: int) -> units.UnitInfo:
    """Rule ``country``: the country's currency, or money of no stated currency."""
    m = _LAST_WORD.search(text, max(0, u_end - 8), u_end)
    word = m.group().rstrip(".").lower() if m else ""
    codes = _SHARED.get(word)
    code = _nearest_country(text, p.start, u_end, codes) if codes else None
    return units.money_unit(code) if code is not None else info


def shared_prefix(word: str, text: str, p: Piece, cur_end: int) -> units.UnitInfo | None:
    """ "kr 95", "kr. 450": a currency word of several countries written before the
    number is read as after it ("95 kr"): rule ``country`` (None if ``word`` is no unit)."""
    info = units.lookup(word)
    return by_country(info, text, p, cur_end) if info is not None else None


def won(info: units.UnitInfo, text: str, p: Piece, u_end: int) -> units.UnitInfo | None:
    """Rule ``won``: South Korea's won, or None (the verb: the unit is dropped)."""
    if next_word(text, u_end).lower() in _VERB_NEXT:
        return None
    num = p.number
    if num is not None and num.scaled:
        return info
    window = words_before(text, p.start, 100) + " " + text[u_end : u_end + 60].lower()
    return info if has_cue(window, _KOREA_CUES) or has_cue(window, _MONEY_CUES) else None
