"""Cleaning that never moves text: page furniture and agency credits are marked, not cut out.

Removing them would shift every later offset; marking them as blocks keeps `Article.text` the
original, so a quote's offsets still point at the quote a reader sees in the source.
"""
from __future__ import annotations

import re
import unicodedata

from storyline.model import Block

# Lines that pages leave behind in copied text: adverts, read-more prompts, share buttons, font
# size and rating widgets, copyright notices, "report an error" boxes, article navigation, a blog's
# "Hinzugefügt von X · abgelegt unter: …" footer (its participle read as a speech verb).
FURNITURE = re.compile(
    r"^\s*(?:Anzeige(?:\s*\|\s*Zum Weiterlesen scrollen)?|Zum Weiterlesen scrollen|Werbung"
    r"|Lesen Sie auch:?.{0,120}|Mehr zum Thema:?.{0,120}|Auch interessant:?.{0,120}"
    r"|Artikel teilen|Teilen auf (?:Facebook|Twitter|X)|Teilen|Tweet|Drucken|Versenden|Merken|weitersagen"
    r"|Diesen Artikel(?: (?:teilen|drucken|versenden|weiterempfehlen))?|Empfehlung\s+[-–]\s+.{0,150}"
    r"|\(Bild: .{0,80}\)|Quelle: .{0,60}|Mehr anzeigen|Weniger anzeigen"
    r"|(?:Text|Schrift)(?:größe)?:?\s+(?:kleiner|größer|[aA]\s*[-+])(?:\s*(?:\|\s*)?(?:kleiner|größer|[aA]\s*[-+]))*"
    r"|\d[.,]\d(?:\s*\(\d+\s+Stimmen?\))?|\d+\s+Stimmen?|Bewertung:?.{0,40}\(\d+\s+Stimmen?\)"
    r"|Copyright\b.{0,300}|(?:©|\(c\)).{0,80}(?:Rechte|urheberrecht|\b(?:19|20)\d\d\b).{0,250}"
    r"|Alle Rechte vorbehalten\.?|Vervielfältigung nur mit Genehmigung.{0,120}"
    r"|Fehler melden|Sie haben einen Fehler gefunden\??|Bitte markieren Sie .{0,100}Fehler.{0,80}"
    r"|Kommentare?(?:\s*\(\d+\))?|Kommentieren|(?:Vorheriger|Voriger|Nächster) Artikel"
    r"|Artikel (?:veröffentlicht|aktualisiert)(?: am)?:?\s.{0,60}|Abonnenten-Anmeldung"
    r"|Um diesen Artikel weiterzulesen.{0,200}"
    r"|(?:Hinzugefügt|Geschrieben|Gepostet|Eingestellt|Posted) (?:von|by) [^.!?\n]{1,60}?\s[·|]\s.{0,200}"
    r"|(?:Abgelegt|Veröffentlicht|Filed) unter:?\s.{0,200}|Filed under:?\s.{0,200})\s*$",
    re.IGNORECASE,
)
# Picture credits, a whole line or the tail of a caption line: "Foto: Boris Roessler",
# "582711 Foto: dpa", "© dpa / Peter Kneffel/Archiv", "… geschlossen worden. Foto: Frank Rumpenhorst".
# They name photographers and agencies, not people in the story, so they are marked as credits.
PICTURE_CREDIT = r"(?:(?:Fotos?|Bild(?:er)?|Grafik|Illustration)\s*:|©|\([cC]\))\s*[^\n]{1,80}?"
CREDIT_LINE = re.compile(rf"^\s*(?:\d+\s+)?{PICTURE_CREDIT}\s*$")
# A caption that the HTML reader moved behind the body (`Bild: …`, see page_text.py): kept apart as
# a credit block, however long and however much it reads like prose.
CAPTION_LINE = re.compile(r"^\s*Bild: \S[^\n]{0,600}$")
CREDIT_TAIL = re.compile(rf"(?<=[.!?“\"])\s*({PICTURE_CREDIT})\s*$")
SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-ZÄÖÜ][a-zäöüß]+\s+[a-zäöüß]")  # "Foto: Der Minister sagte …" is prose
AGENCIES = r"dpa|AFP|afp|Reuters|rtr|AP|KNA|epd|sid|SID|dts|APA|Xinhua|Tass|TASS|Interfax|dpa-AFX|AFP/dpa"
CREDIT = re.compile(
    rf"\((?:mit\s+)?(?:Material\s+(?:von|der)\s+)?(?:Agenturen:?\s*)?"
    rf"((?:{AGENCIES})(?:\s*(?:/|,|und|&)\s*(?:{AGENCIES}))*)\)\s*$"
)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A page's date and time on a line of their own ("22.04.16 11:35", "Di., 10.11.2015", "12.01., 11:18"),
# and an agency named alone on a line ("dpa-AFX", "Von dpa"): without these, they ran into the
# first sentence ("22.04.16 11:35 dpa-AFX BERLIN (dpa-AFX) - An mehreren …").
DATE_LINE = re.compile(r"^\s*(?:(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?,?\s+|vom\s+)?\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})?"
                       r"(?:\s*[,|]?\s*(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*\|?\s*$")
