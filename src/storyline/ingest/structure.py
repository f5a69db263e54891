"""Sentences with a German-aware splitter (SoMaJo): abbreviations, ordinals and „…“ stay whole."""
from __future__ import annotations

from functools import lru_cache

from storyline.model import Block, Sentence


@lru_cache(maxsize=1)
def _tokenizer():
    from somajo import SoMaJo

    return SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)


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
