"""Near-duplicate detection: agency copies printed by several outlets are linked, not dropped.

MinHash signatures over word 5-shingles, cut into LSH bands; two articles that share a band are
candidates, and the signature agreement estimates their Jaccard similarity. The bands are kept in
the store, so the check works across ingest runs without loading an index into memory.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard become candidates
ROWS = NUM_PERM // BANDS
NEAR_DUPLICATE = 0.7  # estimated Jaccard of word 5-shingles that counts as a copy
SHINGLE = 5


@dataclass(frozen=True)
class Fingerprint:
    signature: bytes  # NUM_PERM uint32 values
    bands: tuple[int, ...]  # one 63-bit hash per band, tagged with the band number


def _shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def fingerprint(text: str) -> Fingerprint:
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch(list(_shingles(text)))
    values = minhash.hashvalues.astype(np.uint32)
    bands = tuple(_band_hash(band, values[band * ROWS:(band + 1) * ROWS].tobytes()) for band in range(BANDS))
    return Fingerprint(values.tobytes(), bands)


def _band_hash(band: int, rows: bytes) -> int:
    """A stable 63-bit hash (Python's own hash() of bytes changes from run to run)."""
    digest = hashlib.blake2b(bytes([band]) + rows, digest_size=8).digest()
    return int.from_bytes(digest, "big") & 0x7FFF_FFFF_FFFF_FFFF


def similarity(a: bytes, b: bytes) -> float:
    """Share of agreeing MinHash values: an estimate of the Jaccard similarity of the shingles."""
    left, right = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
    return float(np.mean(left == right))