AGENCY_LINE = re.compile(rf"^\s*(?:Von\s+)?(?:{AGENCIES})(?:\s*[/,]\s*(?:{AGENCIES}))*\s*$")
# Unicode category Cc (C0 and C1 controls, DEL) without tab and newline; one regex pass instead
# of a category look-up per character (0.11 -> 0.01 ms per article).
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise_text(text: str) -> str:
    """NFC, one newline style, no NUL or other control characters but tab and newline."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return CONTROLS.sub("", text)


def split_blocks(text: str, title: str | None = None) -> list[Block]:
    """Paragraph blocks with their kind; headings are short lines without final punctuation, and
    a line that repeats the article's title (scraped text often prints the headline above the
    first paragraph with one line break: without this, it ran into the first sentence)."""
    blocks: list[Block] = []
    start = 0
    title_key = " ".join(title.split()) if title and title.strip() else None
    wrapped = _hard_wrapped(text)
    for gap in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = gap.start() if gap else len(text)
        blocks.extend(_line_blocks(text, start, end, title_key, wrapped))
        if gap:
            start = gap.end()
    return _mark_lead(blocks)


def _line_blocks(text: str, start: int, end: int, title_key: str | None = None, wrapped: bool = True) -> list[Block]:
    """A paragraph; single lines inside it that are furniture, a picture credit or the title
    become blocks of their own, and so does a picture credit at the end of a caption line."""
    pieces, cursor = [], start
    lines = list(re.finditer(r"[^\n]+", text[start:end]))
    after_break = True  # the paragraph's start, a sentence end or a marked line came before
    for index, line in enumerate(lines):
        a, b = start + line.start(), start + line.end()
        kind, cut = _line_kind(line.group())
        if kind is None and title_key and " ".join(line.group().split()) == title_key:
            kind = "heading"
        if kind is None and not wrapped and after_break and index + 1 < len(lines) \
                and _heading_line(line.group(), lines[index + 1].group()):
            kind = "heading"
        after_break = kind is not None or bool(SENTENCE_END.search(line.group()))
        if kind is None:
            continue
        if text[cursor:a + cut].strip():
            pieces.append(_trimmed(text, cursor, a + cut, "paragraph"))
        pieces.append(_trimmed(text, a + cut, b, kind))
        cursor = b
    if text[cursor:end].strip():
        pieces.append(_trimmed(text, cursor, end, "paragraph"))
    return [_classify(text, block) for block in pieces]


def _line_kind(line: str) -> tuple[str | None, int]:
    """(kind, offset in the line where the marked part starts) for furniture and picture credits;
    (None, 0) for a line of text."""
    if FURNITURE.match(line) or DATE_LINE.match(line):
        return "furniture", 0
    if AGENCY_LINE.match(line):
        return "credit", 0
    if CAPTION_LINE.match(line) or CREDIT_LINE.match(line) and not _is_prose(line):
        return "credit", 0
    tail = CREDIT_TAIL.search(line)
    if tail and not _is_prose(tail.group(1)):
        return "credit", tail.start(1)
    return None, 0


def _is_prose(credit: str) -> bool:
    return bool(SENTENCE_INSIDE.search(credit))


def _trimmed(text: str, start: int, end: int, kind: str) -> Block:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Block(start, end, kind)


def _classify(text: str, block: Block) -> Block:
    if block.kind != "paragraph":
        return block
    body = text[block.start:block.end]
    if "\n" not in body and _looks_like_heading(body):
        return Block(block.start, block.end, "heading")
    return block


SENTENCE_END = re.compile(r"[.!?:…“”\"»«)]\s*$")
# a line of wrapped prose may stop at any word; a heading does not stop at one of these
OPEN_ENDING = re.compile(r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|und|oder|sowie|aber|in|im|"
                         r"am|an|auf|für|mit|von|vom|zu|zum|zur|bei|beim|nach|aus|über|unter|vor|als|wie|dass|ob|"
                         r"sich|nicht|auch|noch|so|sein|seine|ihre|ihr|sei|ist|sind|hat|haben|wird|werden)$",
                         re.IGNORECASE)


def _heading_line(line: str, following: str) -> bool:
    """A short line without final punctuation between sentences, followed by a line that starts
    anew, is a heading or teaser of scraped page text ("Vater gesteht: Söhnchen gequält …" above
    another article's first sentence); without this it ran into the next sentence."""
    bare = line.strip().lstrip(">»›|·").strip()  # breadcrumb marks: "> Opferzahl in Ecuador …"
    return (_looks_like_heading(bare) and not OPEN_ENDING.search(bare) and (bare[:1].isupper() or bare[:1].isdigit())
            and bool(re.match(r"\s*[A-ZÄÖÜ0-9„“\"»(]", following)) and not _list_goes_on(bare, following))


def _list_goes_on(line: str, following: str) -> bool:
    """"Betroffen sein sollen der Fraport-Flughafen" / "Frankfurt sowie die Airports München, …": a
    line that ends in an article and its noun, and a next line whose first word is joined on by
    "sowie", "und" or "oder", is one noun phrase broken at the line end, not a heading."""
    return bool(re.search(r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)\s+\S+$", line)
                and re.match(r"\s*\S+\s+(?:sowie|und|oder)\s", following))


def _hard_wrapped(text: str) -> bool:
    """Prose broken at a fixed width: most long lines (page furniture and the last line aside: a
    crawled text may stop mid-sentence) end without punctuation."""
    lines = text.rstrip().split("\n")[:-1]
    long_lines = [line for line in lines if len(line.strip()) >= 45 and _line_kind(line)[0] is None]
    open_lines = [line for line in long_lines if not SENTENCE_END.search(line)]
    return len(open_lines) >= 2 and len(open_lines) * 2 > len(long_lines)


def _looks_like_heading(line: str) -> bool:
    bare = line.strip().strip("„“”\"»«‚‘’'")
    return 0 < len(bare.split()) <= 12 and len(bare) <= 100 and not re.search(r"[.!?:;,]$", bare)


def _mark_lead(blocks: list[Block]) -> list[Block]:
    for index, block in enumerate(blocks):
        if block.kind == "paragraph":
            blocks[index] = Block(block.start, block.end, "lead")
            break
    return blocks


def find_credits(text: str, blocks: list[Block]) -> tuple[list[str], list[Block]]:
    """Agency credits such as `(mit dpa)` or `(dpa/AFP)` at the end of the text, as metadata."""
    match = CREDIT.search(text)
    if not match:
        return [], blocks
    agencies = [a for a in re.split(r"\s*(?:/|,|und|&)\s*", match.group(1)) if a]
    credit = Block(match.start(), match.end(), "credit")
    return agencies, [*blocks, credit]


def clean_text(text: str, title: str | None = None) -> tuple[str, list[Block], list[str]]:
    """Normalise and mark up a raw article text: (text, blocks, agency credits)."""
    text = normalise_text(text)
    blocks = split_blocks(text, normalise_text(title) if title else None)
    credits, blocks = find_credits(text, blocks)
    return text, blocks, credits
