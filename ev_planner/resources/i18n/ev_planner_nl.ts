<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
  <context>
    <name>EvPlanner</name>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Charge points</source>
      <translation>Laadpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/provider.py" />
      <source>Could not load an algorithm module: {failure}</source>
      <translation>Een algoritmemodule kon niet worden geladen: {failure}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/provider.py" />
      <source>EV Planner</source>
      <translation>EV Planner</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/plugin.py" />
      <source>EV Planner algorithms…</source>
      <translation>EV Planner-algoritmen…</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/provider.py" />
      <source>EV Planner: charge point planning</source>
      <translation>EV Planner: planning van laadpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Not enough memory for this input. Use a smaller extent or fewer features.</source>
      <translation>Onvoldoende geheugen voor deze invoer. Gebruik een kleiner gebied of minder objecten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Potential map</source>
      <translation>Potentieelkaart</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Review workflow</source>
      <translation>Validatieproces</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/plugin.py" />
      <source>Show the EV Planner algorithms in the Processing Toolbox</source>
      <translation>Toon de EV Planner-algoritmen in de Processing Toolbox</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The CRS {crs} does not measure in metres: choose a projected, metric CRS.</source>
      <translation>Het CRS {crs} meet niet in meters: kies een geprojecteerd, metrisch CRS.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The field {field} of {layer} holds a non-finite value.</source>
      <translation>Het veld {field} van {layer} bevat een ongeldige (oneindige of ontbrekende) waarde.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The field {field} of {layer} holds a non-numeric value: {value!r}.</source>
      <translation>Het veld {field} van {layer} bevat een niet-numerieke waarde: {value!r}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The field {field} of {layer} holds negative values.</source>
      <translation>Het veld {field} van {layer} bevat negatieve waarden.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The input layers have no features with a location.</source>
      <translation>De invoerlagen bevatten geen objecten met een locatie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The layer {layer} has no field {fields}.</source>
      <translation>De laag {layer} heeft geen veld {fields}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Unexpected error in EV Planner (please report it): {error}</source>
      <translation>Onverwachte fout in EV Planner (meld deze a.u.b.): {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Usage and operators</source>
      <translation>Gebruik en exploitanten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>cannot be transformed</source>
      <translation>kan niet worden getransformeerd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>charge point</source>
      <translation>laadpunt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>electric vehicle</source>
      <translation>elektrische auto</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>no geometry</source>
      <translation>geen geometrie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>{layer}: {count} feature(s) skipped ({reason}).</source>
      <translation>{layer}: {count} object(en) overgeslagen ({reason}).</translation>
    </message>
  </context>
</TS>
