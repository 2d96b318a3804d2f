"""Compare claims across sources: group what is counted, judge the intervals.

Input is the claim table (:data:`claimcheck.table.CLAIM_SCHEMA`); output is one row
per group (:data:`GROUP_SCHEMA`) and, for ``--detail``, one row per claim
(:data:`DETAIL_SCHEMA`).

Groups
    A group is every claim with the same ``concept``, the same ``role`` (a level is
    never set against a change or a ratio) and the same unit dimension
    (:func:`claimcheck.units.dimension`: counts, percent, percentage points, lengths
    ... are apart). Money is one group key (``[currency]``) so that a desk sees EUR
    and USD figures about one budget side by side, but each currency stays its own
    pint dimension: two currencies are only compared through a rate table
    (``rates``); without one such a pair is ``incomparable``. Claims without a
    concept, with a unit the registry does not know, or without any figure are left
    out of the groups and counted in :attr:`Comparison.left_out`.

    Inside a group every figure is converted (pint, one registry) to the group's
    unit: the most frequent unit among the claims (ties: alphabetical), so "50
    miles" and "80 km" are compared in kilometres. A figure that had to be
    converted is read as rounded to its last written significant digit (each
    finite bound widened by half a unit of that digit before conversion: "50
    miles" is 49.5 to 50.5 miles, "1.9 billion" is 1.85 to 1.95 billion), because
    whoever wrote "80 km" for 50 miles rounded too; so "50 miles" and "80 km"
    agree while "160 km" and "50 miles" conflict. Figures already in the group's
    unit are not widened.

Intervals
    Each claim is its interval ``[low, high]`` (null = unbounded on that side; a
    claim with only ``value`` is the point ``[value, value]``). Bounds are treated
    as closed: "more than 94,000" and "94,000" share the point 94,000 (news rounding
    makes them one statement in practice).

Pair verdicts
    ``consistent``  the two intervals share a point.
    ``near``        they are disjoint and the gap, relative to the larger magnitude
                    of the two facing bounds (``gap / max(|a.high|, |b.low|)``), is at
                    most the tolerance (``rules/compare.yaml``, default 2 %;
                    ``tolerance=`` overrides; it must lie in [0, 1)).
    ``conflict``    disjoint beyond the tolerance.
    ``different_period``
                    disjoint, but both claims name a time frame and the time frames
                    differ ("in 2020" vs "in 2021", "im November" vs "Ende Januar").
                    Different time frames are not a conflict on that basis alone; a
                    claim without a period is compared with every period.
    ``incomparable`` the units cannot be converted (EUR vs USD without a rate).

    Periods are compared after a light normalisation: ISO forms stay as they are;
    a month name with an optional year, introduced only by one of the
    ``period_plain_words`` of rules/compare.yaml ("im November", "in November 2021",
    "en novembre"), becomes ``YYYY-MM`` (or ``--MM`` without a year, which joins
    the one ``YYYY-MM`` of that month in the group if there is exactly one).
    Anything else is compared as written, case-insensitively, so "Ende Januar" and
    "im Januar" are different periods. Different granularity ("2021" vs "2021-11")
    is a different period.

Group verdict
    The group's verdict is the most severe verdict among all its pairs, in the order
    ``conflict > near > different_period > consistent > incomparable``: an
    incomparable pair never hides a judgement made on other pairs (the ``note``
    column names the claims that could not be compared). A group of one claim is
    ``single``. Pairs within one source are compared too; ``same_source`` says
    whether the deciding pair comes from one source.

    On a line, the most distant pair of intervals is always (the one with the
    highest low, the one with the lowest high), and with a tolerance below 1 the
    relative gap is largest for that pair too (pairs straddling zero have a
    relative gap of at least 1). So the worst pairwise verdict of a claim is
    found from per-period extremes in O(claims x periods), not O(claims²).

``spread`` is the distance between the furthest-apart intervals of the group's
unit (0 when all share a point), ``spread_rel`` the same relative to the larger
facing bound; ``worst`` names the pair that decides the verdict and its gap.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import polars as pl

from .errors import InputError, RulesError
from .lexicon import load_yaml, rules_dir, strip_lines
from .table import CLAIM_COLUMNS, CLAIM_SCHEMA
from .units import UnitError, convert, dimension

__all__ = [
    "CONFLICT",
    "CONSISTENT",
    "DETAIL_SCHEMA",
    "DIFFERENT_PERIOD",
    "GROUP_SCHEMA",
    "INCOMPARABLE",
    "NEAR",
    "SEVERITY",
    "SINGLE",
    "Comparison",
    "Rates",
    "as_rates",
    "compare",
    "compare_claims",
    "get_settings",
    "pair_verdict",
    "period_key",
    "read_rates",
]

CONSISTENT = "consistent"
NEAR = "near"
CONFLICT = "conflict"
DIFFERENT_PERIOD = "different_period"
INCOMPARABLE = "incomparable"
SINGLE = "single"

#: Higher is more severe; a group's verdict is its most severe pair verdict.
SEVERITY: dict[str, int] = {
    CONFLICT: 5,
    NEAR: 4,
    DIFFERENT_PERIOD: 3,
    CONSISTENT: 2,
    INCOMPARABLE: 1,
    SINGLE: 0,
}

MONEY_DIMENSION = "[currency]"
CURRENCY_PREFIX = "[currency_"
COUNT_UNIT = "dimensionless"

GROUP_SCHEMA = pl.Schema(
    {
        "group": pl.Int64,
        "verdict": pl.String,
        "concept": pl.String,
        "role": pl.String,
        "unit": pl.String,
        "claims": pl.Int64,
        "sources": pl.Int64,
        "low": pl.Float64,
        "high": pl.Float64,
        "spread": pl.Float64,
        "spread_rel": pl.Float64,
        "same_source": pl.Boolean,
        "periods": pl.String,
        "mixed_periods": pl.Boolean,
        "worst": pl.String,
        "statements": pl.String,
        "note": pl.String,
    }
)

_DETAIL_HEAD = {
    "group": pl.Int64,
    "group_verdict": pl.String,
    "verdict": pl.String,
    "gap": pl.Float64,
    "gap_rel": pl.Float64,
    "versus": pl.String,
    "norm_unit": pl.String,
    "norm_low": pl.Float64,
    "norm_high": pl.Float64,
}
DETAIL_SCHEMA = pl.Schema({**_DETAIL_HEAD, **dict(CLAIM_SCHEMA)})

STATEMENT_SEPARATOR = " | "
PERIOD_SEPARATOR = "; "


# --------------------------------------------------------------------------
# settings (rules/compare.yaml)

SETTINGS_FILE = "compare.yaml"


@dataclass(frozen=True, slots=True)
class Settings:
    tolerance: float
    period_plain_words: tuple[str, ...]
    max_statements: int


def check_tolerance(value: float, where: str = "tolerance") -> float:
    """A relative tolerance must be a finite fraction in [0, 1)."""
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value < 1:
        raise ValueError(f"{where} must be a relative fraction in [0, 1), got {value!r}")
    return float(value)


@cache
def get_settings() -> Settings:
    """rules/compare.yaml, validated (RulesError names file and line)."""
    path = rules_dir() / SETTINGS_FILE
    raw = load_yaml(path)
    lines = raw.get("__lines__", {})
    data = strip_lines(raw)
    try:
        tolerance = check_tolerance(data.get("tolerance"))
    except ValueError as exc:
        raise RulesError(str(path), lines.get("tolerance"), str(exc)) from None
    words = data.get("period_plain_words") or {}
    if not isinstance(words, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) and w.strip() for w in v)
        for v in words.values()
    ):
        raise RulesError(
            str(path), lines.get("period_plain_words"),
            "period_plain_words must map a language to a list of words",
        )
    max_statements = data.get("max_statements", 8)
    if type(max_statements) is not int or max_statements < 1:
        raise RulesError(str(path), lines.get("max_statements"), "max_statements must be >= 1")
    flat = tuple(sorted({" ".join(w.split()).casefold() for v in words.values() for w in v},
                        key=len, reverse=True))
    return Settings(tolerance, flat, max_statements)


# --------------------------------------------------------------------------
# periods

ISO_PERIOD_RE = re.compile(
    r"""^(?P<year>[0-9]{4})           # 2021
        (?:-(?P<month>[01][0-9])      # -12
           (?:-(?P<day>[0-3][0-9]))?  # -03
        )?$""",
    re.VERBOSE,
)
YEAR_PART = r"(?P<year>[0-9]{4})"


@cache
def _month_period_re() -> re.Pattern[str]:
    """Optional plain words, a month name, an optional year (all casefolded)."""
    from .dates import month_names

    months = sorted(month_names(), key=len, reverse=True)
    month_part = "(?P<month>" + "|".join(re.escape(m) for m in months) + r")\.?"
    words = get_settings().period_plain_words
    plain_part = "(?:(?:" + "|".join(re.escape(w) for w in words) + r")\s+)?" if words else ""
    return re.compile(rf"^{plain_part}{month_part}(?:\s+{YEAR_PART})?$")


@lru_cache(maxsize=4096)
def period_key(period: str | None) -> str | None:
    """The comparison key of a period: ISO as is, "im November" → "--11", else as written."""
    if period is None:
        return None
    text = " ".join(period.split()).casefold()
    if not text:
        return None
    if ISO_PERIOD_RE.match(text):
        return text
    m = _month_period_re().match(text)
    if m:
        from .dates import month_names

        month = month_names()[m.group("month")]
        year = m.group("year")
        return f"{year}-{month:02d}" if year else f"--{month:02d}"
    return text


def _resolve_yearless(keys: list[str | None]) -> list[str | None]:
    """"--11" joins the group's one "YYYY-11" when there is exactly one."""
    by_month: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        if k and len(k) == 7 and k[4] == "-" and k[:4].isdigit():
            by_month[k[5:]].add(k)
    out = []
    for k in keys:
        if k and k.startswith("--") and len(by_month.get(k[2:], ())) == 1:
            k = next(iter(by_month[k[2:]]))
        out.append(k)
    return out


