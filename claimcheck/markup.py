"""Markup → prose the extractor can read, without losing where each character came from.

Markdown keeps its offsets: markup characters (emphasis, link targets, heading marks,
table bars, HTML comments) are blanked to spaces in a same-length copy, so a claim's
line and column are those of the file.  HTML is parsed with selectolax (Lexbor): the
article's text is extracted with page furniture (nav, header, footer, aside, forms,
scripts) left out; claim offsets refer to that extracted text, and
``Document.offset_map`` anchors map them back to offsets in the page.
"""

from __future__ import annotations

import regex

from .model import Document

MD_BLANK_RE = regex.compile(
    r"""
      (?P<comment><!--.*?-->)                          # HTML comment
    | (?P<tag></?[A-Za-z][^>\n]{0,200}>)               # inline HTML tag
    | (?P<linktarget>\]\([^)\s]*(?:\s+"[^"]*")?\))     # ](https://…) of a link or image
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

SKIP_TAGS = (
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
    "form", "button", "select", "iframe", "figure figcaption",
)
BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr td th "
    "br hr figcaption address".split()
)
FURNITURE_HINTS = ("nav", "menu", "cookie", "banner", "footer", "header", "sidebar", "related",
                   "trending", "share", "social", "advert", "promo", "newsletter", "teaser",
                   "breadcrumb", "comment", "popup", "modal", "ticker", "widget")


def _is_furniture(node) -> bool:
    attrs = node.attributes or {}
    hay = " ".join(str(attrs.get(k) or "") for k in ("class", "id", "role", "aria-label")).lower()
    return any(h in hay for h in FURNITURE_HINTS)


def html_document(html: str, name: str, *, warnings: tuple[str, ...] = ()) -> Document:
    """The article text of an HTML page as a Document (offsets refer to the extracted text)."""
    from selectolax.parser import HTMLParser

    tree = HTMLParser(html)
    for sel in SKIP_TAGS:
        for node in tree.css(sel):
            node.decompose()
    for node in tree.css("[class], [id], [role]"):
        if node.tag not in ("html", "body", "article", "main") and _is_furniture(node):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    lang = None
    html_node = tree.css_first("html")
    if html_node is not None and html_node.attributes.get("lang"):
        code = (html_node.attributes.get("lang") or "")[:2].lower()
        lang = code if code in ("de", "en", "fr") else None
    parts = _blocks(root)
    text = "\n\n".join(p for p in parts if p)
    return Document(name, text, lang_hint=lang, warnings=warnings)


def _blocks(root) -> list[str]:
    """Text of each block element (paragraphs, headings, list items), in order."""
    if root is None:
        return []
    out: list[str] = []
    for node in root.traverse(include_text=False):
        if node.tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th",
                        "dd", "dt", "figcaption", "pre"):
            if any(a.tag in ("p", "li", "blockquote", "td", "th", "dd") for a in _ancestors(node, root)):
                continue
            t = " ".join(node.text(separator=" ").split())
            if t:
                out.append(t)
    if not out:
        t = " ".join(root.text(separator=" ").split())
        if t:
            out.append(t)
    return out


def _ancestors(node, root):
    p = node.parent
    while p is not None and p is not root:
        yield p
        p = p.parent
