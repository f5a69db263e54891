"""HTML pages as a user reads them: the article's text with its teaser, without link boxes or
newsletter boxes, captions apart as credits, the day it appeared in Germany, a clean outlet name.

Each page in tests/data/pages is hand-made after the markup of real German news pages.
"""
from pathlib import Path

import pytest
from trafilatura.utils import load_html

from storyline.ingest.html import extract_html
from storyline.ingest.page_meta import (clean_outlet, clean_title, local_day, outlet_name, publication_day, shown_day,
                                        shown_title)
from storyline.ingest.page_text import marked_texts
from storyline.ingest.problems import Problem
from storyline.ingest.read import ReadOptions, read_paths

PAGES = Path(__file__).parent / "data" / "pages"
URL = "https://www.tagesbote-leipzig.de/stadt/oekostrom-fuer-strassenbahnen-100.html"
TEASER = ("Der Stadtrat hat entschieden: Ab 2030 fahren alle Leipziger Straßenbahnen mit Strom aus "
          "erneuerbaren Quellen. Die Mehrkosten trägt die Stadt.")


def page(name: str, url: str | None = URL):
    raw = extract_html((PAGES / name).read_text(encoding="utf-8"), name, url=url)
    assert not isinstance(raw, Problem), raw
    return raw


def article(name: str):
    """The stored article, as `storyline ingest` reads the file (a page without a date only warns)."""
    (item,) = [i for i in read_paths([PAGES / name], ReadOptions()) if not isinstance(i, Problem)]
    return item


def read_text(item) -> str:
    """The text the analysis reads: without blocks marked as furniture or credits."""
    return "\n".join(item.text[b.start:b.end] for b in item.blocks if b.kind not in ("furniture", "credit"))


def test_teaser_shown_above_the_article_is_kept_once_as_its_lead():
    item = article("teaser.html")
    assert item.text.startswith(TEASER)
    assert item.text.count("Der Stadtrat hat entschieden") == 1
    assert item.blocks[0].kind == "lead" and item.text[item.blocks[0].start:item.blocks[0].end] == TEASER
    assert "Die Verkehrsbetriebe wollen die Umstellung in drei Schritten" in item.text


def test_related_articles_box_and_link_list_are_cut():
    text = article("related_links.html").text
    assert "Lesen Sie auch" not in text
    assert "Neue Linie 16 fährt ab Herbst" not in text and "Bürgermeisterwahl: Die Kandidaten" not in text
    assert "Die Opposition kritisierte den Beschluss als zu spät." in text  # the paragraph after the box stays


def test_newsletter_box_is_cut():
    text = article("newsletter.html").text
    assert "Newsletter" not in text
    assert "„Wir zeigen, dass der Nahverkehr klimafreundlich sein kann“" in text


def test_caption_and_photo_credit_are_kept_apart_as_a_credit():
    item = article("caption.html")
    assert "Bild: Eine Straßenbahn der Linie 11 am Leipziger Hauptbahnhof. Foto: Jan Woitas/dpa" in item.text
    assert "Jan Woitas" not in read_text(item)
    assert item.text.index("Bild: Eine Straßenbahn") > item.text.index("Die Verkehrsbetriebe wollen")
    credits = [item.text[b.start:b.end] for b in item.blocks if b.kind == "credit"]
    assert credits == ["Bild: Eine Straßenbahn der Linie 11 am Leipziger Hauptbahnhof. Foto: Jan Woitas/dpa"]


def test_published_late_evening_utc_is_the_next_day_in_berlin_not_the_header_or_copyright_date():
    # JSON-LD: 2023-10-28T23:30Z = 01:30 on 29 October in Berlin (still summer time);
    # the page header says 2 November 2023, the footer © 2022, dateModified 2 November.
    assert article("date_utc.html").date.value == "2023-10-29"


def test_publication_time_with_its_own_offset_keeps_the_local_day():
    assert article("teaser.html").date.value == "2023-05-10"  # 2023-05-10T18:00:00+02:00


@pytest.mark.parametrize("moment, day", [
    ("2023-10-28T23:30:00Z", "2023-10-29"),        # summer time: +2 h
    ("2023-12-31T23:15:00+00:00", "2024-01-01"),   # winter time: +1 h, across the year
    ("2023-12-31T22:15:00Z", "2023-12-31"),
    ("2023-03-26T00:30:00Z", "2023-03-26"),        # 01:30 CET, before the switch at 01:00 UTC
    ("2023-07-01T23:59:00-04:00", "2023-07-01"),   # the page's own offset: its local day
    ("2023-07-01", "2023-07-01"),
    ("2023-07-01 23:30:00", "2023-07-01"),         # no offset: as written
    ("gestern", None),
])
def test_local_day(moment, day):
    assert local_day(moment) == day


