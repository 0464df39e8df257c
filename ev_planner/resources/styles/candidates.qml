<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Labeling">
  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">
    <symbols>
      <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="circle" type="QString"/>
            <Option name="color" value="255,140,0,255" type="QString"/>
            <Option name="outline_color" value="120,60,0,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="1.8" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="angle" value="0" type="QString"/>
            <Option name="joinstyle" value="miter" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <previewExpression>"candidate_id"</previewExpression>
  <layerGeometryType>0</layerGeometryType>
</qgis>