# --------------------------------------------------------------------------
# rates


class Rates:
    """Currency exchange rates: ``1 from = rate to``; inverse and chained rates are used."""

    def __init__(self, pairs: Mapping[tuple[str, str], float] | None = None) -> None:
        self._edges: dict[str, dict[str, float]] = defaultdict(dict)
        for (a, b), rate in (pairs or {}).items():
            if not (isinstance(rate, int | float) and math.isfinite(rate) and rate > 0):
                raise ValueError(f"rate {a}->{b} must be a positive number, got {rate!r}")
            self._edges[a][b] = float(rate)
            self._edges[b].setdefault(a, 1.0 / float(rate))
        self._cache: dict[tuple[str, str], float | None] = {}

    def __bool__(self) -> bool:
        return bool(self._edges)

    def factor(self, a: str, b: str) -> float | None:
        """How many ``b`` one ``a`` is worth, or None when no chain of rates links them."""
        if a == b:
            return 1.0
        key = (a, b)
        if key not in self._cache:
            self._cache[key] = self._search(a, b)
        return self._cache[key]

    def _search(self, a: str, b: str) -> float | None:
        seen = {a: 1.0}
        queue = deque([a])
        while queue:
            cur = queue.popleft()
            for nxt, rate in self._edges.get(cur, {}).items():
                if nxt not in seen:
                    seen[nxt] = seen[cur] * rate
                    if nxt == b:
                        return seen[nxt]
                    queue.append(nxt)
        return None


