"""What a news page says about itself: publication time, outlet name and teaser, read from
JSON-LD and <meta> before anything in the visible page.

Header dates ("heute", the day the page was crawled) and copyright years are what a generic date
finder often returns; the page's own `datePublished` / `article:published_time` is the
publisher's statement, so it comes first. Site names carry city, country and section suffixes
(*Berliner Morgenpost, Berlin, Germany*, *Faktencheck*) and sometimes a web address; they are
cleaned so that one outlet keeps one name across its pages, with the domain as the fallback.
"""
from __future__ import annotations

import json
import re
import unicodedata
from html import unescape as html_unescape
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
                 "techarticle", "scholarlyarticle", "socialmediaposting", "report", "posting"}
PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:published_time",
                  "datepublished", "publishdate", "publish-date", "pubdate", "dc.date.issued", "dcterms.issued")
ISO_MOMENT = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*"
                        r"(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?")
# Words that name a section or a page, not an outlet (og:site_name is sometimes the section).
SECTION_NAMES = frozenset(
    "faktencheck startseite home homepage news nachrichten aktuelles aktuell politik wirtschaft sport kultur "
    "meinung panorama lokales regional region blog magazin artikel presse pressemitteilungen pressemitteilung "
    "service ratgeber wissen digital leben reise auto gesundheit themen thema facebook twitter instagram "
    "youtube linkedin x".split())
COUNTRY = r"(?:Germany|Deutschland|Austria|Österreich|Schweiz|Switzerland|Suisse|Europe|Europa|DE|AT|CH)"
PLACE_SUFFIX = re.compile(rf"\s*,\s*(?:[A-ZÄÖÜ][\w.\-]+(?:\s[A-ZÄÖÜ][\w.\-]+)?\s*,\s*)?(?:{COUNTRY}|[A-ZÄÖÜ][a-zäöüß]+(?:[\s-][A-ZÄÖÜ][a-zäöüß]+)?)\s*$")
SEPARATORS = re.compile(r"\s+[|–—»·•:]+\s+|\s+-\s+|\s*\|\s*")
LEGAL_FORM = re.compile(r"(?:,?\s+(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|SE|S\.A\.|Ltd\.?|Inc\.?|mbH))+\s*$", re.IGNORECASE)
YEAR_PREFIX = re.compile(r"^(?:©|\(c\)|Copyright)?\s*(?:19|20)\d\d\s+", re.IGNORECASE)
ADDRESS = re.compile(r"https?://|www\.|/|^[\w-]+(?:\.[\w-]+)*\.(?:de|at|ch|com|net|org|info|eu|it|li|lu|be|nl|fr)$",
                     re.IGNORECASE)


@dataclass
class PageMeta:
    published: str | None = None  # the page's own publication moment, as written
    site_names: list[str] = field(default_factory=list)  # og:site_name, JSON-LD publisher, …, in that order
    description: str | None = None  # og:description / description / JSON-LD description
    headline: str | None = None
    og_title: str | None = None  # og:title as written (a breadcrumb `Site - Section - Headline` on some pages)


def read_meta(tree) -> PageMeta:
    """PageMeta from a parsed page (lxml); missing parts stay None or empty."""
    meta = PageMeta()
    metas = _meta_tags(tree)
    objects = list(_json_ld_objects(tree))
    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    for candidate in [*articles, *objects]:
        value = candidate.get("datePublished")
        if isinstance(value, str) and ISO_MOMENT.match(value):
            meta.published = value.strip()
            break
    if meta.published is None:
        meta.published = next((metas[k] for k in PUBLISHED_META if ISO_MOMENT.match(metas.get(k, ""))), None)
    if meta.published is None:
        node = next(iter(tree.xpath('//*[@itemprop="datePublished"]')), None)
        value = node is not None and (node.get("content") or node.get("datetime") or "")
        if value and ISO_MOMENT.match(value):
            meta.published = value.strip()
    names = [metas.get("og:site_name")]
    for candidate in [*articles, *objects]:
        publisher = candidate.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(publisher["name"])
    names += [o.get("name") for o in objects if _types(o) & {"newsmediaorganization", "organization"}]
    names.append(metas.get("application-name"))
    meta.site_names = [n for n in names if isinstance(n, str) and n.strip()]
    descriptions = [metas.get("og:description"), metas.get("description"), metas.get("twitter:description")]
    descriptions += [a.get("description") for a in articles]
    # some CMSs write the lead's markup into the description ("<p>Die frühen 1970er …")
    descriptions = [re.sub(r"<[^>]{0,200}>", " ", d) for d in descriptions if isinstance(d, str)]
    meta.description = next((" ".join(d.split()) for d in descriptions if d.strip()), None)
    headlines = [a.get("headline") for a in articles] + [metas.get("og:title")]
    meta.headline = next((h.strip() for h in headlines if isinstance(h, str) and h.strip()), None)
    meta.og_title = metas.get("og:title")
    return meta


