"""Markup → prose the extractor can read, without losing where each character came from.

Markdown keeps its offsets: markup characters (emphasis, link targets, heading marks,
table bars, HTML comments) are blanked to spaces in a same-length copy, so a claim's
line and column are those of the file.

HTML is parsed with selectolax's Lexbor backend (a real HTML5 parser) and read as a
reader sees the article: scripts, styles, navigation, headers, footers, asides and
forms are dropped, and so is every element whose class, id, role or aria-label names
page furniture (cookie banners, tickers, bylines, ads, related lists: rules/html.yaml).
The article is the ``<article>`` with the most text, else ``<main>``, else the element
whose paragraphs hold the most text, else ``<body>``.  Each block element (paragraph,
heading, list item, table cell) becomes one paragraph of the extracted text, its
whitespace collapsed; paragraphs are separated by a blank line.

Positions: claim offsets refer to the extracted text.  ``Document.offset_map`` holds
sorted anchors ``(text_offset, file_offset)``, one at the start of every word, where
``file_offset`` counts characters of the decoded page source.  A text offset ``t``
maps to ``f0 + (t - t0)`` with ``(t0, f0)`` the last anchor at or before ``t``
(:func:`file_offset`), so a figure maps exactly to its first character in the page,
also after entities (``&nbsp;``, ``&#8239;``) or tags earlier in the paragraph.  Lint
reports HTML findings at those file positions.

Alignment (:func:`_align`): the page's text runs (between tags, as the HTML tokenizer cuts
them) are matched with the parser's text nodes of the whole ``<body>``, in document order,
before any furniture is dropped: each node takes the next run of its text, so a menu of
100,000 links before the article costs one step per link and leaves the article's runs next.
A node the parser joined from several runs ("12</span> Soldaten") takes those runs; text it
moved before a table takes its run behind; a node that matches no run within ALIGN_REACH
runs is placed word by word (:func:`_find_word`) after the text aligned before it.

Deep nesting: building the tree costs Lexbor (as the HTML Standard has it) nesting depth ×
block elements, 9 s for 40,000 nested ``<div><span>``.  A page whose elements nest deeper
than ``MAX_HTML_DEPTH`` (512) levels is flattened at that depth before it is parsed, as
Blink and WebKit build their DOM (:func:`_flatten_deep`): deeper block start tags become
``<br>`` (the paragraph break stays), other deeper tags comments, and a deeper skipped or
furniture element goes with its content.  The text is all still read, positions still
refer to the page as written, and the Document carries a one-line warning.  Beyond the
limit an ``<article>``, ``<main>`` or ``<p>`` no longer counts as one when the main
content is chosen.  Pages within the limit are parsed exactly as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from html import escape as html_escape
from html import unescape as html_unescape

import regex

from .errors import RulesError
from .lexicon import load_yaml, rules_dir, strip_lines
from .model import Document

MD_BLANK_RE = regex.compile(
    r"""
      (?P<comment><!--.*?(?:-->|\Z))                  # HTML comment (unclosed: to the end)
    | (?P<tag></?[A-Za-z][^>\n]{0,200}>)               # inline HTML tag
    | (?P<linktarget>\]\([^)\s\[\]]{0,2000}(?:\s+"[^"\n]{0,500}")?\))  # ](https://…) of a link
    | (?P<refdef>^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$)      # [ref]: https://… definitions
    | (?P<bang>!(?=\[))                                 # image marker
    | (?P<open>(?<![\p{L}\p{N}\\])\[)                   # [ of a link
    | (?P<close>\](?=\[))                               # ][ of a reference link
    | (?P<emph>\*{1,3}|(?<![\p{L}\p{N}])_{1,3}|_{1,3}(?![\p{L}\p{N}])|`+|~~)
    | (?P<heading>^[ \t]{0,3}\#{1,6}(?=[ \t]))         # heading marks
    | (?P<quote>^[ \t]{0,3}>)                           # block quote
    | (?P<fence>^[ \t]{0,3}(?:```|~~~)[^\n]*$)          # code fence line
    | (?P<rule>^[ \t]{0,3}(?:[-*_][ \t]*){3,}$)         # thematic break
    """,
    regex.VERBOSE | regex.MULTILINE | regex.DOTALL,
)
TABLE_BAR_RE = regex.compile(r"^[ \t]*\|.*\|[ \t]*$", regex.MULTILINE)
TABLE_RULE_RE = regex.compile(r"^[ \t]*\|?[ \t:]*-{3,}[ \t:|-]*$", regex.MULTILINE)


def mask_markdown(text: str) -> str:
    """A same-length copy of ``text`` with Markdown markup blanked to spaces."""
    out = list(text)
    for m in MD_BLANK_RE.finditer(text):
        for i in range(m.start(), m.end()):
            if out[i] != "\n":
                out[i] = " "
    for m in TABLE_RULE_RE.finditer(text):
        for i in range(m.start(), m.end()):
            out[i] = " "
    for m in TABLE_BAR_RE.finditer(text):
        for i in range(m.start(), m.end()):
            if text[i] == "|":
                out[i] = "\n"  # each cell stands on its own
    return "".join(out)


# --- HTML ------------------------------------------------------------------------

WORD_SPAN_RE = regex.compile(r"[^ \t\n\r\f\v]+")
"""A word: no-break spaces (U+00A0, U+202F) stay inside it, as in "94\u202f000"."""
ENTITY_RE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
ANCHOR_WINDOW = 400
"""How far (characters of source) a word is looked for after the previous one."""


@dataclass(frozen=True, slots=True)
class HtmlRules:
    skip_tags: tuple[str, ...]
    hints: frozenset[str]
    phrases: tuple[str, ...]
    block_tags: frozenset[str]
    published_meta: tuple[str, ...]


@cache
def get_html_rules() -> HtmlRules:
    path = rules_dir() / "html.yaml"
    data = strip_lines(load_yaml(path))
    out = {}
    keys = ("skip_tags", "furniture_hints", "furniture_phrases", "block_tags", "published_meta")
    for key in keys:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise RulesError(str(path), None, f"{key!r} must be a list of non-empty strings")
        out[key] = value
    return HtmlRules(
        tuple(out["skip_tags"]),
        frozenset(h.casefold() for h in out["furniture_hints"]),
        tuple(h.casefold() for h in out["furniture_phrases"]),
        frozenset(out["block_tags"]),
        tuple(out["published_meta"]),
    )


ATTR_SPLIT_RE = regex.compile(r"[\s_\-]+")
KEEP_TAGS = frozenset({"html", "body", "article", "main"})


def _is_furniture(node, rules: HtmlRules) -> bool:
    return _furniture_attrs(node.attributes or {}, rules)


def _furniture_attrs(attrs: dict, rules: HtmlRules) -> bool:
    names = ("class", "id", "role", "aria-label")
    hay = " ".join(str(attrs.get(k) or "") for k in names).casefold()
    if not hay.strip():
        return False
    if any(p in hay for p in rules.phrases):
        return True
    return any(w in rules.hints for w in ATTR_SPLIT_RE.split(hay) if w)


def file_offset(offset_map: tuple[tuple[int, int], ...] | None, text_offset: int) -> int:
    """The file offset of a text offset through ``Document.offset_map`` (module docstring)."""
    if not offset_map:
        return text_offset
    i = bisect_right(offset_map, (text_offset, float("inf"))) - 1
    if i < 0:
        return text_offset
    t0, f0 = offset_map[i]
    return f0 + (text_offset - t0)


# --- deep nesting ---------------------------------------------------------------------

MAX_HTML_DEPTH = 512
"""Elements nested deeper than this below ``<body>`` are read flattened (module docstring)."""

TAG_BODY = r"""(?:\s++|/(?!>)|[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]*+))?)*+"""
HTML_TOKEN_RE = re.compile(  # stdlib re: twice as fast as regex on this pattern
    rf"""
    <(?:
      !--(?:>|->|.*?(?:--!?>|\Z))                               # comment (unclosed: to the end)
    | (?:[!?]|/(?![A-Za-z]))[^>]*+>?                            # doctype, bogus comment, </>
    | (?P<raw>script|style|textarea|title|xmp|iframe|noembed|noframes)(?=[\s/>]){TAG_BODY}
      (?:>.*?(?:</(?P=raw)(?=[\s/>])[^>]*+>|\Z)|\Z)             # raw text element: one token
    | (?P<plain>plaintext)(?=[\s/>]).*                           # the rest of the page is text
    | (?P<end>/)?(?P<name>[A-Za-z][^\s/>]*+)(?P<attrs>{TAG_BODY})(?P<selfclose>/)?(?:>|\Z)
    )""",
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
"""One token of the HTML tokenizer at each ``<``: a tag runs to its ``>`` outside quoted
values (or to the end of the page), so the scan never looks at a character twice."""
ATTR_RE = regex.compile(
    r"""(?P<key>[^\s/>=][^\s/>=]*+)
        (?:\s*+=\s*+(?:"(?P<dq>[^"]*+)"?|'(?P<sq>[^']*+)'?|(?P<bare>[^\s>]*+)))?""",
    regex.VERBOSE,
)

