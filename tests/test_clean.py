"""Cleaning and structure: furniture and credits are marked, offsets never move."""
from storyline.analyze.pipeline import analyze_article
from storyline.ingest.article import make_article
from storyline.ingest.dates import DateError, parse_date

import pytest

TEXT = ("Ort und Zeitpunkt des Treffens blieben geheim. Am 13. September traf Putin Kim.\n\n"
        "Militärische Zusammenarbeit gesucht\n\n"
        "„Das ist natürlich machbar, und wir werden es tun“, versprach er. Dr. Müller kam z. B. später.\n\n"
        "Anzeige | Zum Weiterlesen scrollen\n\n"
        "Putin hat vor allem die Infrastruktur im Blick. (dpa/AFP)")


def sentences_of(article):
    return [article.text[s.start:s.end] for s in article.content_sentences()]


def test_furniture_and_credits_are_marked_not_removed():
    article = make_article(TEXT, date="2023-09")
    assert article.text == TEXT
    kinds = {article.text[b.start:b.end]: b.kind for b in article.blocks}
    assert kinds["Anzeige | Zum Weiterlesen scrollen"] == "furniture"
    assert kinds["(dpa/AFP)"] == "credit"
    assert kinds["Militärische Zusammenarbeit gesucht"] == "heading"
    assert article.credits == ["dpa", "AFP"]
    assert "Anzeige | Zum Weiterlesen scrollen" not in sentences_of(article)


def test_german_sentence_splitting_keeps_ordinals_abbreviations_and_quotes():
    sentences = sentences_of(make_article(TEXT, date="2023-09"))
    assert "Am 13. September traf Putin Kim." in sentences
    assert "„Das ist natürlich machbar, und wir werden es tun“, versprach er." in sentences
    assert "Dr. Müller kam z. B. später." in sentences


def test_first_paragraph_is_the_lead():
    article = make_article(TEXT, date="2023-09")
    lead = next(b for b in article.blocks if b.kind == "lead")
    assert article.text[lead.start:lead.end].startswith("Ort und Zeitpunkt")


def test_a_headline_printed_above_the_first_paragraph_does_not_run_into_its_first_sentence():
    title = "Verdi-Warnstreiks an Flughäfen: Hunderte Flüge abgesagt"
    text = f"{title}\nVerdi weitet die Warnstreiks am Mittwoch auf die Flughäfen aus. Vor allem Frankfurt ist betroffen."
    article = make_article(text, date="2016-04-26", title=title)
    assert article.text == text
    assert sentences_of(article)[:2] == [title, "Verdi weitet die Warnstreiks am Mittwoch auf die Flughäfen aus."]
    lead = next(b for b in article.blocks if b.kind == "lead")
    assert article.text[lead.start:lead.end].startswith("Verdi weitet")
    # without the title the short unpunctuated line is a heading all the same
    assert sentences_of(make_article(text, date="2016-04-26"))[:2] == sentences_of(article)[:2]


def test_a_teaser_line_of_page_text_is_a_heading_but_wrapped_prose_stays_one_sentence():
    page = ("Nächster Artikel\nVater gesteht: Söhnchen gequält, missbraucht und getötet\n"
            "Die Zahl der Toten, die dem Erdbeben in Ecuador zum Opfer fielen, beläuft sich auf 272.")
    assert sentences_of(make_article(page))[-2:] == [
        "Vater gesteht: Söhnchen gequält, missbraucht und getötet",
        "Die Zahl der Toten, die dem Erdbeben in Ecuador zum Opfer fielen, beläuft sich auf 272."]
    wrapped = ("Die Regierung hat am Montag neue Regeln für die Bundeswehr\nbeschlossen. Der Kanzler traf am "
               "Montag Vertreter\nder Gewerkschaften und sprach mit ihnen über die\nLage im Land und die Zukunft.")
    assert sentences_of(make_article(wrapped))[0] == "Die Regierung hat am Montag neue Regeln für die Bundeswehr\nbeschlossen."
    assert all(b.kind != "heading" for b in make_article(wrapped).blocks)


def test_text_is_nfc_normalised():
    decomposed = "Pjo\u0308ngjang liegt in Nordkorea. Das ist bekannt."
    assert make_article(decomposed).text.startswith("Pjöngjang")


@pytest.mark.parametrize("value, start, end, precision", [
    ("2023-09-13", "2023-09-13", "2023-09-13", "day"),
    ("2023-09", "2023-09-01", "2023-09-30", "month"),
    ("2024-02", "2024-02-01", "2024-02-29", "month"),
    ("2023", "2023-01-01", "2023-12-31", "year"),
    ("13.09.2023", "2023-09-13", "2023-09-13", "day"),
    ("Wed, 13 Sep 2023 10:00:00 GMT", "2023-09-13", "2023-09-13", "day"),
])
def test_dates_keep_their_precision_as_an_interval(value, start, end, precision):
    date = parse_date(value)
    assert (date.start.isoformat(), date.end.isoformat(), date.precision) == (start, end, precision)


