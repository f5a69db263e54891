"""Title and date on pages written here after forms seen on real German pages (tests/data/pages):
a title that the page shows as its <h1> stays the title when later <h1>s (an audio box, a sidebar
widget) share its words or are longer; the date in the page's address decides between the page's
own time and the date found elsewhere.
"""
from pathlib import Path

from storyline.ingest.html import extract_html
from storyline.ingest.problems import Problem

PAGES = Path(__file__).parent / "data" / "pages"


def extract(name: str, url: str):
    raw = extract_html((PAGES / name).read_text(encoding="utf-8"), name, url=url)
    assert not isinstance(raw, Problem), raw
    return raw


def test_a_later_h1_that_shares_words_with_the_title_is_a_section():
    raw = extract("second_h1.html", "https://www.bistum-musterstadt.de/magazin/kraeutersegen-ein-alter-brauch/")
    assert raw.title == "Kräuter-Segen: Ein alter Brauch kehrt zurück"
    assert raw.date == "2022-08-12"  # the date printed under the headline, not one near the audio box


def test_a_one_word_blog_title_shown_as_h1_is_not_replaced_by_a_sidebar_heading():
    raw = extract("blog_widget_h1.html", "https://randnotiz.example.org/2019/11/17/ladesaeulen/")
    assert raw.title == "Ladesäulen."
