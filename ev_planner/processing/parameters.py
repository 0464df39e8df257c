"""Parameter builders shared by the algorithms, so a parameter reads the same everywhere."""

from __future__ import annotations

from typing import Any, Sequence

from qgis.core import (
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..compat import DISTANCE_METERS, NUMBER_DOUBLE, NUMBER_INTEGER, PARAMETER_ADVANCED
from ..i18n import tr

DISTANCE_DECIMALS = 1  # metres: a tenth is finer than any map or rule needs
PERCENT_DECIMALS = 1  # 97.5 % is a contract figure; a hundredth of a percent is noise
SHARE_DECIMALS = 2  # shares 0-1 and weights: 0.35 is as precise as any planning assumption
SECONDS_DECIMALS = 0  # a time limit in whole seconds
_KEYS = "evplanner_keys"  # the metadata entry of a keyed enum: its keys, in option order


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
        parameter.setMaximum(maximum)
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
        parameter.setMaximum(maximum)
    parameter.setHelp(help_text)
    return parameter


def number_parameter(
    name: str,
    label: str,
    default: float | None,
    help_text: str,
    decimals: int,
    minimum: float = 0.0,
    maximum: float | None = None,
) -> QgsProcessingParameterNumber:
    """A decimal number shown with ``decimals`` decimals (the dialog's default is 6: 60.000000).

    Without a default it is optional: empty means "not used".
    """
    parameter = QgsProcessingParameterNumber(
        name, label, NUMBER_DOUBLE, defaultValue=default, optional=default is None, minValue=minimum
    )
    if maximum is not None:
        parameter.setMaximum(maximum)
    parameter.setMetadata({"widget_wrapper": {"decimals": decimals}})
    parameter.setHelp(help_text)
    return parameter


def percent_parameter(
    name: str, label: str, help_text: str, default: float | None = None
) -> QgsProcessingParameterNumber:
    """A share in % (0-100); without a default it is optional: empty means "not checked"."""
    return number_parameter(name, label, default, help_text, PERCENT_DECIMALS, 0.0, 100.0)


def share_parameter(
    name: str, label: str, default: float, help_text: str, maximum: float | None = 1.0
) -> QgsProcessingParameterNumber:
    """A share 0-1 (or, with ``maximum=None``, a relative weight) with two decimals."""
    return number_parameter(name, label, default, help_text, SHARE_DECIMALS, 0.0, maximum)


def duration_parameter(
    name: str, label: str, default: float, help_text: str, minimum: float = 0.0
) -> QgsProcessingParameterNumber:
    """A time in seconds, in whole seconds. Not a QgsProcessingParameterDuration: that one hands
    the algorithm milliseconds, and ``TIME_LIMIT=60`` on a command line must stay 60 seconds."""
    return number_parameter(name, label, default, help_text, SECONDS_DECIMALS, minimum)


def file_or_url_parameter(
    name: str, label: str, help_text: str, file_filter: str, optional: bool = False
) -> QgsProcessingParameterFile:
    """A file picked with the dialog's "…" button, or a URL typed or pasted into the same field.

    The value stays the plain text (``SOURCE=https://…`` or ``SOURCE=dump.json`` on a command line).
    "All files (*)" is always offered: QGIS checks a value against the filter, and only ``*``
    lets a URL such as ``https://…/ocpi/versions`` through.
    """
    parameter = QgsProcessingParameterFile(
        name, label, fileFilter=f"{file_filter};;{tr('All files (*)')}", optional=optional
    )
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


def keyed_enum_parameter(
    name: str, label: str, keys: Sequence[str], words: Sequence[str], default_key: str
) -> QgsProcessingParameterEnum:
    """A drop-down of ``words`` (translated) whose batch value is the matching key or its index.

    QGIS 3.22's static-string enum shows its values themselves, so the dialog would show raw
    keys such as ``in_review``. This enum's options are the words and its value is an index,
    while ``STATUS=approved`` on a command line or in ``processing.run`` keeps working:
    :func:`keys_as_indexes` lets the check accept the keys and :func:`keyed_enum_key` reads
    either. Keys only ever get added at the end, so the index a saved model holds stays valid.
    """
    parameter = QgsProcessingParameterEnum(
        name, label, options=list(words), defaultValue=list(keys).index(default_key)
    )
    parameter.setMetadata({**parameter.metadata(), _KEYS: list(keys)})
    return parameter


def _enum_keys(parameter: QgsProcessingParameterDefinition | None) -> list[str]:
    return list(parameter.metadata().get(_KEYS) or []) if parameter is not None else []


def keys_as_indexes(definitions, parameters: dict[str, Any]) -> dict[str, Any]:
    """``parameters`` with the key of every keyed enum replaced by its index, as QGIS checks it."""
    converted = dict(parameters)
    for parameter in definitions:
        keys, value = _enum_keys(parameter), parameters.get(parameter.name())
        if isinstance(value, str) and value in keys:
            converted[parameter.name()] = keys.index(value)
    return converted


def keyed_enum_key(algorithm, parameters: dict[str, Any], name: str, context) -> str:
    """The key a keyed enum holds, whether it was given as its key or as its index."""
    keys = _enum_keys(algorithm.parameterDefinition(name))
    value = parameters.get(name)
    if isinstance(value, str) and value in keys:
        return value
    return keys[algorithm.parameterAsEnum(parameters, name, context)]
