"""Compare reports: the terminal group table and the self-contained HTML page.

``render_group_table(groups, width=...)`` is compare's terminal view: one block per
group, most severe first, every line at most ``width`` characters (80 and 160 are
tested), the statements indented beneath the group line. ``render_detail_table`` and
``render_verify_table`` do the same for compare --detail and verify (one line per
claim, flexible columns shrink with an ellipsis).

``html`` (registered) renders compare's per-claim frame (:data:`DETAIL_SCHEMA`; a
plain claim frame is compared first) as ONE page with inline CSS and SVG, no
script and no network: per group a chart of every source's interval on a common
axis (closed intervals as bars, exact figures as points, open bounds as arrows
running off the axis), conflicts first, and the sentences beneath with the figure
marked.
"""

from __future__ import annotations

import html
import math
import shutil

import polars as pl

from . import register

VERDICT_MARK = {
    "conflict": "✗",
    "near": "≈",
    "different_period": "◷",
    "consistent": "✓",
    "incomparable": "?",
    "single": "·",
}
VERDICT_TEXT = {
    "conflict": "conflict",
    "near": "near",
    "different_period": "different period",
    "consistent": "consistent",
    "incomparable": "incomparable",
    "single": "single claim",
}
ELLIPSIS = "…"
MIN_WIDTH = 60


