"""The main text of a page after trafilatura: related-article lists, newsletter and paywall boxes
cut, captions moved behind the body as `Bild: …` credit lines, and the teaser kept.

Trafilatura keeps what looks like text; what a German news page puts between the paragraphs
(a "Lesen Sie auch" list of links, a newsletter box, a caption with its photographer) looks like
text too. These rules read the extracted lines beside the page's own markup: a line that is the
whole text of a link on the page is a link, a line that is a <figcaption> is a caption. The text
built here is the stored text, so everything later (offsets, blocks) refers to it.
"""
from __future__ import annotations

import re
import unicodedata
from itertools import islice

# Headings that open a box of links to other articles.
RELATED_HEADING = re.compile(
    r"^(?:Lesen Sie (?:auch|mehr|weiter)|Mehr (?:zum Thema|Themen|dazu|aus (?:dem|der) .{1,40}|zu .{1,40})"
    r"|Weitere (?:Themen|Artikel|Beiträge|Nachrichten|Meldungen|Informationen zum Thema|Tourentipps)(?: .{1,40})?"
    r"|Das (?:Thema )?könnte (?:Sie|dich) (?:auch )?interessieren|Auch interessant|Interessant für (?:Sie|dich)"
    r"|Empfohlene (?:Beiträge|Artikel)|Ähnliche (?:Beiträge|Artikel)|Verwandte (?:Beiträge|Artikel)"
    r"|Zum (?:Weiterlesen|Thema)|Top-Themen(?: .{1,40})?|Meistgelesen(?:e Artikel)?|Beliebte (?:Beiträge|Artikel)"
    r"|Neueste (?:Beiträge|Artikel)|Aktuelle (?:Beiträge|Artikel)|Auch auf .{1,40}|Vorschau auf den nächsten Artikel"
    r"|Beiträge aus dem Forum|Mehr aus dem Ressort|Passend zum Thema|Hintergrund|Links? zum Thema)\s*:?\s*$",
    re.IGNORECASE,
)
# Lines of newsletter, subscription and paywall boxes and social-media calls.
BOX_LINE = re.compile(
    r"(?:\bNewsletter\b.{0,120}\b(?:abonnier|anmeld|bestell|eintrag|erhalten|registrier|kostenlos|jetzt)"
    r"|\b(?:abonnier|anmeld|bestell|eintrag|registrier)\w*\b.{0,80}\bNewsletter\b"
    r"|Jetzt (?:kostenlos )?(?:registrieren|abonnieren|anmelden|testen|weiterlesen)\b"
    r"|Wählen Sie Ihren Zugang|Sie haben bereits ein (?:Abo|Konto)|Zum Abo\b|Abo abschließen|weiterlesen mit\b"
    r"|Um (?:diesen Artikel|den ganzen Artikel|weiterzulesen).{0,80}(?:Abo|anmelden|registrier)"
    r"|Mit Ihrer Anmeldung|erhalten Sie exklusive|Folgen Sie uns (?:auf|bei)|Folgt uns (?:auf|bei)"
    r"|Gefällt (?:dir|Ihnen) unser .{0,40}\?|Kennt ihr schon .{0,60}\?|Lust auf mehr\?"
    r"|Bewerten Sie diesen Artikel|Artikel bewerten|Bewerten:|^\*?(?:Werbung|Anzeige)\s*(?:[.:|*)–-]|$)|enthält (?:Werbung|Affiliate)|^\(?Alle Angaben ohne Gewähr|\b[Hh]ier klicken\b"
    r"|Verraten Sie (?:uns )?(?:gerne )?in den Kommentaren|^Kommentare insgesamt|^(?:Titel|Beitrags|Header|Vorschau)bild\b)",
    re.IGNORECASE,
)
# Headings of what follows an article on press and association pages: sources, contact, "about us".
TRAILER_HEADING = re.compile(
    r"^(?:Quellen(?:angaben)?|Originalpublikation|(?:Presse)?[Kk]ontakt|Weitere Informationen|Ansprechpartner(?:in)?"
    r"(?: .{1,40})?|Über (?:uns|den Autor|die Autorin)|Zum Autor|Zur Autorin|(?:Der |Die )?Autor(?:in)?"
    r"|Über (?:d(?:as|ie|en) )?(?:[\w.&-]+ ){0,4}[\w-]*(?:[Pp]ortal|[Uu]nternehmen|[Vv]erband|[Ss]tiftung|[Ii]nstitut"
    r"|[Aa]gentur|[Vv]erlag|[Nn]etzwerk|AG|GmbH|SE|e\. ?V\.)(?: [\w.-]+){0,2})\s*:?\s*$")
# The link of a teaser card ("Heu richtig lagern / Heu ist die Grundlage … / weiterlesen →").
READ_ON = re.compile(r"^(?:weiterlesen|mehr lesen|zum artikel|artikel lesen|mehr erfahren|read more)\s*[→»>›….]*$",
                     re.IGNORECASE)
