"""Title, teaser, text and date where the page's own statements agree or fall silent, on pages
written here after forms seen on real German pages: an <h1> that is also the JSON-LD headline beside
an og:title written for social media, a section name as og:title beside a plain <title>, the meta
description shown only in a teaser card at the page's foot, a wider extraction that runs the post
together with its share row and author box, and a page whose only date is its last change.
"""
from storyline.ingest.html import extract_html
from storyline.ingest.page_meta import breadcrumb_title
from storyline.ingest.problems import Problem

BODY = [
    ("Die Stadt hat die Baufirma verklagt, die vor sechs Jahren das Pflaster der Fußgängerzone verlegt hat. "
     "Viele Steine haben sich gelockert, an mehreren Stellen haben sich Stolperkanten gebildet."),
    ("Ein Gutachter soll nun klären, ob das Material oder die Verlegung schuld ist. Bis dahin werden die "
     "schlimmsten Stellen nur provisorisch ausgebessert, teilte die Stadtverwaltung mit."),
    ("Die Händler in der Innenstadt beklagen sich seit Monaten über den Zustand. Sie fürchten, dass Kunden "
     "wegbleiben, wenn die Arbeiten sich noch lange hinziehen."),
]


def page(head: str = "", h1: str = "", before: str = "", after: str = "", title: str = "Pflaster") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<html><head><title>{title}</title>{head}</head><body><nav><a href='/'>Start</a></nav>"
            f"<main><article>{h1}{before}{paragraphs}</article>{after}</main>"
            "<footer>Impressum</footer></body></html>")


def extract(html: str, url: str = "https://www.rhein-berg-anzeiger.de/region/pflaster-klage-33335514"):
    raw = extract_html(html, "page.html", url=url)
    assert not isinstance(raw, Problem), raw
    return raw


