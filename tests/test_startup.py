"""Cold start of `storyline analyze`: what a start-up loads, and that the faster loading paths give
the same answers as the slow ones (packed places index, language shortcut, spaCy, SoMaJo)."""
import gzip
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.analyze.places import index as places_index
from storyline.ingest.article import detect_language, is_clearly_german
from storyline.model import Block

SEEDS = Path(__file__).parent / "data" / "seeds"
HEAVY = ("sqlalchemy", "fastapi", "pyspark", "spacy", "uvicorn", "py3langid")


def loaded_after(code: str) -> list[str]:
    """Which of HEAVY (plus weasel, requests) a fresh interpreter has imported after running `code`."""
    watched = HEAVY + ("weasel", "requests")
    probe = f"{code}\nimport sys, json\nprint(json.dumps([m for m in {watched!r} if m in sys.modules]))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def read_seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8").split(" ", 3)[3]


def test_importing_the_cli_loads_no_database_web_spark_or_nlp_library():
    assert loaded_after("import storyline.cli") == []


def test_help_loads_no_database_web_spark_or_nlp_library():
    code = "from storyline.cli import app\ntry:\n    app(['--help'])\nexcept SystemExit:\n    pass"
    assert loaded_after(code) == []


def test_analyze_loads_no_database_web_or_spark_library_and_no_language_model_for_german_news():
    code = ("from storyline.cli import app\ntry:\n"
            f"    app(['analyze', {str(SEEDS / '004_956d5f3b9d4ee0dc.txt')!r}, '--json'])\n"
            "except SystemExit as exit:\n    assert not exit.code")
    assert loaded_after(code) == ["spacy"]


def test_german_article_gets_its_language_without_the_language_model():
    code = ("from pathlib import Path\nfrom storyline.ingest.article import make_article\n"
            f"text = Path({str(SEEDS / '004_956d5f3b9d4ee0dc.txt')!r}).read_text(encoding='utf-8').split(' ', 3)[3]\n"
            "assert make_article(text, date='2023-09').language == 'de'")
    assert "py3langid" not in loaded_after(code)


DUTCH = ("De regering heeft woensdag in Den Haag nieuwe wetten aangenomen. De minister zei dat de hervorming "
         "voor alle burgers van het land belangrijk is en dat zij ook in de provincies zal gelden. Volgens de "
         "oppositie komt het plan te laat, maar een meerderheid in de Tweede Kamer stemde voor het voorstel.")
LUXEMBOURGISH = ("D'Regierung huet e Mëttwoch zu Lëtzebuerg nei Gesetzer ugeholl. De Minister sot, datt d'Reform "
                 "fir all d'Bierger vum Land wichteg ass an datt se och an de Gemenge gëlle soll. D'Oppositioun "
                 "mengt, de Plang kéim ze spéit, mee eng Majoritéit an der Chamber huet dofir gestëmmt.")
DANISH = ("Regeringen har onsdag i København vedtaget nye love. Ministeren sagde, at reformen er vigtig for alle "
          "borgere i landet, og at den også skal gælde i kommunerne. Ifølge oppositionen kommer planen for sent, "
          "men et flertal i Folketinget stemte for forslaget, og loven træder i kraft til januar.")
ENGLISH = ("The government passed new laws in London on Wednesday. The minister said that the reform was "
           "important for all citizens of the country and that it would also apply in the regions. According to "
           "the opposition the plan comes too late, but a majority in parliament voted for the proposal.")


@pytest.mark.parametrize("text", [DUTCH, LUXEMBOURGISH, DANISH, ENGLISH])
def test_other_languages_are_left_to_the_language_model(text):
    assert not is_clearly_german(text.split())


def test_short_german_text_is_left_to_the_language_model():
    assert not is_clearly_german("Die Regierung hat am Mittwoch neue Gesetze beschlossen.".split())


def test_language_of_long_texts_is_unchanged():
    assert is_clearly_german(read_seed("000_a83f360c9ad2210f.txt").split())
    assert detect_language(read_seed("000_a83f360c9ad2210f.txt")) == "de"
    assert detect_language(ENGLISH) == "en"
    assert detect_language(DUTCH) == "nl"


def in_memory_tier(tier: str) -> places_index.GazetteerTier:
    return places_index.GazetteerTier(places_index.GAZETTEER_DIR / places_index.TIER_FILES[tier])


@pytest.mark.parametrize("tier", ["major", "minor"])
def test_packed_places_index_answers_like_the_index_built_from_the_gazetteer(tier):
    packed = places_index.packed_tiers()
    assert packed is not None, "places_index.bin is missing or stale: run scripts/build_places_index.py"
    built = in_memory_tier(tier)
    for name in ("Moskau", "Wladiwostok", "Komsomolsk am Amur", "Berlin", "Neustadt", "BAIKALSEE", "Pjöngjang",
                 "Xyzzy", "", "Zürich", "aaaa", "ﬀ"):
        assert packed[tier].lookup(name) == built.lookup(name), name
    keys = sorted(built.index)
    first_in_block = keys[::places_index.BLOCK_SIZE]
    for key in keys[::997] + first_in_block[::50] + [key + "\tx" for key in first_in_block[:3]] + [keys[-1], "x\n" + keys[0]]:
        assert packed[tier].lookup(key) == built.lookup(key), key
    assert [e.name for e in packed["major"].lookup("Moskau")] == ["Moscow"]


