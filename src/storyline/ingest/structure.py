"""Sentences with a German-aware splitter (SoMaJo): abbreviations, ordinals and „…“ stay whole."""
from __future__ import annotations

import unicodedata
from functools import lru_cache, partial

import regex

from storyline.ingest.somajo_patterns import grouped_abbreviations, install_prefilters
from storyline.model import Block, Sentence

# Every character SoMaJo's emoji splitter can act on; a token without one is left as it is.
EMOJI_CHARS = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")
# White space as SoMaJo's aligner sees it (the `regex` module's \s), written as one space.
WHITE_SPACE = regex.compile(r"\s")


@lru_cache(maxsize=1)
def _tokenizer():
    from somajo import SoMaJo

    somajo = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)
    inner = somajo._tokenizer
    inner._split_emojis = partial(_split_emojis_if_any, inner._split_emojis)
    inner.abbreviation = grouped_abbreviations(inner.abbreviation, "abbreviations_de.txt")
    install_prefilters(inner)
    return somajo


def _split_emojis_if_any(split_emojis, node, token_class: str = "emoticon") -> None:
    """SoMaJo runs two uncompiled regex searches per grapheme of every token to find emoji; that
    was half the cost of reading an article. One compiled search per token skips the news text
    that has none, with the same result."""
    if EMOJI_CHARS.search(node.value.text):
        split_emojis(node, token_class)


@lru_cache(maxsize=1)
def _fast_offsets_installed() -> bool:
    """Route SoMaJo's character alignment through `align_tokens` (once per process)."""
    from somajo import alignment

    alignment.token_offsets = partial(_token_offsets, alignment.token_offsets)
    return True


def _token_offsets(token_offsets, token_list, raw: str, position: int, xml_input: bool, tokens) -> list:
    """SoMaJo maps every character of a paragraph through three dictionaries to undo Unicode
    normalisation, and copies the rest of the paragraph for every token: a third of its time on
    news text. Our text is already NFC (clean.normalise_text), so the map is the identity; the
    tokens are then found in order. Anything else goes to SoMaJo's own alignment."""
    offsets = None
    if not xml_input and unicodedata.is_normalized("NFC", raw):
        offsets = align_tokens(tokens, raw, position)
    return offsets if offsets is not None else token_offsets(token_list, raw, position, xml_input, tokens)


def align_tokens(tokens, raw: str, position: int) -> list[tuple[int, int]] | None:
    """(start, end) of each token in `raw` plus `position`, reading the tokens in order; None
    when a token is not found at the cursor or after the white space there (characters SoMaJo
    drops, such as a soft hyphen, sit in between: SoMaJo's slower alignment handles them)."""
    spaced, cursor, offsets = WHITE_SPACE.sub(" ", raw), 0, []
    for token in tokens:
        if token.markup:
            return None
        text = token.text if token.original_spelling is None else token.original_spelling
        text = WHITE_SPACE.sub(" ", text)
        start = cursor if spaced.startswith(text, cursor) else skip_spaces(spaced, cursor)
        if not spaced.startswith(text, start):
            return None
        cursor = start + len(text)
        offsets.append((start + position, cursor + position))
    return offsets


def skip_spaces(spaced: str, cursor: int) -> int:
    while cursor < len(spaced) and spaced[cursor] == " ":
        cursor += 1
    return cursor


def split_sentences(text: str, blocks: list[Block]) -> list[Sentence]:
    """Sentences inside each block; a sentence never crosses a paragraph or heading boundary.

    Each block is tokenized on its own so that every sentence is placed in the block it came
    from, even when a block yields none (a paragraph of soft hyphens, found by fuzzing).
    """
    sentences: list[Sentence] = []
    _fast_offsets_installed()
    for block in blocks:
        if block.kind == "credit":
            continue
        for sentence in _tokenizer().tokenize_text([text[block.start:block.end]]):
            if sentence:
                first, last = sentence[0].character_offset[0], sentence[-1].character_offset[1]
                sentences.append(Sentence(block.start + first, block.start + last))
    return sentences