def _meta_tags(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        content = node.get("content")
        if key and content and key not in found:
            found[key] = content.strip()
    return found


def _json_ld_objects(tree):
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _walk(data, 0)


def _walk(data, depth: int):
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk(data["@graph"], depth + 1)
        if isinstance(data.get("mainEntity"), dict):
            yield from _walk(data["mainEntity"], depth + 1)


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


# --- publication day --------------------------------------------------------------------------

def local_day(moment: str | None) -> str | None:
    """The publication day as the outlet's readers saw it: a time with a UTC offset other than
    zero is the outlet's own local time; a UTC time is moved to German time (Europe/Berlin);
    a time without an offset, or a bare date, is taken as written."""
    match = ISO_MOMENT.match(moment or "")
    if not match:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        written = date(int(year), int(month), int(day))
    except ValueError:
        return None
    if hour is None or offset is None:
        return written.isoformat()
    if offset.upper() not in ("Z", "UTC", "GMT") and offset.replace(":", "")[1:] != "0000":
        return written.isoformat()
    try:
        utc = datetime(written.year, written.month, written.day, int(hour), int(minute), int(second or 0),
                       tzinfo=timezone.utc)
    except ValueError:
        return written.isoformat()
    return (utc + berlin_offset(utc)).date().isoformat()


def berlin_offset(utc: datetime) -> timedelta:
    """CET/CEST (EU rule since 1996): +2 h from the last Sunday of March 01:00 UTC to the last
    Sunday of October 01:00 UTC, else +1 h. Written out so that no time-zone database is needed."""
    def last_sunday(month: int) -> datetime:
        day = datetime(utc.year, month, 31, 1, tzinfo=timezone.utc)
        return day - timedelta(days=(day.weekday() + 1) % 7)
    return timedelta(hours=2 if last_sunday(3) <= utc < last_sunday(10) else 1)


MONTHS = ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "dezember")
SHOWN_DATE = re.compile(
    r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)?\d\d)\b"                       # 21.01.2022, 6.11.23
    r"|\b(\d{1,2})\.\s*(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b"         # 1. Februar 2022
    r"|\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b"                                   # 17/02/2022
    r"|\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b", re.IGNORECASE)                        # 2022-01-21
DATE_PREFIX = re.compile(r"^(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d\d|\d{1,2}\.\s*(?:" + "|".join(MONTHS)
                         + r")\s+(?:19|20)\d\d)\s*[|:–-]?\s*", re.IGNORECASE)
SHOWN_BEFORE, SHOWN_AFTER = 150, 200  # characters around the headline where its date line sits
MAX_SHOWN_TEXT = 200_000


def shown_day(tree, headlines: list[str | None]) -> str | None:
    """The date printed next to the headline (the byline's or kicker's date), nearest first:
    what a reader sees as the article's date, unlike a date in a related-article list. The
    first of `headlines` (the title, the page's <h1>s) found on the page is the anchor."""
    text = _visible_text(tree)
    for headline in headlines:
        headline = re.sub(r"\s+", " ", headline or "").strip()
        at = text.find(headline) if len(headline) >= 10 else -1
        if at >= 0:
            return _nearest_date(text, at, at + len(headline))
    return None


# A date the page labels as the publication date: "Erschienen am: 13.10.2021", "Erstellt am
# 01.11.2023", "Datum: 18.10.2021" (not "Letzte Änderung: 31.10.2023").
PUBLISHED_LABEL = re.compile(r"\b(?:Erschienen|Veröffentlicht|Erstellt|Publiziert|Eingestellt)(?: am:?|:)\s*"
                             r"|\bDatum:\s*", re.IGNORECASE)


