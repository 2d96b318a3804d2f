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
"""

from __future__ import annotations

from bisect import bisect_right
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
    attrs = node.attributes or {}
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


def html_document(html: str, name: str, *, warnings: tuple[str, ...] = ()) -> Document:
    """The article text of an HTML page as a Document (offsets: see the module docstring)."""
    from selectolax.lexbor import LexborHTMLParser

    rules = get_html_rules()
    tree = LexborHTMLParser(html)
    lang = _page_lang(tree)
    published = _published(tree, rules)
    for sel in rules.skip_tags:
        for node in tree.css(sel):
            node.decompose()
    for node in tree.css("[class], [id], [role], [aria-label]"):
        if node.tag not in KEEP_TAGS and _is_furniture(node, rules):
            node.decompose()
    root = _main_content(tree)
    text, anchors = _extract(root, html, rules) if root is not None else ("", [])
    return Document(
        name, text, lang_hint=lang, published=published,
        offset_map=tuple(anchors), warnings=warnings,
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
        return max(articles, key=_text_len)
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


SOURCE_PART_RE = regex.compile(
    r"""
      (?P<comment><!--.*?(?:-->|\Z))                          # comment (unclosed: to the end)
    | (?P<raw><(?P<rawtag>script|style|template|textarea)\b.*?(?:</(?P=rawtag)\s*>|\Z))  # raw text
    | (?P<tag><[^<>]*>)                                        # any other tag
    | (?P<text>[^<]+|<)                                        # text between tags; a stray "<"
    """,
    regex.VERBOSE | regex.DOTALL | regex.IGNORECASE,
)
HEAD_END_RE = regex.compile(r"</head\s*>|<body\b", regex.IGNORECASE)
ALIGN_REACH = 400
"""How many source text runs ahead a DOM text node is looked for."""


class _Source:
    """The page's text runs in source order, for aligning DOM text nodes with the file."""

    def __init__(self, html: str) -> None:
        self.html = html
        m = HEAD_END_RE.search(html)
        begin = m.start() if m else 0
        self.runs: list[tuple[int, int, str]] = []  # (start, end, decoded text)
        for part in SOURCE_PART_RE.finditer(html, begin):
            if part.lastgroup == "text":
                self.runs.append((part.start(), part.end(), html_unescape(part.group())))
        self.next = 0

    def find(self, content: str) -> int | None:
        """Index of the run holding ``content`` (the next one in order), or None."""
        for i in range(self.next, min(len(self.runs), self.next + ALIGN_REACH)):
            if self.runs[i][2] == content:
                self.next = i + 1
                return i
        return None

    def raw_index(self, i: int) -> list[int]:
        """Source offset of every decoded character of run ``i`` (plus its end)."""
        start, end, _ = self.runs[i]
        html = self.html
        out: list[int] = []
        j = start
        while j < end:
            m = ENTITY_RE.match(html, j, end) if html[j] == "&" else None
            if m is not None and html_unescape(m.group()) != m.group():
                out.extend([j] * len(html_unescape(m.group())))
                j = m.end()
            else:
                out.append(j)
                j += 1
        out.append(end)
        return out


def _extract(root, html: str, rules: HtmlRules) -> tuple[str, list[tuple[int, int]]]:
    """Text of ``root`` block by block, with an anchor at every word (see module docstring)."""
    source = _Source(html)
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
        run = source.find(content)
        index = source.raw_index(run) if run is not None else None
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
