"""Parameter builders shared by the algorithms, so a parameter reads the same everywhere."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterCrs, QgsProcessingParameterNumber

from ..compat import NUMBER_DOUBLE, PARAMETER_ADVANCED
from ..i18n import tr


def distance_parameter(name: str, label: str, default: float, help_text: str) -> QgsProcessingParameterNumber:
    parameter = QgsProcessingParameterNumber(name, label, NUMBER_DOUBLE, defaultValue=default, minValue=0.0)
    parameter.setHelp(help_text)
    return parameter


def metric_crs_parameter(name: str) -> QgsProcessingParameterCrs:
    crs = QgsProcessingParameterCrs(name, tr("Metric CRS for distances"), optional=True)
    crs.setHelp(
        tr(
            "Distances are measured in this projected CRS. Default: the project CRS if metric, "
            "else RD New (EPSG:28992) in the Netherlands, Belgian Lambert 72 (EPSG:31370) in Belgium."
        )
    )
    crs.setFlags(crs.flags() | PARAMETER_ADVANCED)
    return crs
