"""The Spark batch engine: the batch flow on a Spark cluster (or `local[N]` on one machine).

Records are read by Spark where the format splits (JSON Lines by line, Parquet by row group) and
as whole files otherwise (WARC, HTML, feeds, seed text). Workers run the same per-article function
as the local engine in `mapPartitions`; the models are shipped inside the package and loaded once
per Python worker by the stages' cached loaders, so nothing large is broadcast. The story step runs
per time window on the workers and is merged on the driver (`storyline.engine.windows`).
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from storyline.engine.batch import SCHEMAS, BatchOptions, BatchReport, describe_group, pick_article, spark_schema
from storyline.engine.inputs import (JSONL_SUFFIXES, display_path, file_articles, is_parquet, line_articles,
                                     record_articles)
from storyline.engine.rows import analyze_row, problem_row, row_features
from storyline.engine.windows import article_windows, cluster_window, merge_windows, name_stories, row_order
from storyline.ingest.problems import Problem
from storyline.ingest.read import ReadOptions, list_files


def spark_session(master: str | None = None, app_name: str = "storyline batch"):
    """A session for `master`; under spark-submit (no `--master` given) the submitted master is kept."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.appName(app_name).config("spark.sql.session.timeZone", "UTC")
               .config("spark.ui.showConsoleProgress", "false"))
    if master or "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = master or "local[*]"
        if master.startswith("local"):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = builder.config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        builder = builder.master(master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def split_inputs(paths: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(JSON Lines, Parquet, whole files): local folders are listed, other filesystems go by suffix."""
    jsonl, parquet, files = [], [], []
    for location in paths:
        if "://" in location and not location.startswith("file:"):
            kind = parquet if location.rstrip("/").endswith(".parquet") else \
                jsonl if location.endswith(JSONL_SUFFIXES) else files
            kind.append(location)
            continue
        for path in list_files([display_path(location)]):
            kind = parquet if is_parquet(path) else jsonl if path.name.endswith(JSONL_SUFFIXES) else files
            kind.append(path.resolve().as_uri())
    return jsonl, parquet, files


def read_items(spark, paths: list[str], options: ReadOptions):
    """An RDD of Article | Problem over every input, read where Spark can split it."""
    from pyspark.sql.functions import input_file_name

    jsonl, parquet, files = split_inputs(paths)
    parts = []
    if jsonl:
        lines = spark.read.text(jsonl).withColumn("_path", input_file_name()).rdd
        parts.append(lines.flatMap(lambda row: line_articles(row.value, display_path(row._path), None, options)))
    if parquet:
        table = spark.read.option("mergeSchema", "true").parquet(*parquet).withColumn("_path", input_file_name())
        parts.append(table.rdd.flatMap(lambda row: _row_articles(row.asDict(), options)))
    if files:
        blobs = spark.sparkContext.binaryFiles(",".join(files))
        parts.append(blobs.flatMap(lambda pair: file_articles(display_path(pair[0]), pair[1], options)))
    return spark.sparkContext.union(parts) if parts else spark.sparkContext.emptyRDD()


def _row_articles(record: dict, options: ReadOptions):
    path = display_path(record.pop("_path"))
    return record_articles(record, path, None, options)


def analyze_partition(articles):
    """mapPartitions body: models load on the first article of the worker, then stay loaded.
    Yields (row, problem rows) per article (`analyze_row`). The Python worker gets the address-space
    cap of the local engine's workers first (`limits.cap_memory`, BLAS held to one thread), so an
    article that exhausts it fails alone with a MemoryError; a lower `spark.executor.pyspark.memory`
    is kept."""
    from storyline.limits import cap_memory

    cap_memory()
    for article in articles:
        yield analyze_row(article)


def write_rows(spark, rdd, out: Path, name: str) -> None:
    frame = spark.createDataFrame(rdd, schema=spark_schema(SCHEMAS[name]))
    frame.write.mode("overwrite").parquet(str(out / name))


def assign_stories(spark, out: Path, options: BatchOptions) -> dict[str, str]:
    """Cluster each time window on the workers; merge and name the stories on the driver."""
    table = spark.read.parquet(str(out / "articles")).select("id", "date_start", "date_end", "features")
    window_days, overlap_days = options.window_days, options.overlap_days

    def to_windows(row):
        features = row_features(row.asDict())
        return [(window, (features, owned)) for window, owned in
                article_windows(features.date, window_days, overlap_days)]

    results = table.rdd.flatMap(to_windows).groupByKey().map(lambda kv: (kv[0], cluster_window(kv[0], kv[1])))
    order = {row.id: row_order(row.id, row.date_start) for row in table.select("id", "date_start").toLocalIterator()}
    return name_stories(merge_windows(dict(results.collect())), order)


def describe_stories(spark, out: Path, assignment: dict[str, str]):
    table = spark.read.parquet(str(out / "articles"))
    story_of = spark.createDataFrame(sorted(assignment.items()), schema="id string, story string")
    joined = table.join(story_of, on="id")
    grouped = joined.rdd.map(lambda row: (row.story, row.asDict())).groupByKey()
    return grouped.map(lambda pair: describe_group(pair[0], pair[1]))


def run_spark(paths: list[str], options: BatchOptions, master: str | None = None, spark=None) -> BatchReport:
    """The batch flow on Spark; writes the same articles/, stories/, problems/ as the local engine."""
    started = time.perf_counter()
    spark = spark or spark_session(master)
    out = Path(options.out).resolve()
    items = read_items(spark, [str(p) for p in paths], options.read).cache()
    problems = items.filter(lambda item: isinstance(item, Problem)).map(problem_row)
    articles = (items.filter(lambda item: not isinstance(item, Problem)).keyBy(lambda article: article.id)
                .reduceByKey(pick_article).values())
    analyzed = articles.mapPartitions(analyze_partition).cache()
    write_rows(spark, analyzed.map(lambda result: result[0]), out, "articles")
    write_rows(spark, problems.union(analyzed.flatMap(lambda result: result[1])), out, "problems")
    analyzed.unpersist()
    items.unpersist()
    assignment = assign_stories(spark, out, options)
    write_rows(spark, describe_stories(spark, out, assignment), out, "stories")
    counts = [spark.read.parquet(str(out / name)).count() for name in ("articles", "stories", "problems")]
    return BatchReport("spark", *counts, time.perf_counter() - started, str(out))
