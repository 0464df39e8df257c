"""Parameter builders shared by the algorithms, so a parameter reads the same everywhere."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterCrs, QgsProcessingParameterDistance, QgsProcessingParameterNumber

from ..compat import DISTANCE_METERS, NUMBER_INTEGER, PARAMETER_ADVANCED
from ..i18n import tr

DISTANCE_DECIMALS = 1  # metres: a tenth is finer than any map or rule needs


def distance_parameter(
    name: str,
    label: str,
    default: float,
    help_text: str,
    minimum: float = 0.0,
    maximum: float | None = None,
) -> QgsProcessingParameterDistance:
    """A distance in metres, measured in the metric CRS of the run (whatever the input layers' CRS).

    No parent layer: the dialog then shows metres rather than the units of an input layer.
    """
    parameter = QgsProcessingParameterDistance(name, label, defaultValue=default, minValue=minimum)
    if maximum is not None:
        parameter.setMaxValue(maximum)
    parameter.setDefaultUnit(DISTANCE_METERS)
    parameter.setMetadata({"widget_wrapper": {"decimals": DISTANCE_DECIMALS}})
    parameter.setHelp(help_text)
    return parameter


def count_parameter(
    name: str,
    label: str,
    default: int,
    help_text: str,
    minimum: int = 0,
    maximum: int | None = None,
) -> QgsProcessingParameterNumber:
    """A whole number of things (locations, candidates)."""
    parameter = QgsProcessingParameterNumber(
        name, label, NUMBER_INTEGER, defaultValue=default, minValue=minimum
    )
    if maximum is not None:
        parameter.setMaxValue(maximum)
    parameter.setHelp(help_text)
    return parameter


def advanced(parameter):
    """``parameter`` shown under the dialog's "Advanced parameters"."""
    parameter.setFlags(parameter.flags() | PARAMETER_ADVANCED)
    return parameter


def metric_crs_parameter(name: str, help_text: str | None = None) -> QgsProcessingParameterCrs:
    """The optional, advanced CRS in which an algorithm measures (see layers.choose_metric_crs)."""
    crs = QgsProcessingParameterCrs(name, tr("Metric CRS for distances"), optional=True)
    crs.setHelp(
        help_text
        or tr(
            "Distances are measured in this projected CRS. Default: the project CRS if metric, "
            "else RD New (EPSG:28992) in the Netherlands, Belgian Lambert 72 (EPSG:31370) in Belgium."
        )
    )
    return advanced(crs)
