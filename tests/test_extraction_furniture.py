"""Furniture and leads on pages written here, after forms seen on real German news pages: an author
box, a teaser card with "weiterlesen", a list of other articles cut with "…", an "AUTOR" trailer;
a lead marked by its class, in an <hgroup>, or in a description that holds markup; the title
a blog's name hid, found by the page's address; the date a label names as the publication date.
"""
import pytest
from trafilatura.utils import load_html

from storyline.ingest.html import extract_html
from storyline.ingest.page_meta import heading_text, labelled_day, slug_title
from storyline.ingest.page_text import clean_lines
from storyline.ingest.problems import Problem

URL = "https://www.tagesbote-leipzig.de/stadt/radwege-100.html"
BODY = [
    "Die Stadt Leipzig will bis zum Jahr 2030 rund 120 Kilometer neue Radwege bauen. Das hat der Stadtrat am "
    "Mittwochabend mit großer Mehrheit beschlossen, nach einer Debatte von mehr als drei Stunden.",
    "Die meisten neuen Wege sollen an den großen Ausfallstraßen entstehen, wo bisher Autos und Räder sich eine "
    "Spur teilen. Die Verwaltung rechnet mit Kosten von etwa 85 Millionen Euro über acht Jahre.",
    "Der Fahrradclub begrüßte den Beschluss, forderte aber einen schnelleren Bau. Die Opposition kritisierte, "
    "dass für die Instandhaltung der bestehenden Wege kein Geld eingeplant sei.",
    "Die ersten Bauabschnitte sollen im kommenden Frühjahr an der Prager Straße und der Georg-Schumann-Straße "
    "beginnen. Anwohner werden vorher in zwei Versammlungen informiert.",
]
LEAD = ("Mehr Platz für Räder: Leipzig baut bis 2030 rund 120 Kilometer neue Radwege, vor allem an den großen "
        "Ausfallstraßen, und der Stadtrat stimmt mit großer Mehrheit zu.")


def page(article_html: str, head: str = "", before: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<html><head><title>Neue Radwege für Leipzig</title>{head}</head><body><nav><a href='/'>Start</a></nav>"
            f"<main><article><h1>Neue Radwege für Leipzig</h1>{before}{paragraphs}{article_html}</article></main>"
            "<footer>Impressum</footer></body></html>")


def text_of(html: str) -> str:
    raw = extract_html(html, "page.html", url=URL)
    assert not isinstance(raw, Problem), raw
    return raw.text


def test_author_box_known_by_its_class_is_cut():
    text = text_of(page('<div class="saboxplugin-wrap"><div class="saboxplugin-desc"><p>Anna Berg schreibt über '
                        "Verkehr und Stadtplanung, am liebsten mit dem Rad unterwegs.</p></div></div>"))
    assert "Anna Berg schreibt" not in text and text.rstrip().endswith("in zwei Versammlungen informiert.")


def test_teaser_card_with_read_on_link_is_cut():
    # the lines trafilatura keeps of a card that is one link: kicker, title, teaser, "weiterlesen →"
    lines = [*BODY, "Leseprobe: Tempo 30 in der Innenstadt",
             "Die Stadt prüft ein Tempolimit für die ganze Innenstadt. Was das für Pendler bedeutet.", "weiterlesen →"]
    body, moved = clean_lines(lines, links={"weiterlesen →"}, captions=set())
    assert body == BODY and moved == []


def test_list_of_other_articles_cut_with_an_ellipsis_is_cut():
    teasers = "".join(f"<h3>{title}</h3><p>{teaser}</p>" for title, teaser in [
        ("Neue Buslinie im Leipziger Süden", "Ab Dezember fährt eine neue Buslinie zwischen Connewitz und Markkleeberg, "
                                              "teilten die Verkehrsbetriebe mit. Zunächst..."),
        ("Streit um Parkgebühren", "Die Gebühren für das Anwohnerparken sollen deutlich steigen. Der Stadtrat "
                                   "berät im März darüber, die Fraktionen sind…"),
    ])
    text = text_of(page(teasers))
    assert "Buslinie" not in text and "Parkgebühren" not in text and "Die ersten Bauabschnitte" in text


def test_author_trailer_in_capitals_is_cut():
    text = text_of(page("<h4>AUTOR</h4><p>ist Verkehrsplaner und berät Städte in ganz Deutschland, seit 2015 "
                        "als Partner eines Berliner Büros.</p>"))
    assert "Verkehrsplaner" not in text and "AUTOR" not in text


