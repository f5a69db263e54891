"""Title and date from what stands at the headline, on pages written here after forms seen on real
German pages: the byline's `<time datetime>` when the shown date has no year, an <h1> that goes on
where og:title and <title> stop, and a section name taken from a breadcrumb page title.
"""
import pytest
from trafilatura.utils import load_html

from storyline.ingest.html import extract_html
from storyline.ingest.page_meta import breadcrumb_title, time_day
from storyline.ingest.problems import Problem

BODY = [
    "Der Batteriehersteller baut seine Fabrik im Bundesstaat Tennessee aus und will dort künftig deutlich mehr "
    "Zellen für Elektroautos fertigen. Das teilte das Unternehmen am Dienstag mit.",
    "Die Kapazität soll von 35 auf mehr als 50 Gigawattstunden im Jahr steigen. Dafür investiert das "
    "Gemeinschaftsunternehmen weitere 275 Millionen Dollar in das Werk in Spring Hill.",
    "Die ersten Zellen aus der erweiterten Fertigung sollen Ende kommenden Jahres vom Band laufen. Rund 400 "
    "zusätzliche Arbeitsplätze sollen entstehen, hieß es weiter.",
]


def page(head: str = "", title: str = "Zellfabrik wächst", h1: str = "Zellfabrik wächst", byline: str = "",
         after: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<html><head><title>{title}</title>{head}</head><body><nav><a href='/'>Start</a></nav>"
            f"<main><article><h1>{h1}</h1>{byline}{paragraphs}</article>{after}</main>"
            "<footer>Impressum</footer></body></html>")


def extract(html: str, url: str = "https://www.akku-news.de/2022/zellfabrik"):
    raw = extract_html(html, "page.html", url=url)
    assert not isinstance(raw, Problem), raw
    return raw


# --- the date: the byline's <time datetime>, nearest the headline ---

def test_byline_time_without_year_is_read_from_its_datetime():
    # the shown date "Jan 21" has no year; the page's generic date (a template's) and a list of other
    # articles further down have their own dates
    head = '<meta name="date" content="2022-01-26">'
    byline = '<p class="meta"><time datetime="2022-01-21T13:30:00+01:00">Jan 21</time> · Lesezeit 3 Minuten</p>'
    related = ('<aside><h2>Mehr aus dem Ressort</h2><ul>'
               '<li><time datetime="2022-01-26T08:00:00+01:00">Jan 26</time> <a href="/a">Neue Zellchemie</a></li>'
               '<li><time datetime="2022-01-27T09:00:00+01:00">Jan 27</time> <a href="/b">Ladesäulen</a></li>'
               "</ul></aside>")
    assert extract(page(head=head, byline=byline, after=related)).date == "2022-01-21"


def test_byline_time_in_utc_is_the_berlin_day():
    byline = '<p><time datetime="2022-01-24T23:30:00Z">Gestern</time></p>'
    assert extract(page(byline=byline)).date == "2022-01-25"


def test_time_day_takes_the_time_nearest_the_headline():
    tree = load_html('<html><body><time datetime="2021-12-01">Dez</time><div>Menü</div><div>Suche</div>'
                     '<div>Konto</div><h1>Zellfabrik wächst</h1><time datetime="2022-01-21">Jan 21</time>'
                     "<p>Text</p></body></html>")
    assert time_day(tree, next(tree.iter("h1"))) == "2022-01-21"
    assert time_day(tree, None) == "2021-12-01"  # no headline: the first
    assert time_day(load_html("<html><body><h1>Ohne Datum</h1></body></html>"), None) is None


def test_shown_date_with_its_year_goes_before_the_time_element():
    byline = '<p>21.01.2022 <time datetime="2022-01-26">aktualisiert</time></p>'
    assert extract(page(byline=byline)).date == "2022-01-21"


# --- the title ---

def test_headline_that_goes_on_after_the_shortened_title_is_the_title():
    head = '<meta property="og:title" content="Ultium Cells erhöht Gigafactory-Kapazität - Akku-News.de">'
    html = page(head=head, title="Ultium Cells erhöht Gigafactory-Kapazität - Akku-News.de",
                h1="Ultium Cells erhöht Gigafactory-Kapazität in Tennessee")
    assert extract(html).title == "Ultium Cells erhöht Gigafactory-Kapazität in Tennessee"


def test_headline_that_only_adds_the_site_name_keeps_the_title():
    html = page(title="Was wir über uns nicht hören wollen", h1="Was wir über uns nicht hören wollen | FASSETTE.NET")
    assert extract(html, url="https://fassette.net/hoeren/").title == "Was wir über uns nicht hören wollen"


def test_section_name_gives_way_to_the_headline_in_a_breadcrumb_title():
    # og:title is the section; the <title> is "site - section - headline"; the <h1> is the site's logo text
    head = '<meta property="og:title" content="Fachmeldungen">'
    html = page(head=head, title="Zoll online - Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes",
                h1="Zoll")
    raw = extract(html, url="https://www.zoll.de/SharedDocs/Fachmeldungen/2021/vst_verkuendung.html")
    assert raw.title == "Verkündung des Tabaksteuermodernisierungsgesetzes"


@pytest.mark.parametrize("title, raws, found", [
    ("Fachmeldungen", ["Zoll online - Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes"],
     "Verkündung des Tabaksteuermodernisierungsgesetzes"),
    # a title of two words or more is a headline, not a section
    ("Ratschläge geben", ["Ratschläge geben | MMF3 Frühling 08"], "Ratschläge geben"),
    # the section is not a part of that title: no breadcrumb
    ("Gaspreise", ["Energiepreise im Winter - Ratgeber"], "Gaspreise"),
    # the only long part is the site's name
    ("Medienmitteilungen", ["Medienmitteilungen | Kanton Bern Online Portal"], "Medienmitteilungen"),
])
def test_breadcrumb_title(title, raws, found):
    assert breadcrumb_title(title, raws, "Kanton Bern Online Portal", "https://www.zoll.de/x.html") == found
