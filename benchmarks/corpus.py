"""A realistic, seeded, deterministic news corpus for the benchmarks.

Each article is Markdown with YAML front matter (title, outlet, published, url) and a
body of 2,100-5,200 characters (the seed articles have 2,163-5,167) written from
sentence templates: casualty tolls, hostages, displacement, UN votes, the economy,
weather and disasters, with hedges ("more than", "around", "nearly"), scale words,
percentages, money, units, relative dates ("on Monday", "since May 6"), attributions,
quotations and figure-free background sentences. Figures follow dated "true" series
with rounding and reporting noise, and one article in four carries a deliberate
inconsistency the shipped rules should catch: a toll lower than an earlier report, a
figure repeated long after it went out of date, a share above 100%, one count given two
ways in one article, a Security Council tally with more than 15 votes, more hostages
held than were taken.

Article ``i`` depends only on ``(seed, i)``, so the first 100 articles of a
10,000-article corpus are the 100-article corpus, and two runs give the same bytes.
Nothing is copied from the seed articles.

    python benchmarks/corpus.py OUT_DIR --articles 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

START = date(2023, 10, 8)
END = date(2024, 6, 30)

OUTLETS = [
    "The Daily Ledger", "Harbour Times", "Northern Courier", "Evening Standard-Bearer",
    "Capital Wire", "The Meridian Post", "Coastline Herald", "Global Dispatch",
    "Riverside Gazette", "The Continental", "Morning Signal", "Atlas News Service",
]
REPORTERS = [
    "Amira Haddad", "Jonas Berg", "Priya Raman", "Tomasz Nowak", "Lucia Ferreira",
    "Daniel Okafor", "Hannah Levi", "Samir Khalil", "Grace Mwangi", "Oliver Grant",
]
OFFICIALS = [
    ("a UN spokesperson", "the United Nations"), ("the army", "the Israeli military"),
    ("local officials", "local officials"), ("a senior diplomat", "a senior Western diplomat"),
    ("aid groups", "aid agencies working in the territory"), ("the ministry", "the health ministry"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# Cumulative deaths reported by Gaza's health ministry, roughly (linear between points).
TOLL = [
    (date(2023, 10, 8), 400), (date(2023, 10, 31), 8525), (date(2023, 11, 30), 15000),
    (date(2023, 12, 31), 21822), (date(2024, 1, 31), 26900), (date(2024, 2, 29), 30035),
    (date(2024, 3, 31), 32782), (date(2024, 4, 30), 34535), (date(2024, 5, 31), 36284),
    (date(2024, 6, 30), 37877),
]
HELD = [
    (date(2023, 10, 8), 240), (date(2023, 11, 23), 240), (date(2023, 12, 1), 137),
    (date(2024, 2, 1), 136), (date(2024, 4, 1), 134), (date(2024, 6, 9), 120), (date(2024, 6, 30), 120),
]
FLED = [(date(2024, 5, 6), 0), (date(2024, 5, 12), 300000), (date(2024, 5, 20), 810000),
        (date(2024, 5, 31), 1000000), (date(2024, 6, 30), 1000000)]
SHELTERING = [(date(2023, 10, 8), 280000), (date(2023, 12, 15), 900000), (date(2024, 2, 10), 1400000),
              (date(2024, 5, 6), 1400000), (date(2024, 5, 20), 600000), (date(2024, 6, 30), 100000)]

COUNTRIES = [
    ("Kenya", "Nairobi"), ("Brazil", "Brasilia"), ("Turkey", "Ankara"), ("Sudan", "Khartoum"),
    ("Ukraine", "Kyiv"), ("Pakistan", "Islamabad"), ("Indonesia", "Jakarta"), ("Mexico", "Mexico City"),
    ("Nigeria", "Abuja"), ("Germany", "Berlin"), ("Japan", "Tokyo"), ("Egypt", "Cairo"),
]
PLACES_GAZA = ["Khan Younis", "Gaza City", "Jabalia", "Deir al-Balah", "Nuseirat", "Beit Lahia"]
ISRAEL_PLACES = ["Sderot", "Kiryat Shmona", "Metula", "Ashkelon", "Nahariya"]


def _interp(series: list[tuple[date, float]], day: date) -> float:
    for (d0, v0), (d1, v1) in zip(series, series[1:]):
        if d0 <= day <= d1:
            span = (d1 - d0).days or 1
            return v0 + (v1 - v0) * (day - d0).days / span
    return series[-1][1] if day > series[-1][0] else series[0][1]


def _fmt(n: float) -> str:
    return f"{int(round(n)):,}"


def _rounded(r: random.Random, n: float) -> tuple[str, str]:
    """A reporter's rendering of ``n``: (hedge, number) such as ("more than", "32,000")."""
    style = r.random()
    if n >= 1_000_000 and style < 0.6:
        return r.choice(["more than", "about", "some", "nearly", ""]), f"{n / 1e6:.1f} million".replace(".0 ", " ")
    if style < 0.35:
        return "", _fmt(n)
    step = 1000 if n >= 20000 else 100 if n >= 1000 else 10
    down = int(n // step * step)
    if style < 0.65:
        return r.choice(["more than", "over", "at least"]), _fmt(down)
    if style < 0.85:
        return r.choice(["about", "around", "some", "roughly"]), _fmt(round(n / step) * step)
    return r.choice(["nearly", "almost", "close to"]), _fmt(down + step)


def _h(hedge: str, number: str) -> str:
    return f"{hedge} {number}" if hedge else number


def _weekday_ref(r: random.Random, day: date) -> str:
    back = r.randint(0, 5)
    when = day - timedelta(days=back)
    if back == 0:
        return "on " + WEEKDAYS[when.weekday()] if r.random() < 0.5 else "today"
    return "on " + WEEKDAYS[when.weekday()]


class Article:
    def __init__(self, seed: int, index: int) -> None:
        self.r = random.Random(f"factcheck-bench:{seed}:{index}")
        self.index = index
        r = self.r
        self.day = START + timedelta(days=r.randrange((END - START).days + 1))
        self.outlet = r.choice(OUTLETS)
        self.reporter = r.choice(REPORTERS)
        self._fillers: list[str] = []
        # One article in four carries a deliberate inconsistency.
        self.flaw = r.choice(["stale", "lower", "share", "twice", "unsc", "held"]) if r.random() < 0.25 else None

    # -- topics -----------------------------------------------------------------------------

    def toll(self) -> list[str]:
        r, day = self.r, self.day
        n = _interp(TOLL, day) * r.uniform(0.99, 1.01)
        if self.flaw == "lower":
            n *= 0.8
        if self.flaw == "stale":
            n = _interp(TOLL, day - timedelta(days=r.randint(45, 90)))
        hedge, number = _rounded(r, n)
        place = r.choice(["Gaza", "the Gaza Strip"])
        out = [r.choice([
            f"Israel's offensive in {place} has killed {_h(hedge, number)} Palestinians, according to the health ministry in the Hamas-run territory.",
            f"The death toll in {place} has risen to {_h(hedge, number)}, the territory's health ministry said {_weekday_ref(r, day)}.",
            f"{_h(hedge, number).capitalize()} people have been killed in {place} since the war began, health officials said.",
        ])]
        wounded = n * r.uniform(2.1, 2.4)
        out.append(f"The ministry said {_fmt(round(wounded, -2))} others had been wounded, and that many more were missing under the rubble.")
        if self.flaw == "twice":
            other = n * r.uniform(1.2, 1.4)
            out.append(f"Later in the day the ministry gave a toll of {_fmt(round(other, -2))} dead in Gaza, without explaining the difference.")
        return out

    def hostages(self) -> list[str]:
        r, day = self.r, self.day
        held = _interp(HELD, day)
        if self.flaw == "held":
            held = r.randint(260, 300)
        out = [r.choice([
            "Hamas-led militants took about 250 people hostage in the Oct. 7 attack on southern Israel.",
            "Militants abducted some 250 hostages during the October 7 attack.",
        ])]
        out.append(r.choice([
            f"Israel says {_fmt(held)} hostages are still held in Gaza, including some believed to be dead.",
            f"Around {_fmt(round(held, -1))} hostages remain in captivity in Gaza, according to Israeli officials.",
        ]))
        if day > date(2023, 11, 24) and r.random() < 0.5:
            out.append(f"More than 100 hostages were freed during a week-long truce in late November in exchange for {r.choice([240, 'some 240'])} Palestinian prisoners.")
        return out

    def rafah(self) -> list[str]:
        r, day = self.r, self.day
        out = []
        shelter = round(_interp(SHELTERING, day), -4)
        if self.flaw == "stale" and day > date(2024, 5, 15):
            shelter = 1_400_000
        hedge, number = _rounded(r, shelter)
        out.append(f"{_h(hedge, number).capitalize()} Palestinians are sheltering in Rafah, most of them displaced from other parts of the territory.")
        if day >= date(2024, 5, 8):
            fled = _interp(FLED, day)
            hedge, number = _rounded(r, fled)
            out.append(f"The UN agency for Palestinian refugees said {_h(hedge, number)} people had fled Rafah since May 6.")
        return out

    def displaced(self) -> list[str]:
        r = self.r
        n = r.choice([1.7, 1.7, 1.9, 1.7])
        out = [f"About {n} million people, roughly {r.choice(['three-quarters', '75%', '80%'])} of Gaza's population, have been displaced, according to the UN."]
        if self.flaw == "share":
            out.append(f"The agency said {r.randint(110, 140)}% of the population of Gaza needed food aid, a figure it later corrected.")
        town = r.choice(ISRAEL_PLACES)
        out.append(f"In northern Israel, some {r.choice(['60,000', '60,000', '62,000', '40,000'])} residents have been evacuated from towns such as {town} because of rocket fire from Lebanon.")
        return out

    def un_vote(self) -> list[str]:
        r = self.r
        if self.flaw == "unsc":
            tally = f"{r.randint(13, 15)}-{r.randint(1, 3)}-{r.randint(1, 2)}"
        else:
            tally = r.choice(["14-0-1", "13-1-1", "12-1-2", "14-0"])
        ga = r.choice(["153-10-23", "143-9-25", "120-14-45"])
        return [
            f"The UN Security Council adopted the resolution {tally} on {r.choice(WEEKDAYS)}, with the United States {r.choice(['abstaining', 'voting against'])}.",
            f"An earlier General Assembly resolution passed {ga}.",
        ]

    def economy(self) -> list[str]:
        r = self.r
        country, capital = r.choice(COUNTRIES)
        infl = round(r.uniform(1.5, 12.0), 1)
        gdp = round(r.uniform(-1.5, 5.5), 1)
        budget = round(r.uniform(1.2, 95.0), 1)
        jobless = round(r.uniform(3.0, 14.0), 1)
        month = MONTHS[(self.day.month - 2) % 12]
        out = [
            f"Inflation in {country} {r.choice(['eased', 'rose', 'climbed', 'slowed'])} to {infl}% in {month}, the statistics office said in {capital}.",
            f"The economy grew {gdp} percent in the last quarter, below the {round(gdp + r.uniform(0.2, 1.0), 1)}% economists polled by the agency had expected.",
            f"The government plans to spend ${budget} billion on infrastructure over {r.randint(3, 10)} years, the finance minister said.",
            f"Unemployment stood at {jobless}%, with about {r.randint(2, 40)} million people out of work.",
        ]
        if r.random() < 0.5:
            out.append(f"The central bank raised its main rate by {r.choice([25, 50, 75])} basis points to {round(r.uniform(2, 18), 2)}%.")
        return out

    def weather(self) -> list[str]:
        r = self.r
        country, capital = r.choice(COUNTRIES)
        dead = r.randint(3, 2500)
        out = [
            f"A magnitude {round(r.uniform(5.2, 7.9), 1)} earthquake struck {r.randint(20, 140)} km (about {r.randint(12, 90)} miles) south of {capital} {_weekday_ref(r, self.day)}.",
            f"At least {dead:,} people were killed and {_fmt(dead * r.uniform(2, 5))} injured, the disaster agency of {country} said.",
            f"Temperatures reached {r.randint(38, 49)}C in parts of {country}, and {r.randint(40, 300)} mm of rain fell in {r.randint(2, 48)} hours.",
            f"Rescuers said nearly {r.randint(2, 30) * 100:,} buildings had collapsed and that {r.choice(['a third', 'half', 'a quarter', 'two-thirds'])} of the roads in the province were closed.",
        ]
        if self.flaw == "twice":
            out.append(f"A second statement put the number of people killed in {country} at {int(dead * 1.5) + 7:,}.")
        return out

    # -- assembly ---------------------------------------------------------------------------

    def filler(self) -> str:
        """A figure-free sentence; no sentence twice in one article."""
        r = self.r
        if not self._fillers:
            who, long = r.choice(OFFICIALS)
            self._fillers = [
                f"\u201cWe are doing everything we can, but the needs are enormous,\u201d {who} said, speaking on condition of anonymity.",
                "The talks, mediated by Egypt and Qatar, have stalled repeatedly over the sequencing of a ceasefire and the release of hostages.",
                f"Officials in Washington have urged restraint, while {long} warned that the situation could deteriorate quickly.",
                f"It was not possible to verify the figures independently, and {who} did not respond to a request for comment.",
                "Residents described long queues for bread and water, and said prices in the markets had doubled.",
                "Aid convoys entering through the Kerem Shalom crossing were held up for hours at checkpoints.",
                "The statement gave no further details, and it was not clear when the next round of talks would take place.",
                "Analysts said the decision reflected growing pressure from allies ahead of elections later in the year.",
                f"{self.reporter} contributed reporting from {r.choice(['Jerusalem', 'Cairo', 'Beirut', 'Amman', 'Geneva'])}.",
                "Hospitals in the area said they were running short of fuel, anaesthetics and clean water.",
                "The foreign minister is expected to travel to the region next week for further meetings.",
                "Opposition lawmakers accused the government of failing to prepare for a crisis that had been foreseen for months.",
                "Satellite images reviewed by researchers showed whole neighbourhoods reduced to rubble.",
                "Markets reacted calmly to the announcement, and the currency was little changed against the dollar.",
                "The agency said it would publish a fuller assessment once its teams had reached the worst-hit districts.",
                "Witnesses said the strikes began shortly after midnight and continued until dawn.",
                "A spokesperson for the European Commission said the bloc was ready to increase its support.",
                "Critics say the official figures understate the scale of the damage because many areas remain out of reach.",
                "The prime minister told reporters that the government would not be rushed into a decision.",
                "Schools have been turned into shelters, and many families sleep in tents pitched along the roads.",
            ]
            r.shuffle(self._fillers)
        return self._fillers.pop()

    def render(self) -> tuple[str, str]:
        r = self.r
        topics = [self.toll, self.hostages, self.rafah, self.displaced, self.un_vote, self.economy, self.weather]
        weights = [5, 3, 3, 2, 1, 3, 3]
        chosen: list = []
        for _ in range(r.randint(2, 4)):
            t = r.choices(topics, weights)[0]
            if t not in chosen:
                chosen.append(t)
        flaw_topic = {"stale": self.toll, "lower": self.toll, "share": self.displaced, "twice": self.toll,
                      "unsc": self.un_vote, "held": self.hostages}.get(self.flaw or "")
        if flaw_topic is not None and flaw_topic not in chosen:
            chosen.append(flaw_topic)
        paragraphs: list[str] = []
        for topic in chosen:
            sentences = topic()
            while sentences:
                take = r.randint(1, 3)
                para = sentences[:take]
                sentences = sentences[take:]
                if r.random() < 0.6:
                    para.insert(r.randint(0, len(para)), self.filler())
                paragraphs.append(" ".join(para))
        target = r.randint(2100, 4900)
        while sum(len(p) for p in paragraphs) < target:
            paragraphs.insert(r.randint(1, len(paragraphs)), " ".join(self.filler() for _ in range(r.randint(1, 3))))
        headline = self.headline(chosen[0].__name__)
        body = "\n\n".join(paragraphs)
        front = (f"---\ntitle: \"{headline}\"\noutlet: {self.outlet}\npublished: {self.day.isoformat()}\n"
                 f"url: https://news.example/{self.day.isoformat()}/{self.index:06d}\n---\n")
        return front, body + "\n"

    def headline(self, topic: str) -> str:
        r = self.r
        return {
            "toll": "Gaza toll climbs as strikes continue",
            "hostages": "Families press for hostage deal",
            "rafah": "Thousands on the move in southern Gaza",
            "displaced": "Displacement deepens across the region",
            "un_vote": "Security Council votes on ceasefire text",
            "economy": r.choice(["Inflation data surprise markets", "Budget plan faces scrutiny"]),
            "weather": r.choice(["Earthquake leaves trail of destruction", "Heatwave and floods strain services"]),
        }[topic]


def article(seed: int, index: int) -> tuple[str, str]:
    """(front matter, body) of article ``index``."""
    return Article(seed, index).render()


def article_path(index: int) -> str:
    return f"{index // 1000:03d}/{index:06d}.md"


def generate(n: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(relative path, file content) of each of the ``n`` articles."""
    for i in range(n):
        front, body = article(seed, i)
        yield article_path(i), front + body


def bodies(n: int, seed: int = 7) -> list[str]:
    """The article bodies without front matter: plain text for extractor timings."""
    return [article(seed, i)[1] for i in range(n)]


def dated_bodies(n: int, seed: int = 7) -> list[tuple[str, date]]:
    """(body, publication date) of each article."""
    out = []
    for i in range(n):
        a = Article(seed, i)
        out.append((a.render()[1], a.day))
    return out


def write_corpus(out: Path, n: int, seed: int = 7) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for rel, content in generate(n, seed):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write the articles into")
    ap.add_argument("--articles", "-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
