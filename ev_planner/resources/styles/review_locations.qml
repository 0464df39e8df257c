<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Labeling|Fields|Forms">
  <renderer-v2 type="categorizedSymbol" attr="status" symbollevels="0" enableorderby="0" forceraster="0">
    <categories>
      <category render="true" symbol="0" value="proposed" label="Proposed"/>
      <category render="true" symbol="1" value="in_review" label="In review"/>
      <category render="true" symbol="2" value="changes_requested" label="Changes requested"/>
      <category render="true" symbol="3" value="approved" label="Approved"/>
      <category render="true" symbol="4" value="rejected" label="Rejected"/>
      <category render="true" symbol="5" value="requested" label="Requested at operator"/>
      <category render="true" symbol="6" value="permitted" label="Traffic decree"/>
      <category render="true" symbol="7" value="installed" label="Installed"/>
      <category render="true" symbol="8" value="delivered" label="Delivered"/>
      <category render="true" symbol="9" value="cancelled" label="Cancelled"/>
    </categories>
    <symbols>
      <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="circle" type="QString"/>
            <Option name="color" value="100,100,100,255" type="QString"/>
            <Option name="outline_color" value="35,35,35,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
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
            <Option name="color" value="33,102,172,255" type="QString"/>
            <Option name="outline_color" value="35,35,35,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
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
            <Option name="name" value="diamond" type="QString"/>
            <Option name="color" value="217,95,2,255" type="QString"/>
            <Option name="outline_color" value="35,35,35,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
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
            <Option name="color" value="27,120,55,255" type="QString"/>
            <Option name="outline_color" value="35,35,35,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
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
            <Option name="name" value="cross_fill" type="QString"/>
            <Option name="color" value="178,24,43,255" type="QString"/>
            <Option name="outline_color" value="35,35,35,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
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
      <symbol type="marker" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="square" type="QString"/>
            <Option name="color" value="117,107,177,255" type="QString"/>
            <Option name="outline_color" value="35,35,35,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
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
      <symbol type="marker" name="6" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="square" type="QString"/>
            <Option name="color" value="84,39,143,255" type="QString"/>
            <Option name="outline_color" value="35,35,35,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
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
      <symbol type="marker" name="7" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="star" type="QString"/>
            <Option name="color" value="1,102,94,255" type="QString"/>
            <Option name="outline_color" value="35,35,35,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
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
      <symbol type="marker" name="8" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="star" type="QString"/>
            <Option name="color" value="0,68,27,255" type="QString"/>
            <Option name="outline_color" value="35,35,35,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
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
      <symbol type="marker" name="9" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="name" value="cross_fill" type="QString"/>
            <Option name="color" value="60,60,60,255" type="QString"/>
            <Option name="outline_color" value="35,35,35,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
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
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="location_id" isExpression="0" fontFamily="Sans Serif" fontSize="8" fontSizeUnit="Point" textColor="30,30,30,255" textOpacity="1" namedStyle="Regular" fontWeight="50" fontItalic="0" fontUnderline="0" fontStrikeout="0" fontKerning="1" multilineHeight="1" previewBkgrdColor="255,255,255,255" allowHtml="0" textOrientation="horizontal" blendMode="0" useSubstitutions="0" fontLetterSpacing="0" fontWordSpacing="0" capitalization="0" legendString="Aa">
        <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.8" bufferNoFill="1" bufferJoinStyle="128" bufferBlendMode="0"/>
      </text-style>
      <text-format wrapChar="" multilineAlign="0" formatNumbers="0" decimals="3" plussign="0" reverseDirectionSymbol="0" leftDirectionSymbol="&lt;" rightDirectionSymbol=">" addDirectionSymbol="0" placeDirectionSymbol="0" autoWrapLength="0" useMaxLineLengthForAutoWrap="1"/>
      <placement placement="6" dist="1.5" distUnits="MM" offsetType="1" quadOffset="2" priority="5" xOffset="0" yOffset="0" offsetUnits="MM" centroidWhole="0" centroidInside="0" fitInPolygonOnly="0" repeatDistance="0" maxCurvedCharAngleIn="25" maxCurvedCharAngleOut="-25" rotationAngle="0" preserveRotation="1" placementFlags="10" overrunDistance="0" overrunDistanceUnit="MM" lineAnchorPercent="0.5" lineAnchorType="0" lineAnchorClipping="0" layerType="PointGeometry" geometryGenerator="" geometryGeneratorType="PointGeometry" geometryGeneratorEnabled="0" polygonPlacementFlags="2" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR"/>
      <rendering scaleVisibility="1" scaleMin="1" scaleMax="10000" obstacle="1" obstacleType="1" obstacleFactor="1" limitNumLabels="0" maxNumLabels="2000" minFeatureSize="0" mergeLines="0" upsidedownLabels="0" labelPerPart="0" displayAll="0" drawLabels="1" fontMinPixelSize="3" fontMaxPixelSize="10000" fontLimitPixelSize="0" zIndex="0" unplacedVisibility="0"/>
    </settings>
  </labeling>
  <fieldConfiguration>
    <field name="status" configurationFlags="None">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
                <Option type="Map"><Option name="Proposed / voorgesteld" value="proposed" type="QString"/></Option>
                <Option type="Map"><Option name="In review / in behandeling" value="in_review" type="QString"/></Option>
                <Option type="Map"><Option name="Changes requested / aanpassing gevraagd" value="changes_requested" type="QString"/></Option>
                <Option type="Map"><Option name="Approved / goedgekeurd" value="approved" type="QString"/></Option>
                <Option type="Map"><Option name="Rejected / afgewezen" value="rejected" type="QString"/></Option>
                <Option type="Map"><Option name="Requested at operator / aangevraagd" value="requested" type="QString"/></Option>
                <Option type="Map"><Option name="Traffic decree / verkeersbesluit" value="permitted" type="QString"/></Option>
                <Option type="Map"><Option name="Installed / geplaatst" value="installed" type="QString"/></Option>
                <Option type="Map"><Option name="Delivered / opgeleverd" value="delivered" type="QString"/></Option>
                <Option type="Map"><Option name="Cancelled / vervallen" value="cancelled" type="QString"/></Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="parking_spaces" configurationFlags="None">
      <editWidget type="Range">
        <config>
          <Option type="Map">
            <Option name="AllowNull" value="false" type="bool"/>
            <Option name="Max" value="20" type="int"/>
            <Option name="Min" value="1" type="int"/>
            <Option name="Step" value="1" type="int"/>
            <Option name="Style" value="SpinBox" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="location_id" index="-1" name="Location id / locatie-id"/>
    <alias field="status" index="-1" name="Status"/>
    <alias field="status_since" index="-1" name="Status since / sinds"/>
    <alias field="awaiting" index="-1" name="Awaiting / wacht op"/>
    <alias field="installer" index="-1" name="Installer / installateur"/>
    <alias field="address" index="-1" name="Address / adres"/>
    <alias field="operator" index="-1" name="Operator / exploitant"/>
    <alias field="parking_spaces" index="-1" name="Reserved parking spaces / parkeerplaatsen"/>
    <alias field="event_count" index="-1" name="Events / gebeurtenissen"/>
    <alias field="last_event_at" index="-1" name="Last event / laatste gebeurtenis"/>
    <alias field="created_at" index="-1" name="Created / aangemaakt"/>
  </aliases>
  <editable>
    <field name="fid" editable="0"/>
    <field name="location_id" editable="0"/>
    <field name="created_at" editable="0"/>
    <field name="status" editable="0"/>
    <field name="status_since" editable="0"/>
    <field name="awaiting" editable="0"/>
    <field name="installer" editable="0"/>
    <field name="last_event_at" editable="0"/>
    <field name="event_count" editable="0"/>
  </editable>
  <layerGeometryType>0</layerGeometryType>
</qgis>