# --------------------------------------------------------------------------
# terminal table


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, an ellipsis marking the cut."""
    text = " ".join(str(text).split())
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: width - 1] + ELLIPSIS


def _cell(text: str, width: int, right: bool = False) -> str:
    t = _fit(text, width)
    return t.rjust(width) if right else t.ljust(width)


def _spread_text(row: dict) -> str:
    from ..compare import format_number, unit_label

    spread = row.get("spread")
    if spread is None:
        return "—"
    if not spread:
        return "0"
    unit = unit_label(row.get("unit"))
    unit = unit if unit in ("", "%") else f" {unit}"
    return f"{format_number(spread)}{unit} ({row.get('spread_rel') or 0:.1%})"


def render_group_table(groups: pl.DataFrame, *, width: int | None = None,
                       max_statements: int | None = None) -> bytes:
    """Compare's group view for a terminal of ``width`` columns (default: the terminal's)."""
    from ..compare import STATEMENT_SEPARATOR, format_interval, get_settings

    width = max(MIN_WIDTH, width or shutil.get_terminal_size((80, 24)).columns)
    limit = max_statements or get_settings().max_statements
    # fixed columns: "#", verdict, claims, sources; the rest shared by concept, range, spread
    w_id, w_verdict, w_n, w_src = 3, 18, 3, 3
    gaps = 6
    free = width - (w_id + w_verdict + w_n + w_src + gaps)
    w_concept = max(10, free * 3 // 10)
    w_range = max(12, free * 4 // 10)
    w_spread = free - w_concept - w_range
    header = " ".join((
        _cell("#", w_id, right=True),
        _cell("verdict", w_verdict),
        _cell("concept (role)", w_concept),
        _cell("n", w_n, right=True),
        _cell("src", w_src, right=True),
        _cell("range", w_range),
        _cell("spread", w_spread),
    ))
    lines = [header.rstrip(), "─" * min(width, len(header))]
    indent = " " * (w_id + 1)
    body = width - len(indent)
    for row in groups.iter_rows(named=True):
        verdict = row["verdict"]
        concept = row["concept"] + (f" ({row['role']})" if row.get("role") not in (None, "level")
                                    else "")
        line = " ".join((
            _cell(str(row["group"]), w_id, right=True),
            _cell(f"{VERDICT_MARK.get(verdict, ' ')} {VERDICT_TEXT.get(verdict, verdict)}",
                  w_verdict),
            _cell(concept, w_concept),
            _cell(str(row["claims"]), w_n, right=True),
            _cell(str(row["sources"]), w_src, right=True),
            _cell(format_interval(row["low"], row["high"], row["unit"]), w_range),
            _cell(_spread_text(row), w_spread),
        ))
        lines.append(line.rstrip())
        statements = (row.get("statements") or "").split(STATEMENT_SEPARATOR)
        if len(statements) > limit and row.get("worst"):
            # never hide the pair that makes the verdict: keep its statements in view
            worst = row["worst"]
            key = [i for i, st in enumerate(statements) if st.split(" (", 1)[0] in worst]
            keep = set(key[:limit]) | set(range(limit))
            while len(keep) > limit:
                keep.discard(max(i for i in keep if i not in key[:limit]))
            statements = [st for i, st in enumerate(statements) if i in keep] + [
                st for i, st in enumerate(statements) if i not in keep
            ]
        for st in statements[:limit]:
            lines.append(indent + _fit("▸ " + st, body))
        if len(statements) > limit:
            lines.append(indent + _fit(f"  … and {len(statements) - limit} more", body))
        if row.get("worst") and verdict not in ("consistent", "single"):
            lines.append(indent + _fit("worst: " + row["worst"], body))
        if row.get("mixed_periods"):
            lines.append(indent + _fit("periods: " + (row.get("periods") or ""), body))
        if row.get("note"):
            lines.append(indent + _fit("note: " + row["note"], body))
    return ("\n".join(lines) + "\n").encode("utf-8")


class Col:
    """A column of a fixed-width table: how to get its text and how it may be sized."""

    __slots__ = ("cap", "flex", "get", "header", "right")

    def __init__(self, header: str, get, *, flex: bool = False, right: bool = False,
                 cap: int = 24) -> None:
        self.header, self.get, self.flex, self.right, self.cap = header, get, flex, right, cap


def render_fixed_table(rows: list[dict], cols: list[Col], width: int | None = None) -> bytes:
    """Rows as a table at most ``width`` characters wide: fixed columns take their
    natural width (up to their cap), flexible columns share the rest; cells that do
    not fit end in an ellipsis."""
    width = max(MIN_WIDTH, width or shutil.get_terminal_size((80, 24)).columns)
    cells = [[" ".join(str(c.get(r) if c.get(r) is not None else "—").split()) for c in cols]
             for r in rows]
    natural = [max([len(c.header)] + [len(row[k]) for row in cells]) for k, c in enumerate(cols)]
    widths = [0 if c.flex else min(natural[k], c.cap) for k, c in enumerate(cols)]
    flex = [k for k, c in enumerate(cols) if c.flex]
    free = width - sum(widths) - (len(cols) - 1)
    while free < len(flex) * 8 and max(widths) > 6:  # shrink the widest fixed column
        k = widths.index(max(widths))
        widths[k] -= 1
        free += 1
    want = sum(natural[k] for k in flex) or 1
    for k in flex:
        widths[k] = max(4, min(natural[k], free * natural[k] // want))
    spare = width - sum(widths) - (len(cols) - 1)
    for k in flex:  # hand out what rounding left, in order
        extra = min(spare, natural[k] - widths[k])
        if extra > 0:
            widths[k] += extra
            spare -= extra
    lines = [" ".join(_cell(c.header, widths[k], c.right) for k, c in enumerate(cols)).rstrip()]
    lines.append("─" * min(width, len(lines[0]) if lines[0] else width))
    for row in cells:
        lines.append(" ".join(_cell(v, widths[k], cols[k].right)
                              for k, v in enumerate(row)).rstrip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def _verdict_cell(verdict: str | None) -> str:
    return f"{VERDICT_MARK.get(verdict or '', ' ')} {VERDICT_TEXT.get(verdict or '', verdict)}"


def _pct(x: float | None) -> str | None:
    return None if x is None else f"{x:.1%}"


def render_detail_table(detail: pl.DataFrame, *, width: int | None = None) -> bytes:
    """compare --detail for a terminal: one line per claim, grouped, fitted to ``width``."""
    from ..compare import format_interval

    cols = [
        Col("#", lambda r: r["group"], right=True, cap=4),
        Col("verdict", lambda r: _verdict_cell(r["verdict"]), cap=18),
        Col("concept", lambda r: r["concept"], cap=18),
        Col("source", lambda r: r["source"], flex=True),
        Col("figure", lambda r: r["text"], flex=True),
        Col("as compared", lambda r: format_interval(r["norm_low"], r["norm_high"],
                                                     r["norm_unit"]), cap=22),
        Col("gap", lambda r: _pct(r["gap_rel"]) if r["gap"] else None, right=True, cap=7),
        Col("speaker; period", lambda r: "; ".join(x for x in (r["speaker"], r["period"]) if x)
            or None, flex=True),
    ]
    return render_fixed_table(list(detail.iter_rows(named=True)), cols, width)


def render_verify_table(checked: pl.DataFrame, *, width: int | None = None) -> bytes:
    """verify for a terminal: one line per claim and reference figure, fitted to ``width``."""
    from ..compare import format_interval

    cols = [
        Col("verdict", lambda r: _verdict_cell(r["verdict"]), cap=18),
        Col("concept", lambda r: r["concept"], cap=18),
        Col("source", lambda r: r["source"], flex=True),
        Col("figure", lambda r: r["text"], flex=True),
        Col("reference", lambda r: format_interval(r["ref_low"], r["ref_high"], r["ref_unit"]),
            cap=22),
        Col("gap", lambda r: _pct(r["gap_rel"]) if r["gap"] else None, right=True, cap=7),
        Col("reference source", lambda r: r["ref_source"], flex=True),
    ]
    return render_fixed_table(list(checked.iter_rows(named=True)), cols, width)


# --------------------------------------------------------------------------
# HTML report

CSS = """
:root { --conflict:#c62828; --near:#ef8f00; --different_period:#6a4fb3; --consistent:#2e7d32;
        --incomparable:#757575; --single:#9e9e9e; --ink:#1d1d1f; --muted:#5f6368; --rule:#dadce0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: #f6f7f9; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
.sub { color: var(--muted); margin: 0 0 16px; }
.tally { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 24px; padding: 0; list-style: none; }
.tally li { padding: 4px 10px; border-radius: 14px; background: #fff;
            border: 1px solid var(--rule); }
.badge { display: inline-block; padding: 2px 9px; border-radius: 11px; color: #fff;
         font-size: 13px; font-weight: 600; vertical-align: middle; white-space: nowrap; }
.b-conflict { background: var(--conflict); } .b-near { background: var(--near); }
.b-different_period { background: var(--different_period); }
.b-consistent { background: var(--consistent); }
.b-incomparable { background: var(--incomparable); } .b-single { background: var(--single); }
section.group { background: #fff; border: 1px solid var(--rule); border-left: 6px solid var(--rule);
                border-radius: 6px; padding: 14px 18px 10px; margin: 0 0 18px; }
section.v-conflict { border-left-color: var(--conflict); }
section.v-near { border-left-color: var(--near); }
section.v-different_period { border-left-color: var(--different_period); }
section.v-consistent { border-left-color: var(--consistent); }
h2 { font-size: 18px; margin: 0 0 2px; display: flex; gap: 10px; align-items: center;
     flex-wrap: wrap; }
h2 .unit { color: var(--muted); font-weight: 400; font-size: 15px; }
.facts { color: var(--muted); margin: 0 0 6px; font-size: 14px; }
.worst { margin: 4px 0 6px; font-weight: 600; }
.note { margin: 2px 0; color: var(--muted); font-size: 14px; }
svg.chart { width: 100%; height: auto; display: block; margin: 6px 0 4px; }
svg text { font: 14px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: var(--ink); }
svg .axis text { fill: var(--muted); font-size: 13px; }
svg text.who { fill: var(--muted); font-size: 12px; }
svg .grid { stroke: #eceff1; }
svg .overlap { fill: #e8f5e9; }
table.claims { border-collapse: collapse; width: 100%; font-size: 14px; margin: 6px 0 4px; }
table.claims th { text-align: left; color: var(--muted); font-weight: 500; font-size: 12px;
                  border-bottom: 1px solid var(--rule); padding: 4px 6px; }
table.claims td { border-bottom: 1px solid #f0f0f0; padding: 5px 6px; vertical-align: top; }
table.claims td.src { white-space: nowrap; font-weight: 600; }
table.claims td.fig { white-space: nowrap; }
table.singles td { border-bottom: 1px solid #f0f0f0; padding: 4px 6px; vertical-align: top; }
td .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 6px; }
mark { background: #fff3bf; padding: 0 2px; border-radius: 2px; }
.legend { display: flex; gap: 16px; flex-wrap: wrap; font-size: 13px; color: var(--muted);
          margin: 0 0 20px; }
.legend svg { vertical-align: middle; }
footer { color: var(--muted); font-size: 12px; margin-top: 28px; }
"""

COLOR = {
    "conflict": "#c62828",
    "near": "#ef8f00",
    "different_period": "#6a4fb3",
    "consistent": "#2e7d32",
    "incomparable": "#757575",
    "single": "#607d8b",
}

# chart geometry (SVG user units; the SVG scales to the page width)
CHART_W = 1000
LABEL_W = 230
PLOT_X0 = LABEL_W + 20
PLOT_X1 = CHART_W - 60
ROW_H = 36
LABEL_CHARS = 30
TOP = 10
AXIS_H = 30
ARROW = 9


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _nice_step(span: float, target: int = 6) -> float:
    raw = span / max(1, target)
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _domain(claims: list[dict]) -> tuple[float, float]:
    finite = [x for c in claims for x in (c["norm_low"], c["norm_high"]) if x is not None]
    if not finite:
        return 0.0, 1.0
    lo, hi = min(finite), max(finite)
    if lo == hi:
        pad = abs(lo) * 0.05 or 1.0
    else:
        pad = (hi - lo) * 0.08
    lo2, hi2 = lo - pad, hi + pad
    if lo >= 0 > lo2 and lo - 0 < (hi - lo) * 0.5:
        lo2 = 0.0  # counts and percentages: start at zero when it is close anyway
    return lo2, hi2


def _ticks(lo: float, hi: float) -> list[float]:
    step = _nice_step(hi - lo)
    first = math.ceil(lo / step) * step
    out = []
    x = first
    while x <= hi + step * 1e-9:
        out.append(round(x, 12))
        x += step
    return out


# (axis maximum from which to shorten, divisor, suffix)
SCALES = ((1e12, 1e12, " tn"), (1e9, 1e9, " bn"), (1e6, 1e6, " M"), (1e4, 1e3, "k"))


def _axis_label(t: float, ticks: list[float]) -> str:
    """A tick label, shortened for large axes (1.95 bn, 250k)."""
    from ..compare import format_number

    top = max((abs(x) for x in ticks), default=0.0)
    for threshold, divisor, suffix in SCALES:
        if top >= threshold:
            return f"{round(t / divisor, 6):g}{suffix}"
    return format_number(t)


def _arrow(x: float, y: float, direction: int, color: str) -> str:
    """A filled arrowhead whose tip is at (x, y), pointing left (-1) or right (+1)."""
    back = x - direction * ARROW
    return (f'<polygon points="{x:.1f},{y:.1f} {back:.1f},{y - 5:.1f} {back:.1f},{y + 5:.1f}" '
            f'fill="{color}"/>')


def _chart(claims: list[dict], unit: str | None) -> str:
    from ..compare import format_interval

    lo, hi = _domain(claims)

    def sx(v: float) -> float:
        return PLOT_X0 + (v - lo) / (hi - lo) * (PLOT_X1 - PLOT_X0)

    height = TOP + ROW_H * len(claims) + AXIS_H
    parts = [f'<svg class="chart" viewBox="0 0 {CHART_W} {height}" role="img" '
             f'aria-label="intervals on a common axis">']
    plot_bottom = TOP + ROW_H * len(claims)
    # the region every interval shares, if any
    max_low = max((c["norm_low"] if c["norm_low"] is not None else -math.inf) for c in claims)
    min_high = min((c["norm_high"] if c["norm_high"] is not None else math.inf) for c in claims)
    if len(claims) > 1 and max_low <= min_high:
        a = sx(max(max_low, lo)) if math.isfinite(max_low) else PLOT_X0
        b = sx(min(min_high, hi)) if math.isfinite(min_high) else PLOT_X1
        parts.append(f'<rect class="overlap" x="{a - 1:.1f}" y="{TOP - 4}" '
                     f'width="{max(2.0, b - a + 2):.1f}" height="{plot_bottom - TOP + 8}"/>')
    parts.append('<g class="axis">')
    ticks = _ticks(lo, hi)
    for t in ticks:
        x = sx(t)
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" '
                     f'y2="{plot_bottom + 4}"/>')
        anchor = "end" if x > PLOT_X1 - 30 else "middle"
        parts.append(f'<text x="{x:.1f}" y="{plot_bottom + 20}" text-anchor="{anchor}">'
                     f'{_e(_axis_label(t, ticks))}</text>')
    parts.append(f'<line x1="{PLOT_X0}" y1="{plot_bottom + 4}" x2="{PLOT_X1}" '
                 f'y2="{plot_bottom + 4}" stroke="#9aa0a6"/>')
    parts.append("</g>")
    for k, c in enumerate(claims):
        y = TOP + ROW_H * k + ROW_H / 2
        color = COLOR.get(c["verdict"], "#455a64")
        speaker = c.get("speaker")
        tip = f"{c['source']}: {c['text']} = {format_interval(c['norm_low'], c['norm_high'], unit)}"
        parts.append(f"<g><title>{_e(tip)}</title>")
        if speaker:  # source above, speaker below in a smaller, muted line
            parts.append(f'<text x="{LABEL_W}" y="{y - 2:.1f}" text-anchor="end">'
                         f'{_e(_fit(c["source"], LABEL_CHARS))}</text>')
            parts.append(f'<text class="who" x="{LABEL_W}" y="{y + 12:.1f}" '
                         f'text-anchor="end">{_e(_fit(speaker, LABEL_CHARS + 4))}</text>')
        else:
            parts.append(f'<text x="{LABEL_W}" y="{y + 5:.1f}" text-anchor="end">'
                         f'{_e(_fit(c["source"], LABEL_CHARS))}</text>')
        low, high = c["norm_low"], c["norm_high"]
        if low is not None and high is not None and low == high:
            parts.append(f'<circle cx="{sx(low):.1f}" cy="{y:.1f}" r="6" fill="{color}"/>')
        else:
            x0 = sx(low) if low is not None else PLOT_X0 - 6
            x1 = sx(high) if high is not None else PLOT_X1 + 6
            parts.append(f'<line x1="{x0:.1f}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}" '
                         f'stroke="{color}" stroke-width="6" stroke-linecap="butt"/>')
            for x, bound, direction in ((x0, low, -1), (x1, high, 1)):
                if bound is None:
                    parts.append(_arrow(x + direction * ARROW, y, direction, color))
                else:
                    parts.append(f'<line x1="{x:.1f}" y1="{y - 8:.1f}" x2="{x:.1f}" '
                                 f'y2="{y + 8:.1f}" stroke="{color}" stroke-width="2.5"/>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _marked_sentence(sentence: str | None, text: str | None) -> str:
    sentence = " ".join((sentence or "").split())
    needle = " ".join((text or "").split())
    at = sentence.find(needle) if needle else -1
    if at < 0:
        return _e(sentence) or f"<mark>{_e(needle)}</mark>"
    return (_e(sentence[:at]) + "<mark>" + _e(needle) + "</mark>"
            + _e(sentence[at + len(needle):]))


def _claims_table(claims: list[dict]) -> str:
    rows = ['<table class="claims"><thead><tr><th>source</th><th>figure</th>'
            "<th>speaker · period</th><th>sentence</th></tr></thead><tbody>"]
    for c in claims:
        color = COLOR.get(c["verdict"], "#455a64")
        who = " · ".join(_e(x) for x in (c.get("speaker"), c.get("period")) if x) or "—"
        rows.append(
            f'<tr><td class="src"><span class="dot" style="background:{color}" '
            f'title="{_e(VERDICT_TEXT.get(c["verdict"], c["verdict"]))}"></span>'
            f'{_e(c["source"])}</td><td class="fig">{_e(c["text"])}</td><td>{who}</td>'
            f'<td>{_marked_sentence(c.get("sentence"), c.get("text"))}</td></tr>'
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def _badge(verdict: str) -> str:
    return f'<span class="badge b-{_e(verdict)}">{_e(VERDICT_TEXT.get(verdict, verdict))}</span>'


def _legend() -> str:
    def sample(body: str) -> str:
        return f'<svg width="46" height="14" viewBox="0 0 46 14">{body}</svg>'

    ink = "#455a64"
    items = [
        (sample(f'<circle cx="23" cy="7" r="5" fill="{ink}"/>'), "exact figure"),
        (sample(f'<line x1="6" y1="7" x2="40" y2="7" stroke="{ink}" stroke-width="5"/>'
                f'<line x1="6" y1="1" x2="6" y2="13" stroke="{ink}" stroke-width="2"/>'
                f'<line x1="40" y1="1" x2="40" y2="13" stroke="{ink}" stroke-width="2"/>'),
         "range or rounded figure"),
        (sample(f'<line x1="6" y1="7" x2="34" y2="7" stroke="{ink}" stroke-width="5"/>'
                f'<line x1="6" y1="1" x2="6" y2="13" stroke="{ink}" stroke-width="2"/>'
                + _arrow(44, 7, 1, ink)), "open bound (more than …)"),
        (sample('<rect x="4" y="0" width="38" height="14" fill="#e8f5e9"/>'),
         "where all intervals meet"),
    ]
    return ('<div class="legend">'
            + "".join(f"<span>{svg} {_e(text)}</span>" for svg, text in items) + "</div>")


def _group_section(g: dict, claims: list[dict]) -> str:
    from ..compare import format_interval, unit_label

    verdict = g["verdict"]
    unit = g["unit"]
    label = unit_label(unit) or "count"
    role = f" · {g['role']}" if g.get("role") and g["role"] != "level" else ""
    on_axis = [c for c in claims if c["norm_unit"] == unit]
    off_axis = [c for c in claims if c["norm_unit"] != unit]
    n_src = len({c["source"] for c in claims})
    out = [
        f'<section class="group v-{_e(verdict)}" id="g{g["group"]}">',
        f'<h2>{_e(g["concept"])}{_e(role)} <span class="unit">({_e(label)})</span> '
        f"{_badge(verdict)}</h2>",
        f'<p class="facts">{len(claims)} claim{"s" if len(claims) != 1 else ""} from {n_src} '
        f'source{"s" if n_src != 1 else ""} · combined '
        f'{_e(format_interval(g.get("low"), g.get("high"), unit))}</p>',
    ]
    if g.get("worst") and verdict not in ("consistent", "single"):
        out.append(f'<p class="worst">{_e(g["worst"])}</p>')
    if g.get("mixed_periods"):
        out.append(f'<p class="note">Different time frames: {_e(g.get("periods"))}</p>')
    if g.get("note"):
        out.append(f'<p class="note">{_e(g["note"])}</p>')
    if on_axis:
        out.append(_chart(on_axis, unit))
    if off_axis:
        out.append('<p class="note">Not on the chart (another unit): '
                   + "; ".join(_e(f"{c['source']}: {c['text']}") for c in off_axis) + "</p>")
    out.append(_claims_table(claims))
    out.append("</section>")
    return "\n".join(out)


def _singles_section(claims: list[dict]) -> str:
    """Figures only one claim states: listed, not charted."""
    from ..compare import format_interval

    rows = "".join(
        f"<tr><td>{_e(c['concept'])}</td><td class=\"fig\">"
        f"{_e(format_interval(c['norm_low'], c['norm_high'], c['norm_unit']))}</td>"
        f"<td class=\"src\">{_e(c['source'])}</td>"
        f"<td>{_marked_sentence(c.get('sentence'), c.get('text'))}</td></tr>"
        for c in claims
    )
    return (
        '<section class="group v-single" id="singles"><h2>Stated once '
        f'{_badge("single")}</h2><p class="facts">{len(claims)} figure'
        f'{"s" if len(claims) != 1 else ""} with nothing to compare against</p>'
        '<table class="claims singles"><thead><tr><th>concept</th><th>figure</th>'
        f"<th>source</th><th>sentence</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _group_info(detail: pl.DataFrame, groups: pl.DataFrame | None) -> list[dict]:
    if groups is not None and groups.height:
        return groups.to_dicts()
    out = []
    for gid in detail["group"].unique(maintain_order=True).to_list():
        sub = detail.filter(pl.col("group") == gid)
        first = sub.row(0, named=True)
        out.append({"group": gid, "verdict": first["group_verdict"], "concept": first["concept"],
                    "role": first["role"], "unit": first["norm_unit"],
                    "low": None, "high": None})
    return out


def render_report(detail: pl.DataFrame, *, groups: pl.DataFrame | None = None,
                  title: str | None = None, summary: str | None = None) -> str:
    """The HTML page as a string (see module docstring)."""
    by_group: dict[int, list[dict]] = {}
    for rec in detail.iter_rows(named=True):
        by_group.setdefault(rec["group"], []).append(rec)
    info = _group_info(detail, groups)
    tally: dict[str, int] = {}
    for g in info:
        tally[g["verdict"]] = tally.get(g["verdict"], 0) + 1
    order = ("conflict", "near", "different_period", "consistent", "incomparable", "single")
    title = title or "claimcheck: figures compared across sources"
    head = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}</style></head><body><main>",
        f"<h1>{_e(title)}</h1>",
    ]
    if summary:
        head.append(f'<p class="sub">{_e(summary)}</p>')
    head.append('<ul class="tally">' + "".join(
        f"<li>{_badge(v)} {tally[v]} group{'s' if tally[v] != 1 else ''}</li>"
        for v in order if tally.get(v)) + "</ul>")
    head.append(_legend())
    sections = [_group_section(g, by_group[g["group"]]) for g in info
                if by_group.get(g["group"]) and g["verdict"] != "single"]
    singles = [by_group[g["group"]][0] for g in info
               if by_group.get(g["group"]) and g["verdict"] == "single"]
    if singles:
        sections.append(_singles_section(singles))
    if not sections:
        sections = ['<p class="sub">No claims could be grouped (no concept on any claim).</p>']
    foot = ['<footer>Made by claimcheck. Intervals are drawn in each group\'s unit; '
            "figures in other units are converted first. Verdicts: consistent = all "
            "intervals share a point; near = disjoint within the tolerance; conflict = "
            "beyond it; different period = disjoint but about different time frames.</footer>",
            "</main></body></html>"]
    return "\n".join(head + sections + foot) + "\n"


@register("html")
def render_html(frame: pl.DataFrame, *, groups: pl.DataFrame | None = None,
                title: str | None = None, summary: str | None = None, **_: object) -> bytes:
    """Self-contained HTML report of compare's per-claim frame (a claim frame is compared)."""
    if "group" not in frame.columns:
        from ..compare import compare_claims

        result = compare_claims(frame)
        frame, groups = result.detail, result.groups
        summary = summary or result.summary()
    return render_report(frame, groups=groups, title=title, summary=summary).encode("utf-8")

