"""Inputs: encodings, collections (CSV, JSONL), HTML pages and directories.

The bad inputs are the fixtures in fixtures/bad/; collections are written inline so
each row shows the one thing it tests.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.model import Document
from claimcheck.read import decode, read_csv, read_inputs, read_jsonl

BAD = Path("fixtures/bad")
TEXT = "Mehr als 94.000 Soldaten stehen an der Grenze, sagte der Sprecher des Präsidenten."


@pytest.mark.parametrize(("data", "warned"), [
    (TEXT.encode("utf-8"), False),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), False),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), False),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), False),
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), False),
    (TEXT.encode("utf-16-le"), True),
    (TEXT.encode("cp1252"), True),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf16le-no-bom", "cp1252"])
def test_decode_encodings(data: bytes, warned: bool) -> None:
    text, warnings = decode(data, "x.txt")
    assert text == TEXT
    assert bool(warnings) == warned
    assert all(w.startswith("x.txt: ") for w in warnings)


def test_cp1252_fallback_names_the_first_bad_byte() -> None:
    text, (warning,) = decode("Über 3.000 – rund".encode("cp1252"), "a.txt")
    assert text == "Über 3.000 – rund"
    assert "byte 0" in warning and "cp1252" in warning


def test_bytes_cp1252_leaves_undefined_fall_back_to_latin1() -> None:
    text, (warning,) = decode(b"caf\xe9 \x81", "a.txt")
    assert text == "café \x81"
    assert "latin-1" in warning


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03binary\x00\xff" * 20, bytes(range(0, 32)) * 50],
                         ids=["nul-bytes", "control-chars"])
def test_binary_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode(data, "b.bin")


@pytest.mark.parametrize(("name", "error"), [
    ("empty.txt", "empty"),
    ("binary.bin", "binary"),
    ("binary.txt", "binary"),
    ("missing-columns.csv", "no 'text' column"),
], ids=lambda v: str(v))
def test_bad_files_are_one_error_each(name: str, error: str) -> None:
    (item,) = list(read_inputs([str(BAD / name)]))
    assert isinstance(item, InputError)
    assert error in str(item) and name in str(item)


def test_bom_is_not_part_of_the_text() -> None:
    (doc,) = list(read_inputs([str(BAD / "bom.txt")]))
    assert isinstance(doc, Document) and not doc.text.startswith("\ufeff")


def test_broken_csv_keeps_the_rows_before_the_break() -> None:
    items = list(read_inputs([str(BAD / "broken.csv")]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.source for d in docs] == ["Daily Ledger"]
    assert len(errors) == 1 and "broken CSV" in str(errors[0])


# --- collections -------------------------------------------------------------------------

CSV_ROWS = [
    ("comma", "source,text,published,url,lang\nA,\"94,000 troops, officials said.\",2021-12-05,https://a.example,en\n"),
    ("semicolon", "source;text;published;url;lang\nA;\"94,000 troops, officials said.\";2021-12-05;https://a.example;en\n"),
    ("tab", "source\ttext\tpublished\turl\tlang\nA\t94,000 troops, officials said.\t2021-12-05\thttps://a.example\ten\n"),
    ("header-case-bom", "\ufeffSource, Text ,Published,URL,Lang\nA,\"94,000 troops, officials said.\",2021-12-05,https://a.example,EN\n"),
    ("crlf", "source,text,published,url,lang\r\nA,\"94,000 troops, officials said.\",2021-12-05,https://a.example,en-GB\r\n"),
]


@pytest.mark.parametrize("csv_text", [r[1] for r in CSV_ROWS], ids=[r[0] for r in CSV_ROWS])
def test_csv_collection_dialects(csv_text: str) -> None:
    (doc,) = list(read_csv(csv_text, "c.csv"))
    assert isinstance(doc, Document)
    assert (doc.source, doc.text, doc.published, doc.url, doc.lang_hint) == (
        "A", "94,000 troops, officials said.", "2021-12-05", "https://a.example", "en")


def test_csv_multiline_text_and_optional_columns() -> None:
    text = 'source,text\nA,"First line: 12 homes.\n\nSecond paragraph: 40 cars."\n,"No source: 3 boats."\n'
    a, b = list(read_csv(text, "c.csv"))
    assert a.text.count("\n") == 2 and a.published is None and a.lang_hint is None
    assert b.source == "c.csv:5"  # no source: file and the line the row starts on


@pytest.mark.parametrize(("csv_text", "error"), [
    ("source,text,text\nA,b,c\n", "repeats column 'text'"),
    ("source,text,lang\nA,12 troops,es\n", "lang 'es' is not one of de, en, fr"),
    ("source,text\nA,\n", "row has no text"),
    ("source,text\nA,b,c\n", "row has 3 fields, header has 2"),
], ids=["duplicate-column", "unknown-lang", "empty-text", "field-count"])
def test_csv_row_errors(csv_text: str, error: str) -> None:
    items = list(read_csv(csv_text, "c.csv"))
    assert any(isinstance(i, InputError) and error in str(i) for i in items), items


def test_csv_bad_row_does_not_stop_the_next() -> None:
    text = "source,text,lang\nA,12 troops,xx\nB,13 troops,de\n"
    items = list(read_csv(text, "c.csv"))
    assert isinstance(items[0], InputError) and "c.csv:2" in str(items[0])
    assert isinstance(items[1], Document) and items[1].source == "B"


def test_jsonl_collection() -> None:
    text = ('{"source": "A", "text": "94,000 troops.", "lang": "en", "published": "2021-12-05"}\n'
            "\n"
            "not json\n"
            '["a list"]\n'
            '{"source": "B", "text": 12}\n'
            '{"text": "Plus de 94 000 soldats."}\n')
    items = list(read_jsonl(text, "c.jsonl"))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Document", "InputError", "InputError", "InputError", "Document"]
    assert "c.jsonl:3" in str(items[1]) and "invalid JSON" in str(items[1])
    assert items[4].source == "c.jsonl:6"


def test_fixture_collections_read_fully() -> None:
    for name in ("troops-2021.csv", "troops-2021.jsonl", "economy.csv", "articles-multilingual.csv"):
        items = list(read_inputs([f"fixtures/collections/{name}"]))
        assert items and all(isinstance(i, Document) for i in items), name
        assert all(i.lang_hint in ("de", "en", "fr") for i in items)


# --- HTML pages and directories -------------------------------------------------------------


def test_html_page_is_read_as_its_article() -> None:
    (doc,) = list(read_inputs(["fixtures/html/en-troops.html"]))
    assert doc.lang_hint == "en" and doc.published == "2021-12-05"
    assert doc.text.startswith("Russia masses more than 94,000 troops")
    for furniture in ("cookies", "Trending5178", "FTSE", "Advertisement", "Registered in England",
                      "Most read", "4 min read", "dataLayer"):
        assert furniture not in doc.text
    assert doc.offset_map


def test_directory_walk_is_sorted_and_skips_unknown_suffixes(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("12 troops", encoding="utf-8")
    (tmp_path / "a.md").write_text("# 13 boats", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text("14", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.html").write_text("<p>15 cars</p>", encoding="utf-8")
    names = [Path(d.source).name for d in read_inputs([str(tmp_path)])]
    assert names == ["a.md", "b.txt", "c.html"]


def test_empty_directory_and_missing_path_are_errors(tmp_path: Path) -> None:
    items = list(read_inputs([str(tmp_path), str(tmp_path / "nope.txt")]))
    assert [type(i) for i in items] == [InputError, InputError]
    assert "no .txt" in str(items[0]) and "no such file" in str(items[1])


def test_markdown_is_masked_with_offsets_kept() -> None:
    (doc,) = list(read_inputs(["fixtures/articles/en/002-flood-evacuations.md"]))
    assert doc.masked is not None and len(doc.masked) == len(doc.text)
    assert "**" not in doc.masked


def test_claimcheckignore_leaves_out_what_it_names(tmp_path) -> None:
    """A walked folder honours .claimcheckignore; a file named on the command line does not."""
    from claimcheck.read import walk

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("More than 94,000 troops.", encoding="utf-8")
    (tmp_path / "golden").mkdir()
    (tmp_path / "golden" / "out.csv").write_text("source,text\nx,1\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("12 files.", encoding="utf-8")
    (tmp_path / ".claimcheckignore").write_text("# expectations\ngolden/\nREADME.md\n",
                                                encoding="utf-8")
    walked = [str(p) for p in walk([str(tmp_path)])]
    assert walked == [str(tmp_path / "news" / "a.txt")]
    assert [str(p) for p in walk([str(tmp_path / "README.md")])] == [str(tmp_path / "README.md")]


def test_source_names_standard_input_only(tmp_path) -> None:
    import io

    from claimcheck.read import read_inputs

    f = tmp_path / "a.txt"
    f.write_text("More than 94,000 troops.", encoding="utf-8")
    docs = list(read_inputs([str(f), "-"], source="wire",
                            stdin=io.BytesIO(b"About 95,000 soldiers.")))
    assert [d.source for d in docs] == [str(f), "wire"]
