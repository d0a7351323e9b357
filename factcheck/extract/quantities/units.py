"""Unit words of news copy, currencies and coins, mapped to the names of factcheck's
one pint registry (``factcheck.units``: currencies as their own dimensions, coins,
``percentage_point``).

A claim's ``unit`` is pint's canonical name of the unit ("minute", "kilometer",
"metric_ton", "mile_per_hour", "kilometer ** 2"), the ISO 4217 code for money, the
coin's registry name for coins ("cent", "penny"), "percent" for percentages and shares,
"percentage_point" for percentage points.

The extractor never calls pint per figure. ``lookup(surface)`` maps a unit as written
("km", "kilometres", "sq mi", "metric tons", "°F") to a ``UnitInfo`` through a table
built once from pint (``_build_tables``) on first use.

Ambiguous unit words are marked with a ``rule`` that ``assemble`` applies with the text
around the figure:

``pound``       "pounds" is money (GBP) when the figure carries a scale word and is not
                followed by "of" ("361 million pounds"), or money words are near
                ("cost", "paid", "fined", "sterling", ...); otherwise mass ("1.4 million
                pounds of aid", "25 pounds", "a twenty-pound bag").
``degree``      bare "degrees"/"°" is a temperature (scale not stated: unit null, kind
                temperature) when temperature words are near ("temperature",
                "thermostat", "hot", "cold", ...), otherwise an angle.
``temp_letter`` a bare "C"/"F" after a number is a temperature only when temperature
                words are near or the figure is signed ("-10C"); "13F filing" is not.
``inch_in``     "in" is inches only at the end of a clause or before a dimension word
                ("2 in thick", "2 in."); "two in my car" is not.
``clock``       "am"/"pm" after a whole number up to 12 is a clock time, not a length.
``glued``       only straight after the digits ("20p", "9″", "5′").
``quote_mark``  the marks ``"`` ``”`` ``'`` ``’`` after a figure are, in news copy, almost
                always a closing quotation mark or an apostrophe ("“more than 3,000”
                fled", "the ‘Top 10’ list"); they are inches and feet only when the
                figure is a measurement by its form: straight after a digit, not closing
                a quotation its own kind of mark opened earlier in the paragraph (“ for
                ”, ‘ for ’, a word-initial ``"``/``'`` for ``"``/``'``), and in a dimension
                context: feet and inches ("2'6\"", "5’10”"), dimensions ('12" x 8"',
                "20' by 30'"), a dimension word after it ("6' tall", '12" wide'), or an
                attributive measure after a determiner ('a 55" TV', "the 6’ wall"). The
                primes ``″`` and ``′`` are never quotation marks: always ``glued``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

from factcheck.units import registry

# --------------------------------------------------------------------------------------
# unit info


@dataclass(frozen=True, slots=True)
class UnitInfo:
    name: str                 # canonical name: pint name, ISO code, "percent", ...
    kind: str                 # claim kind: "quantity", "money", "percent", "temperature", ...
    dimension: str            # "length", "area", "volume", "mass", "time", "speed", ...
    rule: str | None = None   # contextual rule applied by ``assemble`` (see module doc)
    age: bool = False         # "years old", "-year-old", "years of age", "yo"
    scale: float = 1.0        # multiplies the value ("decades" -> 10 years)


def _pl(word: str) -> list[str]:
    """Singular and plural of a unit word."""
    irregular = {
        "foot": "feet", "inch": "inches", "century": "centuries", "penny": "pennies",
        "millennium": "millennia", "yen": "yen", "yuan": "yuan", "rand": "rand",
        "baht": "baht", "naira": "naira", "renminbi": "renminbi", "markka": "markkaa",
        "lira": "lire", "hertz": "hertz", "celsius": "celsius", "kuai": "kuai",
        "sterling": "sterling", "shekel": "shekels", "stone": "stone", "pence": "pence",
    }
    if word in irregular:
        extra = ["liras"] if word == "lira" else []
        return [word, irregular[word], *extra]
    if word.endswith(("ch", "sh", "s", "x")):
        return [word, word + "es"]
    return [word, word + "s"]


# (pint expression, dimension, [case-insensitive words], [case-sensitive symbols])
_LENGTHS: list[tuple[str, list[str], list[str]]] = [
    ("kilometer", _pl("kilometre") + _pl("kilometer") + ["kms"], ["km", "Km", "KM"]),
    ("meter", _pl("metre") + _pl("meter"), ["m"]),
    ("centimeter", _pl("centimetre") + _pl("centimeter"), ["cm"]),
    ("millimeter", _pl("millimetre") + _pl("millimeter"), ["mm"]),
    ("micrometer", _pl("micrometre") + _pl("micrometer") + _pl("micron"), ["µm", "μm"]),
    ("nanometer", _pl("nanometre") + _pl("nanometer"), ["nm"]),
    ("picometer", _pl("picometre") + _pl("picometer"), []),
    ("decimeter", _pl("decimetre") + _pl("decimeter"), ["dm"]),
    ("mile", _pl("mile"), ["mi"]),
    ("nautical_mile", _pl("nautical mile"), ["nmi"]),
    ("yard", _pl("yard"), ["yd", "yds"]),
    ("foot", _pl("foot"), ["ft"]),
    ("inch", _pl("inch"), []),
    ("light_year", _pl("light-year") + _pl("light year"), []),
]
# length symbols that also make areas/volumes ("km2", "sq km", "cubic metres")
_AREA_SYMBOLS = {"kilometer": ["km"], "meter": ["m"], "centimeter": ["cm"], "millimeter": ["mm"],
                 "mile": ["mi"], "foot": ["ft"], "yard": ["yd"], "inch": ["in"]}

_SIMPLE: list[tuple[str, str, list[str], list[str]]] = [
    # (pint expr, dimension, words, symbols)
    ("picometer", "length", [], ["pm"]),   # rule clock
    ("attometer", "length", [], ["am"]),   # rule clock
    ("inch", "length", [], ["in"]),        # rule inch_in
    ("acre", "area", _pl("acre"), []),
    ("hectare", "area", _pl("hectare"), ["ha"]),
    ("liter", "volume", _pl("litre") + _pl("liter"), ["l", "L", "ltr"]),
    ("milliliter", "volume", _pl("millilitre") + _pl("milliliter"), ["ml", "mL"]),
    ("centiliter", "volume", _pl("centilitre") + _pl("centiliter"), ["cl", "cL"]),
    ("gallon", "volume", _pl("gallon"), ["gal"]),
    ("oil_barrel", "volume", _pl("barrel"), ["bbl"]),
    ("cubic_centimeter", "volume", [], ["cc"]),
    ("cup", "volume", _pl("cup"), []),
    ("tablespoon", "volume", _pl("tablespoon"), ["tbsp", "Tbsp"]),
    ("teaspoon", "volume", _pl("teaspoon"), ["tsp"]),
    ("pint", "volume", _pl("pint"), []),
    ("quart", "volume", _pl("quart"), []),
    ("fluid_ounce", "volume", _pl("fluid ounce"), ["fl oz", "fl. oz."]),
    ("bushel", "volume", _pl("bushel"), []),
    ("cubic_foot", "volume", _pl("cubic foot"), ["cu ft", "cu. ft."]),
    ("metric_ton", "mass", _pl("tonne") + _pl("metric ton") + _pl("metric tonne"), ["t"]),
    ("ton", "mass", _pl("ton") + _pl("short ton"), []),
    ("kilogram", "mass", _pl("kilogram") + _pl("kilogramme") + _pl("kilo"), ["kg", "Kg", "KG", "kgs"]),
    ("gram", "mass", _pl("gram") + _pl("gramme"), ["g", "gr"]),
    ("milligram", "mass", _pl("milligram") + _pl("milligramme"), ["mg"]),
    ("microgram", "mass", _pl("microgram") + _pl("microgramme"), ["µg", "μg", "mcg", "ug"]),
    ("pound", "mass", [], ["lb", "lbs", "Lb", "Lbs", "LB", "LBS"]),
    ("ounce", "mass", _pl("ounce"), ["oz"]),
    ("stone", "mass", ["stone", "stones"], ["st"]),
    ("carat", "mass", _pl("carat"), ["ct"]),
    ("year", "time", _pl("year") + ["yr", "yrs"], []),
    ("month", "time", _pl("month") + ["mos"], []),
    ("week", "time", _pl("week") + ["wk", "wks"], []),
    ("fortnight", "time", _pl("fortnight"), []),
    ("day", "time", _pl("day"), []),
    ("hour", "time", _pl("hour") + ["hr", "hrs"], ["h"]),
    ("minute", "time", _pl("minute") + ["min", "mins"], []),
    ("second", "time", _pl("second") + ["sec", "secs"], []),
    ("millisecond", "time", _pl("millisecond"), ["ms"]),
    ("century", "time", _pl("century"), []),
    ("millennium", "time", _pl("millennium"), []),
    ("megayear", "time", [], ["Ma", "Myr"]),
    ("gigayear", "time", _pl("gigaannum") + _pl("gigayear"), ["Ga", "Gyr"]),
    ("mile_per_hour", "speed", ["miles per hour", "mile per hour", "miles an hour", "mile an hour"],
     ["mph", "MPH"]),
    ("kilometer_per_hour", "speed",
     ["kilometres per hour", "kilometers per hour", "kilometre per hour", "kilometer per hour",
      "kilometres an hour", "kilometers an hour", "km per hour", "km an hour"],
     ["km/h", "km/hr", "kph", "kmph", "kmh", "km/h.", "KPH"]),
    ("meter / second", "speed", ["metres per second", "meters per second"], ["m/s"]),
    ("knot", "speed", _pl("knot"), ["kn", "kt", "kts"]),
    ("joule", "energy", _pl("joule"), ["J"]),
    ("kilojoule", "energy", _pl("kilojoule"), ["kJ"]),
    ("megajoule", "energy", _pl("megajoule"), ["MJ"]),
    ("calorie", "energy", _pl("calorie"), ["cal"]),
    ("kilocalorie", "energy", _pl("kilocalorie"), ["kcal"]),
    ("watt_hour", "energy", _pl("watt-hour") + _pl("watt hour"), ["Wh"]),
    ("kilowatt_hour", "energy", _pl("kilowatt-hour") + _pl("kilowatt hour"), ["kWh", "KWh"]),
    ("megawatt_hour", "energy", _pl("megawatt-hour") + _pl("megawatt hour"), ["MWh"]),
    ("gigawatt_hour", "energy", _pl("gigawatt-hour") + _pl("gigawatt hour"), ["GWh"]),
    ("terawatt_hour", "energy", _pl("terawatt-hour") + _pl("terawatt hour"), ["TWh"]),
    ("electron_volt", "energy", _pl("electronvolt") + _pl("electron volt"), ["eV"]),
    ("megaelectron_volt", "energy", [], ["MeV"]),
    ("gigaelectron_volt", "energy", [], ["GeV"]),
    ("teraelectron_volt", "energy", [], ["TeV"]),
    ("british_thermal_unit", "energy", _pl("British thermal unit"), ["BTU", "Btu", "btu"]),
    ("watt", "power", _pl("watt"), ["W"]),
    ("kilowatt", "power", _pl("kilowatt"), ["kW", "KW"]),
    ("megawatt", "power", _pl("megawatt"), ["MW"]),
    ("gigawatt", "power", _pl("gigawatt"), ["GW"]),
    ("horsepower", "power", ["horsepower"], ["hp", "bhp"]),
    ("hertz", "frequency", ["hertz"], ["Hz"]),
    ("kilohertz", "frequency", ["kilohertz"], ["kHz"]),
    ("megahertz", "frequency", ["megahertz"], ["MHz"]),
    ("gigahertz", "frequency", ["gigahertz"], ["GHz"]),
    ("bit", "data", _pl("bit"), []),
    ("byte", "data", _pl("byte"), []),
    ("kilobit", "data", _pl("kilobit"), ["kb", "Kb", "kbit"]),
    ("kilobyte", "data", _pl("kilobyte"), ["KB", "kB"]),
    ("megabit", "data", _pl("megabit"), ["mb", "Mb", "Mbit"]),
    ("megabyte", "data", _pl("megabyte"), ["MB"]),
    ("gigabit", "data", _pl("gigabit"), ["Gb", "gb"]),
    ("gigabyte", "data", _pl("gigabyte"), ["GB"]),
    ("terabyte", "data", _pl("terabyte"), ["TB"]),
    ("petabyte", "data", _pl("petabyte"), ["PB"]),
    ("exabyte", "data", _pl("exabyte"), ["EB"]),
    ("megabit / second", "data", [], ["Mbps", "Mbit/s", "Mb/s"]),
    ("gigabit / second", "data", [], ["Gbps", "Gbit/s", "Gb/s"]),
    ("gray", "radiation", ["gray", "grays"], ["Gy"]),
    ("milligray", "radiation", _pl("milligray"), ["mGy"]),
    ("sievert", "radiation", _pl("sievert"), ["Sv"]),
    ("millisievert", "radiation", _pl("millisievert"), ["mSv"]),
    ("microsievert", "radiation", _pl("microsievert"), ["µSv", "μSv", "uSv"]),
    ("kilopascal", "pressure", _pl("kilopascal"), ["kPa"]),
    ("hectopascal", "pressure", _pl("hectopascal"), ["hPa"]),
    ("millibar", "pressure", _pl("millibar"), ["mbar"]),
    ("pound_force_per_square_inch", "pressure", [], ["psi"]),
    ("standard_atmosphere", "pressure", _pl("atmosphere"), ["atm"]),
    ("kilometer / second", "speed", ["kilometres per second", "kilometers per second"], ["km/s", "kps"]),
    ("candela", "luminosity", _pl("candela"), []),
]

_TEMPERATURES: list[tuple[str, list[str], list[str]]] = [
    ("degree_Celsius",
     ["degrees celsius", "degree celsius", "degrees centigrade", "degree centigrade",
      "deg celsius", "deg c", "deg. c", "degrees c", "degree c", "celsius", "celcius",
      "centigrade", "centigrate", "degrees celcius", "degree celcius", "deg celcius"],
     ["°C", "° C", "ºC", "º C", "℃"]),
    ("degree_Fahrenheit",
     ["degrees fahrenheit", "degree fahrenheit", "deg fahrenheit", "deg f", "deg. f",
      "degrees f", "degree f", "fahrenheit", "farenheit", "degrees farenheit",
      "degree farenheit", "fahrenheight"],
     ["°F", "° F", "ºF", "º F", "℉"]),
    ("kelvin", ["kelvin", "kelvins", "degrees kelvin"], []),
]

_PERCENT_WORDS = ["percent", "percents", "per cent", "per cents", "pct", "percentage",
                  "percentages", "pc"]
_PP_WORDS = ["percentage point", "percentage points", "percent point", "percent points",
             "per cent point", "per cent points", "pct point", "pct points", "pct pts",
             "points percentage", "ppts"]

# Money after the number: words (case-insensitive) -> ISO code / coin.
_MONEY_WORDS: dict[str, list[str]] = {
    "USD": _pl("dollar") + _pl("us dollar") + _pl("u.s. dollar") + _pl("american dollar")
    + _pl("united states dollar") + _pl("greenback") + ["bucks"],
    "CAD": _pl("canadian dollar"),
    "AUD": _pl("australian dollar"),
    "NZD": _pl("new zealand dollar"),
    "HKD": _pl("hong kong dollar") + _pl("hk dollar"),
    "SGD": _pl("singapore dollar"),
    "TWD": _pl("taiwan dollar") + _pl("new taiwan dollar"),
    "EUR": _pl("euro"),
    "GBP": ["pounds sterling", "pound sterling", "sterling", "british pounds", "british pound",
            "uk pounds"],
    "EGP": _pl("egyptian pound"),
    "LBP": _pl("lebanese pound"),
    "SYP": _pl("syrian pound"),
    "JPY": ["yen", "japanese yen"],
    "CNY": ["yuan", "chinese yuan", "renminbi", "rmb", "RMB", "kuai"],
    "INR": _pl("rupee") + _pl("indian rupee"),
    "PKR": _pl("pakistani rupee"),
    "LKR": _pl("sri lankan rupee"),
    "ILS": _pl("shekel") + _pl("new shekel") + _pl("israeli shekel") + _pl("new israeli shekel")
    + ["sheqel", "sheqels", "sheqalim"],
    "CHF": _pl("swiss franc"),
    "FRF": _pl("french franc"),
    "ESP": _pl("peseta"),
    "FIM": ["markka", "markkaa", "finnish markka", "finnish markkaa", "finnish marks"],
    "NLG": _pl("guilder") + _pl("dutch guilder"),
    "DEM": _pl("deutsche mark") + _pl("deutschmark") + _pl("d-mark"),
    "ITL": _pl("italian lira") + ["italian lire"],
    "TRY": ["lira", "lire", "liras", "turkish lira", "turkish liras"],
    "RUB": _pl("ruble") + _pl("rouble") + _pl("russian ruble") + _pl("russian rouble"),
    "MXN": _pl("peso") + _pl("mexican peso"),
    "ZAR": ["rand", "south african rand"],
    "KRW": ["korean won", "south korean won"],
    "SAR": _pl("riyal") + _pl("saudi riyal"),
    "QAR": _pl("qatari riyal"),
    "IRR": _pl("rial") + _pl("iranian rial"),
    "AED": _pl("dirham") + _pl("uae dirham") + _pl("emirati dirham"),
    "MAD": _pl("moroccan dirham"),
    "JOD": _pl("jordanian dinar"),
    "IQD": _pl("iraqi dinar"),
    "KWD": _pl("kuwaiti dinar"),
    "SEK": ["krona", "kronor", "swedish krona", "swedish kronor"],
    "NOK": ["norwegian krone", "norwegian kroner"],
    "DKK": ["danish krone", "danish kroner"],
    "PLN": ["zloty", "zlotys", "zlotych", "polish zloty"],
    "HUF": ["forint", "forints"],
    "UAH": ["hryvnia", "hryvnias", "hryvnias", "hryvnya"],
    "THB": ["baht", "thai baht"],
    "MYR": ["ringgit"],
    "NGN": ["naira"],
    "BRL": _pl("real") + ["reais", "brazilian real", "brazilian reais"],
    "cent": _pl("cent"),
    "penny": ["penny", "pennies", "pence"],
    "dime": _pl("dime"),
}
_FRANCS = _pl("franc")  # unqualified francs: Swiss (the franc still in use in Europe)

# Money symbols/codes after the number (case-sensitive).
_MONEY_SUFFIX_SYMBOLS: dict[str, list[str]] = {
    "USD": ["$", "USD"], "EUR": ["€", "EUR"], "GBP": ["£", "GBP"], "JPY": ["¥", "JPY"],
    "CNY": ["元", "CNY", "RMB"], "INR": ["₹", "INR"], "ILS": ["₪", "NIS", "ILS"],
    "RUB": ["₽", "RUB"], "KRW": ["₩", "KRW"], "TRY": ["₺", "TRY"], "UAH": ["₴", "UAH"],
    "NGN": ["₦"], "PHP": ["₱"], "VND": ["₫"], "THB": ["฿"], "CRC": ["₡"], "GEL": ["₾"],
    "LAK": ["₭"], "LKR": ["ரூ"], "CHF": ["CHF"], "CAD": ["CAD"], "AUD": ["AUD"],
    "SEK": ["SEK"], "NOK": ["NOK"], "DKK": ["DKK"], "HKD": ["HKD"], "MXN": ["MXN"],
    "penny": ["p"],
}

# Currency written before the number: "$", "US$", "c $", "NIS", "Rs." -> ISO code.
# Keys are matched case-sensitively unless listed in CURRENCY_PREFIX_CASELESS.
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "U.S. $": "USD", "USD": "USD", "USD$": "USD",
    "C$": "CAD", "CA$": "CAD", "Can$": "CAD", "CAD": "CAD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "NZ$": "NZD", "NZD": "NZD",
    "HK$": "HKD", "HKD": "HKD", "S$": "SGD", "SGD": "SGD", "NT$": "TWD",
    "Mex$": "MXN", "MX$": "MXN", "MXN": "MXN", "R$": "BRL",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "CN¥": "CNY", "CNY": "CNY", "RMB": "CNY", "₹": "INR", "Rs": "INR", "Rs.": "INR",
    "INR": "INR", "₪": "ILS", "NIS": "ILS", "ILS": "ILS", "₽": "RUB", "RUB": "RUB",
    "₩": "KRW", "KRW": "KRW", "₺": "TRY", "TRY": "TRY", "₴": "UAH", "UAH": "UAH",
    "₦": "NGN", "₱": "PHP", "₫": "VND", "฿": "THB", "₡": "CRC", "₾": "GEL", "₭": "LAK",
    "CHF": "CHF", "Fr.": "CHF", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "PLN": "PLN",
    "ZAR": "ZAR", "R": "ZAR", "AED": "AED", "SAR": "SAR", "EGP": "EGP", "E£": "EGP",
    "LBP": "LBP", "L£": "LBP", "JOD": "JOD",
}
# Lower-case spellings (wire copy that was lower-cased: "us $ 150 million", "c $ 16.4").
CURRENCY_PREFIX_CASELESS: dict[str, str] = {
    "us $": "USD", "u.s. $": "USD", "u.s $": "USD", "us$": "USD", "c $": "CAD", "c$": "CAD",
    "hk $": "HKD", "hk$": "HKD", "nz $": "NZD",
    "mex $": "MXN", "mex$": "MXN",
}


@dataclass(frozen=True, slots=True)
class _Entry:
    expr: str          # pint expression, or ISO code / "percent" / ...
    kind: str
    dimension: str
    rule: str | None = None
    age: bool = False
    scale: float = 1.0


def _word_entries() -> dict[str, _Entry]:
    """Case-insensitive unit words (keys are lower-case with single spaces)."""
    out: dict[str, _Entry] = {}

    def add(words: list[str], entry: _Entry) -> None:
        for w in words:
            out.setdefault(_norm_word(w), entry)

    for expr, words, _symbols in _LENGTHS:
        add(words, _Entry(expr, "quantity", "length"))
    for expr, dim, words, _symbols in _SIMPLE:
        add(words, _Entry(expr, "quantity", dim))
    # squares and cubes of lengths
    for expr, words, symbols in _LENGTHS:
        for w in words:
            add([f"square {w}", f"sq {w}", f"sq. {w}", f"{w} squared"],
                _Entry(f"{expr} ** 2", "quantity", "area"))
            add([f"cubic {w}", f"cu {w}", f"{w} cubed"],
                _Entry(f"{expr} ** 3", "quantity", "volume"))
    for code, words in _MONEY_WORDS.items():
        add(words, _Entry(code, "money", "money"))
    add(_FRANCS, _Entry("CHF", "money", "money"))
    add(["pound", "pounds"], _Entry("pound", "quantity", "mass", "pound"))
    add(["degrees", "degree", "deg", "deg."], _Entry("degree", "quantity", "angle", "degree"))
    for expr, words, _symbols in _TEMPERATURES:
        add(words, _Entry(expr, "temperature", "temperature"))
    add(_PERCENT_WORDS, _Entry("percent", "percent", "percent"))
    add(_PP_WORDS, _Entry("percentage_point", "percentage_points", "percentage_point"))
    add(["decade", "decades"], _Entry("year", "quantity", "time", scale=10.0))
    # ages
    for expr, sing in (("year", "year"), ("month", "month"), ("week", "week"), ("day", "day")):
        add(
            [f"{sing}-old", f"{sing}s-old", f"{sing} old", f"{sing}s old", f"{sing}s of age",
             f"{sing} of age"],
            _Entry(expr, "age", "time", age=True),
        )
    add(["yo", "y.o.", "yrs old", "yr old", "yr-old"], _Entry("year", "age", "time", age=True))
    return out


def _symbol_entries() -> dict[str, _Entry]:
    """Case-sensitive unit symbols."""
    out: dict[str, _Entry] = {}

    def add(symbols: list[str], entry: _Entry) -> None:
        for s in symbols:
            out.setdefault(s, entry)

    for expr, _words, symbols in _LENGTHS:
        add(symbols, _Entry(expr, "quantity", "length"))
    for expr, dim, _words, symbols in _SIMPLE:
        rule = None
        if symbols in (["pm"], ["am"]):
            rule = "clock"
        elif symbols == ["in"]:
            rule = "inch_in"
        add(symbols, _Entry(expr, "quantity", dim, rule))
    for expr, syms in _AREA_SYMBOLS.items():
        for s in syms:
            add([f"{s}2", f"{s}²", f"{s}^2", f"sq {s}", f"sq. {s}", f"sq{s}"],
                _Entry(f"{expr} ** 2", "quantity", "area"))
            add([f"{s}3", f"{s}³", f"{s}^3", f"cu {s}", f"cu. {s}"],
                _Entry(f"{expr} ** 3", "quantity", "volume"))
    for expr, _words, symbols in _TEMPERATURES:
        add(symbols, _Entry(expr, "temperature", "temperature"))
    add(["C"], _Entry("degree_Celsius", "temperature", "temperature", "temp_letter"))
    add(["F"], _Entry("degree_Fahrenheit", "temperature", "temperature", "temp_letter"))
    add(["K"], _Entry("kelvin", "temperature", "temperature", "temp_letter"))
    add(["°", "º"], _Entry("degree", "quantity", "angle", "degree"))
    add(["%", "％"], _Entry("percent", "percent", "percent"))
    add(["pp", "ppt", "pts"], _Entry("percentage_point", "percentage_points", "percentage_point"))
    add(["″"], _Entry("inch", "quantity", "length", "glued"))
    add(["′"], _Entry("foot", "quantity", "length", "glued"))
    add(['"', "”"], _Entry("inch", "quantity", "length", "quote_mark"))
    add(["'", "’"], _Entry("foot", "quantity", "length", "quote_mark"))
    for code, symbols in _MONEY_SUFFIX_SYMBOLS.items():
        rule = "glued" if symbols == ["p"] else None
        add(symbols, _Entry(code, "money", "money", rule))
    return out


def _norm_word(w: str) -> str:
    w = " ".join(w.lower().split())
    return w.replace(" - ", "-").replace("- ", "-").replace(" -", "-")


def unit_surfaces() -> tuple[list[str], list[str]]:
    """(case-insensitive words, case-sensitive symbols) for the pattern builder."""
    return list(_word_entries()), list(_symbol_entries())


def money_word_surfaces() -> list[str]:
    """Money words after a number ("dollars", "shekels", "pounds") for vague amounts."""
    words = [w for ws in _MONEY_WORDS.values() for w in ws] + list(_FRANCS)
    return [*words, "pounds", "pound"]


def currency_prefix_surfaces() -> tuple[list[str], list[str]]:
    """(case-sensitive prefixes, case-insensitive prefixes) for the pattern builder."""
    return list(CURRENCY_PREFIXES), list(CURRENCY_PREFIX_CASELESS)


# --------------------------------------------------------------------------------------
# lookup tables (built once from pint)

_tables: tuple[dict[str, UnitInfo], dict[str, UnitInfo]] | None = None
_tables_lock = threading.Lock()


def _info(entry: _Entry, canonical: dict[str, str]) -> UnitInfo:
    if entry.kind == "money":
        name = entry.expr
    elif entry.expr in canonical:
        name = canonical[entry.expr]
    else:
        name = entry.expr
    return UnitInfo(name, entry.kind, entry.dimension, entry.rule, entry.age, entry.scale)


def _build_tables() -> tuple[dict[str, UnitInfo], dict[str, UnitInfo]]:
    global _tables
    if _tables is None:
        with _tables_lock:
            if _tables is None:
                words = _word_entries()
                symbols = _symbol_entries()
                ureg = registry()
                canonical: dict[str, str] = {}
                for entry in [*words.values(), *symbols.values()]:
                    if entry.kind == "money" or entry.expr in canonical:
                        continue
                    canonical[entry.expr] = str(ureg.Unit(entry.expr))
                _tables = (
                    {k: _info(e, canonical) for k, e in words.items()},
                    {k: _info(e, canonical) for k, e in symbols.items()},
                )
    return _tables


@lru_cache(maxsize=4096)
def lookup(surface: str) -> UnitInfo | None:
    """The unit written as ``surface`` (exactly as matched by the pattern), or None."""
    words, symbols = _build_tables()
    s = surface.strip()
    for strip in ("(", ")", "[", "]", "{", "}", "<", ">"):
        s = s.replace(strip, "")
    s = s.strip()
    if s in symbols:
        return symbols[s]
    key = _norm_word(s)
    if key in words:
        return words[key]
    # "° C" typed with odd spacing, "sq.mi"
    compact = "".join(s.split())
    if compact in symbols:
        return symbols[compact]
    return None


def money_unit(code: str) -> UnitInfo:
    return UnitInfo(code, "money", "money")


PERCENT = UnitInfo("percent", "percent", "percent")
AGE_YEARS = UnitInfo("year", "age", "time", None, True)


def meter() -> UnitInfo:
    return _build_tables()[1]["m"]


def angle_degree() -> UnitInfo:
    return UnitInfo("degree", "quantity", "angle")


@lru_cache(maxsize=512)
def rate_name(numerator: str, denominator: str) -> str:
    """Canonical name of a rate ("oil_barrel", "day" -> "oil_barrel / day")."""
    return str(registry().Unit(f"{numerator} / {denominator}"))


def rate(info: UnitInfo, denominator: str) -> UnitInfo:
    if not info.name:
        return info
    return UnitInfo(rate_name(info.name, denominator), info.kind, "rate", None, False, info.scale)


@lru_cache(maxsize=512)
def dimension_of(name: str) -> str:
    """"time", "length", ... of a canonical unit name (from the lookup tables)."""
    words, symbols = _build_tables()
    for info in (*symbols.values(), *words.values()):
        if info.name == name:
            return info.dimension
    return "other"
