"""Units and currencies: one pint registry, surface forms per language.

* ``get_registry()`` builds the application's ONE :class:`pint.UnitRegistry`
  lazily (pint defaults + ``rules/units.txt``) and makes it pint's application
  registry. Every currency is its own dimension (``[currency_EUR]``), so EUR
  and USD are never compared; ``percentage_point`` has its own dimension.
* Language words are data: ``rules/units/<lang>.yaml`` + ``common.yaml``,
  plus Babel's CLDR currency symbols/names and unit patterns. Building the
  tables and regexes needs Babel and PyYAML but never pint, and happens once
  per language (cached).
* ``canonical_unit`` maps a matched surface ("€", "Prozentpunkte", "d'euros",
  "km²") to a canonical unit name (a pint unit name or an ISO 4217 code).
  Currency symbols are never handed to pint (it would read "12 €" as a bare 12).
* ``dimension`` gives a grouping key: ``""`` for plain counts, ``"[percent]"``
  for percent/permille/ppm (pint itself treats them as dimensionless; here they
  are kept apart from counts), ``"[percentage_point]"``, ``"[currency_EUR]"``,
  else pint's dimensionality string (``"[length] ** 2"``). ``dimension`` and
  ``convert`` take canonical names or pint expressions; exact symbols ("%",
  "€", "pp") and, if pint does not know the string, words of any language are
  mapped first. Note: pint's "pound" stays the mass; only surface words map
  to GBP.
* Choices (documented in the yaml files): German "Grad" alone and French
  "degrés" alone mean degree Celsius; "Dollar"/"dollars" alone USD;
  "Franken"/"francs"/"Fr." CHF; "m" after a figure is the metre (the claim
  builder handles "$450m" = million before asking).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.errors import ClaimcheckError, RulesError

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable, Iterator

    import pint

__all__ = [
    "UnitError",
    "canonical_unit",
    "convert",
    "currency_before_pattern",
    "dimension",
    "get_registry",
    "unit_after_pattern",
]


class UnitError(ClaimcheckError, ValueError):
    """A unit that is unknown, or a conversion between different dimensions."""


# --------------------------------------------------------------------------
# rules files

_UNITS_FILE = "units.txt"
_UNITS_DIR = "units"
_COMMON = "common"
_ANY = "*"  # pseudo language: union of all languages

# Units pint treats as dimensionless ratios, kept apart from plain counts.
_PERCENT_UNITS = frozenset({"percent", "permille", "ppm"})
_PERCENT_DIM = "[percent]"
_POINT_UNITS = frozenset({"percentage_point", "basis_point"})
_POINT_DIM = "[percentage_point]"  # as rules/units.txt defines it
_COUNT_NAMES = frozenset({"", "1", "dimensionless", "count"})

# Pattern building blocks (for the `regex` module: \p{..} classes).
_END = r"(?![\p{L}\p{N}_'’ʼ])"  # after a surface ending in a letter/digit
_BEFORE_START = r"(?<![\p{L}\p{N}_])"  # before a currency marker starting with a letter
_BEFORE_END = r"(?![\p{L}_])"  # "EUR5" is fine, "EURO" is not a code
_APOSTROPHES = "'’ʼ"
_HYPHENS = "-‐‑"
_VOWELS = "aeiouyàâäéèêëîïôöûüùœæh"


@functools.cache
def _rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    for cand in (here / "_rules", here.parent / "rules"):  # wheel, then source tree
        if (cand / _UNITS_FILE).is_file():
            return cand
    raise RulesError(str(here.parent / "rules" / _UNITS_FILE), None, "unit definitions not found")


@functools.cache
def _load_yaml(name: str) -> dict[str, Any]:
    import yaml

    path = _rules_dir() / _UNITS_DIR / f"{name}.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise RulesError(str(path), None, f"cannot read: {e.strerror or e}") from e
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise RulesError(str(path), mark.line + 1 if mark else None, str(e)) from e
    data = data or {}
    if not isinstance(data, dict):
        raise RulesError(str(path), None, "top level must be a mapping")
    for key in ("symbols", "words", "currency_before"):
        section = data.get(key) or {}
        if not isinstance(section, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and all(isinstance(s, str) for s in v)
            for k, v in section.items()
        ):
            raise RulesError(str(path), None, f"'{key}' must map a unit name to a list of strings")
    for key in ("currencies", "cldr_locales", "drop"):
        seq = data.get(key) or []
        if not isinstance(seq, list) or not all(isinstance(s, str) for s in seq):
            raise RulesError(str(path), None, f"'{key}' must be a list of strings")
    return data


@functools.cache
def _languages() -> tuple[str, ...]:
    return tuple(
        sorted(p.stem for p in (_rules_dir() / _UNITS_DIR).glob("*.yaml") if p.stem != _COMMON)
    )


def _norm_lang(lang: str | None) -> str:
    base = re.split(r"[-_]", (lang or "").strip().lower(), maxsplit=1)[0]
    return base if base in _languages() else _ANY


@functools.cache
def _currencies() -> tuple[str, ...]:
    return tuple(_load_yaml(_COMMON).get("currencies") or ())


def normalise_word(word: str) -> str:
    """Typographic apostrophes and hyphens made plain, as in the unit tables."""
    for ch in _APOSTROPHES[1:]:
        word = word.replace(ch, "'")
    for ch in _HYPHENS[1:]:
        word = word.replace(ch, "-")
    return word


def _norm_surface(surface: str) -> str:
    """Whitespace runs -> one space; ’ -> '; non-ASCII hyphens -> '-'."""
    s = " ".join(surface.split())
    for ch in _APOSTROPHES[1:]:
        s = s.replace(ch, "'")
    for ch in _HYPHENS[1:]:
        s = s.replace(ch, "-")
    return s


