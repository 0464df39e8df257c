"""The demo's HTML report: figures per step, charts, tables and links to every output.

Self-contained (inline CSS and SVG, no internet), in Dutch, the users' language.
Tables are read straight from the GeoPackages with sqlite3 (attributes only).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import sqlite3
import sys
from pathlib import Path
from typing import Iterable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the plugin's core, from this checkout

from ev_planner.core.numbers import dutch_number as core_dutch_number
from ev_planner.core.review.documents import dutch_status

CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
h1 { color: #1b7f5b; } h2 { border-bottom: 2px solid #1b7f5b; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: 90%; }
th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #eef6f2; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.figures td:first-child { color: #555; } img.map { width: 100%; border: 1px solid #ccc; }
.note { color: #666; font-size: 85%; } svg text { font-size: 11px; font-family: inherit; }
"""


DECREE_SUFFIXES = (".docx", ".odt")
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")


def dutch_number(value) -> str:
    """A number as Dutch readers write it: 18.152 and 36.763,3; whole numbers without decimals."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    whole = isinstance(value, int) or float(value).is_integer()
    return core_dutch_number(value, 0 if whole else 1)


def file_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{dutch_number(round(size / 1024, 1))} kB"
    return f"{dutch_number(round(size / 1024 / 1024, 1))} MB"


def _esc(value) -> str:
    if isinstance(value, (int, float)):
        value = dutch_number(value)
    return html.escape("" if value is None else str(value))


def _table(headers: Sequence[str], rows: Iterable[Sequence], numeric: Sequence[bool] | None = None) -> str:
    numeric = numeric or [False] * len(headers)
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=num' if n else ''}>{_esc(v)}</td>" for v, n in zip(row, numeric))
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def bar_chart(title: str, labels: Sequence[str], series: dict[str, Sequence[float]], width: int = 900) -> str:
    """Horizontal grouped bars as inline SVG."""
    colours = ["#1b7f5b", "#f2b705", "#5b4a8b", "#c8553d"]
    bar, gap, label_width = 12, 8, 220
    group = bar * len(series) + gap
    height = 40 + group * len(labels) + 20
    top = max((max(values, default=0) for values in series.values()), default=0) or 1
    scale = (width - label_width - 80) / top
    parts = [f'<svg width="{width}" height="{height}" role="img" aria-label="{_esc(title)}">']
    parts.append(f'<text x="0" y="14" style="font-weight:bold">{_esc(title)}</text>')
    for k, name in enumerate(series):
        parts.append(
            f'<rect x="{label_width + 150 * k}" y="22" width="10" height="10" fill="{colours[k % 4]}"/>'
            f'<text x="{label_width + 150 * k + 14}" y="31">{_esc(name)}</text>'
        )
    for i, label in enumerate(labels):
        y = 40 + i * group
        parts.append(
            f'<text x="{label_width - 6}" y="{y + group / 2}" text-anchor="end">{_esc(label)}</text>'
        )
        for k, values in enumerate(series.values()):
            value = values[i] or 0
            parts.append(
                f'<rect x="{label_width}" y="{y + k * bar}" width="{max(value * scale, 0):.1f}" height="{bar - 2}" '
                f'fill="{colours[k % 4]}"/><text x="{label_width + value * scale + 4:.1f}" y="{y + k * bar + 9}">'
                f"{dutch_number(round(value))}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _query(gpkg: Path, sql: str) -> list[tuple]:
    if not gpkg.is_file():
        return []
    try:
        with sqlite3.connect(gpkg) as connection:
            return connection.execute(sql).fetchall()
    except sqlite3.Error:
        return []


def _columns(gpkg: Path, table: str) -> set[str]:
    return {row[1] for row in _query(gpkg, f'PRAGMA table_info("{table}")')}


def _forecast_section(out: Path) -> str:
    rows = _query(
        out / "forecast.gpkg", "SELECT wijknaam, evs, required_points, existing_points, gap FROM forecast"
    )
    if not rows:
        return ""
    rows.sort(key=lambda r: -(r[4] or 0))
    chart = bar_chart(
        "Publieke laadpunten per wijk in 2030",
        [r[0] for r in rows],
        {"nodig": [r[2] or 0 for r in rows], "bestaand": [r[3] or 0 for r in rows]},
    )
    table = _table(
        ["wijk", "EV's 2030", "nodig", "bestaand", "tekort"],
        [(r[0], r[1], r[2], r[3], r[4]) for r in rows],
        [False, True, True, True, True],
    )
    explanation = (
        "<p>Het tekort telt laadpunten per wijk (nodig in 2030 min bestaand). De gekozen locaties "
        "vullen dat tekort niet aan maar dichten gaten in de loopafstand: ze komen waar huishoudens "
        "nu geen laadpunt binnen 250 m lopen hebben, ook in wijken zonder tekort.</p>"
    )
    return f"<h2>Prognose 2030 per wijk</h2>{chart}{table}{explanation}"


def _selection_section(out: Path) -> str:
    gpkg = out / "selected_locations.gpkg"
    wanted = [
        "selection_rank",
        "candidate_id",
        "score",
        "marginal_demand",
        "cumulative_covered_pct",
        "explain",
    ]
    present = [c for c in wanted if c in _columns(gpkg, "selected_locations")]
    rows = (
        _query(gpkg, f"SELECT {', '.join(present)} FROM selected_locations ORDER BY selection_rank")
        if present
        else []
    )
    if not rows:
        return ""
    return "<h2>Gekozen locaties</h2>" + _table(present, rows, [c != "explain" for c in present])


def _operator_section(out: Path) -> str:
    gpkg = out / "operator_performance.gpkg"
    columns = _columns(gpkg, "operator_performance")
    if "operator" not in columns:
        return ""
    shown = [
        c
        for c in ("operator", "locations", "evses", "share_pct", "availability_pct", "compliant")
        if c in columns
    ]
    rows = _query(
        gpkg,
        f"SELECT {', '.join(shown)} FROM operator_performance ORDER BY {shown[2] if len(shown) > 2 else 'operator'} DESC",
    )
    chart = ""
    if "evses" in shown:
        top = rows[:12]
        chart = bar_chart(
            "Laadpunten (EVSE's) per exploitant",
            [r[0] for r in top],
            {"EVSE's": [r[shown.index("evses")] for r in top]},
        )
    return f"<h2>Exploitanten</h2>{chart}" + _table(shown, rows, [c != "operator" for c in shown])


def _review_section(out: Path) -> str:
    rows = _query(
        out / "review.gpkg", "SELECT status, count(*) FROM review_locations GROUP BY status ORDER BY 2 DESC"
    )
    if not rows:
        return ""
    chart = bar_chart(
        "Locaties per status",
        [dutch_status(r[0]) for r in rows],
        {"locaties": [r[1] for r in rows]},
    )
    links = []
    if (out / "review_kpis.html").is_file():
        links.append('<a href="review_kpis.html">procesrapport met doorlooptijden</a>')
    decrees = decree_documents(out)
    if decrees:
        links.append(
            f"{len(decrees)} verkeersbesluit(en) in <a href='decrees/'>decrees/</a>, "
            "met een overzicht van de locaties (CSV, GeoJSON)"
        )
    return f"<h2>Validatieproces</h2>{chart}<p>{' · '.join(links)}</p>"


OUTCOME_LABELS = {
    "covered_existing": "bestaand laadpunt binnen 250 m lopen",
    "covered_planned": "geplande locatie binnen 250 m lopen",
    "new_location": "nieuwe locatie nodig",
    "not_assessable": "niet te beoordelen",
}
LEAD_TIME_LABELS = {"to_decision": "ontvangst tot antwoord", "to_delivery": "ontvangst tot oplevering"}


def _requests_section(out: Path) -> str:
    """Residents' requests: outcomes, the map coloured by outcome, and the request KPIs of the review."""
    rows = _query(
        out / "requests.gpkg", "SELECT outcome, count(*) FROM requests GROUP BY outcome ORDER BY 2 DESC"
    )
    if not rows:
        return ""
    labels = [OUTCOME_LABELS.get(r[0], r[0]) for r in rows]
    chart = bar_chart("Aanvragen per uitkomst", labels, {"aanvragen": [r[1] for r in rows]})
    sites = _query(
        out / "request_sites.gpkg", "SELECT location_id, request_ids, requests_served FROM request_sites"
    )
    map_html = (
        '<img class="map" src="requests_map.png" alt="Aanvragen van bewoners, gekleurd naar uitkomst">'
        if (out / "requests_map.png").is_file()
        else ""
    )
    parts = [
        "<h2>Aanvragen van bewoners (paal volgt wagen)</h2>",
        "<p>Voorbeeldaanvragen op echte adressen, getoetst aan 250 m lopen over het stratennetwerk. "
        "Namen, e-mailadressen en kentekens staan in geen enkele uitvoer.</p>",
        chart,
        map_html,
        _table(["nieuwe locatie", "aanvragen", "aantal"], sites, [False, False, True]) if sites else "",
    ]
    kpis = _request_kpis(out / "review_kpis.csv")
    if kpis:
        parts.append(
            _table(["KPI", "aantal", "mediaan (dagen)", "aandeel (%)"], kpis, [False, True, True, True])
        )
    return "".join(parts)