RATE_COLUMNS = ("from", "to", "rate")


def read_rates(path: str | Path) -> Rates:
    """A rates CSV (columns from, to, rate; optional as_of). Errors name row and column."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise InputError(name, f"cannot read rates: {reason}") from exc
    pairs: dict[tuple[str, str], float] = {}
    for row, line, rec in read_table_rows(name, text, RATE_COLUMNS):
        src, dst = rec["from"].strip().upper(), rec["to"].strip().upper()
        for col, code in (("from", src), ("to", dst)):
            if not code:
                raise table_error(name, row, line, col, "is empty")
            try:
                dim = dimension(code)
            except UnitError:
                dim = ""
            if not dim.startswith(CURRENCY_PREFIX):
                raise table_error(name, row, line, col, f"{code!r} is not a known currency code")
        rate = parse_number(name, row, line, "rate", rec["rate"], required=True)
        if rate is None or rate <= 0:
            raise table_error(name, row, line, "rate", f"{rec['rate']!r} must be a positive number")
        pairs[(src, dst)] = rate
    return Rates(pairs)


def table_error(path: str, row: int, line: int, column: str, msg: str) -> InputError:
    return InputError(path, f"row {row} (line {line}), column '{column}': {msg}")


def read_table_rows(path: str, text: str, required: Iterable[str]):
    """(row number, line number, record) of a small CSV; checks the header first."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(path, "empty file: expected a header row") from None
    except csv.Error as exc:
        raise InputError(path, f"header (line 1): {exc}") from None
    names = [h.strip().lower() for h in header]
    missing = [c for c in required if c not in names]
    if missing:
        cols = ", ".join(map(repr, missing))
        raise InputError(path, f"header (line 1): missing column(s) {cols}")
    row = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(path, f"row {row + 1} (line {reader.line_num}): {exc}") from None
        if not any(c.strip() for c in cells):
            continue
        row += 1
        if len(cells) != len(names):
            raise InputError(
                path, f"row {row} (line {reader.line_num}): {len(cells)} cells, "
                f"the header has {len(names)}",
            )
        yield row, reader.line_num, dict(zip(names, cells, strict=True))