def json_ld(headline: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{headline}"}}</script>'


# --- the title ---

def test_headline_shown_and_stated_in_json_ld_wins_over_a_social_og_title():
    headline = "Bergisch Gladbach: Stadt verklagt Baufirma wegen schlechter Pflastersteine"
    head = ('<meta property="og:title" content="Pflaster-Desaster: Fußgängerzone in schlechtem Zustand">'
            + json_ld(headline))
    html = page(head=head, title=f"{headline} | Rhein-Berg Anzeiger", h1=f"<h1>{headline}</h1>")
    assert extract(html).title == headline


def test_headline_under_its_roofline_that_the_json_ld_states_wins_over_an_seo_title():
    # <title> and og:title are the roofline (an SEO text); the <h1> shows it above the headline
    seo = "Pflaster erneuern: Kosten, Dauer, Gutachten"
    head = f'<meta property="og:title" content="{seo} | Rhein-Berg Anzeiger">' + json_ld("So streitet die Stadt ums Pflaster")
    h1 = f'<h1><span class="article-header__roofline">{seo}</span> So streitet die Stadt ums Pflaster</h1>'
    assert extract(page(head=head, title=f"{seo} | Rhein-Berg Anzeiger", h1=h1)).title == "So streitet die Stadt ums Pflaster"


def test_section_og_title_gives_way_to_a_plain_page_title():
    # og:title is the section; the <title> is the headline; the page has no <h1> a reader could take
    head = '<meta property="og:title" content="Medienmitteilungen">'
    html = page(head=head, title="Stadt verklagt die Baufirma wegen des Pflasters")
    assert extract(html, url="https://www.stadt.example/medienmitteilungen.html?newsID=c3aa546f").title == (
        "Stadt verklagt die Baufirma wegen des Pflasters")


def test_breadcrumb_title_takes_a_plain_page_title_for_a_section_name():
    assert breadcrumb_title("Medienmitteilungen", ["Impfen und Boostern ist bis Ende Februar möglich"], None,
                            "https://www.be.ch/x.html") == "Impfen und Boostern ist bis Ende Februar möglich"
    assert breadcrumb_title("Medienmitteilungen", ["Kanton Bern"], "Kanton Bern", "https://www.be.ch/x.html") == (
        "Medienmitteilungen")  # the only page title is the site's name


# --- the teaser ---

def test_description_shown_only_in_a_teaser_card_does_not_hide_the_marked_lead():
    # the meta description is a shortened lead; the page shows it only in a card at its foot that
    # links to the article itself; the lead the reader sees is in the intro box above the text
    lead = ("Die Stadt Bergisch Gladbach zieht wegen der Pflastersteine der Fußgängerzone vor Gericht, "
            "nachdem sich jahrelang nichts getan hat.")
    short = "Die Stadt zieht wegen der Pflastersteine vor Gericht"
    head = f'<meta name="description" content="{short}">'
    card = (f'<div class="teaser"><a href="/region/pflaster-klage-33335514"><h6>Stadt verklagt Baufirma</h6>'
            f'<div class="teaser__body">{short}</div></a></div>')
    html = page(head=head, h1="<h1>Stadt verklagt Baufirma</h1>", before=f'<div class="article__intro"><p>{lead}</p></div>',
                after=card)
    text = extract(html).text
    assert text.startswith(lead)
    assert short not in text


def test_inline_teaser_between_the_paragraphs_is_cut():
    # a custom element that points to a FAQ page, set between the article's paragraphs
    teaser = ('<pp-inline-teaser><pp-link href="/faq/infektionsschutz"><h3>FAQs Betrieblicher Infektionsschutz</h3>'
              '</pp-link><div><p class="text">Erhalten Sie Antworten auf Ihre Fragen zum Thema Betrieblicher '
              'Infektionsschutz.</p></div><pp-button text="Zu den FAQs" href="/faq/infektionsschutz"></pp-button>'
              "</pp-inline-teaser>")
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    html = ("<html><head><title>Pflaster</title></head><body><main><article><h1>Stadt verklagt Baufirma</h1>"
            + paragraphs.replace("</p>", "</p>" + teaser, 2).replace(teaser, "", 1) + "</article></main></body></html>")
    text = extract(html).text
    assert BODY[2] in text
    assert "Erhalten Sie Antworten" not in text and "FAQs Betrieblicher" not in text


# --- the wider extraction ---

SHARE = "".join(f'<li><a class="share-{n.lower()}" href="/?share={n.lower()}"><span>{n}</span></a></li>'
                for n in ("Twitter", "Facebook", "E-Mail", "LinkedIn", "Pinterest", "Drucken", "Telegram", "WhatsApp",
                          "Reddit", "Tumblr", "Pocket", "Mastodon", "Threema"))
SHORT_POST = f"""<html><head><title>Ladesäulen. – Notizblock</title></head><body>
<div id="page"><header class="site-header"><p class="site-title"><a href="/">Notizblock</a></p>
<p class="site-description">Kurz notiert, lang gedacht.</p>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/ueber/">Über mich</a></li></ul></nav></header>
<div id="content"><main id="main" class="site-main"><article class="post type-post hentry">
<header class="entry-header"><h1 class="entry-title">Ladesäulen.</h1>
<div class="entry-meta"><a href="/2019/11/17/ladesaeulen/"><time class="entry-date published"
 datetime="2019-11-17T15:14:48+01:00">17/11/2019</time></a> ~ <a href="/author/lena/">Lena Vogt</a></div></header>
<div class="entry-content">
<p>Ich würde ja in schnelle und bezahlbare Ladesäulen auf dem Land investieren. Wundere mich, dass es sie dort
 noch immer kaum gibt.</p>
<p><strong>Wer baut die erste im Dorf?</strong></p>
<div id="jp-post-flair" class="sharedaddy"><div class="sd-block sd-rating"><h3 class="sd-title">Bewerten:</h3></div>
<div class="sharedaddy sd-sharing-enabled"><div class="sd-block sd-social"><h3 class="sd-title">Teilen mit:</h3>
<ul>{SHARE}</ul></div></div><div class="sharedaddy sd-like"><h3 class="sd-title">Gefällt mir:</h3><span>Lade …</span>
</div></div></div>
<div class="entry-author"><h2 class="author-title">Veröffentlicht von <span class="author-name">Lena Vogt</span></h2>
<p class="author-bio">Schreibt über Dörfer und Strom. <a href="/author/lena/">Zeige alle Beiträge von Lena Vogt</a></p>
</div></article></main></div></div></body></html>"""


def test_short_post_is_not_replaced_by_its_box_run_into_one_line():
    text = extract(SHORT_POST, url="https://notizblock.example.org/2019/11/17/ladesaeulen/").text
    assert text.startswith("Ich würde ja in schnelle und bezahlbare Ladesäulen")
    assert "Wer baut die erste im Dorf?" in text
    assert "Teilen mit" not in text and "Zeige alle Beiträge" not in text


# --- the date ---

def test_page_whose_only_date_is_its_last_change_takes_that_day():
    # no publication time in the markup; a caption below the text names the day a data set was recorded
    caption = ('<figure><img src="karte.png" alt=""><figcaption>Vergleich der Schneehöhen mit Messungen aus '
               "Davos. Datensatz vom 09.03.2016</figcaption></figure>")
    after = ('<div class="cont_item"><div class="label_container_half"><label>Letzte Änderung:</label>'
             '<div class="label_content">\n            14.01.2022 um 09:25            </div></div>'
             '<div class="label_container_half2"><label>Seitenaufrufe:</label><div class="label_content">5540 mal '
             "angezeigt</div></div></div>")
    html = page(h1="<h1>Hochauflösende Schneekarten für Tourengeher</h1>", after=caption + after)
    assert extract(html, url="https://www.gipfelbuch.example/outdoornews/detail/id/718").date == "2022-01-14"
