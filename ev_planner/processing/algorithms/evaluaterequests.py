"""evplanner:evaluaterequests: residents' requests against the walking rule, and the sites they need."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...compat import PARAMETER_ADVANCED, SOURCE_POINT, SOURCE_POLYGON, SOURCE_VECTOR, WKB_POINT, FieldType
from ...core.potential.candidates import points_in_polygons
from ...core.requests.evaluate import INACTIVE_PLANNED_STATUSES, OUTCOMES, evaluate_requests
from ...core.review.requests import RequestRecord, append_requests
from ...core.review.store import LocationInput
from ...i18n import translate_message
from ..base import EvPlannerAlgorithm, tr_noop
from ..inputs import point_source, read_located
from ..layers import choose_metric_crs, polygons_with_owners, read_geometries
from ..network import distance_measure, distance_method_parameters, report_attachment
from ..parameters import distance_parameter, metric_crs_parameter
from ..request_inputs import address_index, read_requests
from ..review_target import ReviewTargetParameter, authcfg_parameter, open_review
from ..sinks import open_sink, write_batched
from ..styles import style_output
from ..usage_inputs import attribute_value

REQUEST_FIELDS = (
    ("request_id", FieldType.STRING),
    ("received_at", FieldType.STRING),
    ("line", FieldType.INT),
    ("outcome", FieldType.STRING),
    ("reason", FieldType.STRING),
    ("walk_to_existing_m", FieldType.DOUBLE),
    ("nearest_existing_id", FieldType.STRING),
    ("walk_to_planned_m", FieldType.DOUBLE),
    ("nearest_planned_id", FieldType.STRING),
    ("proposed_location_id", FieldType.STRING),
)
SITE_FIELDS = (
    ("location_id", FieldType.STRING),
    ("request_ids", FieldType.STRING),
    ("requests_served", FieldType.INT),
    ("source", FieldType.STRING),
)
ID_FIELDS = ("location_id", "id", "source_id")  # the id a charge point or planned location is known by


class EvaluateRequestsAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "evaluaterequests"
    GROUP_ID = "potential"
    DISPLAY_NAME = tr_noop("Evaluate residents' requests")

    REQUESTS = "REQUESTS"
    REQUESTS_CRS = "REQUESTS_CRS"
    ADDRESSES = "ADDRESSES"
    ADDRESS_FIELD = "ADDRESS_FIELD"
    CHARGE_POINTS = "CHARGE_POINTS"
    PLANNED = "PLANNED"
    CANDIDATES = "CANDIDATES"
    AREA = "AREA"
    RADIUS = "RADIUS"
    KEEP_FIELDS = "KEEP_FIELDS"
    REVIEW = "REVIEW"
    CRS = "CRS"
    OUTPUT = "OUTPUT"
    PROPOSED = "PROPOSED"
    SITES = "SITES"
    SITES_LOWER_BOUND = "SITES_LOWER_BOUND"

    def initAlgorithm(self, config=None) -> None:
        for parameter in (
            *self._request_parameters(),
            *self._context_parameters(),
            distance_parameter(
                self.RADIUS,
                self.tr("Walking distance rule (m)"),
                250.0,
                self.tr(
                    "A request is covered when a public or planned point lies within this distance (Flanders: 250 m)."
                ),
            ),
            *distance_method_parameters(),
            *self._output_parameters(),
        ):
            self.addParameter(parameter)
        for outcome in OUTCOMES:
            self.addOutput(
                QgsProcessingOutputNumber(
                    outcome.upper(), self.tr("Requests: {outcome}").format(outcome=outcome)
                )
            )
        self.addOutput(QgsProcessingOutputNumber(self.SITES, self.tr("New sites proposed")))
        self.addOutput(
            QgsProcessingOutputNumber(self.SITES_LOWER_BOUND, self.tr("Fewest sites any proposal needs"))
        )

    def _request_parameters(self) -> list:
        requests = QgsProcessingParameterFeatureSource(
            self.REQUESTS, self.tr("Residents' requests (points or a CSV table)"), [SOURCE_VECTOR]
        )
        requests.setHelp(
            self.tr(
                "Points, or a table (CSV) with x and y (or lon and lat) or an address column; "
                "request_id and received_at are required."
            )
        )
        table_crs = QgsProcessingParameterCrs(
            self.REQUESTS_CRS, self.tr("CRS of the x and y columns"), "EPSG:4326", optional=True
        )
        table_crs.setHelp(self.tr("For a table with x and y columns, e.g. EPSG:28992 for RD coordinates."))
        table_crs.setFlags(table_crs.flags() | PARAMETER_ADVANCED)
        addresses = QgsProcessingParameterFeatureSource(
            self.ADDRESSES,
            self.tr("Address points (for requests with an address)"),
            [SOURCE_POINT],
            optional=True,
        )
        addresses.setHelp(
            self.tr(
                "Addresses to match against: OSM points with addr:* tags, or fields street, housenumber, postcode."
            )
        )
        address_field = QgsProcessingParameterField(
            self.ADDRESS_FIELD,
            self.tr("Full address field"),
            parentLayerParameterName=self.ADDRESSES,
            optional=True,
        )
        address_field.setHelp(self.tr("A field holding the whole address, e.g. 'Mekelweg 5, 2628 CD Delft'."))
        keep = QgsProcessingParameterField(
            self.KEEP_FIELDS,
            self.tr("Request fields to keep in the output"),
            parentLayerParameterName=self.REQUESTS,
            allowMultiple=True,
            optional=True,
        )
        keep.setHelp(
            self.tr(
                "Requests hold personal data (GDPR): by default the output keeps only request_id, dates, "
                "location and outcome. Name the fields you need, e.g. a case number."
            )
        )
        return [requests, table_crs, addresses, address_field, keep]

    def _context_parameters(self) -> list:
        charge_points = QgsProcessingParameterFeatureSource(
            self.CHARGE_POINTS, self.tr("Existing public charge points"), [SOURCE_POINT]
        )
        charge_points.setHelp(self.tr("Their location_id (or id) is written to nearest_existing_id."))
        planned = QgsProcessingParameterFeatureSource(
            self.PLANNED,
            self.tr("Planned locations (review or selected sites)"),
            [SOURCE_POINT],
            optional=True,
        )
        planned.setHelp(
            self.tr("With location_id and status; rejected and cancelled locations do not count.")
        )
        candidates = QgsProcessingParameterFeatureSource(
            self.CANDIDATES, self.tr("Candidate sites for new points"), [SOURCE_POINT], optional=True
        )
        candidates.setHelp(
            self.tr("Without candidates, new sites are placed at the best points of the street network.")
        )
        area = QgsProcessingParameterFeatureSource(
            self.AREA, self.tr("Municipality (area)"), [SOURCE_POLYGON], optional=True
        )
        area.setHelp(self.tr("Requests outside it are not assessable."))
        return [charge_points, planned, candidates, area]

    def _output_parameters(self) -> list:
        review = ReviewTargetParameter(
            self.REVIEW, self.tr("Append the new sites to this review"), optional=True
        )
        review.setHelp(
            self.tr("The proposed sites join the review with source = request; appending twice adds nothing.")
        )
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Evaluated requests"), SOURCE_POINT)
        output.setHelp(self.tr("One feature per request with its outcome, reason and walking distances."))
        proposed = QgsProcessingParameterFeatureSink(
            self.PROPOSED, self.tr("Proposed sites"), SOURCE_POINT, optional=True
        )
        proposed.setHelp(
            self.tr("The new sites for the new_location requests, with request_ids and requests_served.")
        )
        return [review, authcfg_parameter(), metric_crs_parameter(self.CRS), output, proposed]

    # --- running ----------------------------------------------------------------------------
    def run_algorithm(self, parameters, context, feedback):
        charge_source = point_source(self, parameters, self.CHARGE_POINTS, context)
        crs = choose_metric_crs(
            context, [charge_source], self.parameterAsCrs(parameters, self.CRS, context), feedback
        )
        intake = self._read_requests(parameters, context, feedback, crs)
        existing = read_located(
            charge_source, self.CHARGE_POINTS, crs, context, feedback, ID_FIELDS, (10, 20)
        )
        planned = self._planned(parameters, context, feedback, crs)
        candidates = self._candidates(parameters, context, feedback, crs)
        measure = distance_measure(self, parameters, context, feedback, crs, span=(30, 50))
        report_attachment(feedback, measure, existing.xy, self.CHARGE_POINTS)
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        evaluation = evaluate_requests(
            intake, existing.xy, planned[0], measure, radius, self._inside_area(parameters, context, intake, crs),
            candidates,
        )  # fmt: skip
        feedback.setProgress(80)
        site_ids, sites = self._sites(intake, evaluation, candidates)
        results = self._write(
            parameters, context, feedback, crs, intake, evaluation, existing, planned, site_ids, sites
        )
        self._append_to_review(
            parameters, context, feedback, crs, intake, evaluation, existing, planned, site_ids, sites
        )
        self._report(feedback, intake, evaluation, measure)
        return {**results, **self._numbers(evaluation)}

    def _read_requests(self, parameters, context, feedback, crs):
        addresses = None
        address_source = self.parameterAsSource(parameters, self.ADDRESSES, context)
        if address_source is not None:
            field = self.parameterAsString(parameters, self.ADDRESS_FIELD, context)
            addresses = address_index(address_source, crs, context, field)
            feedback.pushInfo(
                self.tr("{count:,} addresses to match requests against.").format(count=len(addresses.xy))
            )
        table_crs = self.parameterAsCrs(parameters, self.REQUESTS_CRS, context)
        if not table_crs.isValid():
            table_crs = QgsCoordinateReferenceSystem("EPSG:4326")
        intake = read_requests(self, parameters, self.REQUESTS, context, crs, table_crs, addresses)
        if not intake.requests:
            raise QgsProcessingException(self.tr("The layer REQUESTS has no requests."))
        for line, request_id in intake.duplicates:
            feedback.reportError(
                self.tr("REQUESTS line {line}: request_id {id} appears on an earlier line; skipped.").format(
                    line=line, id=request_id
                ),
                False,
            )
        return intake

    def _planned(self, parameters, context, feedback, crs) -> tuple[np.ndarray, list]:
        """Active planned locations (not rejected or cancelled) and their ids."""
        source = point_source(self, parameters, self.PLANNED, context, optional=True)
        if source is None:
            return np.zeros((0, 2)), []
        points = read_located(
            source, self.PLANNED, crs, context, feedback, ("location_id", "status"), (20, 25)
        )
        status = [str(attribute_value(value) or "").lower() for value in points.attributes["status"]]
        active = np.array([value not in INACTIVE_PLANNED_STATUSES for value in status], dtype=bool)
        ids = _ids(points)
        feedback.pushInfo(
            self.tr("{active:,} of {total:,} planned locations count (not rejected or cancelled).").format(
                active=int(active.sum()), total=len(points)
            )
        )
        return points.xy[active], [str(i) for i, keep in zip(ids, active) if keep]

    def _candidates(self, parameters, context, feedback, crs):
        source = point_source(self, parameters, self.CANDIDATES, context, optional=True)
        if source is None:
            return None
        return read_located(source, self.CANDIDATES, crs, context, feedback, (), (25, 30)).xy

    def _inside_area(self, parameters, context, intake, crs) -> np.ndarray | None:
        source = self.parameterAsSource(parameters, self.AREA, context)
        if source is None:
            return None
        polygons, _ = polygons_with_owners(read_geometries(source, crs, context).geometries)
        xy = intake.xy()
        inside = np.zeros(len(xy), dtype=bool)
        finite = np.isfinite(xy).all(axis=1)
        inside[finite] = points_in_polygons(xy[finite], polygons)
        return inside

    def _sites(
        self, intake, evaluation, candidates
    ) -> tuple[list[str], list[tuple[float, float, list[str]]]]:
        """The proposed sites: REQ-<first request id> (stable, so appending twice adds nothing)."""
        cover = evaluation.cover
        if cover is None:
            return [], []
        served: list[list[str]] = [[] for _ in cover.chosen]
        for position, request in zip(cover.assignment.tolist(), evaluation.new_requests.tolist()):
            if position >= 0:
                served[position].append(intake.requests[request].request_id)
        sites, ids = [], []
        for site, requests in zip(cover.chosen.tolist(), served):
            x, y = evaluation.site_xy[site]
            ids.append("REQ-" + sorted(requests)[0])
            sites.append((float(x), float(y), sorted(requests)))
        return ids, sites

    def _write(
        self, parameters, context, feedback, crs, intake, evaluation, existing, planned, site_ids, sites
    ) -> dict:
        keep = self.parameterAsFields(parameters, self.KEEP_FIELDS, context)
        fields = QgsFields()
        for name, kind in REQUEST_FIELDS:
            fields.append(QgsField(name, kind))
        for name in keep:
            fields.append(QgsField(name, FieldType.STRING))
        sink, dest_id = open_sink(self, parameters, self.OUTPUT, context, fields, WKB_POINT, crs)
        existing_ids = _ids(existing)

        def features():
            for index, request in enumerate(intake.requests):
                values = _request_values(index, request, evaluation, existing_ids, planned[1], site_ids)
                values += [_text(_kept(request, name)) for name in keep]
                feature = QgsFeature(fields)
                if np.isfinite([request.x, request.y]).all():
                    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(request.x, request.y)))
                feature.setAttributes(values)
                yield feature

        write_batched(sink, features(), len(intake.requests), feedback, 80, 90)
        del sink  # close it so a GeoPackage is complete before its style is stored in it
        style_output(context, dest_id, "evaluated_requests")
        results = {self.OUTPUT: dest_id}
        if self.parameterDefinition(self.PROPOSED) and parameters.get(self.PROPOSED) not in (None, ""):
            results[self.PROPOSED] = self._write_sites(parameters, context, feedback, crs, site_ids, sites)
        return results

    def _write_sites(self, parameters, context, feedback, crs, site_ids, sites) -> str:
        fields = QgsFields()
        for name, kind in SITE_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest_id = open_sink(self, parameters, self.PROPOSED, context, fields, WKB_POINT, crs)

        def features():
            for location_id, (x, y, requests) in zip(site_ids, sites):
                feature = QgsFeature(fields)
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
                feature.setAttributes([location_id, ", ".join(requests), len(requests), "request"])
                yield feature

        write_batched(sink, features(), len(sites), feedback, 90, 95)
        del sink
        style_output(context, dest_id, "request_sites")
        return dest_id

    def _append_to_review(
        self, parameters, context, feedback, crs, intake, evaluation, existing, planned, site_ids, sites
    ):
        if not self.parameterAsString(parameters, self.REVIEW, context).strip():
            return
        store = open_review(self, parameters, context)
        to_review = QgsCoordinateTransform(
            crs, QgsCoordinateReferenceSystem(store.crs_authid()), context.transformContext()
        )
        locations = []
        for location_id, (x, y, requests) in zip(site_ids, sites):
            point = to_review.transform(QgsPointXY(x, y))
            locations.append(
                LocationInput(location_id, point.x(), point.y(), {"request_ids": ", ".join(requests)})
            )
        records = _records(intake, evaluation, _ids(existing), planned[1], site_ids)
        appended = append_requests(store, locations, records)
        feedback.pushInfo(
            self.tr(
                "Review {file}: {added} new location(s) added, {present} already there; "
                "{requests} request(s) recorded, {known} already recorded."
            ).format(
                file=store.label,
                added=appended.sites_added,
                present=appended.sites_present,
                requests=appended.requests_added,
                known=appended.requests_present,
            )
        )

    def _report(self, feedback, intake, evaluation, measure) -> None:
        counts = evaluation.counts()
        feedback.pushInfo(
            self.tr(
                "{total:,} requests: {existing:,} covered by an existing point, {planned:,} by a planned location, "
                "{new:,} need a new location, {none:,} not assessable."
            ).format(
                total=len(intake.requests),
                existing=counts["covered_existing"],
                planned=counts["covered_planned"],
                new=counts["new_location"],
                none=counts["not_assessable"],
            )
        )
        for index, request in enumerate(intake.requests):
            if evaluation.reason[index] is not None:
                feedback.reportError(
                    self.tr("REQUESTS line {line} ({id}): {reason}.").format(
                        line=request.line,
                        id=request.request_id or "?",
                        reason=translate_message(evaluation.reason[index]),
                    ),
                    False,
                )
        cover = evaluation.cover
        if cover is not None:
            proof = (
                self.tr("the fewest possible")
                if cover.optimal
                else self.tr("no proposal needs fewer than {bound}")
            )
            feedback.pushInfo(
                self.tr("{sites} new site(s) for {requests} request(s): {proof}.").format(
                    sites=len(cover.chosen),
                    requests=int((cover.assignment >= 0).sum()),
                    proof=proof.format(bound=cover.lower_bound),
                )
            )

    def _numbers(self, evaluation) -> dict:
        numbers = {outcome.upper(): count for outcome, count in evaluation.counts().items()}
        cover = evaluation.cover
        numbers[self.SITES] = len(cover.chosen) if cover is not None else 0
        numbers[self.SITES_LOWER_BOUND] = cover.lower_bound if cover is not None else 0
        return numbers


def _ids(points) -> list[str]:
    """The ids of points: the first of ID_FIELDS the layer fills, else the feature ids."""
    for name in ID_FIELDS:
        values = [attribute_value(value) for value in points.attributes.get(name) or []]
        if any(value is not None for value in values):
            return [str(value) for value in values]
    return [str(fid) for fid in points.feature_ids.tolist()]


def _text(value) -> str | None:
    return None if value is None else str(value)


def _kept(request, name: str):
    return request.extra.get(name.lower(), request.extra.get(name))


def _metres(value: float) -> float | None:
    return round(float(value), 2) if np.isfinite(value) else None


def _request_values(index, request, evaluation, existing_ids, planned_ids, site_ids) -> list:
    nearest_existing = int(evaluation.nearest_existing[index])
    nearest_planned = int(evaluation.nearest_planned[index])
    site = evaluation.site_of(index)
    reason = evaluation.reason[index]
    return [
        request.request_id or None,
        request.received_at.strftime("%Y-%m-%dT%H:%M:%SZ") if request.received_at else None,
        request.line,
        evaluation.outcome[index],
        translate_message(reason) if reason is not None else None,
        _metres(evaluation.walk_to_existing[index]),
        existing_ids[nearest_existing] if nearest_existing >= 0 else None,
        _metres(evaluation.walk_to_planned[index]),
        planned_ids[nearest_planned] if nearest_planned >= 0 else None,
        site_ids[site] if site >= 0 else None,
    ]


def _records(intake, evaluation, existing_ids, planned_ids, site_ids) -> list[RequestRecord]:
    """What the review keeps of each request: no personal data."""
    records = []
    for index, request in enumerate(intake.requests):
        if not request.request_id:
            continue
        values = _request_values(index, request, evaluation, existing_ids, planned_ids, site_ids)
        outcome = values[3]
        serving = {
            "covered_existing": values[6],
            "covered_planned": values[8],
            "new_location": values[9],
        }.get(outcome)
        walk = {"covered_existing": values[5], "covered_planned": values[7]}.get(outcome)
        records.append(RequestRecord(request.request_id, values[1], outcome, values[4], serving, walk))
    return records
