"""The fast paths of the hot-spot round (docs/speed.md) give exactly what the slow ones gave.

Each test names the shortcut it guards: our own alignment of SoMaJo's tokens, the regex that
removes control characters, the jump from quote mark to quote mark, the indexed "laut" phrases,
the token list the entity rules read, and the BLAS set-up of the NER model.
"""
from __future__ import annotations

from storyline.analyze.entities.mentions import find_mentions_in_text
from storyline.analyze.entities.spacy_runtime import load_tuned_nlp, tokens_between, tokens_of
from storyline.analyze.quotes.cues import Token, source_phrase_after, source_phrase_before, tokenize
from storyline.analyze.quotes.marks import find_quoted
from storyline.ingest.article import make_article
from storyline.ingest.clean import normalise_text
from storyline.ingest.structure import align_tokens

TEXT = ("Am 13. September traf Wladimir Putin in Wladiwostok ein. Der Kremlsprecher Dimitri Peskow "
        "sagte, das Treffen sei „sehr wichtig“. Dr. Müller kam z. B. später.")


def sentences_of(article) -> list[str]:
    return [article.text[s.start:s.end] for s in article.sentences]


def test_sentences_are_exact_on_plain_text():
    assert sentences_of(make_article(TEXT)) == [
        "Am 13. September traf Wladimir Putin in Wladiwostok ein.",
        "Der Kremlsprecher Dimitri Peskow sagte, das Treffen sei „sehr wichtig“.",
        "Dr. Müller kam z. B. später."]


def test_soft_hyphen_goes_to_somajos_own_alignment():
    """SoMaJo drops the soft hyphen from "Wla\xaddiwostok"; our aligner declines and SoMaJo's
    slower one places the sentence, which keeps the hyphen inside it."""
    text = "Putin reiste nach Wla\xaddiwostok. Dort traf er Kim."
    article = make_article(text)
    assert sentences_of(article) == ["Putin reiste nach Wla\xaddiwostok.", "Dort traf er Kim."]


def test_align_tokens_declines_when_a_token_is_not_at_the_cursor():
    class Piece:  # the three fields of a SoMaJo token that the aligner reads
        def __init__(self, text, original=None):
            self.text, self.original_spelling, self.markup = text, original, False

    assert align_tokens([Piece("Kim"), Piece("kam"), Piece(".")], "Kim  kam.", 10) == [(10, 13), (15, 18), (18, 19)]
    assert align_tokens([Piece("Kim"), Piece("kam")], "Kim \n kam", 0) == [(0, 3), (6, 9)]
    assert align_tokens([Piece("Kim"), Piece("kam")], "Kim\xadkam", 0) is None
    assert align_tokens([Piece('"'), Piece("Ja")], "„Ja", 0) is None
    assert align_tokens([Piece('"', original="„"), Piece("Ja")], "„Ja", 0) == [(0, 1), (1, 3)]


def test_control_characters_are_removed_but_tab_and_newline_stay():
    assert normalise_text("Kim\x00 kam\x85 an.\tJa\r\nNein\x7f") == "Kim kam an.\tJa\nNein"


def test_quote_marks_of_several_kinds_in_one_paragraph():
    article = make_article('„Wir bleiben“, sagte er. »Gut«, so sie. Er rief "Halt" und ging. 3" Rohr.')
    assert [article.text[q.start:q.end] for q in find_quoted(article)] == ["Wir bleiben", "Gut", "Halt"]


def test_source_phrases_longest_first():
    text = "Nach Angaben der Polizei kam er. Laut Peskow nicht. Nach ersten Angaben schon."
    tokens = tokenize(text, 0, len(text))
    assert source_phrase_before(tokens, 0) == 3  # "nach Angaben der", not "nach Angaben"
    assert source_phrase_before(tokens, 7) == 1  # "laut"
    assert source_phrase_before(tokens, 1) == 0
    assert source_phrase_before(tokens, 11) == 3  # "Nach ersten Angaben": up to the source noun
    assert source_phrase_after(tokenize("Dem Kreml zufolge", 0, 17), 2)