# The HTML Standard's tree-construction categories the depth model needs
VOID_TAGS = frozenset("area base basefont bgsound br col embed frame hr img input keygen link "
                      "meta param source track wbr".split())
IGNORED_IN_BODY = frozenset({"html", "head", "body"})
SCOPE_TAGS = frozenset("applet caption html table td th marquee object template "
                       "mi mo mn ms mtext annotation-xml foreignobject desc".split())
SPECIAL_TAGS = SCOPE_TAGS | frozenset(
    "address area article aside base basefont bgsound blockquote body br button center col "
    "colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame "
    "frameset h1 h2 h3 h4 h5 h6 head header hgroup hr iframe img input keygen li link listing "
    "main menu meta nav noembed noframes noscript ol p param plaintext pre script search "
    "section select source style summary tbody textarea tfoot thead title tr track ul wbr "
    "xmp".split())
ITEM_STOP_TAGS = SPECIAL_TAGS - {"address", "div", "p", "li", "dd", "dt"}
"""Where the search for an open ``<li>``, ``<dd>`` or ``<dt>`` to end stops."""
SCOPED_END_TAGS = frozenset(
    "address article aside blockquote button center details dialog dir div dl fieldset "
    "figcaption figure footer header hgroup listing main menu nav ol pre search section "
    "summary ul form dd dt h1 h2 h3 h4 h5 h6 applet marquee object".split())
