"""Batch engines: the local process pool and Spark write the same Parquet; the windowed story step."""
import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from storyline.engine.batch import BatchOptions, read_parquet
from storyline.flow import run_batch
from storyline.engine.inputs import display_path, read_inputs
from storyline.engine.windows import article_windows, assign_windowed, merge_windows, name_stories
from storyline.ingest.article import make_article
from storyline.link.features import features_from_article
from storyline.link.stories import cluster_articles

from conftest import INPUTS, ROOT, SEEDS, run_json

SAMPLE = ROOT / "src" / "storyline" / "data" / "sample" / "wikinews_de.jsonl"
# The HTML page and the WARC records carry no id: theirs is a hash of the cleaned text, so it is read here.
PAGE_IDS = {article.id for article in read_inputs([str(INPUTS / "seite.html"), str(INPUTS / "archiv.warc")])}
KIM_STORY = {"000_a83f360c9ad2210f", "004_956d5f3b9d4ee0dc", "dpa-1", "dpa-2", "csv-1", "csv-2",
             "https://beispiel.de/kim-russland", "https://beispiel.de/wostotschny", "urn:beispiel:1"} | PAGE_IDS
needs_spark = pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (apt install openjdk-17-jre)")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """Seeds, every input format, 12 sample articles as JSON Lines and 12 more as Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = tmp_path_factory.mktemp("inputs")
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    (folder / "wikinews.jsonl").write_text("\n".join(lines[:12]) + "\n", encoding="utf-8")
    pq.write_table(pa.Table.from_pylist([json.loads(line) for line in lines[12:24]]), folder / "wikinews.parquet")
    return [str(SEEDS), str(INPUTS), str(folder)]


