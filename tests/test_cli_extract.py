"""`claimcheck extract` from the outside: options, formats, exit codes, stdin, atomic -o.

CONTRACT.md: PATH is a file, a directory or '-'; --format table|csv|json|jsonl|parquet;
-o writes the file whole or not at all; exit 0 when every input was read, 2 with one
line on standard error per unreadable input while the other inputs are still processed.
"""

from __future__ import annotations

import io
import json
import os
import warnings
from pathlib import Path

import polars as pl
import pytest

from claimcheck.render import RENDERERS
from claimcheck.table import CLAIM_COLUMNS

EN = "fixtures/articles/en/003-jobs-report.txt"
DE = "fixtures/articles/de/002-truppen-grenze-korrekt.txt"
FR = "fixtures/articles/fr/005-manifestation.txt"
FORMATS = ("table", "csv", "json", "jsonl", "parquet")
SENTENCE = "Mehr als 94.000 Soldaten stehen an der Grenze, sagte der Sprecher.\n"

# Inputs in fixtures/bad/ that cannot be read (one error line each) ...
UNREADABLE = ("binary.bin", "binary.txt", "empty.txt", "broken.csv", "missing-columns.csv")
# ... and those read with a warning (the text is still there).
READABLE_WITH_WARNING = ("invalid-utf8.txt", "latin1.txt")


def frame_of(fmt: str, data: bytes) -> pl.DataFrame:
    """Read rendered output back into a frame (csv, json, jsonl, parquet)."""
    if fmt == "csv":
        return pl.read_csv(io.BytesIO(data), schema_overrides={"ambiguous": pl.Boolean})
    if fmt == "json":
        return pl.DataFrame(json.loads(data))
    if fmt == "jsonl":
        return pl.DataFrame([json.loads(line) for line in data.decode().splitlines()])
    if fmt == "parquet":
        return pl.read_parquet(io.BytesIO(data))
    raise ValueError(fmt)


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if "error" in ln.lower()]


# --- help -----------------------------------------------------------------------------


def test_help(run_cli) -> None:
    out = run_cli("extract", "--help").stdout
    assert "PATH..." in out
    for fmt in FORMATS:
        assert fmt in out
    for option in ("--format", "-o, --output", "--lang", "--source"):
        assert option in out


