<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Labeling">
  <renderer-v2 type="graduatedSymbol" attr="score" graduatedMethod="GraduatedColor" symbollevels="0" enableorderby="1" forceraster="0">
    <ranges>
      <range lower="0" upper="20" symbol="0" label="0 - 20" render="true"/>
      <range lower="20" upper="40" symbol="1" label="20 - 40" render="true"/>
      <range lower="40" upper="60" symbol="2" label="40 - 60" render="true"/>
      <range lower="60" upper="80" symbol="3" label="60 - 80" render="true"/>
      <range lower="80" upper="100.000001" symbol="4" label="80 - 100" render="true"/>
    </ranges>
    <symbols>
      <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="circle" type="QString"/>
            <Option name="color" value="255,255,178,255" type="QString"/>
            <Option name="outline_color" value="60,60,60,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="1.6" type="QString"/>
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
            <Option name="name" value="circle" type="QString"/>
            <Option name="color" value="254,204,92,255" type="QString"/>
            <Option name="outline_color" value="60,60,60,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="1.9" type="QString"/>
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
            <Option name="name" value="circle" type="QString"/>
            <Option name="color" value="253,141,60,255" type="QString"/>
            <Option name="outline_color" value="60,60,60,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="2.2" type="QString"/>
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
            <Option name="name" value="circle" type="QString"/>
            <Option name="color" value="240,59,32,255" type="QString"/>
            <Option name="outline_color" value="60,60,60,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="2.6" type="QString"/>
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
      <symbol type="marker" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="circle" type="QString"/>
            <Option name="color" value="189,0,38,255" type="QString"/>
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
    </symbols>
    <mode name="fixed"/>
    <orderby>
      <orderByClause asc="1" nullsFirst="0">"score"</orderByClause>
    </orderby>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <previewExpression>"candidate_id" || ' – ' || format_number("score", 1)</previewExpression>
  <layerGeometryType>0</layerGeometryType>
</qgis>
