<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
  <context>
    <name>EvPlanner</name>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Charge points</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/provider.py" />
      <source>Could not load an algorithm module: {failure}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/provider.py" />
      <source>EV Planner</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/plugin.py" />
      <source>EV Planner algorithms…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/provider.py" />
      <source>EV Planner: charge point planning</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Not enough memory for this input. Use a smaller extent or fewer features.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Potential map</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Review workflow</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/plugin.py" />
      <source>Show the EV Planner algorithms in the Processing Toolbox</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The CRS {crs} does not measure in metres: choose a projected, metric CRS.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The field {field} of {layer} holds a non-finite value.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The field {field} of {layer} holds a non-numeric value: {value!r}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The field {field} of {layer} holds negative values.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The input layers have no features with a location.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The layer {layer} has no field {fields}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Unexpected error in EV Planner (please report it): {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Usage and operators</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>cannot be transformed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>charge point</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>electric vehicle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>no geometry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>{layer}: {count} feature(s) skipped ({reason}).</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