def test_no_deprecated_click_api(run_cli) -> None:
    """Bug caught: the CLI called click.get_binary_stream, deprecated in click 8.5."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        run_cli("extract", "-", "--source", "s", "--format", "csv", input=SENTENCE.encode())


def test_group_help_lists_extract(run_cli) -> None:
    assert "extract" in run_cli("--help").stdout


def test_no_path_is_a_usage_error(run_cli) -> None:
    result = run_cli("extract", exit_code=2)
    assert "PATH" in result.stderr


def test_unknown_format_is_a_usage_error(run_cli) -> None:
    run_cli("extract", EN, "--format", "xml", exit_code=2)


# --- every format ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet"])
def test_every_machine_format_has_the_contract_columns(run_cli, fmt: str) -> None:
    data = run_cli("extract", EN, DE, FR, "--format", fmt).stdout_bytes
    frame = frame_of(fmt, data)
    assert tuple(frame.columns) == CLAIM_COLUMNS
    assert frame.height > 10
    assert set(frame["source"]) == {EN, DE, FR}


def test_formats_agree_row_for_row(run_cli) -> None:
    frames = {
        fmt: frame_of(fmt, run_cli("extract", EN, DE, FR, "--format", fmt).stdout_bytes)
        for fmt in ("csv", "json", "jsonl", "parquet")
    }
    cols = ["source", "start", "end", "text", "value", "low", "high", "qualifier", "unit",
            "role", "lang", "number_format", "ambiguous"]
    base = frames["parquet"].select(cols)
    for fmt, frame in frames.items():
        assert frame.select(cols).cast(base.schema).equals(base), fmt


def test_parquet_keeps_the_schema_types(run_cli) -> None:
    frame = frame_of("parquet", run_cli("extract", DE, "--format", "parquet").stdout_bytes)
    assert frame.schema["value"] == pl.Float64
    assert frame.schema["line"] == pl.Int64
    assert frame.schema["ambiguous"] == pl.Boolean


def test_table_format_is_human_readable(run_cli) -> None:
    out = run_cli("extract", DE, "--format", "table").stdout
    assert "Mehr als 94.000" in out or "mehr als 94.000" in out
    assert "qualifier" in out


def test_text_is_the_document_slice(run_cli, fixtures_dir: Path) -> None:
    """text == document[start:end] for every row of every article (issue 2, item 8)."""
    frame = frame_of("parquet", run_cli("extract", "fixtures/articles", "--format",
                                        "parquet").stdout_bytes)
    docs: dict[str, str] = {}
    for row in frame.iter_rows(named=True):
        path = row["source"]
        if path.endswith((".html", ".htm")):
            continue  # offsets there refer to the extracted text, not the file
        text = docs.setdefault(path, Path(path).read_text(encoding="utf-8"))
        assert text[row["start"]:row["end"]] == row["text"], row


def test_directory_walks_every_article(run_cli, fixtures_dir: Path) -> None:
    frame = frame_of("csv", run_cli("extract", "fixtures/articles/de",
                                    "--format", "csv").stdout_bytes)
    expected = {f"fixtures/articles/de/{p.name}" for p in (fixtures_dir / "articles/de").iterdir()
                if p.suffix in (".txt", ".md")}
    assert set(frame["source"]) == expected


# --- exit codes and errors -----------------------------------------------------------


def test_exit_0_when_every_input_was_read(run_cli) -> None:
    result = run_cli("extract", EN, "--format", "csv")
    assert result.stderr == ""


@pytest.mark.parametrize("name", UNREADABLE)
def test_one_bad_input_is_one_error_line(run_cli, name: str) -> None:
    result = run_cli("extract", f"fixtures/bad/{name}", "--format", "csv", exit_code=2)
    lines = error_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert name in lines[0]


def test_bad_inputs_do_not_stop_the_others(run_cli) -> None:
    bad = [f"fixtures/bad/{name}" for name in UNREADABLE]
    result = run_cli("extract", bad[0], EN, *bad[1:], DE, "--format", "csv", exit_code=2)
    lines = error_lines(result.stderr)
    assert len(lines) == len(UNREADABLE), result.stderr
    for name in UNREADABLE:
        assert sum(name in ln for ln in lines) == 1, (name, lines)
    sources = set(frame_of("csv", result.stdout_bytes)["source"])
    assert {EN, DE} <= sources
    # only broken.csv may contribute its readable rows (sources from its 'source' column)
    assert not any(s.startswith("fixtures/bad/") for s in sources)


def test_missing_file_is_one_error_line(run_cli) -> None:
    result = run_cli("extract", "fixtures/no-such-article.txt", EN, "--format", "csv",
                     exit_code=2)
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and "no-such-article.txt" in lines[0]
    assert set(frame_of("csv", result.stdout_bytes)["source"]) == {EN}


@pytest.mark.parametrize("name", READABLE_WITH_WARNING)
def test_undecodable_text_is_read_with_a_warning(run_cli, name: str) -> None:
    result = run_cli("extract", f"fixtures/bad/{name}", "--format", "csv")
    assert "warning" in result.stderr and name in result.stderr
    assert frame_of("csv", result.stdout_bytes).height >= 1


def test_bom_and_utf16_are_plain_text(run_cli) -> None:
    result = run_cli("extract", "fixtures/bad/bom.txt", "fixtures/bad/utf16.txt",
                     "--format", "jsonl")
    frame = frame_of("jsonl", result.stdout_bytes)
    assert not any(t.startswith("\ufeff") for t in frame["text"])
    assert set(frame["source"]) == {"fixtures/bad/bom.txt", "fixtures/bad/utf16.txt"}


# --- standard input -------------------------------------------------------------------


def test_stdin_with_source(run_cli) -> None:
    result = run_cli("extract", "-", "--source", "wire/de-1.txt", "--format", "jsonl",
                     input=SENTENCE.encode())
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["Mehr als 94.000"]
    (row,) = rows
    assert row["source"] == "wire/de-1.txt"
    assert (row["value"], row["low"], row["high"]) == (94000.0, 94000.0, None)
    assert row["qualifier"] == "more_than"
    assert (row["line"], row["column"], row["start"], row["end"]) == (1, 1, 0, 15)


def test_stdin_and_files_together(run_cli) -> None:
    result = run_cli("extract", EN, "-", "--source", "stdin-article", "--format", "csv",
                     input=SENTENCE.encode())
    assert set(frame_of("csv", result.stdout_bytes)["source"]) == {EN, "stdin-article"}


def test_empty_stdin_is_an_input_error(run_cli) -> None:
    result = run_cli("extract", "-", "--source", "nothing", "--format", "csv", input=b"",
                     exit_code=2)
    assert len(error_lines(result.stderr)) == 1


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_lang_option_sets_the_language(run_cli, lang: str) -> None:
    result = run_cli("extract", "-", "--lang", lang, "--format", "jsonl",
                     input=b"Police counted 12,500 people on Friday.\n")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {r["lang"] for r in rows} == {lang}


# --- -o: whole or not at all ---------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet"])
def test_output_file_holds_what_stdout_would(run_cli, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"claims.{fmt}"
    result = run_cli("extract", EN, DE, "--format", fmt, "-o", target)
    assert result.stdout_bytes == b""
    to_stdout = run_cli("extract", EN, DE, "--format", fmt).stdout_bytes
    assert frame_of(fmt, target.read_bytes()).equals(frame_of(fmt, to_stdout))
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temp file left


def test_output_format_follows_the_suffix(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "claims.parquet"
    run_cli("extract", DE, "-o", target)
    assert tuple(pl.read_parquet(target).columns) == CLAIM_COLUMNS


def test_output_replaces_an_old_file(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_text("old content\n")
    run_cli("extract", DE, "--format", "csv", "-o", target)
    assert target.read_text().startswith("source,line,column")


def test_failing_render_leaves_the_old_file(run_cli, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "claims.csv"
    target.write_text("old content\n")

    def broken(frame, **_):
        raise RuntimeError("renderer broke half-way")

    monkeypatch.setitem(RENDERERS, "csv", broken)
    with pytest.raises(RuntimeError, match="half-way"):
        run_cli("extract", DE, "--format", "csv", "-o", target)
    assert target.read_text() == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.csv"]


def test_failing_write_leaves_the_old_file(run_cli, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up before the data is safe: the old file stays, no temp file is left."""
    target = tmp_path / "claims.csv"
    target.write_text("old content\n")
    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    result = run_cli("extract", DE, "--format", "csv", "-o", target, exit_code=None)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert result.exit_code != 0
    assert "No space left" in result.stderr
    assert target.read_text() == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.csv"]


def test_unwritable_output_is_exit_2(run_cli, tmp_path: Path) -> None:
    result = run_cli("extract", DE, "-o", tmp_path / "no-such-dir" / "claims.csv",
                     exit_code=2)
    assert result.stderr.startswith("claimcheck: error:")
