"""What is NOT a figure claim.

Two kinds of exclusion:

1. Spans the pattern consumes *before* any figure can start there (the ``SKIP``
   alternatives of the one compiled pattern, tried first at each position, so the
   digits inside them are never read as figures):

   * calendar dates: ``Oct. 7``, ``October 7``, ``7 October 2023``, ``May 6`` (``May``
     and ``March`` only capitalised), ``5/17/2018``, ``2023-10-07``, ``07.10.2023``;
   * clock times: ``2 pm``, ``2:00 p.m.``, ``14:30``, ``6 o'clock``;
   * digit ordinals: ``2nd``, ``21st-century``;
   * decades: ``1960s``, ``'90s``;
   * phone numbers (``+1-222-2222/2222``, ``(555) 123-4567``, ``555-123-4567``,
     ``0800 151 2020``, ``1-800-555-0199``), IP
     addresses, dotted version numbers (``1.2.3``, ``v2.0``), URLs (digits in e-mail
     addresses are caught as designations: ``a1@b2.com``);
   * designations that mix letters and digits: ``F-16``, ``C-130s``, ``COVID-19``,
     ``G7``, ``MH17``, ``A320``, ``SCP-173``, ``mid-1972``;
   * numbered names: a designator word and its number (``Resolution 2728``, ``Article
     51``, ``Route 1``, ``Flight 370``, ``No. 10``, ``number one``, ``version two``,
     ``#1``) and market indices named after their size (``S&P 500``, ``FTSE 100``);
   * fixed expressions: ``24/7``, ``9/11``, ``50/50``.

2. Readings rejected once a figure is parsed (``readings``, ``neighbours``), because
   they need the figure's own shape or its neighbours (``is_year``, ``ONE_IDIOM_*``,
   hyphen compounds):

   * a year standing as a year: four digits 1800-2099 with no separator, hedge, unit,
     currency or scale ("in 2020", "the 1988 quarter"; but "about 2000 people" and
     "$2000" are figures), and year ranges ("2013-14", "1990-1995");
   * ordinal words are never numbers ("first", "the third"); a fraction word alone is
     only read as one when it is a share or fraction ("a third of", "two-thirds of");
   * idioms with "one": ``one of``, ``one part of``, ``one another``, ``one by one``,
     ``no one``, ``the one``, ``which one`` ...;
   * a spelled-out number hyphenated to a word that is not a unit is a compound
     adjective, not a figure claim: ``one-on-one``, ``two-front war``, ``one-time``,
     ``three-way``, ``two-state``. Digits hyphenated to a noun ARE figures ("a
     300-strong force", "the 15-member council"): a writer who uses digits states a
     count. Codes glued to letters ("777F", "13F", "24703L202") are not figures.
"""

from __future__ import annotations

from factcheck.extract.quantities.changes import FROM_TO_CUES

MONTHS_CASELESS = (
    "january|february|april|june|july|august|september|october|november|december|"
    "jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# "May" and "March" are common words in lower case; only capitalised they are months.
MONTHS_CASED = "May|MAY|March|MARCH|Mar|MAR"

_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
_MONTH = rf"(?:(?i:{MONTHS_CASELESS})|{MONTHS_CASED})(?:[^\S\n]?\.)?"
_YEAR = r"(?:[12][0-9]{3})"

DATE = (
    # October 7, 2023 / Oct. 7 / May 6 / Sept . 30
    rf"{_MONTH}[^\S\n]+{_DAY}(?![0-9])(?![.,]?[0-9])(?:[^\S\n]*,?[^\S\n]*{_YEAR}(?![0-9]))?"
    # 7 October 2023 / 7th of October
    rf"|{_DAY}[^\S\n]+(?:of[^\S\n]+)?{_MONTH}(?![a-z])(?:[^\S\n]*,?[^\S\n]*{_YEAR}(?![0-9]))?"
    # March 2024
    rf"|{_MONTH}[^\S\n]+{_YEAR}(?![0-9])"
    # numeric dates
    r"|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}(?![0-9/])"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![0-9])"
    r"|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}(?![0-9])"
    r"|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}(?![0-9])"
)

_AMPM = r"(?:[aApP]\.[mM]\.?|[aApP][mM]\b)"
TIME = (
    r"[0-9]{1,2}(?::[0-9]{2}){1,2}(?:[^\S\n]?" + _AMPM + r")?"
    r"(?:[^\S\n]?(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT|IDT|IST)\b)?"
    r"|(?:1[0-2]|0?[0-9])(?:\.[0-5][0-9])?[^\S\n]?" + _AMPM +
    r"|(?:[0-9]{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
    r"[^\S\n]?o['’]clock"
)

ORDINAL = r"[0-9]+(?:st|nd|rd|th|ST|ND|RD|TH)(?![a-zA-Z])"

DECADE = r"(?:[12][0-9]{3}|[0-9]0)['’]?s(?![a-zA-Z0-9])|['’][0-9]0s(?![a-zA-Z0-9])"

