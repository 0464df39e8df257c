"""A self-contained HTML report of the review KPIs, with inline SVG charts (no internet resources)."""

from __future__ import annotations

from html import escape
from typing import Callable, List, Optional, Sequence, Tuple

from .kpis import KpiRow, ReviewKpis
from .request_kpis import LABELS

_COLOURS = {"approvals": "#1a9850", "rejections": "#d73027", "change_requests": "#fdae61", "bar": "#4575b4"}
_CSS = """
body{font-family:Segoe UI,Helvetica,Arial,sans-serif;margin:2em;color:#222;max-width:60em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f0f0f0}
svg text{font-size:12px;font-family:inherit}.note{color:#666;font-size:.9em}
"""


def _number(value: Optional[float], digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def bar_chart(
    items: Sequence[Tuple[str, Sequence[Tuple[str, float]]]], title: str, unit: str = "", width: int = 640
) -> str:
    """Horizontal (stacked) bars: items are (label, [(series, value), ...]); returns an SVG element."""
    row_height, label_width, top = 22, 170, 26
    height = top + row_height * max(len(items), 1) + 10
    total = max((sum(v for _, v in series) for _, series in items), default=0.0) or 1.0
    scale = (width - label_width - 70) / total
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}">',
        f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>',
    ]
    for index, (label, series) in enumerate(items):
        y = top + index * row_height
        parts.append(f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        x = float(label_width)
        for name, value in series:
            if value <= 0:
                continue
            w = value * scale
            colour = _COLOURS.get(name, _COLOURS["bar"])
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_height - 6}" fill="{colour}">'
                f"<title>{escape(name)}: {value:g}{escape(unit)}</title></rect>"
            )
            x += w
        value_total = sum(v for _, v in series)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 15}">{value_total:.4g}{escape(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: Sequence[str], rows: List[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(
    kpis: ReviewKpis, title: str, generated_at: str, tr: Callable[[str], str] = lambda text: text
) -> str:
    """The report; ``tr`` translates the headings (the glue passes the plugin's translation)."""
    html: List[str] = [
        "<!DOCTYPE html>",
        f'<html lang="nl"><head><meta charset="utf-8"><title>{escape(title)}</title>',
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        '<p class="note">'
        + escape(
            tr("{locations} locations, {events} events; generated {at} (UTC).").format(
                locations=kpis.locations, events=kpis.events, at=generated_at
            )
        )
        + "</p>",
    ]
    html.extend(_status_and_step_section(kpis, tr))
    html.extend(_decision_section(kpis, tr))
    html.extend(_cancellation_section(kpis, tr))
    html.extend(_installer_section(kpis, tr))
    html.extend(_request_section(kpis, tr))
    html.append("</body></html>")
    return "\n".join(html)


def _status_and_step_section(kpis: ReviewKpis, tr: Callable[[str], str]) -> List[str]:
    steps = [row for row in kpis.section("step") if row.count]
    statuses = [row for row in kpis.section("status") if row.count]
    return [
        f"<h2>{escape(tr('Locations per status'))}</h2>",
        bar_chart([(row.name, [("bar", row.count)]) for row in statuses], tr("Locations per status")),
        f"<h2>{escape(tr('Lead time per process step (days)'))}</h2>",
        bar_chart(
            [(row.name, [("bar", row.median_days or 0.0)]) for row in steps],
            tr("Median lead time (days)"),
            " d",
        ),
        _table(
            [tr("step"), tr("count"), tr("median"), tr("mean"), tr("p90")],
            [
                [r.name, r.count, _number(r.median_days), _number(r.mean_days), _number(r.p90_days)]
                for r in steps
            ],
        ),
    ]


