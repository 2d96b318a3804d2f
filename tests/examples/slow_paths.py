"""Reference (slow-path) readings that several fast-path tests compare against."""

from __future__ import annotations

from claimcheck.subjects import TOKEN_NO_ELISION_RE, TOKEN_RE, _scan_tokens


def pattern_tokens(text: str, start: int, end: int) -> list[tuple]:
    """The tokens of text[start:end] as the token pattern alone reads them (``tokenize``'s
    slow path), as field tuples."""
    out: list = []
    chunk = text[start:end]
    pattern = TOKEN_RE if ("'" in chunk or "\u2019" in chunk) else TOKEN_NO_ELISION_RE
    _scan_tokens(out, pattern, text, start, end)
    return [t.fields() for t in out]
