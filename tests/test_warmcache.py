"""The start-up cache (claimcheck.warmcache): replayed patterns and stored lemma
dictionaries behave exactly like the ones built from scratch, and a cache that is off,
missing, corrupt or unwritable changes nothing but the time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from claimcheck import grammar, warmcache

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and a warmcache with no patterns loaded yet."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(warmcache.ENV, str(folder))
    monkeypatch.setattr(warmcache, "_stored", None)
    monkeypatch.setattr(warmcache, "_added", {})
    monkeypatch.setattr(warmcache, "_used", set())
    monkeypatch.setattr(warmcache, "STATS", {"replayed": 0, "compiled": 0})
    return folder


def _forget_loaded() -> None:
    """What a new process knows: nothing in memory, only the files."""
    warmcache._stored = None
    warmcache._added = {}


def _texts(lang: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ARTICLES / lang).iterdir())][:6]


def _patterns(g: grammar.Grammar) -> dict[str, regex.Pattern]:
    out = {}
    for name in g.__dataclass_fields__:
        value = getattr(g, name)
        if isinstance(value, regex.Pattern):
            out[name] = value
        elif isinstance(value, tuple) and value and all(isinstance(v, regex.Pattern) for v in value):
            out.update({f"{name}[{i}]": v for i, v in enumerate(value)})
    return out


def _matches(p: regex.Pattern, text: str) -> list[tuple[int, int, tuple]]:
    """Every match from every start: where it ends and what each group took."""
    out = []
    for pos in range(0, len(text), 7):  # a reverse pattern reads leftwards from pos
        m = p.match(text, 0, pos) if p.flags & regex.REVERSE else p.match(text, pos)
        if m is not None:
            out.append((pos, m.end() if not p.flags & regex.REVERSE else m.start(), m.regs))
    return out


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_replayed_grammar_matches_like_the_compiled_one(cache: Path, lang: str) -> None:
    fresh = grammar._build_grammar(lang)
    assert warmcache.save_patterns()
    compiled, again = warmcache.STATS["compiled"], warmcache.STATS["replayed"]
    assert compiled >= 20 and again < 5  # a pattern met twice is compiled once
    _forget_loaded()
    replayed = grammar._build_grammar(lang)
    assert warmcache.STATS["compiled"] == compiled  # nothing compiled the second time
    assert warmcache.STATS["replayed"] >= again + compiled - 2  # (dates' own are kept by @cache)
    a, b = _patterns(fresh), _patterns(replayed)
    assert a.keys() == b.keys() and len(a) >= 20
    texts = _texts(lang)
    assert sum(a[name] is not b[name] for name in a) >= 20  # (dates' are built elsewhere)
    for name, p in a.items():
        q = b[name]
        assert (q.pattern, q.flags, q.groupindex) == (p.pattern, p.flags, p.groupindex), name
        for text in texts:
            assert _matches(q, text) == _matches(p, text), name


def test_a_changed_pattern_misses(cache: Path) -> None:
    warmcache.compile_pattern(r"(?P<n>[0-9]+)\s*km", regex.IGNORECASE)
    warmcache.save_patterns()
    _forget_loaded()
    p = warmcache.compile_pattern(r"(?P<n>[0-9]+)\s*kg", regex.IGNORECASE)
    assert warmcache.STATS == {"replayed": 0, "compiled": 2}
    assert p.match("12 KG").group("n") == "12" and p.match("12 km") is None
    q = warmcache.compile_pattern(r"(?P<n>[0-9]+)\s*km", 0)  # same text, other flags
    assert q.match("12 KM") is None and warmcache.STATS["compiled"] == 3


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped byte", "empty", "not a dict"])
def test_a_damaged_pattern_file_is_a_miss(cache: Path, damage: str) -> None:
    source = r"(?r)(?P<q>more than|up to)\s+\Z"
    warmcache.compile_pattern(source, regex.IGNORECASE)
    warmcache.save_patterns()
    path = cache / warmcache.PATTERN_FILE
    data = path.read_bytes()
    if damage == "garbage":
        data = b"\x00\xff" * 100
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped byte":
        data = data[:-10] + bytes([data[-10] ^ 0x40]) + data[-9:]
    elif damage == "empty":
        data = b""
    path.write_bytes(data)
    if damage == "not a dict":
        warmcache.write_value(warmcache.PATTERN_FILE, [1, 2, 3])
    _forget_loaded()
    p = warmcache.compile_pattern(source, regex.IGNORECASE)
    assert warmcache.STATS["replayed"] == 0
    assert p.match("rose by more than ", 0, 18).group("q") == "more than"
    assert warmcache.save_patterns()  # and the file is whole again
    _forget_loaded()
    warmcache.compile_pattern(source, regex.IGNORECASE)
    assert warmcache.STATS["replayed"] == 1


def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(warmcache.ENV, "off")
    monkeypatch.setattr(warmcache, "_added", {})
    assert warmcache.cache_dir() is None
    p = warmcache.compile_pattern(r"[0-9]+ Mio\.")
    assert p.search("2,5 Mio. Euro") and not warmcache.save_patterns()
    assert not warmcache.write_value("x.bin", 1) and warmcache.read_value("x.bin") is None


def test_an_unwritable_folder_fails_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(warmcache.ENV, str(blocker / "cache"))
    monkeypatch.setattr(warmcache, "_stored", None)
    monkeypatch.setattr(warmcache, "_added", {})
    p = warmcache.compile_pattern(r"[0-9]+ km")
    assert p.match("12 km") and not warmcache.save_patterns()
    assert not warmcache.write_value("x.bin", 1)
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_default_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(warmcache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert warmcache.cache_dir() == tmp_path / "claimcheck"
    monkeypatch.setenv(warmcache.ENV, "~/elsewhere")
    assert warmcache.cache_dir() == Path("~/elsewhere").expanduser()


def test_no_temporary_file_is_left(cache: Path) -> None:
    assert warmcache.write_value("v.bin", {"a": (1, 2.5, b"x", None)})
    assert warmcache.read_value("v.bin") == {"a": (1, 2.5, b"x", None)}
    assert sorted(p.name for p in cache.iterdir()) == ["v.bin"]


# --- lemma dictionaries -------------------------------------------------------------------


def _words(lang: str) -> list[str]:
    words = {w.strip(".,;:!?()«»\"'„“”") for t in _texts(lang) for w in t.split()}
    return sorted(w for w in words if w and any(c.isalpha() for c in w))


class _NoDictionaries:
    """A dictionary factory that must not be asked: the cache has to answer."""

    def get_dictionary(self, lang: str) -> None:
        raise AssertionError(f"the {lang} dictionary was decoded again")


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_stored_dictionaries_lemmatize_like_simplemma(cache: Path, lang: str) -> None:
    import simplemma
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    def ours(inner: object) -> Lemmatizer:
        factory = warmcache.CachedDictionaries(inner)
        return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))

    words = _words(lang)
    assert len(words) > 200
    expected = [simplemma.lemmatize(w, lang=lang) for w in words]
    cold = ours(DefaultDictionaryFactory())
    assert [cold.lemmatize(w, lang) for w in words] == expected
    assert (cache / warmcache.CachedDictionaries(None).file_name(lang)).is_file()
    warm = ours(_NoDictionaries())
    assert [warm.lemmatize(w, lang) for w in words] == expected


def test_sorted_lemmas_is_the_dictionary(cache: Path) -> None:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    raw = DefaultDictionaryFactory().get_dictionary("en")._dict
    warmcache.CachedDictionaries(DefaultDictionaryFactory()).get_dictionary("en")
    stored = warmcache.CachedDictionaries(DefaultDictionaryFactory()).get_dictionary("en")
    assert isinstance(stored, warmcache.SortedLemmas) and len(stored) == len(raw)
    for key in list(raw)[::997]:
        word = key.decode()
        assert stored[word] == stored.get(word) == raw[key].decode() and word in stored
    assert list(stored)[:50] == sorted(k.decode() for k in raw)[:50]
    for missing in ("", "zzzzqx", "\uffff", "soldiers-and-more", "\x00"):
        assert missing not in stored and stored.get(missing, "-") == "-"
        with pytest.raises(KeyError):
            stored[missing]


@pytest.mark.parametrize("stored", [
    ("I4other-endian", b"a", b"b", b"\x00\x00\x00\x00"),  # indexes written elsewhere
    (warmcache._INDEX_LAYOUT, b"a\nb", b"x", b"\x00\x00\x00\x00"),  # one index for two forms
    (warmcache._INDEX_LAYOUT, b"a", b"x", b"\x05\x00\x00\x00"),  # an index past the lemmas
    (warmcache._INDEX_LAYOUT, b"a", b"x", b"\x00\x00"),  # half an index
    (b"a", b"b"),  # the wrong shape
])
def test_a_wrong_lemma_file_is_a_miss(cache: Path, stored: tuple) -> None:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    name = warmcache.CachedDictionaries(None).file_name("en")
    assert warmcache.write_value(name, stored)
    first = warmcache.CachedDictionaries(DefaultDictionaryFactory()).get_dictionary("en")
    assert not isinstance(first, warmcache.SortedLemmas) and first.get("soldiers") == "soldier"
    again = warmcache.CachedDictionaries(_NoDictionaries()).get_dictionary("en")
    assert isinstance(again, warmcache.SortedLemmas) and again.get("soldiers") == "soldier"


# --- end to end ---------------------------------------------------------------------------


def test_cold_warm_and_off_give_the_same_claims(tmp_path: Path) -> None:
    """Three fresh processes: an empty cache (filled on the way), the filled cache, none."""
    outputs = []
    for setting in (str(tmp_path / "c"), str(tmp_path / "c"), "off"):
        env = {**os.environ, warmcache.ENV: setting}
        proc = subprocess.run(
            [sys.executable, "-m", "claimcheck", "extract", str(ARTICLES), "--format", "jsonl",
             "--jobs", "1"], capture_output=True, env=env, check=False)
        assert proc.returncode == 0, proc.stderr.decode()
        outputs.append(proc.stdout)
    assert len(outputs[0]) > 10_000
    assert outputs[0] == outputs[1] == outputs[2]
    names = sorted(p.name for p in (tmp_path / "c").iterdir())
    assert names[-1].startswith("patterns-") and any(n.startswith("lemmas-") for n in names)


def test_pattern_texts_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """A pattern built from a set in hash order would miss the cache in every new process."""
    script = (
        "import hashlib\n"
        "from claimcheck import warmcache\n"
        "from claimcheck.grammar import get_grammar\n"
        "from claimcheck.dates import _period_parts, date_at_re, period_re, time_after_re\n"
        "for lang in ('de', 'en', 'fr'):\n"
        "    get_grammar(lang); _period_parts(lang); period_re(lang); time_after_re(lang)\n"
        "date_at_re()\n"
        "table = warmcache.read_value(warmcache.PATTERN_FILE)\n"
        "print(len(table), hashlib.sha256(repr(sorted(table)).encode()).hexdigest())\n"
    )
    seen = set()
    for seed in ("1", "2"):
        env = {**os.environ, warmcache.ENV: str(tmp_path / seed), "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, env=env,
                              check=True, cwd=tmp_path)
        seen.add(proc.stdout)
    assert len(seen) == 1, seen
    assert int(seen.pop().split()[0]) > 100