def parse_number(path: str, row: int, line: int, column: str, cell: str | None,
                 *, required: bool = False) -> float | None:
    """A plain number cell (``1200000``, ``4.2``, ``1e9``); empty → None."""
    text = (cell or "").strip()
    if not text:
        if required:
            raise table_error(path, row, line, column, "is empty")
        return None
    try:
        value = float(text)
    except ValueError:
        raise table_error(
            path, row, line, column, f"{text!r} is not a plain number (write 1200000 or 4.2)"
        ) from None
    if not math.isfinite(value):
        raise table_error(path, row, line, column, f"{text!r} is not a finite number")
    return value


def as_rates(rates: Rates | Mapping | str | Path | None) -> Rates:
    if rates is None:
        return Rates()
    if isinstance(rates, Rates):
        return rates
    if isinstance(rates, str | Path):
        return read_rates(rates)
    return Rates(rates)


# --------------------------------------------------------------------------
# conversion


class Converter:
    """Affine maps between units (pint: x -> a + b*x), and currencies through rates."""

    def __init__(self, rates: Rates) -> None:
        self.rates = rates
        self._maps: dict[tuple[str, str], tuple[float, float] | None] = {}

    def affine(self, src: str, dst: str) -> tuple[float, float] | None:
        key = (src, dst)
        if key not in self._maps:
            self._maps[key] = self._build(src, dst)
        return self._maps[key]

    def _build(self, src: str, dst: str) -> tuple[float, float] | None:
        if src == dst:
            return (0.0, 1.0)
        try:
            d_src, d_dst = _dimension(src), _dimension(dst)
        except UnitError:
            return None
        if d_src.startswith(CURRENCY_PREFIX) and d_dst.startswith(CURRENCY_PREFIX):
            f = self.rates.factor(_currency(src), _currency(dst))
            return None if f is None else (0.0, f)
        try:
            a = convert(0.0, src, dst)
            b = convert(1.0, src, dst) - a
        except UnitError:
            return None
        return (a, b)

    def convert(self, x: float | None, src: str, dst: str) -> float | None:
        if x is None:
            return None
        m = self.affine(src, dst)
        if m is None:
            raise UnitError(f"cannot convert {src!r} to {dst!r}")
        return m[0] + m[1] * x


@cache
def _dimension(unit: str) -> str:
    return dimension(unit)


@cache
def _currency(unit: str) -> str:
    dim = _dimension(unit)
    return dim[len(CURRENCY_PREFIX):-1] if dim.startswith(CURRENCY_PREFIX) else unit


def group_dimension(unit: str) -> str:
    """The dimension part of a group key: money is one key, else units.dimension()."""
    dim = _dimension(unit)
    return MONEY_DIMENSION if dim.startswith(CURRENCY_PREFIX) else dim


# --------------------------------------------------------------------------
# interval arithmetic

INF = math.inf


def gap_between(a_low: float | None, a_high: float | None,
                b_low: float | None, b_high: float | None) -> tuple[float, float]:
    """(absolute gap, relative gap) between two closed intervals; (0, 0) when they meet."""
    lo_a = -INF if a_low is None else a_low
    hi_a = INF if a_high is None else a_high
    lo_b = -INF if b_low is None else b_low
    hi_b = INF if b_high is None else b_high
    if hi_a < lo_b:
        return _gap(hi_a, lo_b)
    if hi_b < lo_a:
        return _gap(hi_b, lo_a)
    return 0.0, 0.0


def _gap(below: float, above: float) -> tuple[float, float]:
    gap = above - below
    return gap, gap / max(abs(below), abs(above))


def judge_gap(gap: float, rel: float, tolerance: float) -> str:
    if gap <= 0:
        return CONSISTENT
    return NEAR if rel <= tolerance else CONFLICT


def pair_verdict(a: tuple[float | None, float | None], b: tuple[float | None, float | None],
                 tolerance: float | None = None, *, same_period: bool = True) -> str:
    """Verdict of two intervals in one unit (``(low, high)``, None = unbounded)."""
    tol = get_settings().tolerance if tolerance is None else check_tolerance(tolerance)
    gap, rel = gap_between(a[0], a[1], b[0], b[1])
    verdict = judge_gap(gap, rel, tol)
    if verdict != CONSISTENT and not same_period:
        return DIFFERENT_PERIOD
    return verdict


