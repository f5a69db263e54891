"""Build the bundled demo corpus from the Wikinews texts in ../shared/data (CC BY 2.5).

    python scripts/build_sample.py

Writes src/storyline/data/sample/wikinews_de.jsonl (one article per line: id, title, date,
outlet, url, text) and keeps the attribution file next to it. The seed articles are test data
and are not part of the sample.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wikinews import WIKINEWS, read_folder  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "storyline" / "data" / "sample"
ATTRIBUTION = """# Sample corpus: German Wikinews

`wikinews_de.jsonl` holds {count} articles from German Wikinews (de.wikinews.org), 2004–2022, as
distributed (tokenized) in the SpkAtt-2023 shared task data (`test_blind_texts`, repository
uhh-lt/news-speaker-attribution-2023). Text is rejoined from tokens by `scripts/build_sample.py`,
so spacing around punctuation may differ slightly from the original pages.

License of the texts: Creative Commons Attribution 2.5 (CC BY 2.5),
https://creativecommons.org/licenses/by/2.5/ — © the Wikinews contributors. Each record's `id`
carries the Wikinews number from the source file name; `title` and `date` come from that name too.
No annotations are included.
"""


def main() -> None:
    if not WIKINEWS.exists():
        sys.exit(f"needs the shared data at {WIKINEWS}")
    docs = read_folder(WIKINEWS / "test_blind_texts")
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "wikinews_de.jsonl", "w", encoding="utf-8") as out:
        for doc in docs:
            record = {"id": doc.id, "title": doc.title, "date": doc.date, "outlet": "Wikinews",
                      "text": doc.text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    (OUT / "ATTRIBUTION.md").write_text(ATTRIBUTION.format(count=len(docs)), encoding="utf-8")
    print(f"wrote {len(docs)} articles to {OUT / 'wikinews_de.jsonl'}")


if __name__ == "__main__":
    main()