"""End tags that close their element when it is in scope; others stop at a special one."""
CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 "
    "h6 pre listing form li dd dt plaintext table hr xmp".split())
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
TABLE_SECTIONS = ("tbody", "thead", "tfoot")
TABLE_PARTS = frozenset({"table", "caption", "colgroup", "tr", "td", "th", *TABLE_SECTIONS})
CLOSED_BY_START = {  # start tag → open elements it ends within its table
    "td": ("td", "th"), "th": ("td", "th"), "tr": ("td", "th", "tr"),
    **dict.fromkeys(TABLE_SECTIONS, ("td", "th", "tr", *TABLE_SECTIONS)),
}
START_CLOSERS = CLOSES_P | HEADINGS | frozenset(CLOSED_BY_START) | frozenset(
    {"table", "a", "nobr", "button", "select", "option", "optgroup"})
FOREIGN_ROOTS = frozenset({"svg", "math"})
FLAT_TAG = "<!---->"
"""What a start or end tag beyond the depth limit becomes: a comment, so the text runs on
either side stay separate DOM text nodes (aligned with the source) and nothing nests."""


class _DepthModel:
    """The parser's stack of open elements, closely enough to know each element's depth.

    Follows the tree builder where it decides nesting: void elements; implied ends (a block
    ends an open ``<p>``, ``<li>``/``<dd>`` end theirs up to the nearest list or other
    block, cells and rows end cells and rows, options, headings, ``<a>``, ``<button>``, a
    second ``<select>``); implied ``<tbody>``/``<tr>``; end tags closing the innermost open
    element of their name within scope (``</div>`` stops at a table cell or ``<object>``,
    ``</span>`` and ``</b>`` at any block).  Checked against Lexbor's tree depth on
    mis-nested pages (tests): never much shallower, which is what the limit needs.
    """

    def __init__(self) -> None:
        self.names: list[str] = []
        self.where: dict[str, list[int]] = {}
        self.special: list[int] = [-1]  # stack indices of special elements
        self.item_stop: list[int] = [-1]
        self.scope: list[int] = [-1]
        self.foreign = 0

    def last(self, *names: str) -> int:
        """Index of the deepest open element named one of ``names``, or -1."""
        found = -1
        for n in names:
            w = self.where.get(n)
            if w and w[-1] > found:
                found = w[-1]
        return found

    def push(self, name: str) -> int:
        i = len(self.names)
        self.names.append(name)
        self.where.setdefault(name, []).append(i)
        if name in SPECIAL_TAGS:
            self.special.append(i)
            if name in ITEM_STOP_TAGS:
                self.item_stop.append(i)
            if name in SCOPE_TAGS:
                self.scope.append(i)
        elif name in FOREIGN_ROOTS:
            self.foreign += 1
        return i

    def pop(self) -> None:
        name = self.names.pop()
        i = len(self.names)
        self.where[name].pop()
        if self.special[-1] == i:
            self.special.pop()
            if self.item_stop[-1] == i:
                self.item_stop.pop()
            if self.scope[-1] == i:
                self.scope.pop()
        elif name in FOREIGN_ROOTS:
            self.foreign -= 1

    def start_closes(self, name: str) -> int:
        """Index of the outermost open element the start tag ``name`` ends, or -1."""
        if name not in START_CLOSERS:
            return -1
        found = -1
        if name == "li":
            found = self.last("li")
            found = found if found > self.item_stop[-1] else -1
        elif name in ("dd", "dt"):
            found = self.last("dd", "dt")
            found = found if found > self.item_stop[-1] else -1
        elif name in CLOSED_BY_START:  # the outermost of them inside the current table
            table = self.last("table", "template")
            inside = [i for i in map(self.last, CLOSED_BY_START[name]) if i > table]
            found = min(inside, default=-1)
        elif name == "table":
            found = self.last("table")
            found = found if found > self.last("td", "th", "caption", "template") else -1
        elif name in ("a", "nobr"):  # adoption agency: ends it unless a block is inside
            found = self.last(name)
            found = found if found > self.special[-1] else -1
        elif name in ("button", "select"):
            found = self.last(name)
            found = found if found > self.scope[-1] else -1
        elif name in ("option", "optgroup"):
            top = self.names[-1] if self.names else ""
            found = len(self.names) - 1 if top == "option" or top == name else -1
        elif name in HEADINGS and self.names and self.names[-1] in HEADINGS:
            found = len(self.names) - 1
        if name in CLOSES_P:
            p = self.last("p")
            if p > max(self.scope[-1], self.last("button")) and (found < 0 or p < found):
                found = p
        return found

    def implied_parents(self, name: str) -> tuple[str, ...]:
        """The ``<tbody>``/``<tr>`` the parser adds before a cell or row of a table."""
        if name not in ("td", "th", "tr"):
            return ()
        table = self.last("table")
        if table < 0 or table < self.last("template"):
            return ()
        body = () if self.last(*TABLE_SECTIONS) > table else ("tbody",)
        row = () if name == "tr" or self.last("tr") > table else ("tr",)
        return body + row

    def end_closes(self, name: str) -> int:
        """Index of the open element the end tag ``name`` closes, or -1 (ignored)."""
        found = self.last(name)
        if found < 0:
            return -1
        if name in TABLE_PARTS:
            bound = -1 if name == "table" else self.last("table", "template")
        elif name == "p":
            bound = max(self.scope[-1], self.last("button"))
        elif name == "li":
            bound = max(self.scope[-1], self.last("ol", "ul"))
        elif name in SCOPED_END_TAGS:
            bound = self.scope[-1]
        else:  # any other end tag: nothing past a special element
            bound = self.special[-1]
        return found if found >= bound else -1  # the element may bound its own scope


