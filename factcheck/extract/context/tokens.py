"""Word tokens with offsets, and the small English lexicons the context heuristics share.

The context stage works on one sentence at a time: ``tokenize`` splits it into words,
numbers and punctuation, each with its offsets in the document, so every heuristic can
look a few tokens left or right of a claim and still say exactly where what it found
stands. The word lists here are general English (function words, verb forms, title
words); place names never live in code (they come from the gazetteer).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Dotted abbreviations first ("U.S.", "a.m."), then words with inner hyphens and
# apostrophes ("cross-border", "Gaza's", "one-on-one", the possessive "Hamas'"),
# numbers with their separators, and any other single character.
TOKEN_RE = regex.compile(
    r"""
      (?:\p{Lu}\.){2,}
    | (?:\p{Ll}\.){2,}
    | \p{L}[\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*(?:(?<=s)['’](?![\p{L}\p{N}]))?
    | \p{N}+(?:[.,:]\p{N}+)*
    | \S
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token; ``start``/``end`` are offsets in the document, ``low`` the lower-cased
    text with typographic apostrophes made straight."""

    text: str
    start: int
    end: int
    low: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_possessive(self) -> bool:
        return self.low.endswith("'s") or (self.low.endswith("s'") and len(self.low) > 2)

    @property
    def bare(self) -> str:
        """The lower-cased word without a possessive ending."""
        if self.low.endswith("'s"):
            return self.low[:-2]
        if self.low.endswith("s'"):
            return self.low[:-1]
        return self.low


# A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` in
# Python; setting the slots through their descriptors gives the same Token in about
# half the time (tokens are most of what the context stage allocates).
_new_token = object.__new__
_set_text, _set_start, _set_end, _set_low = (
    Token.text.__set__, Token.start.__set__, Token.end.__set__, Token.low.__set__,  # type: ignore[attr-defined]
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` with document offsets."""
    out: list[Token] = []
    append = out.append
    find = text.find
    pos = start
    # ``findall`` gives the tokens' strings without a match object each; their offsets
    # follow, since every character that is not white space belongs to a token (the
    # pattern's last branch is ``\S``) and no token starts with white space: the next
    # occurrence of a token's string is the token.
    for word in TOKEN_RE.findall(text, start, len(text) if end is None else end):
        at = find(word, pos)
        pos = at + len(word)
        low = word.lower()
        if "’" in low:
            low = low.replace("’", "'")
        tok = _new_token(Token)
        _set_text(tok, word)
        _set_start(tok, at)
        _set_end(tok, pos)
        _set_low(tok, low)
        append(tok)
    return out


def token_index_at(tokens: list[Token], offset: int) -> int:
    """Index of the first token that ends after ``offset`` (len(tokens) if none)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


# --- punctuation ------------------------------------------------------------------------

OPEN_QUOTES = frozenset('“"«„')
CLOSE_QUOTES = frozenset('”"»')
QUOTES = OPEN_QUOTES | CLOSE_QUOTES
# Tokens that end a clause: what a claim's own phrase cannot reach across.
CLAUSE_PUNCT = frozenset(",;:()[]–—") | QUOTES
DASHES = frozenset("-–—")

# --- function words ---------------------------------------------------------------------

DETERMINERS = frozenset(
    "the a an this that these those its their his her our my your some any each every "
    "all both no another such".split()
)
ARTICLES = frozenset({"the", "a", "an"})
PREPOSITIONS = frozenset(
    "of in on at by for from to with without into onto over under after before during "
    "since until till about across among amid amidst between against through throughout "
    "per via near inside outside within despite toward towards than as like upon beyond "
    "around along behind below above beside besides off".split()
)
CONJUNCTIONS = frozenset(
    "and or but nor so yet while because although though if whether when where whereas "
    "who whom whose which that what unless once".split()
)
RELATIVES = frozenset({"who", "which", "that", "whom", "whose", "where"})
AUXILIARIES = frozenset(
    "is are was were be been being am has have had do does did will would shall should "
    "can could may might must 's 're 've 'd 'll".split()
)
PRONOUNS = frozenset(
    "he she it they we you i him her them us me one this that these those".split()
)
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
# Words in -ly that are not adverbs: nouns, and adjectives ("1,924 elderly people").
LY_NOT_ADVERBS = frozenset(
    "family supply italy assembly ally rally anomaly monopoly elderly deadly costly friendly "
    "lonely likely unlikely orderly holy ugly lovely daily weekly monthly yearly hourly "
    "quarterly nightly early belly jelly bully july reply".split()
)


def is_ly_adverb(low: str) -> bool:
    """Whether a lower-case word is an adverb in -ly ("remotely", "seriously")."""
    return low.endswith("ly") and len(low) > 4 and low not in LY_NOT_ADVERBS


# Adverbs that open a sentence before a comma and name no thing: "Meanwhile, 300 were
# arrested" (a figure set off by commas after a noun phrase counts it: "Gold, at $2,380").
SENTENCE_ADVERBS = frozenset(
    "meanwhile overall however instead elsewhere nationwide worldwide altogether moreover "
    "furthermore nevertheless nonetheless likewise otherwise besides still also then now "
    "hence thus yet indeed again today yesterday tonight separately combined".split()
)


# Adverbs that may stand between a verb and its object or subject and its verb.
ADVERBS = frozenset(
    "still also now already reportedly allegedly only just even then later earlier "
    "previously again repeatedly separately further successfully currently recently not "
    "never n't yet apparently initially finally immediately reportedly officially "
    "collectively together ultimately effectively eventually subsequently so "
    "abruptly quickly slowly nearly almost roughly".split()
)

# --- verbs ------------------------------------------------------------------------------

# Verbs that introduce who gives a figure.
REPORT_VERBS = frozenset(
    """
    say says said saying tell tells told telling estimate estimates estimated estimating
    report reports reported reporting believe believes believed announce announces
    announced state states stated confirm confirms confirmed add adds added note notes
    noted write writes wrote claim claims claimed count counts counted record records
    recorded tally tallies tallied put puts conclude concludes concluded continue
    continues continued explain explains explained warn warns warned stress stresses
    stressed emphasize emphasizes emphasized emphasise emphasised insist insists insisted
    argue argues argued acknowledge acknowledges acknowledged show shows showed indicate
    indicates indicated suggest suggests suggested tweet tweeted comment comments commented
    writing
    """.split()
)
# Reporting verbs that can only introduce speech (not also take a figure as object).
SPEECH_VERBS = frozenset(
    """
    say says said saying tell tells told telling believe believes believed state states
    stated add adds added note notes noted write writes wrote conclude concludes
    concluded continue continues continued explain explains explained warn warns warned
    stress stresses stressed emphasize emphasizes emphasized emphasise emphasised insist
    insists insisted argue argues argued acknowledge acknowledges acknowledged tweet
    tweeted comment comments commented writing
    """.split()
)

# Irregular verbs: every form -> (simple past, past participle).
_IRREGULAR_TABLE = """
be is are was were been being am : was been
have has having had : had had
hold holds holding held : held held
take takes taking took taken : took taken
flee flees fleeing fled : fled fled
leave leaves leaving left : left left
lose loses losing lost : lost lost
hit hits hitting : hit hit
put puts putting : put put
cut cuts cutting : cut cut
make makes making made : made made
give gives giving gave given : gave given
bring brings bringing brought : brought brought
send sends sending sent : sent sent
build builds building built : built built
sell sells selling sold : sold sold
spend spends spending spent : spent spent
pay pays paying paid : paid paid
keep keeps keeping kept : kept kept
win wins winning won : won won
get gets getting got gotten : got got
go goes going went gone : went gone
come comes coming came : came come
see sees seeing saw seen : saw seen
find finds finding found : found found
tell tells telling told : told told
say says saying said : said said
meet meets meeting met : met met
run runs running ran : ran run
rise rises rising rose risen : rose risen
fall falls falling fell fallen : fell fallen
grow grows growing grew grown : grew grown
drive drives driving drove driven : drove driven
beat beats beating beaten : beat beaten
shoot shoots shooting shot : shot shot
strike strikes striking struck stricken : struck struck
fight fights fighting fought : fought fought
stand stands standing stood : stood stood
throw throws throwing threw thrown : threw thrown
buy buys buying bought : bought bought
know knows knowing knew known : knew known
show shows showing showed shown : showed shown
begin begins beginning began begun : began begun
break breaks breaking broke broken : broke broken
lead leads leading led : led led
seek seeks seeking sought : sought sought
set sets setting : set set
sink sinks sinking sank sunk : sank sunk
sit sits sitting sat : sat sat
speak speaks speaking spoke spoken : spoke spoken
spread spreads spreading : spread spread
steal steals stealing stole stolen : stole stolen
write writes writing wrote written : wrote written
feed feeds feeding fed : fed fed
bear bears bearing bore borne : bore borne
dig digs digging dug : dug dug
withdraw withdraws withdrawing withdrew withdrawn : withdrew withdrawn
overrun overruns overrunning overran : overran overrun
shut shuts shutting : shut shut
let lets letting : let let
lay lays laying laid : laid laid
lie lies lying lay lain : lay lain
die dies dying died : died died
free frees freeing freed : freed freed
flee flees fleeing fled : fled fled
top tops topping topped : topped topped
think thinks thinking thought : thought thought
feel feels feeling felt : felt felt
hear hears hearing heard : heard heard
mean means meaning meant : meant meant
understand understands understanding understood : understood understood
become becomes becoming became : became become
catch catches catching caught : caught caught
teach teaches teaching taught : taught taught
hang hangs hanging hung : hung hung
hide hides hiding hid hidden : hid hidden
hurt hurts hurting : hurt hurt
lend lends lending lent : lent lent
rise rises rising rose risen : rose risen
shake shakes shaking shook shaken : shook shaken
spend spends spending spent : spent spent
split splits splitting : split split
swear swears swearing swore sworn : swore sworn
sweep sweeps sweeping swept : swept swept
tear tears tearing tore torn : tore torn
wear wears wearing wore worn : wore worn
withhold withholds withholding withheld : withheld withheld
forecast forecasts forecasting : forecast forecast
broadcast broadcasts broadcasting : broadcast broadcast
mislead misleads misleading misled : misled misled
overtake overtakes overtaking overtook overtaken : overtook overtaken
undertake undertakes undertaking undertook undertaken : undertook undertaken
arise arises arising arose arisen : arose arisen
bind binds binding bound : bound bound
choose chooses choosing chose chosen : chose chosen
deal deals dealing dealt : dealt dealt
eat eats eating ate eaten : ate eaten
fly flies flying flew flown : flew flown
forget forgets forgetting forgot forgotten : forgot forgotten
freeze freezes freezing froze frozen : froze frozen
ride rides riding rode ridden : rode ridden
seek seeks seeking sought : sought sought
sleep sleeps sleeping slept : slept slept
slide slides sliding slid : slid slid
shrink shrinks shrinking shrank shrunk : shrank shrunk
stick sticks sticking stuck : stuck stuck
swim swims swimming swam swum : swam swum
wake wakes waking woke woken : woke woken
sing sings singing sang sung : sang sung
drink drinks drinking drank drunk : drank drunk
"""
IRREGULAR: dict[str, tuple[str, str]] = {}
for _line in _IRREGULAR_TABLE.strip().splitlines():
    _forms, _parts = _line.split(":")
    _past, _participle = _parts.split()
    for _form in _forms.split():
        IRREGULAR.setdefault(_form, (_past, _participle))

# Regular verbs common in figures, in their base / third-person forms (the -ed and -ing
# forms are recognised by their ending).
COMMON_VERBS = frozenset(
    """
    kill kills wound wounds injure injures displace displaces evacuate evacuates deliver
    delivers remain remains reach reaches exceed exceeds surpass surpasses climb climbs
    jump jumps drop drops decline declines increase increases decrease decreases total
    totals add adds gain gains score scores need needs number numbers shelter shelters
    release releases detain detains arrest arrests abduct abducts kidnap kidnaps rescue
    rescues receive receives host hosts employ employs affect affects infect infects treat
    treats vaccinate vaccinates face faces hit hits top tops cross crosses enter enters
    return returns flood floods destroy destroys damage damages lose loses cost costs
    raise raises cut cuts slash slashes owe owes earn earns contain contains include
    includes comprise comprises represent represents account accounts house houses
    shed sheds plunge plunges soar soars surge surges tumble tumbles slump slumps
    """.split()
)
# Words ending in -ed / -ing that are not verb forms (or rarely are in news copy).
NOT_VERBS = frozenset(
    """
    hundred red bed shed seed speed need feed breed creed greed deed weed sacred naked
    wicked kindred aged hatred wed shred sled bled fled led
    during morning evening building buildings thing things something nothing anything
    everything king ring spring string wing ceiling meeting meetings funding housing
    clothing bombing bombings shooting shootings fighting including according regarding
    concerning following pending notwithstanding ongoing outstanding sibling darling
    shilling pudding wedding timing training opening beginning warning warnings rating
    ratings ranking rankings spending earnings savings landing crossing crossings
    offering offerings setting settings reading gathering gatherings painting wedding
    swing sting sling bring sing thing nothing wing ping king ding ring boring interesting
    killings uprising uprisings briefing briefings hearing hearings ruling rulings
    filing filings finding findings listing listings shipping rallying lightning
    """.split()
) - {"fled", "led"}
# Participles that also work as adjectives before a noun ("displaced Palestinians").
ADJ_PARTICIPLES = frozenset(
    """
    displaced wounded injured missing remaining dead killed detained abducted kidnapped
    evacuated registered confirmed unemployed employed estimated suspected infected
    vaccinated hospitalized hospitalised trapped stranded affected exiled returning
    starving fleeing existing working living armed unarmed uninvolved elderly
    additional reported documented recorded identified unidentified unaccompanied
    orphaned malnourished besieged internally newly undocumented insured uninsured
    qualified retired enlisted licensed skilled unskilled
    """.split()
)
# Measure verbs: the figure is a level a subject reaches ("Inflation rose to 3.2%").
MEASURE_VERBS = frozenset(
    """
    rise rises rose risen rising fall falls fell fallen falling reach reaches reached
    reaching hit hits hitting climb climbs climbed climbing jump jumps jumped drop drops
    dropped decline declines declined increase increases increased decrease decreases
    decreased grow grows grew grown stand stands stood total totals totaled totalled
    top tops topped exceed exceeds exceeded surpass surpassed soar soared surge surged
    plunge plunged tumble tumbled slump slumped gain gained edge edged ease eased slip
    slipped sink sank peak peaked hover hovered average averages averaged
    """.split()
)
COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"})

# Title words dropped in front of a person's name when naming a source.
TITLE_WORDS = frozenset(
    """
    secretary spokesperson spokesman spokeswoman minister president vice prime gen. gen
    maj. maj col. col lt. lt capt. capt sgt. sgt adm. adm dr. dr mr. mr mrs. mrs ms. ms
    prof. prof sen. sen rep. rep gov. gov mayor chairman chairwoman chair director chief
    adviser advisor ambassador envoy commissioner officer prosecutor judge justice leader
    speaker king queen prince princess pope sheikh ceo coach manager captain commander
    general major colonel lieutenant sergeant admiral governor senator representative
    chancellor premier head deputy undersecretary under-secretary attorney press foreign
    defense defence state national security interior finance health economy treasury
    pentagon white house department ministry military army police first lady
    assistant acting former senior principal coordinator negotiator mediator
    """.split()
)


# Titles that stand right before a person's name ("Secretary", "Gen.", "spokesperson"):
# the name is the source, not the title. Words like "Defense" or "National" are in
# TITLE_WORDS only as parts of a title ("Defense Secretary").
PERSON_TITLES = frozenset(
    """
    secretary spokesperson spokesman spokeswoman minister president gen maj col lt capt
    sgt adm dr mr mrs ms prof sen rep gov mayor chairman chairwoman chair director chief
    adviser advisor ambassador envoy commissioner officer prosecutor judge justice leader
    speaker king queen prince princess pope sheikh ceo coach manager captain commander
    general major colonel lieutenant sergeant admiral governor senator representative
    chancellor premier deputy attorney coordinator negotiator mediator reporter
    correspondent analyst economist professor doctor
    """.split()
)
# Last words of an organisation's name: "National Weather Service" is not a title and a name.
ORG_WORDS = frozenset(
    """
    service ministry department agency office council organization organisation forces
    force army police authority authorities bureau institute university commission
    committee court bank fund administration command corps guard program programme
    center centre network association federation union company group board
    """.split()
)


def is_verb_like(tok: Token, prev: Token | None) -> bool:
    """Whether ``tok`` reads as a verb form here. Not after a determiner or possessive
    ("the remaining", "Gaza's displaced"), not a capitalised word mid-sentence."""
    if not tok.is_word:
        return False
    if prev is not None:
        if prev.low in DETERMINERS or prev.is_possessive:
            return False
        if tok.is_capitalized and prev.is_word:
            return False
    w = tok.low
    if w in NOT_VERBS:
        return False
    if w in IRREGULAR or w in COMMON_VERBS or w in REPORT_VERBS or w in AUXILIARIES:
        return True
    if tok.is_capitalized:  # "Erling", "Reading": names, unless a known verb form
        return False
    if len(w) > 4 and w.endswith("ed"):
        return True
    return len(w) > 5 and w.endswith("ing")


def is_participle(word: str) -> bool:
    """An -ed / -ing / irregular participle form (for "hostages held", "civilians sheltering")."""
    if word in NOT_VERBS:
        return False
    if word in IRREGULAR:
        past, participle = IRREGULAR[word]
        return word in (past, participle) or word.endswith("ing")
    return (len(word) > 4 and word.endswith("ed")) or (len(word) > 5 and word.endswith("ing"))


def past_form(word: str) -> str:
    """The past form a figure's predicate is reported in: past forms as written, present
    and progressive forms as the past participle ("holding" -> "held", "kills" -> "killed")."""
    if word in IRREGULAR:
        past, participle = IRREGULAR[word]
        return word if word in (past, participle) else participle
    if word.endswith("ed"):
        return word
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        if stem.endswith("e"):  # "freeing"
            return stem + "d"
        if stem.endswith("y"):  # "carrying" -> "carried"
            return stem[:-1] + "ied"
        return stem + "ed"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "ied"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2] + "ed"
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ied"
    return word + "ed"