# A date the page labels as its last change ("Letzte Änderung: 14.01.2022 um 09:25", "Stand: …"):
# the day to take when the page states no publication time and shows no other date by its headline
# (before a date guessed from a caption's "Datensatz vom 09.03.2016").
CHANGED_LABEL = re.compile(r"\b(?:Letzte Änderung|Zuletzt (?:geändert|aktualisiert)|Aktualisiert|Geändert|Stand)"
                           r"(?: am)?:?\s*", re.IGNORECASE)


def labelled_day(tree, labels: re.Pattern = PUBLISHED_LABEL) -> str | None:
    """The first date on the page that a publication label (or another of `labels`) stands before."""
    text = _visible_text(tree)
    for label in labels.finditer(text):
        match = SHOWN_DATE.match(text, label.end())
        if match and (day := _shown_iso(match)):
            return day
    return None


MAX_TIME_NODES = 20_000  # elements walked to place the <time> elements beside the headline


def time_day(tree, anchor) -> str | None:
    """The day of the `<time datetime="…">` element nearest the headline (`anchor`, the page's
    first <h1>) in document order, as the outlet's local day: the machine-readable form of the
    byline date, for pages whose shown date has no year ("Jan 21") or another format. Without a
    headline, the first <time> on the page."""
    times = tree.xpath("//time[@datetime]")
    if not times:
        return None
    if anchor is None:
        return local_day(times[0].get("datetime"))
    wanted = {id(node) for node in times}
    places: list[tuple[int, object]] = []
    anchor_at = None
    for number, node in enumerate(tree.iter()):
        if number >= MAX_TIME_NODES:
            break
        if node is anchor:
            anchor_at = number
        elif id(node) in wanted:
            places.append((number, node))
    if anchor_at is None or not places:
        return local_day(times[0].get("datetime"))
    nearest = min(places, key=lambda place: abs(place[0] - anchor_at))[1]
    return local_day(nearest.get("datetime"))


def _visible_text(tree) -> str:
    pieces = tree.xpath("//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
    return re.sub(r"\s+", " ", " ".join(pieces)[:MAX_SHOWN_TEXT])


def _nearest_date(text: str, at: int, end: int) -> str | None:
    best = None
    for match in SHOWN_DATE.finditer(text, max(0, at - SHOWN_BEFORE), end + SHOWN_AFTER):
        if at <= match.start() < end:
            continue  # a date inside the headline itself
        distance = at - match.end() if match.start() < at else match.start() - end
        day = _shown_iso(match)
        if day and (best is None or distance < best[0]):
            best = (distance, day)
    return best[1] if best else None


def _shown_iso(match: re.Match) -> str | None:
    g = match.groups()
    if g[0]:
        day, month, year = int(g[0]), int(g[1]), int(g[2])
    elif g[3]:
        day, month, year = int(g[3]), MONTHS.index(g[4].lower()) + 1, int(g[5])
    elif g[6]:
        day, month, year = int(g[6]), int(g[7]), int(g[8])
    else:
        day, month, year = int(g[11]), int(g[10]), int(g[9])
    try:
        return date(year + 2000 if year < 100 else year, month, day).isoformat()
    except ValueError:
        return None


# A full date in the page's address (`/2017/7/12/unter-uns`, `/posts/2019-12-22-firefox-…`): the
# publisher's own record of the day the article got its address.
ADDRESS_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[-/_.]|$)")


def address_day(url: str | None) -> str | None:
    """The day written in the page's address, or None (a Wayback capture's own timestamp is no date of the page)."""
    path = urlsplit(url or "").path
    if "web.archive.org" in (url or "") and "/http" in path:
        path = urlsplit(path[path.index("/http") + 1:]).path
    match = ADDRESS_DATE.search(path)
    if not match:
        return None
    try:
        return date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def publication_day(published: str | None, guess: str | None, shown: str | None = None,
                    addressed: str | None = None) -> str | None:
    """The day the article appeared, from the page's own publication time, trafilatura's guess
    (htmldate) and the date shown by the headline.

    When the page's time and the guess differ, a guess that is only the UTC date of the page's
    time gives way to the page's time (as a Berlin day); else the shown date decides, and
    without it the guess wins: a `datePublished` months or years before the visible date is
    often a first version or a template's value. Without a page time, the shown date goes before the guess, which
    may be a date from a list of other articles or a footer. A date in the page's address
    (`addressed`) that is one of these three is taken first."""
    own, other = local_day(published), local_day(guess)
    if addressed and addressed in (own, other, shown):
        return addressed  # the address's date settles it (a `datePublished` of a later edit, a list's date)
    if own and other and own != other:
        if (published or "").strip()[:10] == other:
            return own
        return shown if shown in (own, other) else other
    if own:
        return own
    return shown or other