def test_lead_marked_by_class_beside_a_description_that_is_the_first_paragraph():
    head = f'<meta name="description" content="{BODY[0]}">'
    text = text_of(page("", head=head, before=f'<div class="teaser-text"><p>{LEAD}</p></div>'))
    assert text.startswith(LEAD) and text.count("Mehr Platz für Räder") == 1


def test_standfirst_in_the_headline_group_is_the_lead():
    html = page("").replace("<h1>Neue Radwege für Leipzig</h1>",
                            f"<header><hgroup><h1>Neue Radwege für Leipzig</h1><h2>{LEAD}</h2></hgroup></header>")
    assert text_of(html).startswith(LEAD)


def test_lead_without_a_full_stop_in_an_intro_box_and_a_description_with_markup():
    lead = LEAD.rstrip(".")
    head = f'<meta name="description" content="&lt;p&gt;{lead}&lt;/p&gt;">'
    text = text_of(page("", head=head, before=f'<div class="c-page-intro"><div class="c-page-intro__copy">{lead}'
                                                 '</div><a class="btn">Ausgabe kaufen</a></div>'))
    assert text.startswith(lead) and "Ausgabe kaufen" not in text


# --- the title a blog or section name hides: the page's address names the article ---

@pytest.mark.parametrize("title, url, title_found", [
    # the blog's name in <h1> and <title>; the post's heading is an <h2>
    ("Radblog", "https://radblog.de/2023/05/02/neue-radwege-fuer-leipzig/", "Neue Radwege für Leipzig"),
    ("Allgemein", "https://radblog.de/neue-radwege-fur-leipzig.html", "Neue Radwege für Leipzig"),
    # a headline the slug does not repeat stays (the slug may follow a subline)
    ("Vom Boden aus gedacht", "https://radblog.de/neue-radwege-fuer-leipzig/", "Vom Boden aus gedacht"),
    # a slug of ids or two words says too little
    ("Radblog", "https://radblog.de/artikel/12345.html", "Radblog"),
])
def test_slug_title(title, url, title_found):
    candidates = ["Radblog", "Kommentare", "Neue Radwege für Leipzig", "Neue Radwege für Leipzig: die Karte"]
    assert slug_title(title, candidates, url, "Radblog") == title_found


def test_blog_post_under_the_blogs_name_gets_its_own_heading_as_title():
    html = page("").replace("<h1>Neue Radwege für Leipzig</h1>", "<h2>Neue Radwege für Leipzig</h2>")
    html = html.replace("<nav>", "<header><h1>Radblog</h1></header><nav>").replace(
        "<title>Neue Radwege für Leipzig</title>", "<title>Radblog</title>")
    raw = extract_html(html, "page.html", url="https://radblog.de/2023/05/02/neue-radwege-fuer-leipzig/")
    assert raw.title == "Neue Radwege für Leipzig"


# --- the date a label names as the publication date ---

def test_date_labelled_as_published_goes_before_a_changed_date_and_the_headers_date():
    footer = ('<p class="meta">Letzte Änderung: 31.10.2023 - 14:49 Erschienen am: 01.11.2023 Lesungen: 61</p>')
    html = page(footer).replace("<nav>", "<nav><span>Heute ist der 05.11.2023</span>")
    assert extract_html(html, "page.html", url=URL).date == "2023-11-01"


@pytest.mark.parametrize("visible, day", [
    ("Erstellt am 01.11.2023 0 Artikel bewerten", "2023-11-01"),
    ("Verkündung des Gesetzes Datum: 18.10.2021 Im Bundesgesetzblatt", "2021-10-18"),
    ("Veröffentlicht: 2. Februar 2022", "2022-02-02"),
    ("Letzte Änderung: 31.10.2023", None),
])
def test_labelled_day(visible, day):
    assert labelled_day(load_html(f"<html><body><p>{visible}</p></body></html>")) == day


def test_kicker_inside_the_headline_is_not_part_of_the_title():
    html = page("").replace(
        "<h1>Neue Radwege für Leipzig</h1>",
        '<h1><span class="teaser__kicker">Verkehrswende</span><span class="visually-hidden"> - </span>'
        "<span>Neue Radwege für Leipzig</span></h1>").replace(
        "<title>Neue Radwege für Leipzig</title>", "<title>Verkehrswende - Neue Radwege für Leipzig</title>")
    assert extract_html(html, "page.html", url=URL).title == "Neue Radwege für Leipzig"
    h1 = load_html('<html><body><h1><span class="roofline">Immobilienkrise </span>Signa in Sorge</h1></body></html>')
    assert heading_text(next(h1.iter("h1"))) == "Signa in Sorge"