def _decision_section(kpis: ReviewKpis, tr: Callable[[str], str]) -> List[str]:
    departments = kpis.section("department")
    return [
        f"<h2>{escape(tr('Decisions per department'))}</h2>",
        bar_chart(
            [
                (
                    row.name,
                    [
                        ("approvals", row.approvals or 0),
                        ("rejections", row.rejections or 0),
                        ("change_requests", row.change_requests or 0),
                    ],
                )
                for row in departments
            ],
            tr("Decisions (green approved, red rejected, orange changes requested)"),
        ),
        _rows_table(departments, tr, with_department=False),
        f"<h2>{escape(tr('Decisions per actor'))}</h2>",
        _rows_table(kpis.section("actor"), tr, with_department=True),
    ]


def _cancellation_section(kpis: ReviewKpis, tr: Callable[[str], str]) -> List[str]:
    cancellations = kpis.section("cancellation")
    html = [f"<h2>{escape(tr('Cancellation reasons'))}</h2>"]
    if cancellations:
        html.append(bar_chart([(r.name, [("bar", r.count)]) for r in cancellations], tr("Cancellations")))
    else:
        html.append(f"<p>{escape(tr('No location was cancelled.'))}</p>")
    return html


def _installer_section(kpis: ReviewKpis, tr: Callable[[str], str]) -> List[str]:
    """Installations per installer, and how many deliveries came with a street photo."""
    installers = kpis.section("installer")
    html = [f"<h2>{escape(tr('Installers'))}</h2>"]
    html.append(
        _table(
            [tr("installer"), tr("installations"), tr("median days from permit")],
            [[r.name or "?", r.count, _number(r.median_days)] for r in installers],
        )
        if installers
        else f"<p>{escape(tr('No installation recorded yet.'))}</p>"
    )
    photos = {row.name: row.count for row in kpis.section("photo")}
    delivered = sum(photos.values())
    if delivered:
        html.append(
            "<p>"
            + escape(
                tr("{with_photo} of {delivered} delivered locations have a street photo.").format(
                    with_photo=photos.get("delivered_with_photo", 0), delivered=delivered
                )
            )
            + "</p>"
        )
    return html


def _request_section(kpis: ReviewKpis, tr: Callable[[str], str]) -> List[str]:
    """Residents' requests: outcomes, received and handled per month, lead times, target share."""
    outcomes = kpis.section("request_outcome")
    if not outcomes:
        return []
    received = {row.name: row.count for row in kpis.section("request_received")}
    handled: dict = {}
    for row in kpis.section("request_handled"):
        handled[row.name] = handled.get(row.name, 0) + row.count
    months = sorted(set(received) | set(handled))
    parts = [
        f"<h2>{escape(tr('Residents’ requests'))}</h2>",
        bar_chart(
            [(tr(LABELS.get(row.name, row.name)), [("bar", row.count)]) for row in outcomes],
            tr("Requests per outcome"),
        ),
        _table(
            [tr("month"), tr("received"), tr("handled")],
            [[month, received.get(month, 0), handled.get(month, 0)] for month in months],
        ),
        _table(
            [tr("lead time"), tr("count"), tr("median"), tr("mean"), tr("p90")],
            [
                [
                    tr(LABELS.get(r.name, r.name)),
                    r.count,
                    _number(r.median_days),
                    _number(r.mean_days),
                    _number(r.p90_days),
                ]
                for r in kpis.section("request_lead_time")
            ],
        ),
    ]
    for row in kpis.section("request_target"):
        parts.append(
            "<p>"
            + escape(
                tr("{count} requests ({share} %) answered within the target ({name}).").format(
                    count=row.count, share=_number(row.share_pct), name=row.name
                )
            )
            + "</p>"
        )
    return parts


def _rows_table(rows: List[KpiRow], tr: Callable[[str], str], with_department: bool) -> str:
    headers = [tr("name")] + ([tr("department")] if with_department else [])
    headers += [
        tr("decisions"),
        tr("approved"),
        tr("rejected"),
        tr("changes requested"),
        tr("median response (days)"),
    ]
    body = []
    for r in rows:
        cells = [r.name] + ([r.department or ""] if with_department else [])
        cells += [
            r.count,
            r.approvals or 0,
            r.rejections or 0,
            r.change_requests or 0,
            _number(r.median_days),
        ]
        body.append(cells)
    return _table(headers, body)