def test_outlet_name_without_city_and_country():
    assert article("outlet_suffix.html").outlet == "Leipziger Tagesbote"


def test_section_as_site_name_gives_way_to_the_publisher():
    assert page("outlet_section.html").outlet == "Leipziger Tagesbote"


def test_web_address_as_site_name_falls_back_to_the_domain():
    assert page("outlet_address.html").outlet == "tagesbote-leipzig.de"


def test_outlet_is_the_same_on_every_page_of_one_outlet():
    names = {page(name).outlet for name in ("teaser.html", "outlet_suffix.html", "outlet_section.html", "date_utc.html")}
    assert names == {"Leipziger Tagesbote"}


@pytest.mark.parametrize("raw, host, clean", [
    ("Berliner Morgenpost, Berlin, Germany", "morgenpost.de", "Berliner Morgenpost"),
    ("Politik | Süddeutsche Zeitung", "sueddeutsche.de", "Süddeutsche Zeitung"),
    ("oe24 GmbH", "oe24.at", "oe24"),
    ("Faktencheck", "correctiv.org", None),
    ("https://www.facebook.com/DERFARANG/", "der-farang.com", None),
    ("{$plugin.tx_news.opengraph.site_name}", "mpimet.mpg.de", None),
    ("WinFuture.de", "winfuture.de", "WinFuture.de"),
])
def test_clean_outlet(raw, host, clean):
    assert clean_outlet(raw, host) == clean


def test_domain_fallback_of_an_archived_page_is_the_archived_site():
    url = "https://web.archive.org/web/20160218174457/http://bewegliche-lettern.de/2010/05/typo/"
    assert outlet_name([], url) == "bewegliche-lettern.de"


@pytest.mark.parametrize("raw, outlet, url, clean", [
    ("Tanz in der Lokremise: Mit allen Wassern gewaschen | St.Galler Tagblatt", "St.Galler Tagblatt",
     "https://www.tagblatt.ch/kultur/x", "Tanz in der Lokremise: Mit allen Wassern gewaschen"),
    ("Interview mit Schriftstellerin Sonja Silberhorn - apolut.net", "apolut.net", "https://apolut.net/x",
     "Interview mit Schriftstellerin Sonja Silberhorn"),
    ("Streit ums Feuerholz - www.AussenGedanken.de", "AussenGedanken", "https://aussengedanken.de/x",
     "Streit ums Feuerholz"),
    ("Wahl in Berlin - Wer gewinnt?", "Leipziger Tagesbote", URL, "Wahl in Berlin - Wer gewinnt?"),
])
def test_title_without_the_site_name(raw, outlet, url, clean):
    assert clean_title(raw, outlet, url) == clean


def test_title_that_is_only_the_site_name_gives_way_to_the_headline():
    assert clean_title("Leipziger Tagesbote", "Leipziger Tagesbote", URL, headline="Stimmt das?") == "Stimmt das?"


def test_lead_marked_only_by_its_class_is_kept():
    item = article("lead_class.html")  # no meta description: <div class="article__intro"> above the body
    assert item.text.startswith(TEASER) and item.text.count("Der Stadtrat hat entschieden") == 1


# --- the page as shown: headline, its date line, caption and affiliate boxes without <figcaption> ---

def test_title_is_the_headline_the_page_shows_not_the_seo_title():
    # og:title and <title>: "Brexit: Nervenkrieg geht in nächste Runde"; the <h1> says more
    assert page("shown_headline.html").title == "Der Nervenkrieg um den Brexit geht in die nächste Runde"


@pytest.mark.parametrize("title, headings, shown", [
    ("Tote Hummeln unter Linden: Die Erklärung", ["Tote Hummeln unter Linden"], "Tote Hummeln unter Linden"),
    # an <h1> that wraps the title in a kicker keeps the title
    ("Eigentumsvorbehalt: Das sollten Käufer wissen", ["Forderungen sichern Eigentumsvorbehalt: Das sollten Käufer wissen"],
     "Eigentumsvorbehalt: Das sollten Käufer wissen"),
    # a date line inside the <h1> is cut
    ("MineralölINFO", ["27.01.2022MineralölINFO November 2021 (Absatz)"], "MineralölINFO November 2021 (Absatz)"),
    # a section name as title gives way to the first <h1> of three words or more
    ("Fachmeldungen", ["Zoll", "Verkündung des neuen Tabaksteuergesetzes"], "Verkündung des neuen Tabaksteuergesetzes"),
    # an <h1> about something else (the site's name) changes nothing
    ("Windpark Steinheim: Bürger können sich beteiligen", ["Leipziger Tagesbote"],
     "Windpark Steinheim: Bürger können sich beteiligen"),
])
def test_shown_title(title, headings, shown):
    assert shown_title(title, headings, "Leipziger Tagesbote", URL) == shown