PHONE = (
    r"\+[0-9]{1,3}(?:[-. /]?\(?[0-9]{1,4}\)?){2,}[0-9]*"
    r"|\([0-9]{3}\)[^\S\n]?[0-9]{3}[-. ][0-9]{4}"
    r"|[0-9]{3}-[0-9]{3}-[0-9]{4}(?![0-9])"
    r"|[0-9]{3}\.[0-9]{3}\.[0-9]{4}(?![0-9])"
    # "0800 151 2020", "020 7946 0018", "1-800-555-0199": a leading zero (a trunk
    # prefix) or a toll-free prefix, then groups of digits
    r"|0[0-9]{2,4}(?:[ -][0-9]{3,4}){1,3}(?![0-9])"
    r"|1-[0-9]{3}-[0-9]{3}-[0-9]{4}(?![0-9])"
)

IP_VERSION = (
    r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![0-9])(?::[0-9]+)?"
    r"|[vV][0-9]+(?:\.[0-9]+)+[a-z]?"
    r"|[0-9]+\.[0-9]+\.[0-9]+(?:\.[0-9]+)*(?![0-9])"
)

URL = r"(?i:https?://|www\.)[^\s<>\"']+"

# Letters and digits mixed in one token (starting with a letter).
DESIGNATION = (
    r"[A-Za-z][A-Za-z]*(?:\.[A-Za-z]+)*[0-9][A-Za-z0-9]*(?:[-/.+][A-Za-z0-9]+)*"
    r"|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z]*[0-9][A-Za-z0-9]*)(?:[-/][A-Za-z0-9]+)*"
)

# Designator words before a number that names something (case-insensitive).
DESIGNATORS = (
    "resolution|resolutions|article|articles|route|highway|interstate|exit|room|flight|"
    "chapter|section|amendment|proposition|prop\\.|gate|terminal|platform|"
    "apartment|apt\\.|suite|pier|brigade|battalion|regiment|squadron|checkpoint|"
    "no\\.|nos\\.|num\\.|vol\\.|page|pp\\.|paragraph|clause|"
    "version|ver\\.|edition|episode|season|phase|grade|tier|"
    "category|district|precinct|ward|matchday|psalm|verse|fig\\.|appendix|annex|"
    "channel|bus|lane|"
    "iphone|ios|android|windows|python|apollo|voyager|gemini|artemis|soyuz|"
    "formula|vision|agenda|windows|xbox|playstation|galaxy|pixel|boeing|airbus|"
    "world war|ww|super bowl|decree|number|"
    # market indices named after their size
    "s&p|ftse|russell|nikkei|dax|cac|euro stoxx|stoxx|nasdaq|fortune|ibex|hang seng|"
    "sensex|nifty|asx|mib"
)
NUMBERED_NAME = (
    rf"(?i:{DESIGNATORS})(?:[^\S\n]*#[^\S\n]*|[^\S\n]+|(?<=\.))"
    r"(?:[0-9][0-9A-Za-z]*(?:[-./][0-9A-Za-z]+)*"
    r"|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![a-z-]))"
    r"|#[0-9]+"
)
# "Part", "Act", "Bill", "Law", "Form" are ordinary words: only capitalised ones name.
CASED_DESIGNATORS = r"(?:Model|Part|Act|Bill|Law|Form|Rule|Schedule|Title|Order|Sector|Level|Stage|Volume|Figure|Release)"

FIXED_EXPRESSIONS = r"24/7|9/11|50/50|24-7|360-degree(?![a-z])"

# --------------------------------------------------------------------------------------
# rules applied after parsing

# "one" (value 1, no unit, no hedge) is not a figure when used as a pronoun or in an
# idiom: followed by these words ...
ONE_IDIOM_NEXT = frozenset(
    """of another part way hand side thing anything another's ones's on-one by can could
    must should would might""".split()
)
# ... or preceded by these.
ONE_IDIOM_PREV = frozenset(
    """the this that which each every any no some someone one another no-one any-
    such""".split()
)

# Words that make a number after "from ... to ..." a change, not a range: the one
# vocabulary of change (``changes``).
CHANGE_VERBS = FROM_TO_CUES

# Words before a hyphenated pair that make it a vote or score tally.
TALLY_CONTEXT = frozenset(
    """vote votes voted voting passed pass passes approved approve approves adopted
    rejected reject rejects won win wins winning lost lose loses losing beat beats
    defeated defeat score scored scores tally margin ruled ruling decision majority
    split record draw drew victory win defeat count council court lead led leads
    unanimously""".split()
)


def is_year(digits: str | None) -> bool:
    """Four plain digits 1800-2099 (the caller checks there is no hedge, unit, ...)."""
    if digits is None or len(digits) != 4 or not digits.isdigit():
        return False
    return 1800 <= int(digits) <= 2099