# one written figure: digits with group/decimal separators between them ("1,900,000",
# "94 000", "1'234.5", "1.9")
DIGIT_RUN_RE = re.compile(
    r"""[0-9]                                  # first digit
        (?:[0-9]|[.,'\u2019\u00a0\u202f ](?=[0-9]))*  # more digits, separators between digits
    """,
    re.VERBOSE,
)


def half_precision(x: float, text: str | None) -> float:
    """Half a unit of the last significant digit of ``x`` as the claim wrote it.

    With one figure in the text its written digits count ("1.9 billion" → 2
    significant digits → 50 million; "80 km" → 0.5; "1,900,000,000" → 0.5); otherwise
    (ranges, number words) the float's own last digit (:func:`half_last_digit`).
    """
    runs = DIGIT_RUN_RE.findall(text or "")
    if len(runs) != 1 or x == 0 or not math.isfinite(x):
        return half_last_digit(x)
    digits = "".join(ch for ch in runs[0] if ch.isdigit()).lstrip("0")
    if not digits:
        return half_last_digit(x)
    exponent = math.floor(math.log10(abs(x))) - len(digits) + 1
    return 0.5 * 10.0**exponent


def half_last_digit(x: float) -> float:
    """Half a unit of the last digit ``x`` is written with (50 → 0.5, 4.2 → 0.05)."""
    text = repr(abs(float(x)))
    if "e" in text or "n" in text:  # 1e+21, inf, nan: no digit to read
        return 0.0
    _whole, _, frac = text.partition(".")
    decimals = 0 if frac in ("", "0") else len(frac)
    return 0.5 * 10.0**-decimals


class _Extremes:
    """Highest low and lowest high of a set of intervals, with who holds them."""

    __slots__ = ("max_low", "max_low_at", "min_high", "min_high_at")

    def __init__(self) -> None:
        self.max_low = -INF
        self.max_low_at = -1
        self.min_high = INF
        self.min_high_at = -1

    def add(self, i: int, low: float, high: float) -> None:
        if low > self.max_low or (low == self.max_low and i < self.max_low_at):
            self.max_low, self.max_low_at = low, i
        if high < self.min_high or (high == self.min_high and i < self.min_high_at):
            self.min_high, self.min_high_at = high, i

    def merged(self, other: _Extremes) -> _Extremes:
        out = _Extremes()
        for ext in (self, other):
            if ext.max_low_at >= 0:
                out.add(ext.max_low_at, ext.max_low, INF)
            if ext.min_high_at >= 0:
                out.add(ext.min_high_at, -INF, ext.min_high)
        return out

    def worst_for(self, low: float, high: float) -> tuple[float, float, int]:
        """(gap, rel, counterpart) of the interval's most distant partner in this set."""
        best = (0.0, 0.0, -1)
        if self.max_low_at >= 0 and self.max_low > high:
            g, r = _gap(high, self.max_low)
            best = (g, r, self.max_low_at)
        if self.min_high_at >= 0 and self.min_high < low:
            g, r = _gap(self.min_high, low)
            if (r, g) > (best[1], best[0]):
                best = (g, r, self.min_high_at)
        return best


# --------------------------------------------------------------------------
# compare


@dataclass
class Comparison:
    """The result of :func:`compare_claims`: groups, per-claim detail, what was left out."""

    groups: pl.DataFrame
    detail: pl.DataFrame
    left_out: dict[str, int] = field(default_factory=dict)
    claims: int = 0
    tolerance: float = 0.0

    @property
    def conflicts(self) -> int:
        return int((self.groups["verdict"] == CONFLICT).sum()) if self.groups.height else 0

    def summary(self) -> str:
        """One line for standard error."""
        counts = Counter(self.groups["verdict"].to_list()) if self.groups.height else Counter()
        verdicts = ", ".join(
            f"{counts[v]} {v}" for v in sorted(counts, key=lambda v: -SEVERITY[v])
        )
        compared = self.claims - sum(self.left_out.values())
        line = (
            f"compared {compared} of {self.claims} claims in {self.groups.height} "
            f"group{'' if self.groups.height == 1 else 's'}"
            + (f" ({verdicts})" if verdicts else "")
            + f"; tolerance {self.tolerance:.2%}"
        )
        parts = ", ".join(f"{n} {why}" for why, n in sorted(self.left_out.items()))
        return f"{line}; left out: {parts or 'none'}"