def _request_kpis(path: Path) -> list[list]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = []
    for row in rows:
        section, name = row.get("section"), row.get("name", "")
        if section == "request_lead_time":
            found.append([LEAD_TIME_LABELS.get(name, name), row["count"], row["median_days"], ""])
        elif section == "request_target":
            found.append([name.replace("_", " "), row["count"], "", row["share_pct"]])
    return found


def decree_documents(out: Path) -> list[Path]:
    """The decrees themselves, not the overview tables next to them."""
    folder = out / "decrees"
    return (
        sorted(p for p in folder.iterdir() if p.suffix.lower() in DECREE_SUFFIXES) if folder.is_dir() else []
    )


def _outputs_section(out: Path) -> str:
    items = []
    for path in sorted(out.rglob("*")):
        # SQLite's -wal/-shm files exist only while a GeoPackage is open: a link would soon be dead.
        if not path.is_file() or path.name == "report.html" or path.name.endswith(SIDECAR_SUFFIXES):
            continue
        relative = path.relative_to(out).as_posix()
        items.append(
            f'<li><a href="{html.escape(relative)}">{html.escape(relative)}</a> ({file_size(path.stat().st_size)})</li>'
        )
    return f"<h2>Alle uitvoer</h2><ul>{''.join(items)}</ul>"