# --- outlet name --------------------------------------------------------------------------------

def page_host(url: str | None) -> str | None:
    """The site's host without `www.`; for a Wayback Machine capture, the captured site's."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host == "web.archive.org":
        inner = re.search(r"/web/\d+[a-z_]*/(.+)$", parts.path + (f"?{parts.query}" if parts.query else ""))
        if inner:
            target = inner.group(1)
            return page_host(target if "://" in target else f"http://{target}")
    host = re.sub(r"^www\d*\.", "", host)
    return host or None


def outlet_name(candidates: list[str | None], url: str | None, guesses: list[str | None] = ()) -> str | None:
    """The first candidate that is a clean outlet name, else a guess (a name trafilatura read from
    the page title or a profile link) that matches the domain, else the page's domain."""
    host = page_host(url)
    names = [n for n in (clean_outlet(c, host) for c in candidates) if n]
    words = [n for n in names if not ADDRESS.search(n)]  # "RTL Online" before "rtl.de"
    if words or names:
        return (words or names)[0]
    for guess in guesses:
        name = clean_outlet(guess, host)
        if name and host and _matches_host(name, host):
            return name
    return host


def clean_outlet(name: str | None, host: str | None = None) -> str | None:
    """`Berliner Morgenpost, Berlin, Germany` → `Berliner Morgenpost`; `Politik | SZ.de` →
    the part that matches the domain; `oe24 GmbH` → `oe24`; a web address of another site
    (a facebook page), a section word, a template placeholder or a sentence → None."""
    if not name:
        return None
    name = re.sub(r"\s+", " ", unicodedata.normalize("NFC", html_unescape(name))).strip(" -|–—·•:")
    parts = [p.strip() for p in SEPARATORS.split(name) if p.strip()]
    if len(parts) > 1:
        matching = [p for p in parts if host and _matches_host(p, host)]
        name = matching[0] if matching else parts[-1] if _is_section(parts[0]) else parts[0]
    name = PLACE_SUFFIX.sub("", name) if "," in name else name
    name = LEGAL_FORM.sub("", YEAR_PREFIX.sub("", name)).strip(" ,;-|–—")
    name = re.sub(r"^www\.", "", name, flags=re.IGNORECASE)
    if not name or len(re.findall(r"[^\W\d_]", name)) < 2 or re.search(r"[{}<>$@]|\d{3}", name) and not (
            host and _matches_host(name, host)):
        return None
    if ADDRESS.search(name) and not (host and _fold(name) == _fold(host)):
        return None
    if _is_section(name) or len(name) > 50 or len(name.split()) > 6:
        return None
    return name


def _is_section(name: str) -> bool:
    return name.casefold() in SECTION_NAMES


def _matches_host(name: str, host: str) -> bool:
    label = _fold(host.split(".")[-2] if host.count(".") >= 1 else host)
    folded = _fold(name)
    initials = _fold("".join(w[0] for w in re.findall(r"[^\W\d_][\w]*", name) if w[0].isupper()))
    return len(label) >= 3 and (len(folded) >= 3 and (label in folded or folded in label) or initials == label)


def _fold(text: str) -> str:
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return re.sub(r"[^a-z0-9]", "", text)


# --- title ---------------------------------------------------------------------------------------

TITLE_SEPARATOR = re.compile(r"\s+(?:[|•·»]|::|[-–—])\s+")


def clean_title(title: str | None, outlet: str | None, url: str | None, headline: str | None = None,
                h1: str | None = None) -> str | None:
    """The headline without the site name (`… | St.Galler Tagblatt`, `… - apolut.net`); when the
    page's title is only the site or a section name, the JSON-LD headline or the page's <h1>."""
    host = page_host(url)
    names = [n for n in (outlet, host) if n]
    title = re.sub(r"\s+", " ", title or "").strip()
    if not title or _is_site(title, names) or len(title.split()) == 1 and (headline or h1):
        title = re.sub(r"\s+", " ", headline or h1 or "").strip()
    for _ in range(2):
        parts = TITLE_SEPARATOR.split(title)
        if len(parts) > 1 and _is_site(parts[-1], names):
            title = re.sub(r"\s+(?:[|•·»]|::|[-–—])\s*$", "", title[:title.rfind(parts[-1])].rstrip())
        elif len(parts) > 1 and _is_site(parts[0], names):
            title = title[len(parts[0]):].lstrip(" |•·»:-–—")
    return title or None