def test_token_lower_is_no_part_of_equality():
    assert Token(0, 3, "Kim") == Token(0, 3, "Kim") and Token(0, 3, "Kim").lower == "kim"


def test_entity_rules_read_tokens_by_offset():
    tokens = tokens_of(load_tuned_nlp().make_doc("Kremlsprecher Dimitri Peskow sagte das."))
    assert tokens.text == "Kremlsprecher Dimitri Peskow sagte das."
    assert [t.text for t in tokens_between(tokens, 14, 28)] == ["Dimitri", "Peskow"]
    assert [t.text for t in tokens_between(tokens, 15, 29)] == ["Peskow"]


def test_entities_with_numpy_matrix_products():
    nlp = load_tuned_nlp()
    assert not any(node.ops.use_blis for _name, pipe in nlp.pipeline if hasattr(pipe, "model")
               for node in pipe.model.walk())
    mentions = find_mentions_in_text(TEXT)
    assert {(m.text, m.type) for m in mentions} >= {
        ("Wladimir Putin", "PER"), ("Wladiwostok", "LOC"), ("Dimitri Peskow", "PER")}


# Round two (docs/speed.md): remembered look-ups and bounds that skip work without changing a result.

def test_tokens_of_takes_the_text_the_doc_was_made_from():
    text = "Laut Kremlsprecher Dimitri Peskow kam Putin „spät“ an."
    doc = load_tuned_nlp().make_doc(text)
    assert tokens_of(doc, text).text == doc.text == text
    assert tokens_of(doc, text).starts == [t.idx for t in doc]


def test_role_words_are_remembered_per_word():
    from storyline.analyze.entities.words import role_of_word

    assert role_of_word("Kremlsprecher", "kremlsprecher") == "m"
    assert role_of_word("Bundeskanzlerin", "bundeskanzlerin") == "f"
    assert role_of_word("Hermann", "hermann") is None  # "-mann" ends many surnames
    assert role_of_word("sprecher", "sprecher") is None  # not capitalised


def test_place_lookups_are_remembered_but_each_caller_gets_its_own_list():
    from storyline.analyze.places.geocode import lookup_name

    first = lookup_name("Moskaus", villages=False)
    assert [(e.name, e.country) for e in first] == [("Moscow", "RU")]  # via the genitive variant "Moskau"
    first.clear()
    assert lookup_name("Moskaus", villages=False)


def test_place_names_end_before_the_first_lowercase_word():
    import re

    from storyline.analyze.places.geocode import WORD, name_limit

    words = list(WORD.finditer("Komsomolsk am Amur liegt am Fluss Amur und an der Grenze zu China"))
    assert name_limit(words, 0) == 3  # "Komsomolsk am Amur", then "liegt"
    assert name_limit(words, 5) == 10  # "Fluss Amur und an der": linkers continue, five words at most
    assert name_limit(words, 10) == 11  # "Grenze", then "zu"
    assert name_limit(words, 12) == 13 and isinstance(words[0], re.Match)


def test_link_keys_are_remembered():
    from storyline.link.names import name_key

    fold_name_key = name_key.__wrapped__
    for name in ("Kim Jong-un", "Kim Jong Un", "Sergej Schoigu", "Sergei Schoiggu"):
        assert name_key(name) == fold_name_key(name)
    assert name_key("Kim Jong-un") == "kim jong un" and name_key("Schoiggu") == name_key("Schoigu")


