"""The story map: an SVG drawn on the server from shipped country outlines.

No tile server and no script: the page must work offline, without JavaScript, and inside a mailed
report. Equirectangular projection with the x axis scaled by cos(middle latitude), so the region
around the story's places is not stretched sideways; zoomed to the places' bounding box.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from storyline.i18n import Translator, translator

WORLD_FILE = Path(__file__).resolve().parent / "static" / "world-110m.json"
WIDTH = 800
MIN_SPAN = 12.0  # degrees: a single place still shows its surroundings
PAD = 0.15  # share of the span added on each side
MAX_PLACES = 25
MAX_VIEW = (110.0, 70.0)  # degrees: wider views are zoomed on the most mentioned places
CHAR_WIDTH = 9.0  # SVG units per character of a 15px semibold label
PLACE_KINDS = ("country", "region", "city", "water", "island", "mountain", "facility")  # analyze.places.kinds,
# in the legend's order; their words are the catalogue's place_kind.*


@dataclass
class View:
    """The visible box in degrees and the projection into SVG units."""

    west: float
    east: float
    south: float
    north: float

    @property
    def x_scale(self) -> float:
        return WIDTH / ((self.east - self.west) * self.stretch)

    @property
    def stretch(self) -> float:
        return max(0.2, math.cos(math.radians((self.north + self.south) / 2)))

    @property
    def height(self) -> int:
        return round((self.north - self.south) * self.x_scale)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        return (round((lon - self.west) * self.stretch * self.x_scale, 1),
                round((self.north - lat) * self.x_scale, 1))


@lru_cache(maxsize=1)
def load_world() -> list[dict]:
    """Country outlines with a bounding box each, read once per process."""
    countries = json.loads(WORLD_FILE.read_text())["countries"]
    for country in countries:
        lons = [p[0] for ring in country["rings"] for p in ring]
        lats = [p[1] for ring in country["rings"] for p in ring]
        country["bbox"] = (min(lons), min(lats), max(lons), max(lats))
    return countries


def fit_view(places: list[dict]) -> View:
    """The places' bounding box, padded, at least MIN_SPAN wide, with an aspect between 2:1 and 1:1."""
    lons, lats = [p["lon"] for p in places], [p["lat"] for p in places]
    lon_span = max(max(lons) - min(lons), MIN_SPAN) * (1 + 2 * PAD)
    lat_span = max(max(lats) - min(lats), MIN_SPAN / 2) * (1 + 2 * PAD)
    lat_span = max(lat_span, lon_span / 2 * math.cos(math.radians(sum(lats) / len(lats))))
    mid_lon, mid_lat = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    south, north = max(-85.0, mid_lat - lat_span / 2), min(85.0, mid_lat + lat_span / 2)
    return View(mid_lon - lon_span / 2, mid_lon + lon_span / 2, south, north)


def core_places(places: list[dict]) -> list[dict]:
    """The places to zoom on: most mentioned first, skipping any that would stretch the view past
    MAX_VIEW, so one mention of "USA" does not shrink a story in the Russian Far East to a speck."""
    core: list[dict] = []
    for place in sorted(places, key=lambda p: -p.get("mentions", 1)):
        lons, lats = [p["lon"] for p in core + [place]], [p["lat"] for p in core + [place]]
        if not core or (max(lons) - min(lons) <= MAX_VIEW[0] and max(lats) - min(lats) <= MAX_VIEW[1]):
            core.append(place)
    return core


def ring_path(ring: list[list[float]], view: View) -> str:
    """Whole SVG units are precise enough for outlines; repeats after rounding are dropped."""
    points: list[tuple[int, int]] = []
    for lon, lat in ring:
        x, y = view.project(lon, lat)
        point = (round(x), round(y))
        if not points or point != points[-1]:
            points.append(point)
    return "M" + "L".join(f"{x},{y}" for x, y in points) + "Z" if len(points) > 2 else ""