CARD_LINES = 3  # lines of a teaser card above its link
CARD_LINE_MAX = 400
# Lines that are captions by their form, where the page marks them with no <figcaption>: a numbered
# figure, a screenshot or picture-source label, or a line that ends with the photographer's credit.
CAPTION_LINE = re.compile(
    r"^(?:Abbildung|Abb\.|Grafik|Tabelle)\s*\d+\s*[:.]|^(?:Screenshot|Symbolbild|Archivbild)\b"
    r"|^(?:Bildquelle|Bild|Fotos?)\s*:|\|\s*©\s*[^|]{2,40}$|\((?:Fotos?|Bild):[^()]{2,80}\)\s*$")
# The author's or the publisher's self-description that closes an article or press release:
# "Inga Berg ist Redakteurin bei …", "Die Muster-Stiftung ist in rund 110 Ländern …".
CLOSING_BIO = re.compile(
    r"^(?:(?:Dr\. |Prof\. )?[A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+){1,2} )(?:ist|war|arbeitet|schreibt|studierte|lebt)"
    r" (?:(?:seit|als|bei|für|freier?)\b|Redakteur|Autor|Journalist|Head|Gründ|Chef|Leiter|Partner|Mitglied)"
    r"|^(?:Die|Der|Das) (?:[A-ZÄÖÜ][\w-]+ )*[\w-]*(?:AG|SE|GmbH|e\. ?V\.|Stiftung|Verband|Institut|Gruppe|Group)"
    r" (?:ist|wurde|bietet)\b")
CLOSING_LINES = 3  # a closing self-description is among the last lines
# A line that is only a date (with a section word): the page's date line, not text.
DATE_LINE = re.compile(r"^(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d)(?:\s*[|,·]\s*[\w-]{1,25})?$")
# A download link: "Merkblatt vom 14. Oktober 2021PDF | 38 KB".
FILE_LINE = re.compile(r"(?<![^\W\d_])(?:PDF|DOCX?|XLSX?|ZIP)\s*[|,(]\s*\d+(?:[.,]\d+)?\s*[KMG]B\b", re.IGNORECASE)
BOX_LINE_MAX = 300  # a longer line is prose that mentions a newsletter, not the box
MAX_TEXT_NODES = 20_000  # a teaser sits near the top; a hostile page with millions of nodes costs no more
MAX_CAPTIONS = 50
MAX_CANDIDATES = 10  # elements tried as the teaser
BULLET = re.compile(r"^[-•*–]\s+")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").replace("\u200b", "")
    return re.sub(r"\s+", " ", text).strip()


def page_strings(tree, tag: str) -> set[str]:
    """The whole texts of all elements `tag` (a, figcaption) on the page, normalised."""
    found = set()
    for node in tree.iter(tag):
        text = norm(node.text_content())
        if len(text) >= 3:
            found.add(text)
    return found


# Class or id words (or a custom element's name) of a box around a text: a caption that is no
# <figcaption>, a related-articles box, a teaser set between the paragraphs (`teaser--inline`,
# `<pp-inline-teaser>`), an affiliate-link notice, an author box.
MARKED_BOX = re.compile(r"(caption)|(related|affiliate|inline-?teaser|teaser--inline|author-?(?:box|bio|info|desc)"
                        r"|about-?(?:the-?)?author|saboxplugin|autor(?:en)?-?(?:box|info))", re.IGNORECASE)
MARKED_DEPTH = 3  # ancestors looked at: the box, not the page layout far above it
MARKED_KEY = 40  # a line is matched to the text that begins it, by its first characters


def marked_texts(tree) -> dict[str, str]:
    """First characters of the texts inside a box whose class or id names a caption
    ("caption") or a related/affiliate box ("furniture"); a text that also occurs outside such
    a box is not marked."""
    marked: dict[str, str] = {}
    plain: set[str] = set()
    pieces = tree.xpath("//body//text()[not(ancestor::script or ancestor::style)]")[:MAX_TEXT_NODES]
    for piece in pieces:
        key = norm(piece)[:MARKED_KEY]
        if len(key) < 25:
            continue
        kind = None
        node = piece.getparent()
        for _ in range(MARKED_DEPTH + 1):
            if node is None or not isinstance(node.tag, str):
                break
            custom = node.tag if "-" in node.tag else ""  # <pp-inline-teaser>: a web component names its role
            match = MARKED_BOX.search(f"{custom} {node.get('class') or ''} {node.get('id') or ''}")
            if match:
                kind = "caption" if match.group(1) else "furniture"
                break
            node = node.getparent()
        if kind is None:
            plain.add(key)
        else:
            marked.setdefault(key, kind)
    return {key: kind for key, kind in marked.items() if key not in plain}