@pytest.mark.parametrize("value", ["2023-13-45", "2023-02-30", "0000-00", "9999-99", "gestern"])
def test_impossible_dates_are_errors(value):
    with pytest.raises(DateError):
        parse_date(value)


def test_language_is_detected_per_article():
    assert make_article("Die Regierung hat am Mittwoch neue Gesetze beschlossen.").language == "de"
    assert make_article("The government passed new laws on Wednesday in London.").language == "en"


CAPTIONED = ("Verdi will am Mittwoch an Flughäfen streiken\n"
             "Die Flughäfen München und Frankfurt sollen betroffen sein.\n"
             "© dpa / Peter Kneffel/Archiv\n"
             "Berlin (dpa) - Reisende müssen am Mittwoch mit Ausfällen rechnen. Foto: Boris Roessler\n"
             "582711 Foto: dpa\n"
             "Bild: Frank Rumpenhorst\n"
             "Die Gewerkschaft fordert sechs Prozent mehr Geld.")


def test_picture_credits_are_marked_as_credits_also_at_the_end_of_a_caption():
    article = make_article(CAPTIONED, date="2016-04-26")
    assert article.text == CAPTIONED
    credits = [article.text[b.start:b.end] for b in article.blocks if b.kind == "credit"]
    assert credits == ["© dpa / Peter Kneffel/Archiv", "Foto: Boris Roessler", "582711 Foto: dpa",
                       "Bild: Frank Rumpenhorst"]
    sentences = sentences_of(article)
    assert "Berlin (dpa) - Reisende müssen am Mittwoch mit Ausfällen rechnen." in sentences
    assert not any("Kneffel" in s or "Roessler" in s or "Rumpenhorst" in s for s in sentences)


def test_a_colon_in_prose_is_not_a_credit():
    text = "Der Minister zeigte ein Bild. Bild: Das Foto zeigt den Hafen. Er sagte dazu nichts weiter."
    article = make_article(text, date="2016-04-26")
    assert [b.kind for b in article.blocks] == ["lead"]


CLUTTERED = ("Text kleiner größer\n"
             "Fehler melden\n"
             "Verdi weitet die Warnstreiks auf die Flughäfen aus. Hunderte Flüge fallen aus.\n"
             "Nächster Artikel\n"
             "0.0\n"
             "0,0 (0 Stimmen)\n"
             "Copyright © Rhein-Zeitung 2016. Texte und Fotos sind urheberrechtlich geschützt.\n"
             "(c) Grafschafter Nachrichten 2016. Alle Rechte vorbehalten")


def test_page_clutter_lines_are_furniture():
    article = make_article(CLUTTERED, date="2016-04-26")
    furniture = [article.text[b.start:b.end] for b in article.blocks if b.kind == "furniture"]
    assert furniture == ["Text kleiner größer", "Fehler melden", "Nächster Artikel", "0.0", "0,0 (0 Stimmen)",
                         "Copyright © Rhein-Zeitung 2016. Texte und Fotos sind urheberrechtlich geschützt.",
                         "(c) Grafschafter Nachrichten 2016. Alle Rechte vorbehalten"]
    assert sentences_of(article) == ["Verdi weitet die Warnstreiks auf die Flughäfen aus.", "Hunderte Flüge fallen aus."]


def test_a_date_line_and_an_agency_line_of_page_text_run_into_no_sentence():
    text = ("22.04.16 11:35\ndpa-AFX\nBERLIN (dpa-AFX) - An mehreren deutschen Flughäfen wird gestreikt. "
            "Das teilte Verdi mit.")
    article = make_article(text, date="2016-04-22")
    assert sentences_of(article)[0] == "BERLIN (dpa-AFX) - An mehreren deutschen Flughäfen wird gestreikt."
    assert [(b.kind, text[b.start:b.end]) for b in article.blocks][:2] == [("furniture", "22.04.16 11:35"),
                                                                         ("credit", "dpa-AFX")]


def test_a_noun_phrase_broken_at_the_line_end_is_no_heading():
    page = ("Verdi ruft zum Warnstreik auf.\nBetroffen sein sollen der Fraport-Flughafen\n"
            "Frankfurt sowie die Airports München und Köln/Bonn, teilte Verdi am Freitag mit.")
    assert sentences_of(make_article(page))[-1] == (
        "Betroffen sein sollen der Fraport-Flughafen\nFrankfurt sowie die Airports München und Köln/Bonn, "
        "teilte Verdi am Freitag mit.")


def test_a_blog_footer_is_furniture_and_no_one_speaks_in_it():
    """A blog's footer ("Hinzugefügt von SW · abgelegt unter: …") was read as indirect speech, its
    participle taken for a speech verb ("hat hinzugefügt")."""
    text = ("Die Gewerkschaft gönnt der Fluggesellschaft heute einen Tag Pause.\n"
            "Hinzugefügt von SW · abgelegt unter: Alle Agenturen , Schlagzeilen \u00a0\nKommentare\n")
    article = make_article(text, id="blog", date="2015-11-08")
    assert [b.kind for b in article.blocks][1:] == ["furniture", "furniture"]
    assert analyze_article(article, vectors=False).quotes == []