NEEDED = ("source", "line", "column", "text", "value", "low", "high", "unit", "role",
          "period", "concept", "speaker", "ambiguous")

LEFT_NO_CONCEPT = "without a concept"
LEFT_BAD_UNIT = "with an unknown unit"
LEFT_NO_FIGURE = "without a figure"


def compare(frame: pl.DataFrame, tolerance: float | None = None,
            rates: Rates | Mapping | str | Path | None = None) -> pl.DataFrame:
    """One row per group of comparable claims (GROUP_SCHEMA), most severe first."""
    return compare_claims(frame, tolerance=tolerance, rates=rates).groups


def compare_claims(frame: pl.DataFrame, tolerance: float | None = None,
                   rates: Rates | Mapping | str | Path | None = None) -> Comparison:
    """Group, convert and judge the claims of ``frame`` (CLAIM_SCHEMA columns)."""
    tol = get_settings().tolerance if tolerance is None else check_tolerance(tolerance)
    conv = Converter(as_rates(rates))
    missing = [c for c in NEEDED if c not in frame.columns]
    if missing:
        raise ValueError(f"claim frame lacks column(s): {', '.join(missing)}")
    # a canonical row order first, so that ties are broken the same way whatever the
    # order of the input (verdicts, pairs and rows do not depend on source order)
    frame = frame.sort([c for c in CLAIM_COLUMNS if c in frame.columns], nulls_last=True,
                       maintain_order=True)
    cols = frame.select(NEEDED).to_dict(as_series=False)
    n = frame.height
    left_out: Counter[str] = Counter()

    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    lows: list[float | None] = [None] * n
    highs: list[float | None] = [None] * n
    for i in range(n):
        concept = cols["concept"][i]
        if concept is None or not concept.strip():
            left_out[LEFT_NO_CONCEPT] += 1
            continue
        low, high, value = cols["low"][i], cols["high"][i], cols["value"][i]
        low, high, value = (_finite(x) for x in (low, high, value))
        if low is None and high is None:
            if value is None:
                left_out[LEFT_NO_FIGURE] += 1
                continue
            low = high = value
        if low is not None and high is not None and low > high:
            low, high = high, low
        unit = cols["unit"][i] or COUNT_UNIT
        try:
            dim = group_dimension(unit)
        except UnitError:
            left_out[LEFT_BAD_UNIT] += 1
            continue
        cols["unit"][i] = unit
        lows[i], highs[i] = low, high
        groups[(concept, cols["role"][i] or "", dim)].append(i)

    judged = [
        _judge_group(key, members, cols, lows, highs, conv, tol)
        for key, members in groups.items()
    ]
    judged.sort(key=lambda g: g.sort_key)
    group_rows: list[dict] = []
    head: dict[str, list] = {name: [] for name in _DETAIL_HEAD}
    taken: list[int] = []
    for gid, g in enumerate(judged, start=1):
        group_rows.append({"group": gid, **g.row})
        for i in g.order:
            taken.append(i)
            head["group"].append(gid)
            head["group_verdict"].append(g.row["verdict"])
            for name, value in g.claim_rows[i].items():
                head[name].append(value)
    claims_part = frame.select([pl.col(c).cast(t) if c in frame.columns else
                                pl.lit(None, dtype=t).alias(c)
                                for c, t in CLAIM_SCHEMA.items()])[taken]
    detail = pl.concat([pl.DataFrame(head, schema=_DETAIL_HEAD), claims_part],
                       how="horizontal")
    return Comparison(
        groups=_frame(group_rows, GROUP_SCHEMA),
        detail=detail,
        left_out=dict(left_out),
        claims=n,
        tolerance=tol,
    )


def _frame(rows: list[dict], schema: pl.Schema) -> pl.DataFrame:
    return pl.DataFrame(rows or None, schema=schema)


def _finite(x: float | None) -> float | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return x


@dataclass
class _Judged:
    sort_key: tuple
    row: dict
    order: list[int]
    claim_rows: dict[int, dict]


def _most_common_unit(units: Iterable[str]) -> str:
    counts = Counter(units)
    return min(counts, key=lambda u: (-counts[u], u))


