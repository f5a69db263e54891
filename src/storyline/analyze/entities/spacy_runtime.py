"""How the entity stage runs the model and reads its tokens cheaply (the hot-spot round, docs/speed.md).

Kept beside `mentions.py`, which holds what the stage finds; this module only makes it cheaper, and
every helper here gives the same entities as the plain spaCy calls it replaces.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path


MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "de_news"


class ModelMissingError(RuntimeError):
    """The shipped NER pipeline is absent: the package was built without its model files."""


@lru_cache(maxsize=1)
def load_nlp():
    """Load the shipped pipeline once per process (a Spark partition, a worker, the CLI).

    `exclude=["strings"]` skips the 264,000 training strings in vocab/strings.json (0.5 s of a
    0.6 s load): the model hashes token features itself, and every string a Doc needs is added when
    the text is tokenized, so entities are the same (checked on 2,500 sentences).
    """
    spacy = import_spacy()
    if not (MODEL_DIR / "config.cfg").exists():
        raise ModelMissingError(f"no NER model in {MODEL_DIR}; run `python scripts/train_ner.py`")
    import storyline.analyze.entities.word_classes  # noqa: F401  (registers the word-class component the pipeline may use)

    return spacy.load(MODEL_DIR, exclude=["strings"])


class Tokens(list):
    """The tokens of one parsed piece as a plain list, with the piece's text and token starts.

    spaCy makes a new Token object at every `doc[i]` and every loop over a Doc, and `doc.text`
    joins all tokens again at every call; the rules ask for both thousands of times per article,
    which cost as much as the model itself. Built once per piece, the rules index this list
    instead (`token.i` is still the position in it).
    """

    __slots__ = ("text", "starts")


def tokens_of(doc, text: str | None = None) -> Tokens:
    """The token list of `doc`; pass the text the Doc was made from when you have it, because
    `doc.text` rebuilds it from every token (spaCy's tokenizer keeps the text exactly)."""
    tokens = Tokens(doc)
    tokens.text = doc.text if text is None else text
    tokens.starts = [token.idx for token in tokens]
    return tokens


def tokens_between(doc: Tokens, start: int, end: int) -> list:
    """The tokens that start inside [start, end), found by bisection on the sorted starts."""
    return doc[bisect_left(doc.starts, start):bisect_left(doc.starts, end)]


def token_from(doc: Tokens, offset: int):
    """The first token starting at or after `offset`, or None."""
    index = bisect_left(doc.starts, offset)
    return doc[index] if index < len(doc) else None


@lru_cache(maxsize=1)
def load_tuned_nlp():
    """The shipped pipeline with its matrix products on numpy's BLAS instead of blis.

    On this hardware numpy's OpenBLAS multiplies the tok2vec matrices 2-3x faster than blis (a
    third less time for the whole entity stage), with the same entities on the benchmark texts.
    Own ops object, so that other spaCy pipelines in the process keep theirs.
    """
    from thinc.api import NumpyOps


    nlp, ops = load_nlp(), NumpyOps(use_blis=False)
    for _name, pipe in nlp.pipeline:
        for node in pipe.model.walk() if hasattr(pipe, "model") else ():  # the word-class step has no model
            node.ops = ops
    return nlp


@lru_cache(maxsize=1)
def blas_threads():
    """Caps BLAS at one thread while the model runs: OpenBLAS's second thread spins on these small
    matrices (5x the CPU time of one thread) and competes with the other worker process."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def parse_pieces(texts, batch_size: int) -> list:
    """spaCy Docs for the texts, in one `nlp.pipe`, with BLAS on one thread."""
    nlp = load_tuned_nlp()
    with blas_threads().limit(limits=1, user_api="blas"):
        return list(nlp.pipe(texts, batch_size=batch_size))


def article_pieces(article) -> list[tuple[int, str]]:
    """(offset, text) of the article's content sentences: what the entity stage reads."""
    return [(s.start, article.text[s.start:s.end]) for s in article.content_sentences()]


def parse_articles(articles, batch_size: int) -> list[list]:
    """The Docs of each article's pieces, from one `nlp.pipe` over the pieces of all articles.

    Each `nlp.pipe` call has a fixed cost (≈ 1 ms per article of 220 words: the model's batch
    set-up), so a worker that has several articles parses them together; the entities are the
    same as with one call per article (checked on 998 texts, docs/speed.md round three).
    """
    pieces = [[text for _, text in article_pieces(article)] for article in articles]
    parsed = iter(parse_pieces([text for texts in pieces for text in texts], batch_size))
    return [[next(parsed) for _ in texts] for texts in pieces]


def import_spacy():
    """`import spacy` without spacy's command line, which its __init__ imports for `spacy.info`
    (weasel, requests, jinja2: a third of the import). A stand-in answers for that one import and is
    then removed, so that a later `import spacy.cli` loads the real one."""
    import importlib
    import sys
    import types

    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return importlib.import_module("spacy")
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__, cli.info, info.info = [], info, _spacy_info
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        spacy = importlib.import_module("spacy")
    except ImportError:  # a spaCy whose __init__ wants more of its command line
        spacy = None
    finally:
        del sys.modules["spacy.cli"], sys.modules["spacy.cli.info"]
    if spacy is None:
        return importlib.import_module("spacy")
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


def _spacy_info(*args, **kwargs):
    """`spacy.info` as spaCy defines it, imported when someone calls it."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
