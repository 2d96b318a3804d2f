"""Integrity of the language data in rules/ (the dateparser idea: supplements never
repeat what CLDR already gives, and every file loads)."""

from __future__ import annotations

import pytest

from claimcheck.lexicon import LANGS, get_lexicon
from claimcheck.scale import _cldr_scale_words


@pytest.mark.parametrize("lang", LANGS)
def test_scale_supplements_do_not_repeat_cldr(lang: str) -> None:
    lex = get_lexicon(lang)
    cldr = _cldr_scale_words(lex.cldr_locale)
    for factor, words in lex.scale_supplements.items():
        for w in words:
            assert w not in cldr, f"{lang}: {w!r} ({factor}) is already CLDR's; drop it"


@pytest.mark.parametrize("lang", LANGS)
def test_qualifier_phrases_have_one_kind(lang: str) -> None:
    lex = get_lexicon(lang)
    seen: dict[str, str] = {}
    for kind, phrases in lex.qualifiers.items():
        for p in phrases:
            key = " ".join(p.split()).casefold()
            assert seen.setdefault(key, kind) == kind, f"{lang}: {p!r} is {seen[key]} and {kind}"


@pytest.mark.parametrize("lang", LANGS)
def test_schema_documents_every_key(lang: str) -> None:
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parent.parent / "rules"
    data = yaml.safe_load((root / "lang" / f"{lang}.yaml").read_text(encoding="utf-8"))
    schema = (root / "SCHEMA.md").read_text(encoding="utf-8")
    for key in data:
        assert f"`{key}" in schema, f"rules/SCHEMA.md does not document {key!r}"