def _judge_group(key, members, cols, lows, highs, conv: Converter, tol: float) -> _Judged:
    concept, role, dim = key
    units = [cols["unit"][i] for i in members]

    # conversion classes: one per dimension; currencies joined by the rate table
    classes: dict[str, list[int]] = defaultdict(list)
    if dim == MONEY_DIMENSION:
        roots: dict[str, str] = {}
        for i, u in zip(members, units, strict=True):
            cur = _currency(u)
            if cur not in roots:
                roots[cur] = next(
                    (r for r in roots.values() if conv.rates.factor(cur, r) is not None), cur
                )
            classes[roots[cur]].append(i)
    else:
        classes[dim] = list(members)

    period_keys = dict(zip(
        members, _resolve_yearless([period_key(cols["period"][i]) for i in members]), strict=True
    ))

    norm: dict[int, tuple[float, float, str]] = {}  # i -> (low, high, class unit); ±inf open
    claim_rows: dict[int, dict] = {}
    deciding: tuple | None = None  # (severity, rel, gap, i, j)
    multi = len(classes) > 1
    class_units: dict[str, str] = {}
    for cid, idx in classes.items():
        target = _most_common_unit(cols["unit"][i] for i in idx)
        class_units[cid] = target
        for i in idx:
            u = cols["unit"][i]
            lo, hi = lows[i], highs[i]
            if u != target:  # a converted figure: read each bound as rounded (see docstring)
                text = cols["text"][i]
                lo = None if lo is None else lo - half_precision(lo, text)
                hi = None if hi is None else hi + half_precision(hi, text)
            lo = conv.convert(lo, u, target)
            hi = conv.convert(hi, u, target)
            if lo is not None and hi is not None and lo > hi:  # a decreasing affine map
                lo, hi = hi, lo
            norm[i] = (-INF if lo is None else lo, INF if hi is None else hi, target)
        if len(idx) == 1:
            i = idx[0]
            claim_rows[i] = _claim_row(INCOMPARABLE if multi else SINGLE, 0.0, 0.0, None,
                                       norm[i], cols)
            continue
        all_ext = _Extremes()
        by_period: dict[str | None, _Extremes] = defaultdict(_Extremes)
        for i in idx:
            lo, hi, _ = norm[i]
            all_ext.add(i, lo, hi)
            by_period[period_keys[i]].add(i, lo, hi)
        null_ext = by_period.get(None, _Extremes())
        compat_of = {p: all_ext if p is None else ext.merged(null_ext)
                     for p, ext in by_period.items()}
        for i in idx:
            lo, hi, _ = norm[i]
            p = period_keys[i]
            compat = compat_of[p]
            gap, rel, other = compat.worst_for(lo, hi)
            verdict = judge_gap(gap, rel, tol)
            if p is not None:
                gap_all, rel_all, other_all = all_ext.worst_for(lo, hi)
                if gap_all > gap and SEVERITY[verdict] < SEVERITY[DIFFERENT_PERIOD]:
                    verdict, gap, rel, other = DIFFERENT_PERIOD, gap_all, rel_all, other_all
            claim_rows[i] = _claim_row(verdict, gap, rel, other, norm[i], cols)
            cand = (SEVERITY[verdict], rel, gap, *sorted((i, other)))
            if other >= 0 and (deciding is None or _better(cand, deciding)):
                deciding = cand

    verdict = max((r["verdict"] for r in claim_rows.values()), key=SEVERITY.__getitem__)
    if deciding is not None:  # the unit of the pair that decides the verdict
        shown_class = next(c for c, idx in classes.items() if deciding[3] in idx)
    else:  # else the largest class
        shown_class = min(classes, key=lambda c: (-len(classes[c]), class_units[c]))
    shown = classes[shown_class]
    unit = class_units[shown_class]
    lo_all = min(norm[i][0] for i in shown)
    hi_all = max(norm[i][1] for i in shown)
    max_low = max(norm[i][0] for i in shown)
    min_high = min(norm[i][1] for i in shown)
    spread = max(0.0, max_low - min_high) if len(shown) > 1 else 0.0
    spread_rel = _gap(min_high, max_low)[1] if spread > 0 and math.isfinite(spread) else 0.0

    order = sorted(members, key=lambda i: (norm[i][0], norm[i][1], cols["source"][i] or "",
                                           cols["line"][i] or 0, cols["column"][i] or 0))
    period_values = sorted({(cols["period"][i] or "").strip() for i in members} - {""})
    nonnull_keys = {period_keys[i] for i in members} - {None}
    worst = None
    same_source = None
    notes: list[str] = []
    if deciding is not None:
        _, rel, gap, a, b = deciding
        if (norm[b][0], norm[b][1]) < (norm[a][0], norm[a][1]):  # lower figure first
            a, b = b, a
        same_source = cols["source"][a] == cols["source"][b]
        worst = (f"{_who(a, cols)} vs {_who(b, cols)}: gap {format_number(gap)}"
                 f"{_unit_suffix(unit)} ({rel:.1%})")
        if same_source:
            notes.append("deciding pair within one source")
        amb = [i for i in (a, b) if cols["ambiguous"][i]]
        if amb:
            notes.append("number convention guessed for " + ", ".join(_who(i, cols) for i in amb))
    if multi:
        others = [c for c in classes if c != shown_class]
        for c in sorted(others, key=lambda c: class_units[c]):
            k = len(classes[c])
            notes.append(
                f"{k} claim{'s' if k > 1 else ''} in {class_units[c]} not comparable with "
                f"{unit} (no rate links them)"
            )
    row = {
        "verdict": verdict,
        "concept": concept,
        "role": role or None,
        "unit": unit,
        "claims": len(members),
        "sources": len({cols["source"][i] for i in members}),
        "low": None if math.isinf(lo_all) else lo_all,
        "high": None if math.isinf(hi_all) else hi_all,
        "spread": spread if math.isfinite(spread) else None,
        "spread_rel": spread_rel,
        "same_source": same_source,
        "periods": PERIOD_SEPARATOR.join(period_values) or None,
        "mixed_periods": len(nonnull_keys) > 1,
        "worst": worst,
        "statements": STATEMENT_SEPARATOR.join(statement(i, cols) for i in order),
        "note": "; ".join(notes) or None,
    }
    sort_key = (-SEVERITY[verdict], -(deciding[1] if deciding else 0.0), concept, role, dim)
    return _Judged(sort_key, row, order, claim_rows)