@pytest.fixture(scope="module")
def local_out(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local")
    run_batch(inputs, BatchOptions(out=out, workers=2), engine="local")
    return out


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    from storyline.engine.spark import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


def test_local_engine_groups_the_kim_putin_reports_into_one_story(local_out):
    stories = read_parquet(local_out, "stories")
    kim = [story for story in stories if "dpa-1" in story["articles"]]
    assert len(kim) == 1 and set(kim[0]["articles"]) == KIM_STORY
    assert kim[0]["title"] == "Zug aus Pjöngjang" and kim[0]["first_date"] == "2023-09"
    assert "Beispielblatt" in kim[0]["outlets"]


def test_local_engine_reads_parquet_and_keeps_one_article_per_id(local_out):
    articles = read_parquet(local_out, "articles")
    ids = [row["id"] for row in articles]
    assert len(ids) == len(set(ids)) == len(KIM_STORY) + 24
    row = next(row for row in articles if row["id"] == "dpa-1")
    assert (row["date"], row["outlet"], row["title"]) == ("2023-09-13", "Beispielblatt", "Kim trifft Putin in Wostotschny")
    names = {m["text"] for m in json.loads(row["analysis"])["mentions"]}
    assert "Wladimir Putin" in names
    parquet_rows = [r for r in articles if r["path"].endswith("wikinews.parquet")]
    assert len(parquet_rows) == 12 and all(r["outlet"] == "Wikinews" for r in parquet_rows)


@needs_spark
def test_spark_engine_writes_exactly_what_the_local_engine_writes(inputs, local_out, spark, tmp_path):
    from storyline.engine.spark import run_spark

    report = run_spark(inputs, BatchOptions(out=tmp_path), spark=spark)
    assert report.articles == len(KIM_STORY) + 24
    for name in ("articles", "stories", "problems"):
        assert read_parquet(tmp_path, name) == read_parquet(local_out, name), name


def day_article(id: str, day: date, text: str):
    return features_from_article(make_article(text, id=id, date=day.isoformat()))


STRIKE = ("Die Gewerkschaft Verdi hat das Bodenpersonal der Lufthansa in Frankfurt und München zu einem "
          "Warnstreik aufgerufen. Hunderte Flüge fallen aus, Passagiere sitzen an den Flughäfen fest. {}")
ELECTION = "In Bayern hat die CSU die Landtagswahl gewonnen. Markus Söder bleibt Ministerpräsident. {}"


def test_a_story_across_a_window_boundary_stays_one_story():
    boundary = date.fromordinal((date(2023, 9, 1).toordinal() // 42 + 1) * 42)
    features = [day_article(f"streik-{n}", boundary + timedelta(days=n), STRIKE.format(f"Tag {n} des Streiks."))
                for n in (-5, -2, 1, 3)]
    features.append(day_article("wahl", boundary + timedelta(days=2), ELECTION.format("Die Grünen verlieren.")))
    assignment = assign_windowed(features)
    assert len({assignment[f"streik-{n}"] for n in (-5, -2, 1, 3)}) == 1
    assert assignment["wahl"] != assignment["streik-1"]
    assert assignment["streik--5"] == "story-000001" and assignment["wahl"] == "story-000002"
    assert len(set(assignment.values())) == len(set(cluster_articles(features).values()))


def test_articles_in_the_overlap_are_sent_to_the_next_window_too():
    boundary = date.fromordinal(42 * 17_000)
    assert article_windows(boundary - timedelta(days=15)) == [(16_999, True)]
    assert article_windows(boundary - timedelta(days=14)) == [(16_999, True), (17_000, False)]
    assert article_windows(None) == [(-1, True)]


def test_a_later_window_can_join_two_earlier_stories():
    results = {5: [("a", "5:s1", True), ("b", "5:s2", True)],
               6: [("a", "6:s1", False), ("b", "6:s1", False), ("c", "6:s1", True), ("d", "6:s2", True)]}
    nodes = merge_windows(results)
    assert nodes["a"] == nodes["b"] == nodes["c"] != nodes["d"]
    names = name_stories(nodes, {"a": (False, 2, "a"), "b": (False, 1, "b"), "c": (False, 3, "c"),
                                 "d": (False, 0, "d")})
    assert names == {"d": "story-000001", "a": "story-000002", "b": "story-000002", "c": "story-000002"}


def test_inputs_are_named_by_absolute_path_in_both_engines():
    assert display_path("file:///tmp/a%20b/x.jsonl") == "/tmp/a b/x.jsonl"
    assert display_path("s3a://bucket/news.jsonl") == "s3a://bucket/news.jsonl"
    first = next(item for item in read_inputs([SEEDS]))
    assert first.path == str(SEEDS.resolve() / "000_a83f360c9ad2210f.txt")


def test_batch_command_writes_parquet(tmp_path):
    report = run_json("batch", str(SEEDS), "--out", str(tmp_path), "--workers", "1")
    assert (report["articles"], report["stories"], report["problems"]) == (2, 1, 0)
    assert [row["id"] for row in read_parquet(tmp_path, "articles")] == ["000_a83f360c9ad2210f",
                                                                          "004_956d5f3b9d4ee0dc"]


def test_a_batch_killed_while_writing_is_not_taken_as_complete(local_out, tmp_path):
    from storyline.engine.batch import IncompleteOutput

    copy = tmp_path / "out"
    shutil.copytree(local_out, copy)
    assert read_parquet(copy, "stories")
    (copy / "stories" / "_SUCCESS").unlink()  # what a run killed before its last step leaves
    (copy / "stories" / "part-00000.parquet.tmp").write_bytes(b"PAR1 truncated")
    with pytest.raises(IncompleteOutput, match="did not finish"):
        read_parquet(copy, "stories")


def one_worker_batch(tmp_path, kim_id: str):
    """`batch --engine local --workers 1` over three short articles, the Kim one under `kim_id`:
    (report, analyses by id, problem rows)."""
    source = tmp_path / "artikel.jsonl"
    texts = {"a": "Olaf Scholz besuchte am Montag Paris.", kim_id: "Kim Jong Un traf Wladimir Putin in Wostotschny.",
             "b": "Der Bundestag in Berlin beriet über den Haushalt."}
    source.write_text("".join(json.dumps({"id": key, "date": "2023-09-13", "text": text}, ensure_ascii=False) + "\n"
                              for key, text in texts.items()), encoding="utf-8")
    report = run_batch([str(source)], BatchOptions(out=tmp_path / "out", workers=1), engine="local")
    analyses = {row["id"]: json.loads(row["analysis"]) for row in read_parquet(tmp_path / "out", "articles")}
    return report, analyses, read_parquet(tmp_path / "out", "problems")


def test_a_failing_article_costs_the_batch_only_itself(tmp_path, monkeypatch):
    from storyline.analyze import pipeline

    def fail_on_kim(analyzed):
        if "Kim" in analyzed.article.text:
            raise ValueError("kaputt")

    monkeypatch.setattr(pipeline, "STAGES", pipeline.STAGES + (("fails", fail_on_kim),))
    report, analyses, problems = one_worker_batch(tmp_path, kim_id="k")
    assert report.articles == 3 and report.problems == 1
    assert [p["reason"] for p in problems] == ["k: analysis failed: ValueError: kaputt; written without analysis"]
    assert analyses["k"]["mentions"] == [] and {m["text"] for m in analyses["a"]["mentions"]} >= {"Olaf Scholz"}


def test_an_article_that_exhausts_memory_in_a_one_worker_batch_costs_only_itself(tmp_path, monkeypatch):
    """`--workers 1` analyses in the calling process, which starts uncapped: the cap holds per chunk."""
    from storyline.analyze import pipeline

    def greedy(analyzed):
        if analyzed.article.id == "gierig":
            bytearray(8 * 1024 ** 3)  # beyond the cap (limits.MEMORY_LIMIT above the process's size)

    monkeypatch.setattr(pipeline, "STAGES", pipeline.STAGES + (("greedy", greedy),))
    report, analyses, problems = one_worker_batch(tmp_path, kim_id="gierig")
    assert report.articles == 3 and report.problems == 1
    assert [p["reason"].split(":")[:3] for p in problems] == [["gierig", " analysis failed", " MemoryError"]]
    assert {m["text"] for m in analyses["a"]["mentions"]} >= {"Olaf Scholz"}


@needs_spark
def test_an_article_that_exhausts_a_spark_workers_memory_costs_the_batch_only_itself(spark, tmp_path, monkeypatch):
    """Spark's Python workers get the local engine's address-space cap (`limits.cap_memory`)."""
    from storyline.engine import spark as spark_engine
    from storyline.engine.spark import run_spark

    real = spark_engine.analyze_partition

    def greedy_partition(articles):  # shipped to the Spark worker by value, with its stage
        from storyline.analyze import pipeline

        def greedy(analyzed):
            if analyzed.article.id == "gierig":
                bytearray(8 * 1024 ** 3)  # beyond the workers' address-space cap (limits.MEMORY_LIMIT)

        if all(name != "greedy" for name, _ in pipeline.STAGES):
            pipeline.STAGES = pipeline.STAGES + (("greedy", greedy),)
        yield from real(articles)

    monkeypatch.setattr(spark_engine, "analyze_partition", greedy_partition)
    ids = [f"a{number}" for number in range(20)]
    ids[5] = "gierig"
    text = ("Der russische Präsident Wladimir Putin hat den nordkoreanischen Machthaber Kim Jong Un in "
            "Wladiwostok empfangen, teilte der Kreml am Mittwoch mit.")
    source = tmp_path / "artikel.jsonl"
    source.write_text("".join(json.dumps({"id": key, "date": "2023-09-13", "text": text}, ensure_ascii=False) + "\n"
                              for key in ids), encoding="utf-8")
    report = run_spark([str(source)], BatchOptions(out=tmp_path / "out"), spark=spark)
    analyses = {row["id"]: json.loads(row["analysis"]) for row in read_parquet(tmp_path / "out", "articles")}
    problems = read_parquet(tmp_path / "out", "problems")
    assert report.articles == 20 and report.problems == 1
    assert [p["reason"].split(":")[:3] for p in problems] == [["gierig", " analysis failed", " MemoryError"]]
    assert analyses["gierig"]["mentions"] == []
    assert all({m["text"] for m in analyses[key]["mentions"]} >= {"Wladimir Putin"} for key in ids if key != "gierig")
