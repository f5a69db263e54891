"""Sentences with a German-aware splitter (SoMaJo): abbreviations, ordinals and „…“ stay whole."""
from __future__ import annotations

from functools import lru_cache, partial

import regex

from storyline.model import Block, Sentence

# Every character SoMaJo's emoji splitter can act on; a token without one is left as it is.
EMOJI_CHARS = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


@lru_cache(maxsize=1)
def _tokenizer():
    from somajo import SoMaJo

    somajo = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)
    inner = somajo._tokenizer
    inner._split_emojis = partial(_split_emojis_if_any, inner._split_emojis)
    return somajo


def _split_emojis_if_any(split_emojis, node, token_class: str = "emoticon") -> None:
    """SoMaJo runs two uncompiled regex searches per grapheme of every token to find emoji; that
    was half the cost of reading an article. One compiled search per token skips the news text
    that has none, with the same result."""
    if EMOJI_CHARS.search(node.value.text):
        split_emojis(node, token_class)


def split_sentences(text: str, blocks: list[Block]) -> list[Sentence]:
    """Sentences inside each block; a sentence never crosses a paragraph or heading boundary."""
    readable = [b for b in blocks if b.kind not in ("credit",)]
    paragraphs = [text[b.start:b.end] for b in readable]
    sentences: list[Sentence] = []
    if not paragraphs:
        return sentences
    tokenized = _tokenizer().tokenize_text(paragraphs, parallel=1) if len(paragraphs) > 1 else (
        _tokenizer().tokenize_text(paragraphs)
    )
    blocks_iter = iter(readable)
    block = next(blocks_iter)
    previous_end = -1
    for sentence in tokenized:
        first, last = sentence[0].character_offset[0], sentence[-1].character_offset[1]
        if first < previous_end:  # the tokenizer moved on to the next paragraph
            block = next(blocks_iter)
        previous_end = last
        sentences.append(Sentence(block.start + first, block.start + last))
    return sentences
