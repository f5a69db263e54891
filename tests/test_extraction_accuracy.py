"""The extraction gate on real pages (slow): on the frozen third of ../shared/data/webpages_de the
HTML reader leaves boilerplate on fewer pages, truncates no more pages and keeps clean outlet
names on more pages than trafilatura's defaults in the same run (docs/accuracy-extraction.md)."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "webpages_de"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not DATA.exists(), reason="needs ../shared/data/webpages_de (not in a clone)")]


def test_frozen_pages_beat_trafilatura_defaults():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import extraction

    results = extraction.evaluate(extraction.load_pages("frozen"), errors=False)
    ours, base = results["storyline"], results["trafilatura defaults"]

    def rate(result, key):
        found, total = result[key]
        return found / total

    assert rate(ours, "boilerplate pages (precision < 0.90)") < rate(base, "boilerplate pages (precision < 0.90)")
    assert rate(ours, "truncated pages (recall < 0.90)") <= rate(base, "truncated pages (recall < 0.90)")
    assert rate(ours, "outlet clean") >= 0.95 > rate(base, "outlet clean")
    assert rate(ours, "lead kept") >= rate(base, "lead kept")
