<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis styleCategories="AllStyleCategories" maxScale="0" hasScaleBasedVisibilityFlag="0" version="3.22.16-Białowieża" readOnly="0" minScale="1e+08">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal endExpression="" limitMode="0" enabled="0" mode="0" startExpression="" durationField="" endField="" durationUnit="min" accumulate="0" fixedDuration="0" startField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <customproperties>
    <Option/>
  </customproperties>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option type="QString" value=""/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="operator">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="compliant">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="compliance">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="operator" name="" index="0"/>
    <alias field="compliant" name="" index="1"/>
    <alias field="compliance" name="" index="2"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="operator" expression=""/>
    <default applyOnUpdate="0" field="compliant" expression=""/>
    <default applyOnUpdate="0" field="compliance" expression=""/>
  </defaults>
  <constraints>
    <constraint constraints="0" field="operator" unique_strength="0" notnull_strength="0" exp_strength="0"/>
    <constraint constraints="0" field="compliant" unique_strength="0" notnull_strength="0" exp_strength="0"/>
    <constraint constraints="0" field="compliance" unique_strength="0" notnull_strength="0" exp_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" desc="" field="operator"/>
    <constraint exp="" desc="" field="compliant"/>
    <constraint exp="" desc="" field="compliance"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles>
      <style background_color_alpha="255" text_color_alpha="255" text_color="#7a0000" name="not compliant" rule="&quot;compliant&quot; = false" background_color="#f4a3a3">
        <font style="" description="DejaVu LGC Sans,12,-1,5,75,0,0,0,0,0"/>
      </style>
    </rowstyles>
    <fieldstyles>
      <fieldstyle fieldname="compliance">
        <style background_color_alpha="255" text_color_alpha="255" text_color="#ffffff" name="" rule="&quot;compliant&quot; = false" background_color="#d7191c">
          <font style="" description="DejaVu LGC Sans,12,-1,5,50,0,0,0,0,0"/>
        </style>
      </fieldstyle>
    </fieldstyles>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable/>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression></previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>4</layerGeometryType>
</qgis>