def test_long_article_selection_of_the_speed_benchmark():
    """`benchmarks/speed.py --min-words 300` measures long articles only, each text once."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "speed.py"
    spec = importlib.util.spec_from_file_location("speed_benchmark", path)
    speed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(speed)
    name, records = speed.load_long_records("sample", 300)
    assert records and all(len(r["text"].split()) >= 300 for r in records)
    assert len({speed.text_key(r) for r in records}) == len(records)
    assert name.startswith("texts of at least 300 words (bundled Wikinews sample ")
    assert "clustering set 43 of 481" in name
    assert speed.count_words(records) / len(records) > 400


# Round three: SoMaJo's abbreviation pattern grouped by first letter.

ABBREVIATION_TEXT = ("Der Abg. Müller (SPD) sprach am Mo. 4. Sept. mit Prof. Dr. Schulz u.a. über Abs. 3 "
                     "des Art. 5, vgl. S. 12 ff. Die Mio. Euro gingen z.B. an die Ev. Kirche, ca. 20 Std. "
                     "lang. ÖSTL. Nachbarn halfen um 10 Uhr. Das ist halt so. Ende.")


def test_grouped_abbreviations_match_like_somajos_pattern():
    """The grouped pattern that our tokenizer uses finds the same abbreviations, at the same
    places, as SoMaJo's own one-by-one pattern, and the fast one is really in use."""
    from somajo import SoMaJo

    from storyline.ingest.structure import _tokenizer

    theirs = SoMaJo("de_CMC")._tokenizer.abbreviation
    ours = _tokenizer()._tokenizer.abbreviation
    assert ours.pattern != theirs.pattern
    spans = [m.span() for m in ours.finditer(ABBREVIATION_TEXT)]
    assert spans == [m.span() for m in theirs.finditer(ABBREVIATION_TEXT)]
    assert [ABBREVIATION_TEXT[s:e] for s, e in spans] == [
        "Abg.", "Mo.", "Sept.", "Prof.", "Dr.", "u.a.", "Abs.", "vgl.", "ff.", "Mio.", "z.B.",
        "Ev.", "ca.", "Std.", "ÖSTL."]


def test_abbreviations_keep_sentences_whole():
    assert sentences_of(make_article(ABBREVIATION_TEXT)) == [
        "Der Abg. Müller (SPD) sprach am Mo. 4. Sept. mit Prof. Dr. Schulz u.a. über Abs. 3 des Art. 5, "
        "vgl. S. 12 ff. Die Mio. Euro gingen z.B. an die Ev. Kirche, ca. 20 Std. lang.",
        "ÖSTL. Nachbarn halfen um 10 Uhr.", "Das ist halt so.", "Ende."]


# Round three: several articles' sentences in one model call (analyze_articles).

BATCH_TEXTS = [
    "Wladimir Putin traf am Montag den nordkoreanischen Machthaber Kim Jong Un in Wladiwostok. "
    "Kim sagte, Russland sei ein wichtiger Partner.",
    "The summit in London ended on Tuesday without any agreement on the trade deal at all.",
    "Die Bundesregierung in Berlin will die Hilfe für die Ukraine erhöhen. Olaf Scholz kündigte das "
    "am Mittwoch im Bundestag an. „Wir stehen an der Seite der Ukraine“, sagte der Kanzler.",
    "Der FC Bayern München gewann in Dortmund mit 2:1. Thomas Tuchel lobte seine Mannschaft.",
]


def batch_articles():
    return [make_article(text, id=f"a{i}", date="2023-09") for i, text in enumerate(BATCH_TEXTS)]


def test_articles_analysed_together_as_alone():
    from storyline.analyze.pipeline import analyze_article, analyze_articles
    from storyline.serialize import analysis_to_dict

    together = analyze_articles(batch_articles())
    alone = [analyze_article(article) for article in batch_articles()]
    assert [analysis_to_dict(a) for a in together] == [analysis_to_dict(a) for a in alone]
    assert [m.text for m in together[0].mentions] == [
        "Wladimir Putin", "Kim Jong Un", "Wladiwostok", "Kim", "Russland"]
    assert [m.text for m in together[1].mentions] == ["London"]  # English: its own reader, not the German model
    assert [m.text for m in together[2].mentions][:3] == ["Bundesregierung", "Berlin", "Ukraine"]