def _is_site(part: str, names: list[str]) -> bool:
    folded = _fold(part)
    if not folded:
        return False
    for name in names:
        other = _fold(name.split(".")[-2] if ADDRESS.search(name) and name.count(".") else name)
        if other and (folded == other or len(other) >= 4 and other in folded and len(folded) <= len(other) + 12
                      or len(folded) >= 4 and folded in other):
            return True
    return False


def breadcrumb_title(title: str | None, raws: list[str | None], outlet: str | None, url: str | None) -> str | None:
    """A one-word title (a section: *Fachmeldungen*) that is one part of a page title written as a
    breadcrumb (`Zoll online - Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes`)
    gives way to that title's longest part of three words or more that is not the site's name; a
    page title of three words or more without separators replaces it too (og:title
    *Medienmitteilungen* beside the <title> *Impfen und Boostern ist bis Ende Februar …*).
    `raws` are the page's own titles as written (<title>, og:title, the JSON-LD headline)."""
    if title and len(title.split()) > 1:
        return title
    names = [n for n in (outlet, page_host(url)) if n]
    for raw in raws:
        parts = [part.strip() for part in TITLE_SEPARATOR.split(_bare(raw or "")) if part.strip()]
        if len(parts) < 2 and not (title and parts):
            continue  # no breadcrumb, and no section title to replace
        if len(parts) >= 2 and title and _fold(title) not in {_fold(part) for part in parts}:
            continue
        longer = [part for part in parts if len(part.split()) >= 3 and len(part) <= 250 and not _is_site(part, names)]
        if longer:
            return max(longer, key=len)
    return title


CSS_TEXT = re.compile(r"\{[^}]*:[^}]*\}")
# Parts of an <h1> that are not the headline: the kicker above it and the dash only screen readers get.
KICKER_CLASS = re.compile(r"kicker|roofline|overline|topline|dachzeile|spitzmarke|titleheader|subtitle|hiddendash"
                          r"|visually-hidden|sr-only", re.IGNORECASE)


def heading_text(node) -> str:
    """An <h1>'s text without its kicker (`<span class="roofline">Immobilienkrise </span>Rene Benko-Firma …`):
    the headline as a reader takes it; a heading that is all kicker keeps its text."""
    from copy import deepcopy

    whole = " ".join(node.text_content().split())
    bare = deepcopy(node)
    for part in [p for p in bare.iterdescendants() if isinstance(p.tag, str) and KICKER_CLASS.search(p.get("class") or "")]:
        parent = part.getparent()
        if parent is None:
            continue
        previous = part.getprevious()
        if part.tail and previous is not None:
            previous.tail = (previous.tail or "") + " " + part.tail
        elif part.tail:
            parent.text = (parent.text or "") + " " + part.tail
        parent.remove(part)
    text = " ".join(bare.text_content().split())
    return text if len(text) >= 10 else whole