def draw_countries(view: View) -> list[str]:
    """One <path> per visible country; countries outside the view are left out to keep the SVG small."""
    paths = []
    for country in load_world():
        west, south, east, north = country["bbox"]
        if east < view.west or west > view.east or north < view.south or south > view.north:
            continue
        d = "".join(ring_path(ring, view) for ring in country["rings"])
        paths.append(f'<path class="land" d="{d}"><title>{escape(country["name"] or "")}</title></path>')
    return paths


def draw_places(places: list[dict], view: View, t: Translator = Translator()) -> list[str]:
    """A dot per place; its name right, left, above or below it, wherever it does not cover an earlier
    label; a name with no free spot is left to the dot's <title> and the list under the map."""
    dots, labels, taken = [], [], []
    for place in places:
        x, y = view.project(place["lon"], place["lat"])
        name, kind = escape(place["name"]), place_kind(place)
        label = f" – {escape(t.name('place_kind', kind))}" if kind in PLACE_KINDS else ""
        dots.append(f'<circle class="place kind-{kind}" cx="{x:g}" cy="{y:g}" r="6"><title>{name}{label} '
                    f'({place.get("mentions", 1)}×)</title></circle>')
        spot = free_spot(x, y, len(place["name"]) * CHAR_WIDTH, view, taken)
        if spot:
            lx, ly, anchor, box = spot
            taken.append(box)
            labels.append(f'<text class="place-label" x="{lx:g}" y="{ly:g}" text-anchor="{anchor}">{name}</text>')
    return dots + labels


def place_kind(place: dict) -> str:
    """The place's kind when it is one of the known ones (it becomes a CSS class), else 'other'."""
    kind = place.get("kind")
    return kind if kind in PLACE_KINDS else "other"


def draw_legend(places: list[dict], view: View, t: Translator = Translator()) -> list[str]:
    """One dot and word per kind on the map, bottom left: which dots are waters, regions, airports."""
    kinds = [k for k in PLACE_KINDS if any(place_kind(p) == k for p in places)]
    items = []
    for i, kind in enumerate(kinds):
        y = view.height - 14 - 20 * (len(kinds) - 1 - i)
        items.append(f'<circle class="place kind-{kind}" cx="16" cy="{y - 5:g}" r="5"/>'
                     f'<text class="legend-label" x="28" y="{y:g}">{escape(t.name("place_kind", kind))}</text>')
    return [f'<g class="legend" aria-hidden="true">{"".join(items)}</g>'] if len(kinds) > 1 else []


def free_spot(x: float, y: float, width: float, view: View, taken: list[tuple]):
    """The first label position whose box stays inside the map and clear of the labels placed so far."""
    candidates = [(x + 10, y + 5, "start", (x + 10, y - 11, x + 10 + width, y + 5)),
                  (x - 10, y + 5, "end", (x - 10 - width, y - 11, x - 10, y + 5)),
                  (x, y - 11, "middle", (x - width / 2, y - 27, x + width / 2, y - 11)),
                  (x, y + 23, "middle", (x - width / 2, y + 7, x + width / 2, y + 23))]
    for spot in candidates:
        box = spot[3]
        if box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= view.height \
                and not any(_overlaps(box, other) for other in taken):
            return spot
    return None


def _overlaps(a: tuple, b: tuple) -> bool:
    return not (a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1])


def draw_map(places: list[dict], title: str | None = None, lang: str | None = None) -> Markup:
    """The whole <svg>; empty markup when no place has coordinates. All names are escaped."""
    t = translator(lang)
    places = [p for p in places if p.get("lat") is not None and p.get("lon") is not None][:MAX_PLACES]
    if not places:
        return Markup("")
    view = fit_view(core_places(places))
    names = ", ".join(p["name"] for p in places)
    body = "".join(draw_countries(view) + draw_places(places, view, t) + draw_legend(places, view, t))
    return Markup(f'<svg class="map" viewBox="0 0 {WIDTH} {view.height}" role="img" '
                  f'aria-labelledby="map-title map-desc" xmlns="http://www.w3.org/2000/svg">'
                  f'<title id="map-title">{escape(title or t("map.default_title"))}</title>'
                  f'<desc id="map-desc">{escape(t("map.places", names=names))}</desc>'
                  f'<rect class="sea" width="{WIDTH}" height="{view.height}"/>{body}</svg>')