def test_date_is_the_one_printed_by_the_headline_not_one_of_a_related_list():
    tree = load_html((PAGES / "shown_headline.html").read_text(encoding="utf-8"))
    # byline "Von Anna Berg | 04.02.2022, 15:33 Uhr"; the "Mehr zum Thema" list says 21.01.2022
    assert shown_day(tree, ["Der Nervenkrieg um den Brexit geht in die nächste Runde"]) == "2022-02-04"
    assert shown_day(tree, ["Eine Überschrift, die nicht auf der Seite steht"]) is None
    assert page("shown_headline.html").date == "2022-02-04"


@pytest.mark.parametrize("published, guess, shown, day", [
    # datePublished months before the visible date (a first version): the shown date decides
    ("2021-12-14T15:41:07+01:00", "2022-02-04", "2022-02-04", "2022-02-04"),
    ("2022-01-04T07:29:00.000Z", "2022-01-06", "2022-01-04", "2022-01-04"),
    # no shown date: the guess, unless it is only the UTC date of the page's time
    ("2019-06-17T18:28:00+0200", "2017-07-12", None, "2017-07-12"),
    ("2022-11-06T23:00:00.000Z", "2022-11-06", None, "2022-11-07"),
    # no page time: the shown date before the guess (a date of another article's teaser)
    (None, "2022-01-21", "2022-02-01", "2022-02-01"),
    (None, "2022-01-21", None, "2022-01-21"),
    ("2023-05-10T18:00:00+02:00", "2023-05-10", "2023-01-01", "2023-05-10"),  # both agree: kept
])
def test_publication_day(published, guess, shown, day):
    assert publication_day(published, guess, shown) == day


def test_caption_and_affiliate_boxes_known_by_their_class_are_not_read():
    item = article("shown_headline.html")
    assert "kleine Provision" not in item.text  # <div class="c-affiliate-text"> in the article's flow
    assert "Bild: Abbildung 2: Der Warenverkehr" in item.text and "Abbildung 2" not in read_text(item)
    assert "Die nächste Verhandlungsrunde ist für Mitte Februar" in read_text(item)
    tree = load_html((PAGES / "shown_headline.html").read_text(encoding="utf-8"))
    marked = marked_texts(tree)
    assert marked["Die britische Außenministerin vor dem Tre"[:40]] == "caption"
    assert marked["Wenn Sie über die Links in diesem Beitrag"[:40]] == "furniture"
    assert "Die Verhandlungen zwischen London und Brüs"[:40] not in marked


def test_closing_self_descriptions_of_publisher_and_author_are_cut():
    text = article("closing_bio.html").text
    assert "Die Muster-Stiftung ist in rund 40 Ländern" not in text and "Anna Berg ist Redakteurin" not in text
    assert text.rstrip().endswith("mit Fachleuten der Landesanstalt für Landwirtschaft zu unterstützen.")


def test_date_line_download_line_ad_notice_and_contact_trailer_are_cut():
    text = article("press_trailer.html").text
    assert text.startswith("Wer in Leipzig ein Lastenrad kauft")  # no "14.10.2021" line, no ad notice as teaser
    assert "Werbung" not in text and "PDF | 38 KB" not in text
    # "Weitere Informationen:" opens the second half of the text, though not of its lines
    assert "Weitere Informationen" not in text and "Prager Straße" not in text and "ohne Gewähr" not in text
    assert text.rstrip().endswith("gemeinsam mit der Universität auswerten lassen.")


def test_article_that_precise_extraction_misses_is_read_with_wider_settings():
    # the article sits inside <aside class="sidebar">: trafilatura's precision mode finds no text
    text = article("article_in_sidebar.html").text
    assert text.startswith("Die Straßenbahnlinie 11 soll ab dem kommenden Jahr")
    assert "durch Busse ersetzt." in text and "Impressum" not in text
