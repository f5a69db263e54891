"""The flow in worker processes gives what one process gives, and a dying worker costs only its article."""
import json
import os

import pytest

from conftest import ROOT, run_cli, run_json
from storyline.analyze import parallel
from storyline.ingest.article import make_article

SAMPLE = ROOT / "src" / "storyline" / "data" / "demo_sample"


def stored(db: str) -> dict:
    stories = run_json("stories", "--db", db, "--limit", "1000")["stories"]
    for story in stories:
        story.pop("updated_at")
    return {"stories": stories, "entities": run_json("entities", "--db", db, "--limit", "100000"),
            "quotes": run_json("quotes", "--db", db, "--limit", "100000")}


@pytest.mark.parametrize("workers", ["2", "3"])
def test_ingest_with_workers_stores_what_one_worker_stores(tmp_path, workers):
    one, many = str(tmp_path / "one.db"), str(tmp_path / "many.db")
    run_cli("ingest", str(SAMPLE), "--db", one, "--workers", "1")
    run_cli("ingest", str(SAMPLE), "--db", many, "--workers", workers)
    alone, together = stored(one), stored(many)
    assert len(alone["stories"]) >= 5 and len(alone["quotes"]["quotes"]) > 50
    assert together == alone


def test_analyze_with_workers_prints_what_one_worker_prints():
    alone = run_cli("analyze", str(SAMPLE), "--json", "--workers", "1").stdout
    together = run_cli("analyze", str(SAMPLE), "--json", "--workers", "2").stdout
    assert len(json.loads(alone)["articles"]) == 42  # 41 German, 1 English
    assert together == alone


def die_on_boom(chunk, time_limit, vectors=True):
    if any(article.id == "boom" for article in chunk):
        os._exit(9)  # what the kernel's out-of-memory killer leaves: no exception, no goodbye
    return [article.id for article in chunk]


def test_a_worker_that_dies_costs_only_its_article(monkeypatch):
    monkeypatch.setattr(parallel, "analyze_chunk", die_on_boom)
    ids = [f"a{number}" for number in range(30)]
    ids[13] = "boom"
    articles = [make_article("Putin traf Kim in Wladiwostok.", id=article_id, date="2023-09-13") for article_id in ids]
    results = list(parallel.analyze_stream(articles, workers=2))
    assert [article.id for article, _ in results] == ids  # every article, in input order
    failed = [article.id for article, result in results if isinstance(result, Exception)]
    assert "boom" in failed and len(failed) <= 2
    assert all(result == article.id for article, result in results if article.id not in failed)


def test_one_chunk_is_analysed_without_starting_workers(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started for one short article")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    article = make_article("Der russische Präsident Wladimir Putin hat sich am Mittwoch mit dem nordkoreanischen "
                           "Machthaber Kim Jong-un getroffen.", id="x", date="2023-09-13")
    [(_, analyzed)] = parallel.analyze_stream([article], workers=2)
    assert "Wladimir Putin" in [mention.text for mention in analyzed.mentions]


def test_an_article_that_times_out_is_reported_once_and_retried_on_request(store, tmp_path, monkeypatch):
    from storyline.analyze import pipeline
    from storyline.flow import ingest_paths
    from storyline.store.linked import unanalyzed_articles

    source = tmp_path / "artikel.jsonl"
    source.write_text("".join(json.dumps({"id": name, "date": "2023-09-13", "text": f"{text} Das sagte Peskow."},
                                         ensure_ascii=False) + "\n" for name, text in
                              (("langsam", "Putin traf Kim in Wostotschny."), ("schnell", "Kim reiste nach Moskau."))))
    real = pipeline.analyze_article

    def too_slow(article, time_limit=None, parsed=None, vectors=True):
        if article.id == "langsam":
            raise pipeline.AnalysisTimeout("analysis took longer than 60 s")
        return real(article, time_limit, parsed, vectors)

    monkeypatch.setattr(pipeline, "analyze_article", too_slow)
    first = ingest_paths(store, [source], workers=1)
    assert sorted(first.added) == ["langsam", "schnell"]
    assert [p.reason for p in first.problems] == ["langsam: analysis took longer than 60 s; stored without analysis "
                                                  "(`storyline ingest --retry-failed` tries again)"]
    again = ingest_paths(store, [source], workers=1)  # not analysed (and not reported) again
    assert again.duplicates == ["langsam", "schnell"] and again.problems == []
    assert unanalyzed_articles(store) == ["langsam"]
    monkeypatch.setattr(pipeline, "analyze_article", real)
    retried = ingest_paths(store, [source], workers=1, retry_failed=True)
    assert retried.problems == [] and unanalyzed_articles(store) == []


