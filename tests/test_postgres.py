"""The store on a real PostgreSQL server: migrations, ingest, links, German full-text search, export.

The SQLite store tests are imported and run again here against PostgreSQL: this module's `store`
fixture (a fresh database per test) overrides the SQLite one from conftest.
"""
import pytest
from sqlalchemy import text

from pg_server import PostgresServer, find_bin_dir

from conftest import INPUTS, SEEDS

BIN = find_bin_dir()
pytestmark = pytest.mark.skipif(BIN is None, reason="needs the PostgreSQL server binaries "
                                "(apt-get install postgresql)")

from test_store import (test_a_different_text_under_a_known_id_is_reported,  # noqa: E402,F401  (run on PostgreSQL)
                        test_agency_copies_are_linked_not_dropped, test_ingesting_twice_adds_nothing,
                        test_search_finds_words_and_survives_query_syntax,
                        test_unrelated_articles_are_not_near_duplicates)
from test_bad_input import (test_jsonl_line_that_is_not_json,  # noqa: E402,F401
                            test_latin1_file_is_read_correctly_with_a_warning,
                            test_missing_date_is_stored_without_inventing_one,
                            test_nothing_already_stored_changes)
from test_search import (searchable, test_or_not_and_prefix,  # noqa: E402,F401
                         test_quoted_phrase_needs_the_words_next_to_each_other,
                         test_query_syntax_in_user_input_is_never_an_error, test_ss_finds_sharp_s_and_back,
                         test_umlauts_written_as_digraphs_or_without_dots_find_the_umlaut)


@pytest.fixture(scope="module")
def server():
    pytest.importorskip("psycopg")
    running = PostgresServer(BIN).start()
    yield running
    running.stop()


@pytest.fixture
def store(server):
    from storyline.store.db import Store

    store = Store(server.create_database())
    yield store
    store.engine.dispose()


def test_store_is_postgresql_with_all_migrations(store):
    from storyline.store.schema import MIGRATIONS

    assert store.dialect == "postgresql"
    with store.engine.connect() as conn:
        versions = conn.execute(text("SELECT version FROM schema_migrations ORDER BY version")).scalars().all()
    assert versions == list(range(1, len(MIGRATIONS) + 1))


def test_german_search_finds_inflected_forms(store):
    from storyline.flow import ingest_paths

    ingest_paths(store, [SEEDS, INPUTS / "artikel.jsonl"])
    hits = store.search("Treffen Raumfahrtbahnhof")  # nothing has both words
    assert hits == []
    stems = {hit.article_id for hit in store.search("Kosmodroms")}  # genitive finds "Kosmodrom"
    assert stems and stems == {hit.article_id for hit in store.search("Kosmodrom")}
    snippet = store.search("Wostotschny")[0].snippet
    assert "[Wostotschny]" in snippet


def test_ingest_links_entities_quotes_and_stories(store):
    from storyline.flow import ingest_paths
    from storyline.store.queries import select_stories

    report = ingest_paths(store, [SEEDS, INPUTS / "artikel.jsonl", INPUTS / "artikel.csv"])
    assert len(report.added) == 6 and report.errors == []
    with store.engine.connect() as conn:
        stories, total = select_stories(conn)
        speakers = conn.execute(text("SELECT count(*) FROM quotes")).scalar()
    assert total == 1 and stories[0]["article_count"] == 6
    assert speakers > 0


def test_export_from_postgresql_matches_sqlite(store, tmp_path):
    from storyline.export import export_table
    from storyline.flow import ingest_paths
    from storyline.store.db import Store

    lite = Store(tmp_path / "lite.db")
    for target in (store, lite):
        ingest_paths(target, [SEEDS, INPUTS / "artikel.jsonl"])
    for table in ("articles", "entities", "quotes"):
        export_table(store, table, "csv", tmp_path / f"pg-{table}.csv")
        export_table(lite, table, "csv", tmp_path / f"lite-{table}.csv")
        assert (tmp_path / f"pg-{table}.csv").read_text() == (tmp_path / f"lite-{table}.csv").read_text(), table