@cache
def _skip_selectors() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """rules.skip_tags as plain tag names and ``ancestor tag`` pairs."""
    plain, nested = set(), []
    for sel in get_html_rules().skip_tags:
        parts = sel.split()
        if len(parts) == 1:
            plain.add(parts[0])
        elif len(parts) == 2:
            nested.append((parts[0], parts[1]))
    return frozenset(plain), tuple(nested)


def _token_attrs(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in ATTR_RE.finditer(text):
        value = m.group("dq") or m.group("sq") or m.group("bare") or ""
        out.setdefault(m.group("key").lower(), html_unescape(value))
    return out


def _flatten_deep(html: str, rules: HtmlRules) -> tuple[int, str, _Edits] | None:
    """``(depth, page, edits)`` with every element nested beyond MAX_HTML_DEPTH flattened, or
    None when the page is not that deep (it is then parsed as it is).  ``edits`` says where
    the flattened page's text stands in the page as written (:class:`_Edits`).

    Lexbor, as the HTML Standard has it, looks through the open elements down to the nearest
    table cell, ``<object>`` or ``<html>`` for an open ``<p>`` at every block start tag, so a
    page of N nested ``<div>`` costs N² steps (40,000 levels: 9 s).  Blink and WebKit stop
    nesting at 512 levels; so does this: a start tag deeper than that becomes ``<br>`` when
    it starts a block (the paragraph break stays), else a comment, its end tag a comment; a
    skipped or furniture element there goes with everything in it, as it would in the tree.
    """
    if html.count("<") <= MAX_HTML_DEPTH:
        return None
    model = _DepthModel()
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in source order
    deepest = 0
    drop: tuple[int, int, int] | None = None  # (stack index, source start, len(edits))
    skip_plain, skip_nested = _skip_selectors()
    block = "<br>" if "br" in rules.block_tags else FLAT_TAG

    def close_to(index: int, at: int) -> None:
        nonlocal drop
        while len(model.names) > index:
            model.pop()
            if drop is not None and len(model.names) == drop[0]:
                del edits[drop[2]:]
                edits.append((drop[1], at, FLAT_TAG))
                drop = None

    for tok in HTML_TOKEN_RE.finditer(html):
        name = tok.group("name")
        if name is None:
            continue
        name = name.lower()
        if name in IGNORED_IN_BODY:
            continue
        if tok.group("end"):
            i = model.end_closes(name)
            if i < 0:
                continue
            close_to(i + 1, tok.start())
            if i >= MAX_HTML_DEPTH and drop is not None and drop[0] == i:
                close_to(i, tok.end())  # the dropped element ends here, its end tag with it
                continue
            close_to(i, tok.end())
            if i >= MAX_HTML_DEPTH and drop is None:
                edits.append((tok.start(), tok.end(), FLAT_TAG))
            continue
        i = model.start_closes(name)
        if i >= 0:
            close_to(i, tok.start())
            if name == "select":
                continue  # a <select> inside one ends it
        if name == "form" and model.where.get("form"):
            continue  # a form inside a form is dropped by the parser
        if name in VOID_TAGS or (model.foreign and tok.group("selfclose")):
            continue
        for parent in model.implied_parents(name):
            model.push(parent)
        i = model.push(name)
        deepest = max(deepest, i + 1)
        if i < MAX_HTML_DEPTH or drop is not None:
            continue
        if name not in KEEP_TAGS and (
            name in skip_plain
            or any(name == b and model.where.get(a) for a, b in skip_nested)
            or (tok.group("attrs").strip()
                and _furniture_attrs(_token_attrs(tok.group("attrs")), rules))
        ):
            drop = (i, tok.start(), len(edits))
        elif name == "time":  # an empty element keeps its date for _published
            edits.append((tok.start(), tok.end(), tok.group() + "</time>"))
        else:
            edits.append((tok.start(), tok.end(), block if name in rules.block_tags
                          else FLAT_TAG))
    close_to(0, len(html))
    if not edits:
        return None
    parts: list[str] = []
    at = length = 0
    moved = _Edits()
    for start, end, text in edits:
        parts.append(html[at:start])
        parts.append(text)
        length += start - at
        moved.add(length, length + len(text), end)
        length += len(text)
        at = end
    parts.append(html[at:])
    return deepest, "".join(parts), moved


def html_document(html: str, name: str, *, warnings: tuple[str, ...] = ()) -> Document:
    """The article text of an HTML page as a Document (offsets: see the module docstring)."""
    from selectolax.lexbor import LexborHTMLParser

    rules = get_html_rules()
    flat = _flatten_deep(html, rules)
    if flat is not None:
        depth, parsed, edits = flat
        warnings = (*warnings, f"{name}: HTML nested {depth} elements deep; read flattened "
                    f"beyond {MAX_HTML_DEPTH} levels")
    else:
        parsed, edits = html, _Edits()
    tree = LexborHTMLParser(parsed)
    lang = _page_lang(tree)
    published = _published(tree, rules)
    source = _Source(html, parsed, edits)
    aligned = _align(tree.body or tree.root, source)  # before any furniture is dropped
    for sel in rules.skip_tags:
        for node in tree.css(sel):
            node.decompose()
    for node in tree.css("[class], [id], [role], [aria-label]"):
        if node.tag not in KEEP_TAGS and _is_furniture(node, rules):
            node.decompose()
    root = _main_content(tree)
    text, anchors = (_extract(root, source, aligned, rules) if root is not None
                     else ("", []))
    return Document(
        name, text, lang_hint=lang, published=published,
        offset_map=tuple(anchors), warnings=warnings, page=html,
    )


def _page_lang(tree) -> str | None:
    node = tree.css_first("html")
    code = ((node.attributes.get("lang") or "") if node is not None else "")[:2].lower()
    return code if code in ("de", "en", "fr") else None


def _published(tree, rules: HtmlRules) -> str | None:
    for node in tree.css("meta"):
        attrs = node.attributes or {}
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        if key in rules.published_meta and attrs.get("content"):
            return str(attrs["content"]).strip()[:10] or None
    node = tree.css_first("time[datetime]")
    if node is not None:
        return (node.attributes.get("datetime") or "")[:10] or None
    return None


def _text_len(node) -> int:
    return len(" ".join((node.text(separator=" ") or "").split()))


def _main_content(tree):
    articles = tree.css("article")
    if articles:
        # an article inside another never has more text than it and comes after it, so
        # only the outermost ones are measured (each character once, at any nesting)
        outer, inside = [], set()
        for node in articles:
            if node.mem_id not in inside:
                outer.append(node)
                inside.update(n.mem_id for n in node.css("article"))
        return max(outer, key=_text_len)
    main = tree.css_first("main") or tree.css_first("[role=main]")
    if main is not None:
        return main
    # the element whose paragraph children hold the most text; each paragraph is counted
    # once for its parent (linear in the number of paragraphs)
    scores: dict[int, int] = {}
    parents: dict[int, object] = {}
    for p in tree.css("p"):
        parent = p.parent
        if parent is None:
            continue
        key = parent.mem_id
        scores[key] = scores.get(key, 0) + _text_len(p)
        parents.setdefault(key, parent)
    if scores:
        best_key = max(scores, key=lambda k: scores[k])
        if scores[best_key] > 0:
            return parents[best_key]
    return tree.body or tree.root


RAW_TEXT_TAGS = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                 "noframes", "template", "plaintext")
"""Elements whose content is no text run of the page: the tokenizer's raw text elements, and
``<template>``, whose content the parsed tree holds apart."""
SOURCE_PART_RE = re.compile(  # stdlib re, like HTML_TOKEN_RE, whose tag grammar it shares
    rf"""
      (?P<comment><!--(?:>|->|.*?(?:--!?>|\Z)))                  # comment (unclosed: to the end)
    | <(?P<raw>{"|".join(t for t in RAW_TEXT_TAGS if t != "plaintext")})(?=[\s/>]){TAG_BODY}
      (?:>.*?(?:</(?P=raw)(?=[\s/>])[^>]*+>|\Z)|\Z)             # raw text element: one part
    | <plaintext(?=[\s/>]).*                                     # the rest of the page
    | </?[A-Za-z][^\s/>]*+{TAG_BODY}/?(?:>|\Z)                   # tag: to its ">" outside quotes
    | <(?:[!?]|/(?![A-Za-z]))[^>]*+>?                            # doctype, bogus comment, </>
    | (?P<text>(?:[^<]++|<(?![A-Za-z!?/]))++)                    # text; a "<" that starts no tag
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
"""The page as the HTML tokenizer cuts it: text runs between tags, comments and raw text
elements, a tag running to its ``>`` outside quoted values ("Home > World" in a title)."""
HEAD_END_RE = regex.compile(r"</head\s*>|<body\b", regex.IGNORECASE)
NEWLINE_RE = re.compile(r"\r\n?|\x00")
"""What the parser's input stream changes in text: CR LF and CR become LF; in the body a NUL
is dropped."""
ALIGN_REACH = 400
"""How many source text runs ahead of the last aligned one a DOM text node is looked for."""
MERGE_REACH = 8
"""How many runs ahead a text node the parser joined from several runs may begin."""


class _Edits:
    """Where the text of a flattened page (:func:`_flatten_deep`) stands in the page as
    written.  The flattened page is the written one with some tags (and the deep elements it
    drops) replaced by other tags, so its text outside the replacements is the written text,
    shifted by what the replacements before it changed."""

    def __init__(self) -> None:
        self.starts: list[int] = []  # replacement i is flat[starts[i]:ends[i]] ...
        self.ends: list[int] = []
        self.written: list[int] = []  # ... and the written page goes on at written[i]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def add(self, start: int, end: int, written_end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.written.append(written_end)

    def written_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The written page's span of the flattened page's text ``start:end``, or None when
        that text would be part of a replacement."""
        i = bisect_right(self.starts, start) - 1
        if (i >= 0 and start < self.ends[i]) or (
                i + 1 < len(self.starts) and self.starts[i + 1] < end):
            return None
        shift = self.written[i] - self.ends[i] if i >= 0 else 0
        return start + shift, end + shift


class _Source:
    """The page's text runs in source order, for aligning DOM text nodes with the file.

    Runs are read from the page the parser was given (``parsed``) and placed in the page as
    written (``html``).  :func:`_align` takes them in order, one text node after another;
    ``next`` is the first run not yet passed, ``taken`` marks the runs a node holds.
    """

    def __init__(self, html: str, parsed: str, edits: _Edits) -> None:
        self.html = html
        m = HEAD_END_RE.search(parsed)
        begin = m.start() if m else 0
        self.runs: list[tuple[int, int, str]] = []  # (start, end) in html, decoded text
        self.where: dict[str, list[int]] = {}  # decoded text → indices of its runs, ascending
        runs, where = self.runs, self.where
        written = edits.written_span if edits else None
        for part in SOURCE_PART_RE.finditer(parsed, begin):
            text = part.group("text")
            if text is None:
                continue
            start, end = part.span()
            if "\r" in text or "\0" in text:
                text = NEWLINE_RE.sub(_newline, text)
            if "&" in text:
                text = html_unescape(text)
            if written is not None:
                span = written(start, end)
                if span is None:
                    continue
                start, end = span
            if not text:
                continue
            if not text.isspace():  # a blank run is only looked at as part of a joined node
                if text in where:
                    where[text].append(len(runs))
                else:
                    where[text] = [len(runs)]
            runs.append((start, end, text))
        self.next = 0
        self.taken = bytearray(len(self.runs))

    def find(self, content: str) -> range | None:
        """The runs holding ``content`` (see :func:`_align`), or None: the next run of that
        text, else runs the parser joined, else a run of that text the parser moved forward."""
        where = self.where.get(content)
        k = bisect_left(where, self.next) if where is not None else 0
        if where is not None and k < len(where) and where[k] < self.next + ALIGN_REACH:
            return self._take(where[k], where[k])
        found = self._joined(content)
        if found is None and k > 0:  # text the parser put before a table it stood in
            i = where[k - 1]
            if i >= self.next - ALIGN_REACH and not self.taken[i]:
                self.taken[i] = 1
                return range(i, i + 1)
        return found

    def _take(self, first: int, last: int) -> range:
        self.taken[first:last + 1] = b"\1" * (last + 1 - first)
        self.next = last + 1
        return range(first, last + 1)

    def _joined(self, content: str) -> range | None:
        """Consecutive runs the parser joined into one text node ``content``: the runs on
        either side of a tag it ignores ("12 Soldaten</span> und"), or None."""
        runs = self.runs
        for first in range(self.next, min(len(runs), self.next + MERGE_REACH)):
            if not content.startswith(runs[first][2]):
                continue
            at, last = len(runs[first][2]), first
            while at < len(content) and last + 1 < len(runs):
                piece = runs[last + 1][2]
                if not content.startswith(piece, at):
                    break
                at += len(piece)
                last += 1
            if at == len(content) and last > first:
                return self._take(first, last)
        return None

    def raw_index(self, found: range) -> list[int]:
        """Source offset of every decoded character of the runs ``found`` (plus their end)."""
        html = self.html
        out: list[int] = []
        for i in found:
            start, end, _ = self.runs[i]
            j = start
            while j < end:
                c = html[j]
                if c == "&":
                    m = ENTITY_RE.match(html, j, end)
                    if m is not None and html_unescape(m.group()) != m.group():
                        out.extend([j] * len(html_unescape(m.group())))
                        j = m.end()
                        continue
                elif c == "\r" or c == "\0":
                    if c == "\r":
                        out.append(j)  # CR LF and CR read as one LF
                    j += 2 if html.startswith("\r\n", j) else 1
                    continue
                out.append(j)
                j += 1
        out.append(self.runs[found[-1]][1])
        return out


def _newline(m: re.Match) -> str:
    return "" if m.group() == "\0" else "\n"


def _align(top, source: _Source) -> dict[int, tuple[range | None, int]]:
    """Every text node under ``top`` (its ``mem_id``) → its source runs, or None, and where
    the source stood when it came (the end of the last run taken before it).

    The whole page is aligned before any furniture is dropped, node after node in document
    order, so every node takes its own runs and the next node's runs are the next ones
    again, however many runs skipped furniture holds; a node looks no further than
    ALIGN_REACH runs ahead, so one that is not in the source as such (text the parser moved
    or joined) cannot take a far-off run of the same text and lose the rest of the page.
    Linear: a node's next run of its text is found by bisection.
    """
    out: dict[int, tuple[range | None, int]] = {}
    runs = source.runs
    at = runs[0][0] if runs else 0
    for node in top.traverse(include_text=True):
        if node.tag != "-text":
            continue
        content = node.text_content or ""
        if not content.strip():
            continue
        parent = node.parent
        if parent is not None and parent.tag in RAW_TEXT_TAGS:
            continue
        ahead = source.next
        found = source.find(content)
        out[node.mem_id] = (found, at)
        if source.next != ahead:
            at = runs[source.next - 1][1]
    return out


def _extract(root, source: _Source, aligned: dict[int, tuple[range | None, int]],
             rules: HtmlRules) -> tuple[str, list[tuple[int, int]]]:
    """Text of ``root`` block by block, with an anchor at every word (see module docstring)."""
    html = source.html
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    length = 0
    cursor = source.runs[0][0] if source.runs else 0
    need_break = False
    line_has_text = False
    pending_space = False
    for node in root.traverse(include_text=True):
        if node.tag != "-text":
            if node.tag in rules.block_tags and line_has_text:
                need_break = True
            continue
        content = node.text_content or ""
        if not content.strip():
            pending_space = pending_space or bool(content)
            continue
        found, at = aligned.get(node.mem_id, (None, cursor))
        index = source.raw_index(found) if found is not None else None
        if index is None:
            cursor = max(cursor, at)  # past the furniture aligned before this node
        for m in WORD_SPAN_RE.finditer(content):
            if line_has_text:
                if need_break:
                    sep = "\n\n"
                elif pending_space or (m.start() > 0 and content[m.start() - 1].isspace()):
                    sep = " "
                else:
                    sep = ""
                parts.append(sep)
                length += len(sep)
            need_break = pending_space = False
            if index is not None:
                anchors.append((length, index[m.start()]))
                for q in range(m.start() + 1, m.end()):
                    if index[q] != index[q - 1] + 1:  # after an entity: "l&#8217;ONU"
                        anchors.append((length + q - m.start(), index[q]))
                cursor = index[m.end()]
            else:
                pos = _find_word(html, m.group(), cursor)
                if pos is not None:
                    anchors.append((length, pos[0]))
                    cursor = pos[1]
            parts.append(m.group())
            length += len(m.group())
            line_has_text = True
        pending_space = content[-1:].isspace()
    return "".join(parts), anchors


def _find_word(html: str, word: str, cursor: int) -> tuple[int, int] | None:
    """(start, end) in the source of a decoded word, written plainly or with entities."""
    end = min(len(html), cursor + ANCHOR_WINDOW + len(word) * 8)
    i = html.find(word, cursor, end)
    if i != -1:
        return i, i + len(word)
    esc = html_escape(word, quote=False)
    i = html.find(esc, cursor, end)
    if i != -1:
        return i, i + len(esc)
    # entities inside the word: match its first plain character run, then walk the source
    head = regex.match(r"[^&<>\"'\u00a0\u202f\u2009]+", word)
    if head is None:
        return None
    i = html.find(head.group(), cursor, end)
    if i == -1:
        return None
    j = i
    for ch in word:
        if j < len(html) and html[j] == ch:
            j += 1
            continue
        m = ENTITY_RE.match(html, j)
        if m is None or html_unescape(m.group()) != ch:
            return i, j
        j = m.end()
    return i, j