def test_an_article_that_exhausts_a_workers_memory_costs_only_itself(monkeypatch):
    from storyline.analyze import pipeline

    def greedy(analyzed):
        if analyzed.article.id == "gierig":
            bytearray(8 * 1024 ** 3)  # beyond the workers' address-space cap (limits.MEMORY_LIMIT)

    monkeypatch.setattr(pipeline, "STAGES", pipeline.STAGES + (("greedy", greedy),))
    ids = [f"a{number}" for number in range(20)]
    ids[5] = "gierig"
    text = ("Der russische Präsident Wladimir Putin hat den nordkoreanischen Machthaber Kim Jong Un in "
            "Wladiwostok empfangen, teilte der Kreml am Mittwoch mit. Das Treffen dauerte mehrere Stunden.")
    articles = [make_article(text, id=article_id, date="2023-09-13") for article_id in ids]
    results = {article.id: result for article, result in parallel.analyze_stream(articles, workers=2)}
    assert isinstance(results["gierig"], MemoryError)
    assert [i for i, result in results.items() if isinstance(result, Exception)] == ["gierig"]


def test_a_short_input_analysed_in_the_calling_process_is_memory_capped_per_article(tmp_path, monkeypatch):
    """One chunk is analysed without workers (`storyline analyze` on one small file): the cap holds
    there too, around the analysis only, and the process's own limit is back afterwards."""
    import resource

    from storyline.analyze import pipeline
    from storyline.flow import analyze_paths

    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started for one short input")

    def greedy(analyzed):
        if analyzed.article.id == "gierig":
            bytearray(8 * 1024 ** 3)  # beyond the cap (limits.MEMORY_LIMIT above the process's size)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(pipeline, "STAGES", pipeline.STAGES + (("greedy", greedy),))
    source = tmp_path / "kurz.jsonl"
    ids = ["a", "b", "gierig", "c", "d"]
    source.write_text("".join(json.dumps({"id": name, "date": "2023-09-13", "text": f"Putin traf Kim in Wostotschny, "
                                          f"meldete Agentur {name}."}, ensure_ascii=False) + "\n" for name in ids),
                      encoding="utf-8")
    before = resource.getrlimit(resource.RLIMIT_AS)
    document, problems = analyze_paths([source], workers=2)
    assert [article["id"] for article in document["articles"]] == ["a", "b", "c", "d"]
    assert all({e["text"] for e in article["entities"]} >= {"Putin", "Kim", "Wostotschny"}
               for article in document["articles"])
    assert [(p.path, p.reason.split(":")[0:2]) for p in problems] == [(str(source), ["analysis failed for gierig",
                                                                                    " MemoryError"])]
    assert problems[0].reason.endswith("; left out of the analysis")  # analyze stores nothing to retry
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_the_workers_memory_cap_keeps_a_lower_cap_already_in_place():
    """A Spark worker started with `spark.executor.pyspark.memory` below the cap keeps that limit."""
    script = ("import resource\n"
              "resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))\n"
              "from storyline.limits import cap_memory\n"
              "cap_memory()\n"
              "print(resource.getrlimit(resource.RLIMIT_AS))\n")
    assert printed_by_a_new_python(script) == str((2 * 1024 ** 3, 2 * 1024 ** 3))


def test_a_worker_forked_from_a_large_process_still_has_room_under_its_cap():
    """The cap counts from the worker's own size: a worker forked from a process that already holds
    3.5 GB of address space (a long test run, an application embedding Storyline) still analyses,
    and an 8 GB article still fails alone."""
    script = ("import mmap, resource\n"
              "held = mmap.mmap(-1, 3584 * 1024 ** 2)\n"  # address space only, nothing touched
              "from storyline.limits import cap_memory\n"
              "cap_memory()\n"
              "room = bytearray(64 * 1024 ** 2)\n"
              "try:\n"
              "    bytearray(8 * 1024 ** 3)\n"
              "    print('8 GB allocated')\n"
              "except MemoryError:\n"
              "    print('8 GB refused')\n")
    assert printed_by_a_new_python(script) == "8 GB refused"


def printed_by_a_new_python(script: str) -> str:
    """What `script` prints in a fresh interpreter: its address-space limits are its own."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
