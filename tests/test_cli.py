"""End to end: the CLI on real files, as a user runs it."""
import json
import subprocess
import sys

from conftest import INPUTS, ROOT, SEEDS, SHARED, run_cli, run_json


def test_ingest_seeds_then_nothing_new(tmp_path):
    db = str(tmp_path / "news.db")
    assert "Stored 2 new articles" in run_cli("ingest", str(SEEDS), "--db", db).stdout
    assert "Stored 0 new articles, 2 already stored" in run_cli("ingest", str(SEEDS), "--db", db).stdout
    listed = run_json("articles", "--db", db)
    assert sorted(a["id"] for a in listed) == ["000_a83f360c9ad2210f", "004_956d5f3b9d4ee0dc"]
    assert all(a["date"] == "2023-09" for a in listed)


def test_show_and_search(tmp_path):
    db = str(tmp_path / "news.db")
    run_cli("ingest", str(SEEDS), "--db", db)
    shown = run_json("show", "004_956d5f3b9d4ee0dc", "--db", db)
    assert shown["credits"] == ["dpa"]
    assert {"kind": "furniture", "start": shown["text"].index("Anzeige |"),
            "end": shown["text"].index("Anzeige |") + len("Anzeige | Zum Weiterlesen scrollen")} in shown["blocks"]
    hits = run_json("search", "Wostotschny", "--db", db)
    assert [h["article_id"] for h in hits] == ["000_a83f360c9ad2210f"]
    assert "No article" in run_cli("show", "nope", "--db", db, check=False).stderr


def test_help_lists_commands_with_examples():
    text = run_cli("--help").stdout
    for command in ("ingest", "analyze", "articles", "show", "search"):
        assert command in text
    assert "Example:" in run_cli("ingest", "--help").stdout


def check_contract(document: dict, checker) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(checker)], input=json.dumps(document), capture_output=True, text=True)


def test_analyze_json_passes_the_contract_checker():
    document = run_json("analyze", str(SEEDS), str(INPUTS / "artikel.jsonl"))
    assert [a["id"] for a in document["articles"]][:2] == ["000_a83f360c9ad2210f", "004_956d5f3b9d4ee0dc"]
    assert "dpa-1" in [a["id"] for a in document["articles"]]
    checkers = [ROOT / "tests" / "contract" / "check_analyze.py", SHARED / "contract" / "check_analyze.py"]
    for checker in filter(lambda path: path.exists(), checkers):
        result = check_contract(document, checker)
        assert result.returncode == 0, result.stdout
        assert "0 problems" in result.stdout


def test_analyze_tokens_gives_each_german_word_its_part_of_speech_only_when_asked():
    plain = run_json("analyze", str(SEEDS / "004_956d5f3b9d4ee0dc.txt"))
    assert "tokens" not in plain["articles"][0]
    article = run_json("analyze", str(SEEDS / "004_956d5f3b9d4ee0dc.txt"), "--tokens")["articles"][0]
    text, tokens = article["text"], article["tokens"]
    assert all(text[t["start"]:t["end"]] == t["text"] for t in tokens)
    assert len(tokens) >= len(text.split())  # every word (and punctuation mark), not a few
    tags = {t["text"]: t["tag"] for t in tokens}
    assert tags["Peskow"] == "NE" and tags["Wladiwostok"] == "NE"  # proper nouns
    assert tags["sagte"] == "VVFIN" and tags["und"] == "KON"


def test_read_commands_on_a_missing_store_say_so_and_create_nothing(tmp_path):
    db = tmp_path / "vertippt.db"
    for command in (["stories"], ["entities"], ["quotes"], ["articles"], ["search", "Kim"], ["digest"], ["story", "x"]):
        result = run_cli(*command, "--db", str(db), check=False)
        assert result.returncode == 2 and "no store at" in result.stderr, command
    assert not db.exists()


def test_ingest_of_a_web_address_says_what_to_do(tmp_path):
    result = run_cli("ingest", "https://www.tagesschau.de/index.html", "--db", str(tmp_path / "x.db"), check=False)
    message = " ".join(result.stderr.replace("│", " ").split())  # the error box wraps the lines
    assert result.returncode == 2 and "https://www.tagesschau.de/index.html is a web address" in message
    assert "storyline watch URL --once" in message


def test_watch_exits_non_zero_when_no_feed_could_be_read(tmp_path):
    result = run_cli("watch", "http://127.0.0.1:9/feed.xml", "--once", "--db", str(tmp_path / "w.db"), check=False)
    assert result.returncode == 1 and "No feed could be read." in result.stderr


def test_the_ingest_help_example_runs_in_a_clone(tmp_path):
    # the example names a folder of the repository (not ../shared), so it works right after `git clone`
    help_text = run_cli("ingest", "--help").stdout
    assert "../shared" not in help_text and "/work/" not in help_text
    example = next(line.split() for line in help_text.splitlines() if line.strip().startswith("storyline ingest "))
    args = [str(tmp_path / "news.db") if word == "news.db" else word for word in example[1:]]
    result = subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True, text=True, cwd=ROOT,
                            env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"})
    assert result.returncode == 0 and "Stored 2 new articles" in result.stdout, result.stderr
