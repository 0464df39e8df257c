"""The few QGIS API differences between QGIS 3.22 (the declared minimum) and QGIS 3.44/4.

Everything that depends on the QGIS version is decided here, once, so the algorithms and
the dock read the same on every version (see docs/architecture.md).
"""

from __future__ import annotations

import qgis.core
from qgis.core import Qgis, QgsPalLayerSettings

# QGIS 3.26 moved the label placement enum to Qgis.LabelPlacement; since 3.40 the setter
# refuses the old QgsPalLayerSettings member with a TypeError.
LABEL_OVER_POINT = (
    Qgis.LabelPlacement.OverPoint if hasattr(Qgis, "LabelPlacement") else QgsPalLayerSettings.OverPoint
)
LABEL_CURVED = Qgis.LabelPlacement.Curved if hasattr(Qgis, "LabelPlacement") else QgsPalLayerSettings.Curved


def _qgis_enum(new: str, old: str):
    """``Qgis.<new>`` where this QGIS has it, else ``<old>`` of qgis.core (QGIS 3.22's name).

    QGIS 3.30-3.38 moved these enums into ``Qgis``; the old names remain only as
    monkey-patched aliases, which Qt6 builds need not keep. Resolving ``old`` lazily
    means a QGIS without it never evaluates it.
    """
    value = Qgis
    try:
        for part in new.split("."):
            value = getattr(value, part)
        return value
    except AttributeError:
        owner, member = old.split(".")
        return getattr(getattr(qgis.core, owner), member)


# Processing source types (Qgis.ProcessingSourceType since 3.36).
SOURCE_MAP_LAYER = _qgis_enum("ProcessingSourceType.MapLayer", "QgsProcessing.TypeMapLayer")
SOURCE_VECTOR = _qgis_enum("ProcessingSourceType.Vector", "QgsProcessing.TypeVector")
SOURCE_VECTOR_ANY = _qgis_enum(
    "ProcessingSourceType.VectorAnyGeometry", "QgsProcessing.TypeVectorAnyGeometry"
)
SOURCE_POINT = _qgis_enum("ProcessingSourceType.VectorPoint", "QgsProcessing.TypeVectorPoint")
SOURCE_LINE = _qgis_enum("ProcessingSourceType.VectorLine", "QgsProcessing.TypeVectorLine")
SOURCE_POLYGON = _qgis_enum("ProcessingSourceType.VectorPolygon", "QgsProcessing.TypeVectorPolygon")

# Processing parameters (Qgis.ProcessingParameterFlag, ...NumberParameterType, ...FieldParameterDataType since 3.36).
PARAMETER_ADVANCED = _qgis_enum(
    "ProcessingParameterFlag.Advanced", "QgsProcessingParameterDefinition.FlagAdvanced"
)
PARAMETER_HIDDEN = _qgis_enum("ProcessingParameterFlag.Hidden", "QgsProcessingParameterDefinition.FlagHidden")
NUMBER_INTEGER = _qgis_enum("ProcessingNumberParameterType.Integer", "QgsProcessingParameterNumber.Integer")
NUMBER_DOUBLE = _qgis_enum("ProcessingNumberParameterType.Double", "QgsProcessingParameterNumber.Double")
FIELD_NUMERIC = _qgis_enum("ProcessingFieldParameterDataType.Numeric", "QgsProcessingParameterField.Numeric")
SKIP_GEOMETRY_VALIDITY_CHECKS = _qgis_enum(
    "ProcessingFeatureSourceFlag.SkipGeometryValidityChecks",
    "QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks",
)

# Geometry and WKB types (Qgis.GeometryType, Qgis.WkbType since 3.30).
GEOMETRY_POINT = _qgis_enum("GeometryType.Point", "QgsWkbTypes.PointGeometry")
GEOMETRY_LINE = _qgis_enum("GeometryType.Line", "QgsWkbTypes.LineGeometry")
GEOMETRY_POLYGON = _qgis_enum("GeometryType.Polygon", "QgsWkbTypes.PolygonGeometry")
WKB_POINT = _qgis_enum("WkbType.Point", "QgsWkbTypes.Point")
WKB_POLYGON = _qgis_enum("WkbType.Polygon", "QgsWkbTypes.Polygon")
WKB_NO_GEOMETRY = _qgis_enum("WkbType.NoGeometry", "QgsWkbTypes.NoGeometry")

# Units (Qgis.DistanceUnit, Qgis.LayoutUnit since 3.30).
DISTANCE_METERS = _qgis_enum("DistanceUnit.Meters", "QgsUnitTypes.DistanceMeters")
LAYOUT_MILLIMETERS = _qgis_enum("LayoutUnit.Millimeters", "QgsUnitTypes.LayoutMillimeters")

# Feature requests, fields, CRS (Qgis.InvalidGeometryCheck, Qgis.CrsWktVariant since 3.36, Qgis.FieldOrigin since 3.38).
NO_GEOMETRY_CHECK = _qgis_enum("InvalidGeometryCheck.NoCheck", "QgsFeatureRequest.GeometryNoCheck")
FIELD_ORIGIN_PROVIDER = _qgis_enum("FieldOrigin.Provider", "QgsFields.OriginProvider")
WKT_PREFERRED = _qgis_enum("CrsWktVariant.Preferred", "QgsCoordinateReferenceSystem.WKT_PREFERRED")
WKT1_GDAL = _qgis_enum("CrsWktVariant.Wkt1Gdal", "QgsCoordinateReferenceSystem.WKT1_GDAL")


class FieldType:
    """Field types for QgsField: QMetaType.Type since QGIS 3.38 (required by Qt6 builds),
    QVariant.Type before. Both are int-like in Qt5 builds, so they compare with field.type()."""

    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        STRING = QMetaType.Type.QString
        INT = QMetaType.Type.Int
        INT64 = QMetaType.Type.LongLong
        UINT = QMetaType.Type.UInt
        UINT64 = QMetaType.Type.ULongLong
        DOUBLE = QMetaType.Type.Double
        BOOL = QMetaType.Type.Bool
        DATETIME = QMetaType.Type.QDateTime
        DATE = QMetaType.Type.QDate
        del QMetaType
    else:
        from qgis.PyQt.QtCore import QVariant

        STRING = QVariant.String
        INT = QVariant.Int
        INT64 = QVariant.LongLong
        UINT = QVariant.UInt
        UINT64 = QVariant.ULongLong
        DOUBLE = QVariant.Double
        BOOL = QVariant.Bool
        DATETIME = QVariant.DateTime
        DATE = QVariant.Date
        del QVariant


INTEGER_TYPES = (FieldType.INT, FieldType.INT64, FieldType.UINT, FieldType.UINT64)
NUMERIC_TYPES = (*INTEGER_TYPES, FieldType.DOUBLE)
