"""Title and date on pages written here after forms seen on real German pages (tests/data/pages):
a title that the page shows as its <h1> stays the title when later <h1>s (an audio box, a sidebar
widget) share its words or are longer; the date in the page's address decides between the page's
own time and the date found elsewhere.
"""
from pathlib import Path

from storyline.ingest.html import extract_html
from storyline.ingest.page_meta import address_day
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


def test_the_date_in_the_address_decides_when_the_page_time_is_a_later_save():
    # a blog moved to a new system re-saved every post: its `datePublished` and byline <time> say
    # 2019-06-17, the address the post got when it appeared says 2017-07-12
    raw = extract("address_date.html", "https://www.reiseblog-fernweh.de/home/2017/7/12/mittsommer-in-suedschweden")
    assert raw.date == "2017-07-12"
    # without a date in the address, the page's own time stays
    assert extract("address_date.html", "https://www.reiseblog-fernweh.de/mittsommer-in-suedschweden").date == "2019-06-17"


def test_address_day():
    assert address_day("https://www.example.de/home/2017/7/12/unter-uns") == "2017-07-12"
    assert address_day("https://journal.example.org/posts/2019-12-22-firefox-unter-android") == "2019-12-22"
    assert address_day("https://www.example.de/2021/13/40/kein-datum") is None
    assert address_day("https://www.example.de/artikel/2022/zellfabrik") is None  # a year alone
    assert address_day("https://web.archive.org/web/20220101120000/https://www.example.de/a/") is None


def test_a_subheading_sharing_one_word_with_the_headline_does_not_replace_it():
    # the page's <title> is the blog's name; its headline is in og:title and JSON-LD, and the
    # post's <h1>s are its sections
    raw = extract("blog_subheadings.html", "https://www.reiseblog-fernweh.de/wochenende-hiddensee")
    assert raw.title == "Ein Wochenende am Ende der Welt: Hiddensee"