def _better(a: tuple, b: tuple) -> bool:
    """Deciding pair: more severe, then larger relative gap, then lower indices (stable)."""
    return (a[0], a[1], a[2], -a[3], -a[4]) > (b[0], b[1], b[2], -b[3], -b[4])


def _claim_row(verdict: str, gap: float, rel: float, other: int | None,
               norm: tuple[float, float, str], cols: dict) -> dict:
    lo, hi, unit = norm
    return {
        "verdict": verdict,
        "gap": gap,
        "gap_rel": rel,
        "versus": _who(other, cols) if other is not None and other >= 0 and gap > 0 else None,
        "norm_unit": unit,
        "norm_low": None if math.isinf(lo) else lo,
        "norm_high": None if math.isinf(hi) else hi,
    }


def _who(i: int, cols: dict) -> str:
    return f"{cols['source'][i]}: {cols['text'][i]}"


def statement(i: int, cols: dict) -> str:
    """"source: text (speaker; period)" with absent parts left out."""
    extra = [x for x in (cols["speaker"][i], cols["period"][i]) if x]
    tail = f" ({'; '.join(extra)})" if extra else ""
    return f"{cols['source'][i]}: {cols['text'][i]}{tail}"


# --------------------------------------------------------------------------
# formatting helpers shared by the renderers

UNIT_SHORT = {COUNT_UNIT: "", "percent": "%", "percentage_point": " pp"}


def _unit_suffix(unit: str | None) -> str:
    if unit is None:
        return ""
    if unit in UNIT_SHORT:
        return UNIT_SHORT[unit]
    return f" {unit}"


def unit_label(unit: str | None) -> str:
    """A short label for a unit: '' for counts, '%' for percent, else the name."""
    return _unit_suffix(unit).strip()


def format_number(x: float | None) -> str:
    """94000 → '94,000'; 4.2 → '4.2'; 1.2e9 → '1,200,000,000'; None → '∞'."""
    if x is None or math.isinf(x):
        return "∞"
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    digits = 3 if abs(x) < 1000 else 1
    return f"{x:,.{digits}f}".rstrip("0").rstrip(".")


def format_interval(low: float | None, high: float | None, unit: str | None = None) -> str:
    """'94,000', '95,000–100,000', '≥ 94,000', '≤ 3', 'any' (plus a short unit)."""
    suffix = _unit_suffix(unit)
    if low is None and high is None:
        return "any"
    if low is None:
        return f"≤ {format_number(high)}{suffix}"
    if high is None:
        return f"≥ {format_number(low)}{suffix}"
    if low == high:
        return f"{format_number(low)}{suffix}"
    return f"{format_number(low)}–{format_number(high)}{suffix}"
