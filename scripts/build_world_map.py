"""Build src/storyline/web/static/world-110m.json: country outlines for the server-drawn story map.

The web UI must work offline, so the outlines ship with the package. Source: the npm package
`world-atlas` (Natural Earth 1:110m Admin 0 countries as TopoJSON; Natural Earth is public domain,
world-atlas is ISC). TopoJSON stores shared, delta-encoded, quantized arcs; this script decodes them
and writes plain rings of [lon, lat] rounded to 0.1 degrees, which is all an SVG map needs.

Usage (one command; the npm registry is only needed here, never at run time):
    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    .venv/bin/python scripts/build_world_map.py /tmp/package/countries-110m.json
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "storyline" / "web" / "static" / "world-110m.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Undo quantization and delta encoding: every arc as absolute (lon, lat) points."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def stitch_ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A ring from arc indices; a negative index ~i means arc i reversed. Shared end points appear once."""
    ring: list[tuple[float, float]] = []
    for index in indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def unwrap_ring(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """TopoJSON rings may jump across the antimeridian (Russia's Chukotka, Fiji); a flat map would draw
    that jump as a line around the world. Shift such points by 360 degrees so each ring is continuous."""
    result: list[tuple[float, float]] = []
    for lon, lat in ring:
        if result:
            while lon - result[-1][0] > 180:
                lon -= 360
            while lon - result[-1][0] < -180:
                lon += 360
        result.append((lon, lat))
    return result


def round_ring(ring: list[tuple[float, float]], digits: int = 1) -> list[list[float]]:
    """Round to 0.1 degrees and drop points that became repeats, which keeps the file small."""
    result: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, digits), round(lat, digits)]
        if not result or point != result[-1]:
            result.append(point)
    return result


def country_rings(geometry: dict, arcs) -> list[list[list[float]]]:
    polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
        geometry["type"], [])
    rings = [round_ring(unwrap_ring(stitch_ring(ring, arcs))) for polygon in polygons for ring in polygon]
    return [ring for ring in rings if len(ring) >= 4]


def build_map(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = country_rings(geometry, arcs)
        if rings:
            countries.append({"id": geometry.get("id"), "name": geometry.get("properties", {}).get("name"),
                              "rings": rings})
    return {"source": "Natural Earth 1:110m Admin 0 countries via world-atlas 2 (public domain / ISC)",
            "countries": countries}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json from the world-atlas npm package")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    world = build_map(json.loads(args.topojson.read_text()))
    args.out.write_text(json.dumps(world, separators=(",", ":")))
    print(f"wrote {args.out} ({len(world['countries'])} countries, {args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
