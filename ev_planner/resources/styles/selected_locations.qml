<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Labeling">
  <renderer-v2 type="graduatedSymbol" attr="selection_rank" graduatedMethod="GraduatedColor" symbollevels="0" enableorderby="1" forceraster="0">
    <ranges>
      <range lower="1" upper="10.5" symbol="0" label="1 - 10" render="true"/>
      <range lower="10.5" upper="50.5" symbol="1" label="11 - 50" render="true"/>
      <range lower="50.5" upper="200.5" symbol="2" label="51 - 200" render="true"/>
      <range lower="200.5" upper="1000000000" symbol="3" label="> 200" render="true"/>
    </ranges>
    <symbols>
      <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="star" type="QString"/>
            <Option name="color" value="0,104,55,255" type="QString"/>
            <Option name="outline_color" value="60,60,60,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.6" type="QString"/>
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
      <symbol type="marker" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="star" type="QString"/>
            <Option name="color" value="49,163,84,255" type="QString"/>
            <Option name="outline_color" value="60,60,60,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.0" type="QString"/>
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
      <symbol type="marker" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="star" type="QString"/>
            <Option name="color" value="120,198,121,255" type="QString"/>
            <Option name="outline_color" value="60,60,60,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="2.5" type="QString"/>
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
      <symbol type="marker" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="star" type="QString"/>
            <Option name="color" value="194,230,153,255" type="QString"/>
            <Option name="outline_color" value="60,60,60,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="2.0" type="QString"/>
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
    <mode name="fixed"/>
    <orderby>
      <orderByClause asc="0" nullsFirst="0">"selection_rank"</orderByClause>
    </orderby>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="selection_rank" isExpression="0" fontSize="8" fontWeight="75" textColor="20,20,20,255" namedStyle="Bold" fontFamily="Sans Serif" textOpacity="1" multilineHeight="1">
        <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="1" bufferJoinStyle="128" bufferNoFill="1"/>
      </text-style>
      <placement placement="0" dist="1" distUnits="MM" quadOffset="2" offsetType="0"/>
      <rendering scaleVisibility="0" obstacle="1" upsidedownLabels="0" drawLabels="1" limitNumLabels="0"/>
    </settings>
  </labeling>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerGeometryType>0</layerGeometryType>
</qgis>