def test_a_failing_article_is_reported_alone(monkeypatch):
    from storyline.analyze import pipeline

    def fail_on_bayern(analyzed):
        if "Bayern" in analyzed.article.text:
            raise ValueError("kaputt")

    monkeypatch.setattr(pipeline, "STAGES", pipeline.STAGES + (("fails", fail_on_bayern),))
    results = pipeline.analyze_articles(batch_articles())
    assert [type(r).__name__ for r in results] == ["AnalyzedArticle"] * 3 + ["ValueError"]
    assert [m.text for m in results[2].mentions if m.type == "PER"] == ["Olaf Scholz"]


def test_a_slow_article_times_out_alone(monkeypatch):
    import time

    from storyline.analyze import pipeline

    def hang_on_scholz(analyzed):
        if "Scholz" in analyzed.article.text:
            time.sleep(2)

    untimed = pipeline.analyze_articles(batch_articles())
    monkeypatch.setattr(pipeline, "STAGES", pipeline.STAGES + (("hangs", hang_on_scholz),))
    results = pipeline.analyze_articles(batch_articles(), time_limit=0.5)
    assert isinstance(results[2], pipeline.AnalysisTimeout)
    assert results[3].mentions == untimed[3].mentions
    assert {"Dortmund", "Thomas Tuchel"} <= {m.text for m in results[3].mentions}


def test_shared_model_call_failing_falls_back_to_one_call_per_article(monkeypatch):
    from storyline.analyze import pipeline
    from storyline.analyze.entities import spacy_runtime as entities_runtime

    expected = [a.mentions for a in pipeline.analyze_articles(batch_articles())]

    def broken(articles, batch_size):
        raise MemoryError("too big")

    monkeypatch.setattr(entities_runtime, "parse_articles", broken)
    assert [a.mentions for a in pipeline.analyze_articles(batch_articles())] == expected


def test_local_engine_rows_in_chunks_as_one_by_one():
    from storyline.engine.local import CHUNK, analyze_chunks
    from storyline.engine.rows import analyze_row

    articles = batch_articles() * 3  # more than one chunk
    assert len(articles) > CHUNK
    rows, problems = analyze_chunks(lambda fn, items, chunksize=1: map(fn, items), articles)
    assert rows == [analyze_row(article)[0] for article in articles] and problems == []


def test_sentence_tokens_are_made_once_and_each_caller_gets_its_own_list():
    text = "„Wir helfen“, sagte Scholz laut Regierungssprecher am Mittwoch."
    first = tokenize(text, 0, len(text))
    first.pop()
    second = tokenize(text, 0, len(text))
    assert [t.text for t in second] == ["„", "Wir", "helfen", "“", ",", "sagte", "Scholz", "laut",
                                        "Regierungssprecher", "am", "Mittwoch", "."]
    assert second[5] is first[5] and second[5].start == 14 and second[5].lower == "sagte"
    assert [(t.start, t.end) for t in tokenize(text, 14, 26)] == [(14, 19), (20, 26)]


def test_tone_word_scores_are_remembered_per_word():
    from storyline.analyze.tone import measure_tone, score_word

    assert score_word("Despoten") == (-1.0, -1.0, 0)  # opinion marker, with an ending
    assert score_word("katastrophalen") == (None, -1.0, 0)  # polarity lexicon only
    assert score_word("wir") == (None, None, 1) and score_word("gut") == (None, 1.0, 0)
    tone = measure_tone("Wir halten das nicht für gut. Der Despoten-Freund redet.")
    assert (tone.polarity, tone.subjectivity) == (-0.2857, 1.0)  # "nicht" turns "gut" negative: -2 / (2 + 5)


def test_town_names_inside_longer_names_from_one_word_scan():
    from storyline.analyze.places.geocode import name_parts, sentence_words

    article = make_article("Kim Jong-un traf Wladimir Putin in Wladiwostok. "
                           "Danach sprach Kim mit Journalisten aus Moskau.")
    assert name_parts(article) == name_parts(article, sentence_words(article)) == {"Kim", "Wladimir"}