# --------------------------------------------------------------------------
# surface tables


class _Table:
    """Surface tables of one language (a plain class: dataclasses costs import time)."""

    __slots__ = ("before", "ci", "ci_display", "cs")

    def __init__(
        self,
        cs: dict[str, str],
        ci: dict[str, str],
        ci_display: dict[str, str],
        before: dict[str, str],
    ) -> None:
        self.cs = cs  # exact (normalized) surface -> canonical
        self.ci = ci  # casefolded surface -> canonical
        self.ci_display = ci_display  # casefolded surface -> a spelling for the regex
        self.before = before  # currency markers that may precede a figure -> code


class _Builder:
    def __init__(self, drop: Iterable[str]) -> None:
        self.drop = {_norm_surface(s) for s in drop}
        self.cs: dict[str, str] = {}
        self.ci: dict[str, str] = {}
        self.ci_display: dict[str, str] = {}
        self.before: dict[str, str] = {}

    def add(self, surface: str, canon: str, *, case_sensitive: bool, before: bool = False) -> None:
        s = _norm_surface(surface)
        if not s or s in self.drop:
            return
        if case_sensitive:
            self.cs.setdefault(s, canon)
            if before:
                self.before.setdefault(s, canon)
        else:
            key = s.casefold()
            if key not in self.ci:
                self.ci[key] = canon
                self.ci_display[key] = s

    def table(self) -> _Table:
        return _Table(self.cs, self.ci, self.ci_display, self.before)


def _add_yaml(b: _Builder, data: dict[str, Any]) -> None:
    for canon, surfaces in (data.get("currency_before") or {}).items():
        for s in surfaces:
            b.add(s, canon, case_sensitive=True, before=True)
    for canon, surfaces in (data.get("symbols") or {}).items():
        for s in surfaces:
            b.add(s, canon, case_sensitive=True)
    for canon, surfaces in (data.get("words") or {}).items():
        for s in surfaces:
            b.add(s, canon, case_sensitive=False)