def write_report(out: Path, steps, results: dict[str, dict]) -> Path:
    step_rows = []
    for step in sorted(steps, key=lambda step: int(step.number)):
        figures = "<br>".join(f"{_esc(name)}: <b>{_esc(value)}</b>" for name, value in step.figures.items())
        step_rows.append(
            f"<tr><td>{_esc(step.number)}</td><td>{_esc(step.title)}</td><td class=num>{dutch_number(round(step.seconds, 1))} s</td><td>{figures}</td></tr>"
        )
    total = sum(step.seconds for step in steps)
    map_html = (
        '<img class="map" src="potential_map.png" alt="Potentieelkaart Delft">'
        if (out / "potential_map.png").is_file()
        else ""
    )
    body = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>EV Planner — Delft</title><style>{CSS}</style></head>
<body>
<h1>EV Planner — laadinfrastructuur Delft</h1>
<p>Gemaakt op {dt.datetime.now().strftime("%d-%m-%Y %H:%M")} met <code>make demo</code>: de hele keten via
<code>qgis_process</code> op de meegeleverde open data van Delft (totaal {dutch_number(round(total))} s).
Open <a href="ev_planner_delft.qgz">ev_planner_delft.qgz</a> in QGIS om alles gestileerd te bekijken.</p>
{map_html}
<h2>Stappen en kerncijfers</h2>
<table class="figures"><tr><th>stap</th><th>wat</th><th>tijd</th><th>kerncijfers</th></tr>{"".join(step_rows)}</table>
{_forecast_section(out)}
{_selection_section(out)}
{_review_section(out)}
{_requests_section(out)}
{_operator_section(out)}
{_outputs_section(out)}
<p class="note">Bronnen: NDW (laadpunten, tarieven, bezetting); CBS, Kadaster (wijken 2024, CC BY 4.0);
© OpenStreetMap contributors (ODbL). De reviewbesluiten zijn voorbeelddata.</p>
</body></html>
"""
    target = out / "report.html"
    target.write_text(body, encoding="utf-8")
    return target