# Round five: cheap character tests in front of SoMaJo patterns (ingest/somajo_patterns.py).

PREFILTER_TEXTS = [
    "Am 03.10.2023 und am 12/24/2023 kam die 3. Auflage (ISBN 978-3-16-148410-0, auch 3-16-148410-X) "
    "heraus. Schreiben Sie an info@example.com oder an max [at] example [dot] de.",
    "Die Kanzlei Auer+Weber+Assoziierte nutzt C++Builder und Notepad++, drückt Strg+Alt+Entf. "
    "Best.-Nr. 12 und Art.Nr. 7 sind NR. 8 nicht. Am 1. Mai und am 2000. Tag.",
    "Ein Text ohne Ziffern, ohne Klammeraffe und ohne Pluszeichen: Ende. Noch ein Satz!",
    "١٢.١٠.٢٠٢٣ ist ein Datum in arabisch-indischen Ziffern. Und ＋ ist kein Plus.",
    # each alone, so that a prefilter asking for a character beside the one the match needs fails
    "max [at] example [dot] de", "info@example.com", "1. 2. 3.", "978-3-16-148410-0", "03.10.2023",
    "12/24/2023", "٣. ٤.", "ISBN 316-148-410-X", "Best.-Nr.", "BEST.-NR.", "Auer+Weber+Assoziierte", "Strategy&", "+Teamgeist",
]


def test_prefilters_are_installed_on_the_somajo_we_ship():
    """A SoMaJo upgrade changes a pattern's digest and silently drops its prefilter: this test says
    so, and the pattern must be read again before its digest is updated."""
    from storyline.ingest.somajo_patterns import NEEDED_CHARACTERS, Prefiltered
    from storyline.ingest.structure import _tokenizer

    inner = _tokenizer()._tokenizer
    assert {name for name in NEEDED_CHARACTERS if isinstance(getattr(inner, name), Prefiltered)} == set(NEEDED_CHARACTERS)


def test_every_listed_plus_or_ampersand_token_holds_the_character_its_prefilter_needs():
    from somajo import utils

    tokens = utils.read_abbreviation_file("tokens_with_plus_or_ampersand.txt")
    assert len(tokens) > 100
    assert [token for token in tokens if "+" not in token and "&" not in token] == []


def test_prefiltered_patterns_find_what_somajos_own_patterns_find():
    from somajo import SoMaJo

    from storyline.ingest.somajo_patterns import NEEDED_CHARACTERS
    from storyline.ingest.structure import _tokenizer

    theirs, ours = SoMaJo("de_CMC")._tokenizer, _tokenizer()._tokenizer
    found = 0
    for name in NEEDED_CHARACTERS:
        for text in PREFILTER_TEXTS:
            spans = [m.span() for m in getattr(ours, name).finditer(text)]
            assert spans == [m.span() for m in getattr(theirs, name).finditer(text)], (name, text)
            found += len(spans)
    assert found >= 10


def test_prefiltered_somajo_splits_like_a_plain_somajo():
    from somajo import SoMaJo

    from storyline.ingest.structure import _tokenizer

    plain = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)
    for text in PREFILTER_TEXTS:
        ours = [[(t.text, t.token_class) for t in s] for s in _tokenizer().tokenize_text([text])]
        assert ours == [[(t.text, t.token_class) for t in s] for s in plain.tokenize_text([text])], text
    tokens = {(t.text, t.token_class) for text in PREFILTER_TEXTS[:2] for s in _tokenizer().tokenize_text([text])
              for t in s}
    assert {("03.", "date"), ("978-3-16-148410-0", "number"), ("info@example.com", "email_address"),
            ("max[at]example[dot]de", "email_address"), ("3.", "ordinal"), ("Auer+Weber+Assoziierte", "regular"),
            ("Notepad++", "regular"), ("Best.-Nr.", "abbreviation")} <= tokens