def clean_lines(lines: list[str], links: set[str], captions: set[str],
                marked: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    """(body lines, caption lines) after dropping related-link boxes and newsletter/paywall lines."""
    marked = marked or {}
    body: list[str] = []
    moved: list[str] = []
    in_related = False
    by_start = captions_by_start(captions)
    total = sum(map(len, lines))
    done = 0  # characters before this line: a trailer heading counts in the text's second half
    for index, line in enumerate(lines):
        done += len(line)
        bare = norm(BULLET.sub("", line)).strip("| ")
        if done - len(line) >= total / 2 and _trailer_heading(bare):
            break
        is_link = bare in links
        if READ_ON.match(bare):
            _drop_card(body)
            continue
        if RELATED_HEADING.match(bare):
            in_related = True
            continue
        if in_related and (is_link or _short_teaser(bare)):
            continue
        in_related = False
        if is_link and (BULLET.match(line) or _link_neighbour(lines, index, links)):
            continue
        if len(bare) <= BOX_LINE_MAX and (BOX_LINE.search(bare) or FILE_LINE.search(bare)) or DATE_LINE.match(bare):
            continue
        box = marked.get(bare[:MARKED_KEY])
        if box == "furniture":
            continue
        if (bare in captions or box == "caption" or _starts_with_caption(bare, by_start)
                or len(bare) <= BOX_LINE_MAX and CAPTION_LINE.search(bare)):
            moved.append(bare)
            continue
        body.append(line)
    for index in range(max(1, len(body) - CLOSING_LINES), len(body)):
        if CLOSING_BIO.search(norm(body[index])):
            body = body[:index]
            break
    return _without_cut_teasers(body), moved


def _trailer_heading(line: str) -> bool:
    """A trailer heading, also in capitals ("AUTOR", "KONTAKT")."""
    return bool(TRAILER_HEADING.match(line) or line.isupper() and TRAILER_HEADING.match(line.capitalize()))


def _drop_card(body: list[str]) -> None:
    """Drop the teaser card above a "weiterlesen" link: its teaser text and its title (the first
    line from the bottom that ends without a full stop), at most CARD_LINES lines."""
    for _ in range(CARD_LINES):
        if not body or len(norm(body[-1])) > CARD_LINE_MAX:
            return
        last = norm(body.pop())
        if not re.search(r"[.!?…“\"]$", last):
            return


CUT_TEASER = re.compile(r"(?:\.\.\.|…)$")


def _without_cut_teasers(body: list[str]) -> list[str]:
    """A list of other articles written as paragraphs: a short title, then a teaser cut with "…".
    Two such pairs or more are a list, not the article."""
    pairs = [i for i in range(1, len(body)) if CUT_TEASER.search(norm(body[i])) and len(norm(body[i])) >= 60
             and len(norm(body[i - 1])) <= 120 and not re.search(r"[.:…]$", norm(body[i - 1]))]
    if len(pairs) < 2:
        return body
    drop = {j for i in pairs for j in (i - 1, i)}
    return [line for index, line in enumerate(body) if index not in drop]


def _starts_with_caption(line: str, by_start: dict[str, list[str]]) -> bool:
    """A caption that trafilatura joined with its credit line: the caption's first 20 characters
    begin the line (one dictionary look-up instead of a scan of every caption)."""
    return any(len(c) <= len(line) <= len(c) + 80 and line.startswith(c) for c in by_start.get(line[:20], ()))


def captions_by_start(captions: set[str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for caption in captions:
        if len(caption) >= 20:
            index.setdefault(caption[:20], []).append(caption)
    return index


def _short_teaser(line: str) -> bool:
    """A line in a related box that is not itself a link: a date, a kicker or a short title."""
    return len(line) <= 80 and not re.search(r"[.!?]\s*$", line)


def _link_neighbour(lines: list[str], index: int, links: set[str]) -> bool:
    """A link line next to another link line: a list of links written as paragraphs."""
    return any(0 <= i < len(lines) and norm(BULLET.sub("", lines[i])) in links for i in (index - 1, index + 1))


def with_teaser(lines: list[str], teaser: str | None) -> list[str]:
    """Put the page's teaser first when the extracted text lacks it; never twice."""
    if not teaser or len(norm(teaser)) <= BOX_LINE_MAX and BOX_LINE.search(norm(teaser)):
        return lines
    head = norm(teaser).rstrip(" .…")
    if head in norm(" ".join(lines)):
        return lines
    if lines and len(norm(lines[0])) >= 20 and head.startswith(norm(lines[0]).rstrip(" .…")):
        return [teaser, *lines[1:]]  # the first line was a cut copy of the teaser
    return [teaser, *lines]


def find_teaser(tree, description: str | None, title: str | None) -> str | None:
    """The page's teaser: the visible element whose text begins like the meta description
    (meta descriptions are often cut with "…"), or None when the description is not shown on
    the page (then it is an SEO text, not part of the article)."""
    if not description:
        return None
    wanted = norm(description).rstrip(" .…").removesuffix("...")
    if len(wanted) < 40 or (title and norm(title) == wanted):
        return None
    probe = wanted[:50]
    best = None
    matches = 0
    for piece in tree.xpath("//body//text()")[:MAX_TEXT_NODES]:
        if not norm(piece).startswith(probe[:30]):
            continue
        matches += 1
        if matches > MAX_CANDIDATES:
            break
        node = piece.getparent()
        if any(a.tag == "a" for a in node.iterancestors()) or node.tag == "a":
            continue  # a teaser card linking to an article (the page's own, in a list at its foot)
        for _ in range(3):  # from the text to the element that holds the whole teaser
            if node is None or node.tag in ("script", "style", "noscript", "title", "body"):
                break
            text = norm(node.text_content())
            if len(text) > len(wanted) + 400:
                break
            if text.startswith(probe) and (best is None or len(text) < len(best)):
                best = text
            node = node.getparent()
    return best


def article_captions(tree, body: list[str]) -> list[str]:
    """Captions of the pictures inside the article: <figcaption>s whose figure sits next to the
    extracted paragraphs (trafilatura drops most of them; captions of teasers elsewhere on the
    page are not the article's)."""
    starts = {norm(line)[:50] for line in body if len(norm(line)) >= 50}
    found: list[str] = []
    for number, caption in enumerate(tree.iter("figcaption")):
        if number >= MAX_CAPTIONS:
            break
        text = norm(caption.text_content())
        if len(text) < 3 or text in found:
            continue
        node = caption
        for _ in range(4):
            node = node.getparent()
            if node is None:
                break
            if any(norm(p.text_content())[:50] in starts for p in node.iter("p") if not _inside(p, caption)):
                found.append(text)
                break
    return found


def _inside(node, ancestor) -> bool:
    return any(parent is ancestor for parent in node.iterancestors())


# Class names of lead / teaser elements: article__intro, Post__lead, teaser-text, entry-excerpt, a-lead …
LEAD_CLASS = re.compile(r"(?:^|[\s_-])(?:lead|intro|teaser-text|teaser|excerpt|standfirst|summary|abstract|subline)"
                        r"(?:$|[\s_-])", re.IGNORECASE)
# An element named only a lead or intro (not a teaser, which may be another article's) may end
# without a full stop when it is this long: "c-page-intro__copy" with "… seinen Rücktritt ankündigte".
LEAD_COPY_CLASS = re.compile(r"(?:^|[\s_-])(?:lead|intro|standfirst|summary|abstract)(?:$|[\s_-])", re.IGNORECASE)
LEAD_UNSTOPPED = 120
LEAD_MIN, LEAD_MAX = 60, 1200
MAX_INNER = 500  # elements of a lead box looked at for a marked part (a lead box is small)
NOT_ARTICLE = {"nav", "aside", "footer", "a", "script", "style", "noscript", "form", "button", "li"}
MAX_NODES = 20_000


def marked_lead(tree, body: list[str], links: set[str], title: str | None) -> str | None:
    """The page's lead when the description gives none: the first element before the body whose
    class names a lead or teaser and whose text is one or a few whole sentences (not a link)."""
    first = norm(body[0])[:40] if body else None
    for number, node in enumerate(tree.iter()):
        if number >= MAX_NODES or not isinstance(node.tag, str):
            if number >= MAX_NODES:
                return None
            continue
        if node.tag == "p" and first and norm(node.text_content()).startswith(first):
            return None  # the body begins: a teaser below it is another article's
        classes = node.get("class") or ""
        in_hgroup = node.tag in ("h2", "p") and node.getparent() is not None and node.getparent().tag == "hgroup"
        if not (LEAD_CLASS.search(classes) or in_hgroup):
            continue
        inner = islice(node.iterdescendants(), MAX_INNER)
        if any(isinstance(part.tag, str) and LEAD_CLASS.search(part.get("class") or "") for part in inner):
            continue  # the lead box around its parts (kicker, author, the lead's copy): the copy is tried next
        if node.tag in NOT_ARTICLE or any(a.tag in NOT_ARTICLE for a in node.iterancestors()):
            continue
        text = norm(node.text_content())
        if title and text.startswith(norm(title)):
            text = text[len(norm(title)):].strip()
        whole = re.search(r"[.!?“\"…)]$", text) or (len(text) >= LEAD_UNSTOPPED and LEAD_COPY_CLASS.search(classes)
                                                     and next(node.iter("a", "button"), None) is None)
        if LEAD_MIN <= len(text) <= LEAD_MAX and whole and not CUT_TEASER.search(text) and text not in links:
            return text
    return None
