"""The words the clause analysis knows: verbs of stance, saying, counting and measuring,
particles, containers, places, quantifiers, and the phrases of periods."""

from __future__ import annotations

import re

from factcheck.extract.context.tokens import IRREGULAR
from factcheck.extract.quantities.changes import FROM_TO_CUES

IRREGULAR_PAST = frozenset(form for form, (past, participle) in IRREGULAR.items() if form in (past, participle))

# Stance verbs: "are thought to be held", "claim to have seized", "is estimated to number".
STANCE = frozenset(
    "think believe estimate say report claim expect appear seem fear presume suspect "
    "understand know consider assume confirm declare pronounce".split()
)
# Verbs of saying: "officials said 116 hostages remained" reports a clause.
SPEECH = frozenset("say tell report estimate announce state add note write claim believe think confirm mean show suggest indicate".split())
# Verbs that only count or report the figure ("officials counted 300 people who fled"):
# what happened to the counted is said by the verb that describes them.
COUNTING_VERBS = frozenset("count record document register tally list report".split())
# Verbs a figure completes as the value of something else ("rose to", "stood at").
MEASURE = frozenset(
    "rise climb jump increase grow reach hit top exceed surpass pass stand total number "
    "fall drop decline decrease ease slip sink plunge soar surge swell double triple put "
    "take bring drive push raise lift hover peak amount".split()
)
# Verbs whose direct object is a value of their subject ("the toll topped 30,000").
MEASURE_DIRECT = frozenset("reach exceed top surpass pass hit number total near approach cross equal hover".split())
PARTICLES = frozenset({"off", "out", "away", "back", "up", "down"})
# Nouns a figure with a noun of its own is still the value of ("a toll of 32,000 people");
# other nouns take it as their object ("the return of 128 hostages").
MEASURE_NOUNS = frozenset({"toll", "population", "total", "number", "count", "figure", "tally", "sum", "average", "estimate", "rate"})
GENERIC_MEASURES = frozenset({"figure", "number", "count", "tally", "total", "new", "latest", "official", "overall"})
LEVEL_PREPS = frozenset({"to", "at", "of", "past", "beyond", "above", "below", "around", "near"})
# Nouns a count is often "of" without being the counted thing ("the remains of 30").
CONTAINERS = frozenset({"remains", "body", "bodies", "corpse", "corpses"})
SKIP_IN_NP = frozenset({"ADV", "NEG"})
EARLIER_WORDS = frozenset({"earlier", "previously", "initially", "originally", "formerly", "first"})
NOT_EARLIER_AFTER = frozenset({"this", "today", "week", "month", "year", "in", "on"})
# Words before "from" that make its figure an earlier value ("down from 1,400", "rose
# from 30"): the one vocabulary of change (``factcheck.extract.quantities.changes``).
CHANGE_WORDS = FROM_TO_CUES
# Nouns of places: the object of "left the city", "crossed the border", "fled their
# homes" is where the counted went or came from, not what they acted on.
PLACE_NOUNS = frozenset(
    "city town village country area region district territory enclave strip camp crossing "
    "border home house north south east west neighbourhood neighborhood shelter school "
    "hospital building land coast frontier zone province state capital refuge safety "
    "cover asylum sanctuary".split()
)
# Words that take a part of a whole as a number would ("many of the 128 hostages").
QUANTIFIERS = frozenset(
    "dozens hundreds thousands scores tens millions many most some several few all none "
    "half each both majority minority rest remainder".split()
)
SUPPORT = frozenset({"support", "back", "endorse", "approve", "favor", "favour"})
PARTITIVE_PRONOUNS = frozenset({"whom", "them", "which", "those", "these"})
PREWAR = ("before the war", "before the conflict", "pre-war", "prewar", "prior to the war",
           "prior to the conflict", "before october 7", "before oct. 7", "before oct 7",
           "before the fighting", "before the israel-hamas war", "in pre-war times", "used to",
           "would typically", "once home to", "before israel's current")
# A recent span of days or weeks (not the war's whole length: "over the past 14 months"
# is how a running total is often told).
SPAN = re.compile(
    r"\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+"
    r"(?:(?:few|several|two|three|four|five|six|seven|ten|\d{1,2})\s+(?:days|weeks)|week|month|fortnight)\b"
    r"|\blast\s+(?:week|month)\b|\bthis\s+week\b"
)
DURATION_UNITS = frozenset({"hour", "hours", "day", "days", "week", "weeks", "month", "months"})
DAY = ("past 24 hours", "last 24 hours", "previous 24 hours", "past day", "in a single day",
        "in one day", "over the past day", "on monday alone", "in the latest 24")