def shown_title(title: str | None, headings: list[str], outlet: str | None, url: str | None,
                stated: list[str | None] = ()) -> str | None:
    """The headline as the page shows it. The first <h1> that is also one of the page's stated
    titles (`stated`: the JSON-LD headline, og:title, <title> without the site name) is the
    headline, whatever the others say: og:title is often a social-media variant
    (*Pflaster-Desaster: Gladbacher Fußgängerzone …* beside the shown and stated *Bergisch
    Gladbach: die Stadt verklagt …*). Otherwise an <h1> that shares at least half of its words, and at
    least two, with the title (a two-word section heading such as *Hiddensee kulinarisch* shares
    one word with any headline about the island). og:title and <title> are often an SEO variant:
    *Brexit: Nervenkrieg geht in nächste Runde* for the shown *Der Nervenkrieg um den Brexit geht
    in die nächste Runde*.
    An <h1> that begins with the whole title and goes on with words (*Ultium Cells erhöht
    Gigafactory-Kapazität* shown as *… in Tennessee*: og:title and <title> shortened it) replaces
    it; an <h1> that otherwise contains the whole title (a kicker or site name around it) gives way
    to the title; a one-word title (a section name) gives way to the first <h1> of three words or more.
    A title that the page shows as one of its <h1>s stays (unless another <h1> is a part of it: a
    byline run into the heading): a later <h1> that shares its words (*Radiobeitrag zum
    Blasius-Segen* under *Blasius-Segen: Schutz vor Halskrankheiten*) is a section."""
    names = [n for n in (outlet, page_host(url)) if n]
    shown = [h for h in (_undated(_bare(h)) for h in headings)
             if 10 <= len(h) <= 250 and not CSS_TEXT.search(h) and not _is_site(h, names)]
    if shown and shown[0] != _bare(title or "") and shown[0] in {_bare(s) for s in stated if s}:
        return shown[0]
    if title and _bare(title) in shown and not any(h != _bare(title) and h in title for h in shown):
        return title  # the page shows the title as one of its headings: the other <h1>s are sections
    if not title or len(title.split()) == 1:
        return next((h for h in shown if len(h.split()) >= 3), title)
    continued = [h for h in shown if h.startswith(title) and len(h) > len(title) + 3
                 and re.match(r"\s+\w", h[len(title):]) and not _is_site(h[len(title):].strip(), names)]
    if continued:
        return continued[0]
    words = _words(title)
    fitting = [h for h in shown if title not in h and _words(h)
               and len(_words(h) & words) >= max(2, 0.5 * min(len(_words(h)), len(words)))]
    return min(fitting, key=len) if fitting else title


def _undated(heading: str) -> str:
    """`27.01.2022MineralölINFO …`, `1. Februar 2022 Bundesministerin …`: the date line that the
    page's markup put inside the <h1>, cut."""
    match = DATE_PREFIX.match(heading)
    return heading[match.end():] if match and match.end() < len(heading) else heading


def _bare(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").replace("\u200b", "")
    return re.sub(r"\s+", " ", text).strip()


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


SLUG_STOP = {"html", "htm", "php", "aspx", "index", "artikel", "article", "news", "detail", "www", "und", "der", "die",
             "das", "den", "des", "mit", "von", "fuer", "auf", "ein", "eine", "the", "and"}
SLUG_MIN_WORDS = 3  # a slug this short says too little about the headline
SLUG_TITLE_FITS = 0.3  # a title with at least this share of the slug's words is the article's
SLUG_HEADING_FITS = 0.6  # a heading must cover this share to replace it


def slug_title(title: str | None, candidates: list[str | None], url: str | None,
               outlet: str | None = None) -> str | None:
    """The headline the page's address was written from, when the title found is a name and no
    headline: a blog's or section's name (*DimidoBlog*, *Allgemein*, *Time 4 talks*) while
    `/was-ist-virales-marketing/` names the article. Only a title of one or two words or the site's
    name gives way (a headline that the slug does not repeat stays: the slug may follow a subline),
    and only to a heading, og:title or JSON-LD headline that shares most of the slug's words."""
    slug = _slug_words(url)
    if len(slug) < SLUG_MIN_WORDS or title and _slug_share(title, slug) >= SLUG_TITLE_FITS:
        return title
    if title and len(title.split()) > 2 and not _is_site(title, [n for n in (outlet, page_host(url)) if n]):
        return title
    best, share = title, SLUG_HEADING_FITS
    for candidate in candidates:
        text = _undated(_bare(candidate or ""))
        if 10 <= len(text) <= 250 and not CSS_TEXT.search(text) and (found := _slug_share(text, slug)) >= share:
            best, share = text, found + 1e-9  # the first of equal ones: headings come in page order
    return best


def _slug_words(url: str | None) -> set[str]:
    path = urlsplit(url or "").path
    if "web.archive.org" in (url or "") and "/http" in path:
        path = urlsplit(path[path.index("/http") + 1:]).path
    segments = [s for s in path.split("/") if s]
    if not segments:
        return set()
    words = re.split(r"[^a-z0-9äöüß]+", max(segments[-2:], key=lambda s: s.count("-") + s.count("_")).casefold())
    return {_fold(w) for w in words if len(w) >= 3 and not w.isdigit() and _fold(w) not in SLUG_STOP}


def _slug_share(text: str, slug: set[str]) -> float:
    words = {_fold(w) for w in re.findall(r"\w+", text)}
    words |= {w.replace("ae", "a").replace("oe", "o").replace("ue", "u") for w in words}
    return len(slug & words) / len(slug)
