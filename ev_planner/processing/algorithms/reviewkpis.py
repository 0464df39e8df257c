"""evplanner:reviewkpis — process KPIs of a review as a table and a readable HTML report."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ...compat import NUMBER_INTEGER, SOURCE_VECTOR, WKB_NO_GEOMETRY, FieldType
from ...core.review.events import format_utc, utc_now
from ...core.review.kpis import KPI_FIELDS, KpiRow, compute_kpis
from ...core.review.report import render_html
from ...core.review.request_kpis import DEFAULT_TARGET_DAYS, location_milestones, request_kpis
from ...core.review.requests import request_records
from ..base import EvPlannerAlgorithm, tr_noop
from ..review_target import authcfg_parameter, open_review, review_parameter
from ..sinks import add_features

_QVARIANT = {"str": FieldType.STRING, "int": FieldType.INT, "float": FieldType.DOUBLE}


def kpi_feature(fields: QgsFields, row: KpiRow) -> QgsFeature:
    feature = QgsFeature(fields)
    feature.setAttributes(list(row.as_tuple()))
    return feature


class ReviewKpisAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "reviewkpis"
    GROUP_ID = "review"
    DISPLAY_NAME = tr_noop("Review process KPIs")

    REVIEW = "REVIEW"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_HTML = "OUTPUT_HTML"
    TARGET_DAYS = "TARGET_DAYS"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(review_parameter(self.REVIEW))
        self.addParameter(authcfg_parameter())
        table = QgsProcessingParameterFeatureSink(self.OUTPUT_TABLE, self.tr("Review KPIs"), SOURCE_VECTOR)
        table.setHelp(
            self.tr(
                "One row per step, department, actor, status, cancellation reason and installer with counts "
                "and median/mean/p90 lead times in days."
            )
        )
        self.addParameter(table)
        html = QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("KPI report"), fileFilter=self.tr("HTML files (*.html)"), optional=True
        )
        html.setHelp(self.tr("A readable report with charts; self-contained, opens offline in any browser."))
        self.addParameter(html)
        target = QgsProcessingParameterNumber(
            self.TARGET_DAYS,
            self.tr("Target for answering a resident's request (days)"),
            NUMBER_INTEGER,
            defaultValue=DEFAULT_TARGET_DAYS,
            minValue=1,
        )
        target.setHelp(self.tr("The request KPIs give the share of requests answered within this many days."))
        self.addParameter(target)

    def run_algorithm(self, parameters, context, feedback):
        store = open_review(self, parameters, context)
        locations, events = store.locations(), store.events()
        kpis = compute_kpis(store.config, locations, events)
        requests = request_records(store)
        if requests:
            target_days = self.parameterAsInt(parameters, self.TARGET_DAYS, context)
            milestones = location_milestones(store.config, locations, events)
            kpis.rows.extend(request_kpis(requests, milestones, target_days))
            feedback.pushInfo(
                self.tr("{count} residents' requests in the review.").format(count=len(requests))
            )
        fields = QgsFields()
        for name, kind in KPI_FIELDS:
            fields.append(QgsField(name, _QVARIANT[kind]))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, WKB_NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_TABLE))
        add_features(sink, [kpi_feature(fields, row) for row in kpis.rows])
        del sink
        feedback.pushInfo(
            self.tr("{rows} KPI rows from {events} events on {locations} locations.").format(
                rows=len(kpis.rows), events=kpis.events, locations=kpis.locations
            )
        )
        results = {self.OUTPUT_TABLE: dest_id}
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            title = self.tr("Review KPIs: {name}").format(name=store.name)
            html = render_html(kpis, title, format_utc(utc_now()), tr=self.tr)
            partial = Path(html_path + ".part")
            partial.write_text(html, encoding="utf-8")
            partial.replace(html_path)
            results[self.OUTPUT_HTML] = html_path
        return results
