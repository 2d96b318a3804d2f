"""Full dates with a weekday ("Donnerstag, 3. Dezember 2021", "Friday, Dec. 3, 2021",
"vendredi 3 décembre 2021", "am Dienstag (7. Dezember)"), for the weekday check.

Weekday and month names come from Babel's CLDR tables (claimcheck.dates); the small
words between the parts ("den", "the", "of", ordinal suffixes) are the CC502 rule's
params in rules/lint/CC502.yaml, so no language word lives here.  Abbreviated weekday
names shorter than three letters ("Fr.", "Sa.") are left out: "Fr." is also the Swiss
franc.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from ..dates import DAY, MONTH_NUM, YEAR, month_names, weekday_names
from ..lexicon import WORD_GAP, alternation

SP = f"(?:{WORD_GAP})"
MIN_WEEKDAY_LETTERS = 3


@dataclass(frozen=True, slots=True)
class WeekdayDate:
    start: int
    end: int
    text: str
    weekday: int  # 0 = Monday
    weekday_text: str
    day: int
    month: int
    year: int | None


def _names_source(names: dict[str, int], min_letters: int) -> str:
    """Alternation of names, longest first; short (abbreviated) names may carry their dot."""
    keep = sorted({n.rstrip(".") for n in names if len(n.rstrip(".")) >= min_letters},
                  key=len, reverse=True)
    body = "|".join(regex.escape(n) + (r"\.?" if len(n) <= 5 else "") for n in keep)
    return rf"(?<![\p{{L}}])(?:{body})(?![\p{{L}}])"


@cache
def weekday_date_re(joiners: tuple[str, ...], day_suffixes: tuple[str, ...],
                    day_month_joiners: tuple[str, ...]) -> regex.Pattern:
    weekday = _names_source(weekday_names(), MIN_WEEKDAY_LETTERS)
    month = _names_source(month_names(), MIN_WEEKDAY_LETTERS)
    join = alternation(joiners)
    suffix = "|".join(regex.escape(s) for s in sorted(day_suffixes, key=len, reverse=True))
    suffix_src = rf"(?:\.|{suffix})?" if suffix else r"\.?"
    dm_join = alternation(day_month_joiners)
    return regex.compile(
        rf"""
        (?P<wd>{weekday})                                   # Donnerstag, Friday, vendredi, Fri.
        ,?{SP}?(?P<paren>\({SP}?)?(?:{join}{SP})?           # ", " / " (" / ", den "
        (?:
            (?P<d>{DAY}){suffix_src}{SP}(?:{dm_join}{SP})?  # 3. Dezember / 3rd of December
            (?P<mon>{month})(?:,?{SP}(?P<y>{YEAR}))?        #   … 2021
          | (?P<mon2>{month}){SP}(?P<d2>{DAY})              # Dec. 3
            (?:{suffix})?(?:,?{SP}(?P<y2>{YEAR}))?          #   …, 2021
          | (?P<d3>{DAY})\.(?P<m3>{MONTH_NUM})\.(?P<y3>{YEAR})?   # 3.12.2021, 3.12.
        )
        (?![0-9\p{{L}}])
        (?(paren){SP}?\)?)                                    # the closing parenthesis
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _month_number(name: str) -> int | None:
    return month_names().get(name.rstrip(".").casefold())


def _weekday_number(name: str) -> int | None:
    names = weekday_names()
    return names.get(name.casefold(), names.get(name.rstrip(".").casefold()))


def find_weekday_dates(
    text: str,
    *,
    joiners: tuple[str, ...] = (),
    day_suffixes: tuple[str, ...] = (),
    day_month_joiners: tuple[str, ...] = (),
) -> Iterator[WeekdayDate]:
    """Every weekday + date in ``text``, with the year when it is written."""
    pattern = weekday_date_re(tuple(joiners), tuple(day_suffixes), tuple(day_month_joiners))
    for m in pattern.finditer(text):
        wd = _weekday_number(m.group("wd"))
        if wd is None:
            continue
        if m.group("d"):
            day, month, year = m.group("d"), _month_number(m.group("mon")), m.group("y")
        elif m.group("d2"):
            day, month, year = m.group("d2"), _month_number(m.group("mon2")), m.group("y2")
        else:
            day, month, year = m.group("d3"), int(m.group("m3")), m.group("y3")
        if month is None:
            continue
        yield WeekdayDate(m.start(), m.end(), m.group(0), wd, m.group("wd"), int(day), month,
                          int(year) if year else None)


def infer_year(day: int, month: int, reference: dt.date) -> int | None:
    """The year that puts day.month nearest to ``reference`` (a date a few days before
    New Year's Day in a January article is last year's)."""
    best: tuple[int, int] | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        dist = abs((d - reference).days)
        if best is None or dist < best[0]:
            best = (dist, year)
    return best[1] if best else None


def parse_reference(value: str | None) -> tuple[dt.date | None, int | None]:
    """A publication date: ISO date or datetime → (date, year); a bare year → (None, year)."""
    if not value:
        return None, None
    v = value.strip()
    try:
        return dt.date.fromisoformat(v[:10]), int(v[:4])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(v.replace("Z", "+00:00")).date(), int(v[:4])
    except ValueError:
        pass
    if len(v) == 4 and v.isdigit():
        return None, int(v)
    if len(v) == 7 and v[:4].isdigit() and v[4] == "-":
        return None, int(v[:4])
    return None, None