def _cldr_unit_forms(locales: list[str], keys: dict[str, str]) -> Iterator[tuple[str, str, bool]]:
    """(surface, canonical, case_sensitive) from CLDR unit patterns '{0} km'."""
    from babel import Locale

    for loc in locales:
        try:
            patterns = Locale.parse(loc)._data["unit_patterns"]
        except Exception:
            continue
        for key, canon in keys.items():
            by_width = patterns.get(key)
            if not by_width:
                continue
            for width in ("long", "short", "narrow"):
                if width not in by_width:
                    continue
                forms = by_width[width]
                for count in forms:
                    if count == "per":
                        continue
                    pat = forms[count]
                    if not isinstance(pat, str) or not pat.startswith("{0}"):
                        continue  # unit before the figure: not a trailing unit
                    surface = pat[3:].strip()
                    if surface:
                        yield surface, canon, width != "long"


def _cldr_currency_forms(
    locales: list[str], codes: Iterable[str]
) -> Iterator[tuple[str, str, bool]]:
    """(surface, code, is_symbol) from CLDR currency symbols and (plural) names."""
    from babel import Locale
    from babel.numbers import get_currency_name

    for loc in locales:
        try:
            locale = Locale.parse(loc)
        except Exception as e:
            raise RulesError(
                str(_rules_dir() / _UNITS_DIR), None, f"bad locale {loc!r}: {e}"
            ) from e
        symbols = locale.currency_symbols
        plurals = locale._data.get("currency_names_plural", {})
        for code in codes:
            sym = symbols.get(code)
            if sym:
                yield sym, code, True
            names = {get_currency_name(code, count, loc) for count in (None, 1, 2, 1_000_000)}
            try:
                names.update(plurals.get(code, {}).values())
            except Exception:
                pass
            for name in sorted(names):  # a set: its order would change with the hash seed
                if name and name != code and "(" not in name:
                    yield name, code, False


def _partitive_forms(word: str) -> list[str]:
    forms = [f"de {word}"]
    if word[:1].casefold() in _VOWELS:
        forms.append(f"d'{word}")
    return forms


@functools.cache
def _table(lang: str) -> _Table:
    if lang == _ANY:
        merged = _Builder(())
        for one in _languages():
            t = _table(one)
            for s, c in t.cs.items():
                merged.add(s, c, case_sensitive=True, before=s in t.before)
            for key, c in t.ci.items():
                merged.add(t.ci_display[key], c, case_sensitive=False)
        return merged.table()

    common = _load_yaml(_COMMON)
    spec = _load_yaml(lang)
    b = _Builder([*(common.get("drop") or ()), *(spec.get("drop") or ())])
    # priority: language file, common file, ISO codes, CLDR units, CLDR currencies
    _add_yaml(b, spec)
    _add_yaml(b, common)
    codes = _currencies()
    for code in codes:
        b.add(code, code, case_sensitive=True, before=True)
    locales = spec.get("cldr_locales") or [lang]
    for surface, canon, cs in _cldr_unit_forms(locales, common.get("cldr_units") or {}):
        b.add(surface, canon, case_sensitive=cs)
    for surface, code, is_symbol in _cldr_currency_forms(locales, codes):
        b.add(surface, code, case_sensitive=is_symbol, before=is_symbol)

    partitive = spec.get("partitive")
    if isinstance(partitive, dict):
        skip = set(partitive.get("except") or ())
        for key, canon in list(b.ci.items()):
            if canon in skip or not key[:1].isalpha():
                continue
            for form in _partitive_forms(b.ci_display[key]):
                b.add(form, canon, case_sensitive=False)
    return b.table()


@functools.cache
def _canonical_names() -> frozenset[str]:
    t = _table(_ANY)
    return frozenset(t.cs.values()) | frozenset(t.ci.values()) | frozenset(_currencies())


# --------------------------------------------------------------------------
# regexes