def test_packed_places_index_is_ignored_when_stale_missing_or_damaged(tmp_path):
    sources = {tier: places_index.GAZETTEER_DIR / name for tier, name in places_index.TIER_FILES.items()}
    changed = tmp_path / "places_major.tsv.gz"
    changed.write_bytes(gzip.compress(gzip.decompress(sources["major"].read_bytes())[:-200]))
    tiers, problem = places_index.open_packed_tiers(places_index.PACKED_INDEX, {**sources, "major": changed})
    assert tiers is None and problem == "places_index.bin was built from other gazetteer files"
    tiers, problem = places_index.open_packed_tiers(tmp_path / "places_index.bin", sources)
    assert tiers is None and problem == "places_index.bin is missing"
    (tmp_path / "places_index.bin").write_bytes(places_index.PACKED_INDEX.read_bytes()[:-1000])
    tiers, problem = places_index.open_packed_tiers(tmp_path / "places_index.bin", sources)
    assert tiers is None and problem == "places_index.bin is damaged"


def test_places_lookups_build_the_index_in_memory_without_the_packed_file(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(places_index, "PACKED_INDEX", tmp_path / "places_index.bin")
    for cached in (places_index.packed_tiers, places_index.major_tier, places_index.minor_tier):
        cached.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="storyline.analyze.places.index"):
            entries = places_index.lookup_major("Wladiwostok")
        assert isinstance(places_index.major_tier(), places_index.GazetteerTier)
        assert [(e.name, e.country) for e in entries] == [("Vladivostok", "RU")]
        assert "places_index.bin is missing; building it in memory" in caplog.text
    finally:
        for cached in (places_index.packed_tiers, places_index.major_tier, places_index.minor_tier):
            cached.cache_clear()


def test_packed_index_writes_the_same_file_again(tmp_path):
    sources = {tier: places_index.GAZETTEER_DIR / name for tier, name in places_index.TIER_FILES.items()}
    places_index.write_packed_index(tmp_path / "places_index.bin", sources)
    assert (tmp_path / "places_index.bin").read_bytes() == places_index.PACKED_INDEX.read_bytes()


def test_ner_pipeline_loads_without_spacys_command_line():
    assert "weasel" not in loaded_after("from storyline.analyze.entities.mentions import load_nlp\nload_nlp()")


def test_spacys_command_line_still_imports_after_load_nlp():
    code = ("from storyline.analyze.entities.mentions import load_nlp\nload_nlp()\n"
            "import spacy, spacy.cli\nassert hasattr(spacy.cli, 'app') and callable(spacy.info)")
    assert "weasel" in loaded_after(code)


def test_ner_pipeline_without_training_strings_finds_the_same_entities():
    import spacy

    from storyline.analyze.entities.mentions import MODEL_DIR, load_nlp

    text = read_seed("004_956d5f3b9d4ee0dc.txt")
    found = [(e.start_char, e.end_char, e.label_) for e in load_nlp()(text).ents]
    assert found == [(e.start_char, e.end_char, e.label_) for e in spacy.load(MODEL_DIR)(text).ents]
    assert {("Wladimir Putin", "PER"), ("Dimitri Peskow", "PER")} <= {
        (text[s:e], label) for s, e, label in found}


def test_somajo_built_with_lazy_patterns_splits_like_a_plain_somajo():
    from somajo import SoMaJo, tokenizer

    from storyline.ingest.structure import _tokenizer

    text = ("Dr. med. Müller sagte am 3. Okt. 2023 um 14.30 Uhr: „Nein!“ Die Kolleg*innen von "
            "ImmobilienScout24.de u.a. aus der Hauptstr. 5 widersprachen :-) Mehr unter www.example.com/a?b=1.")
    plain = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)
    lazy = _tokenizer()
    assert tokenizer.re.__name__ == "regex"
    sentences = [[(t.text, t.character_offset) for t in s] for s in lazy.tokenize_text([text])]
    assert sentences == [[(t.text, t.character_offset) for t in s] for s in plain.tokenize_text([text])]
    assert [s[-1][0] for s in sentences] == ["“", "."]
    assert [t for t, _ in sentences[0][:3]] == ["Dr.", "med.", "Müller"]


def test_split_sentences_on_a_seed_article_is_unchanged():
    from storyline.ingest.structure import split_sentences

    text = read_seed("000_a83f360c9ad2210f.txt")
    sentences = [text[s.start:s.end] for s in split_sentences(text, [Block(0, len(text), "paragraph")])]
    assert len(sentences) == 39
    assert sentences[1].endswith("lässt der russische Präsident Wladimir Putin 8.000 Kilometer von Moskau weg "
                                 "buchstäblich einiges auffahren.")
    assert sentences[2].startswith("Auf dem Weltraumbahnhof Wostotschny im Fernen Osten Russlands")