def _surface_regex(surface: str) -> str:
    out = []
    for ch in surface:
        if ch == " ":
            out.append(r"\s+")
        elif ch in _APOSTROPHES:
            out.append("['’ʼ]")
        elif ch in _HYPHENS:
            out.append("[-‐‑]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _alternation(items: Iterable[tuple[str, bool]], *, end: str, start: str = "") -> str:
    """One non-capturing alternation, longest surfaces first.

    Consecutive alternatives with the same case mode and boundary needs share
    one scoped-flag group: ``(?-i:...)`` is case-sensitive even if the caller
    compiles with IGNORECASE; ``(?i:...)`` is case-insensitive.
    """
    ordered = sorted(set(items), key=lambda it: (-len(it[0]), it[0], not it[1]))
    runs: list[tuple[tuple[bool, bool, bool], list[str]]] = []
    for surface, cs in ordered:
        key = (cs, bool(start) and _is_word_char(surface[0]), _is_word_char(surface[-1]))
        if runs and runs[-1][0] == key:
            runs[-1][1].append(_surface_regex(surface))
        else:
            runs.append((key, [_surface_regex(surface)]))
    parts = []
    for (cs, needs_start, needs_end), bodies in runs:
        body = bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")"
        flags = "-i" if cs else "i"
        head = start if needs_start else ""
        tail = end if needs_end else ""
        parts.append(f"(?{flags}:{head}{body}{tail})")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _first_char_dispatch(items: Iterable[tuple[str, bool]], *, end: str) -> str:
    """:func:`_alternation` split into branches by the surfaces' first character
    (casefolded), each behind a lookahead for the first characters it can start with: the
    engine skips the branches that cannot match (a unit after a figure matches in about
    half the time).  Two surfaces in different branches never match at the same place,
    so which surface matches is unchanged."""
    groups: dict[str, list[tuple[str, bool]]] = {}
    for surface, cs in items:
        first = surface[0]
        key = "'" if first in _APOSTROPHES else "-" if first in _HYPHENS else first.casefold()
        groups.setdefault(key, []).append((surface, cs))
    parts = []
    for key in sorted(groups):
        members = groups[key]
        firsts = sorted({(_surface_regex(surface[0]), cs) for surface, cs in members})
        guard = "|".join(f"(?{'-i' if cs else 'i'}:{first})" for first, cs in firsts)
        parts.append(f"(?={guard}){_alternation(members, end=end)}")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _after_items(lang: str) -> list[tuple[str, bool]]:
    t = _table(lang)
    items = [(s, True) for s in t.cs]
    folded = {(s.casefold(), c) for s, c in t.cs.items()}
    items += [(t.ci_display[key], False) for key, c in t.ci.items() if (key, c) not in folded]
    return items


@functools.cache
def _after_pattern(lang: str) -> str:
    return _first_char_dispatch(_after_items(lang), end=_END)


@functools.cache
def _before_pattern(lang: str) -> str:
    return _alternation(
        ((s, True) for s in _table(lang).before), end=_BEFORE_END, start=_BEFORE_START
    )


def unit_first_words(lang: str) -> frozenset[str]:
    """The first word of every unit surface of ``lang`` (casefolded, apostrophes and
    hyphens normalised): what the text right after a figure must start with for
    ``unit_after_pattern`` to match there."""
    t = _table(_norm_lang(lang))
    return frozenset(s.split()[0].casefold() for s in (*t.cs, *t.ci) if s.split())


def unit_after_pattern(lang: str) -> str:
    """Regex source (``regex`` module) for a unit that follows a figure.

    Matches right at the unit's first character; ends with a boundary so
    "m" never matches inside "Menschen". Only non-capturing groups.
    Unknown languages get the union of all languages.
    """
    return _after_pattern(_norm_lang(lang))


def currency_before_pattern(lang: str) -> str:
    """Regex source for currency markers that precede a figure ($, US$, €, CHF, Fr.)."""
    return _before_pattern(_norm_lang(lang))


def canonical_unit(surface: str, lang: str) -> str:
    """Canonical unit name (pint name or ISO currency code) for a matched surface.

    Symbols and abbreviations are case-sensitive (m/M, t/T), words are not.
    Looks in ``lang`` first, then in the union of all languages.
    Raises KeyError for unknown surfaces.
    """
    s = _norm_surface(surface)
    key = s.casefold()
    code = _norm_lang(lang)
    for t in (_table(code),) if code == _ANY else (_table(code), _table(_ANY)):
        if s in t.cs:
            return t.cs[s]
        if key in t.ci:
            return t.ci[key]
    raise KeyError(surface)


# --------------------------------------------------------------------------
# pint

_REGISTRY: pint.UnitRegistry | None = None
_REGISTRY_LOCK = threading.Lock()


def get_registry() -> pint.UnitRegistry:
    """The application's one pint registry (pint defaults + rules/units.txt)."""
    global _REGISTRY
    if _REGISTRY is None:
        with _REGISTRY_LOCK:
            if _REGISTRY is None:
                import pint

                path = _rules_dir() / _UNITS_FILE
                try:  # pint's parsed-definitions cache makes later starts ~10x faster
                    ureg: pint.UnitRegistry = pint.UnitRegistry(cache_folder=":auto:")
                except OSError:
                    ureg = pint.UnitRegistry()
                try:
                    ureg.load_definitions(str(path))
                except Exception as e:
                    raise RulesError(str(path), getattr(e, "lineno", None), str(e)) from e
                pint.set_application_registry(ureg)
                _REGISTRY = ureg
    return _REGISTRY


def _pint_parses(name: str) -> bool:
    try:
        get_registry().parse_units(name)
    except Exception:
        return False
    return True


@functools.lru_cache(maxsize=4096)
def _resolve(unit: str) -> str:
    """A canonical or pint-parsable name for ``unit``.

    Order: canonical names; exact symbols/codes of the surface tables ("%",
    "€", "km²", "pp": never handed to pint); pint expressions; words of any
    language ("Prozent", "d'euros").
    """
    u = (unit or "").strip()
    if u in _COUNT_NAMES:
        return "dimensionless"
    if u in _canonical_names():
        return u
    t = _table(_ANY)
    norm = _norm_surface(u)
    if norm in t.cs:
        return t.cs[norm]
    if any(unicodedata.category(ch) == "Sc" for ch in u):
        raise UnitError(f"unknown currency unit {unit!r}")
    if _pint_parses(u):
        return u
    try:
        return canonical_unit(u, _ANY)
    except KeyError:
        raise UnitError(f"unknown unit {unit!r}") from None


@functools.lru_cache(maxsize=4096)
def _dimension(name: str) -> str:
    if name in _currencies():
        return f"[currency_{name}]"
    if name in _PERCENT_UNITS:
        return _PERCENT_DIM
    if name in _POINT_UNITS:
        return _POINT_DIM  # no registry needed for the commonest units
    if name == "dimensionless":  # what _resolve makes of a count: pint's own name for it
        return ""
    try:
        dims = str(get_registry().parse_units(name).dimensionality)
    except Exception as e:
        raise UnitError(f"unknown unit {name!r}") from e
    return "" if dims == "dimensionless" else dims


def dimension(unit: str) -> str:
    """Grouping key: "" (counts), "[percent]", "[percentage_point]", "[currency_EUR]",
    or pint's dimensionality string ("[length]", "[length] ** 2", ...)."""
    return _dimension(_resolve(unit))


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit``.

    Raises UnitError when the two units have different dimensions (EUR vs USD,
    percent vs percentage_point, percent vs plain count) or are unknown.
    """
    a, b = _resolve(from_unit), _resolve(to_unit)
    da, db = _dimension(a), _dimension(b)
    if da != db:
        raise UnitError(
            f"cannot convert {from_unit!r} ({da or 'count'}) to {to_unit!r} ({db or 'count'})"
        )
    if a == b or da.startswith("[currency_"):
        return float(value)
    ureg = get_registry()
    try:
        q = ureg.Quantity(value, a).to(b)
    except Exception as e:
        raise UnitError(f"cannot convert {from_unit!r} to {to_unit!r}: {e}") from e
    return float(q.magnitude)
