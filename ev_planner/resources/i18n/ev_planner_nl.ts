<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
  <context>
    <name>EvPlanner</name>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>  {reason}: {count}</source>
      <translation>  {reason}: {count}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>'{action}' is a department decision, only possible while the location is {required} (it is {status}).</source>
      <translation>'{action}' is een besluit van een afdeling, alleen mogelijk zolang de locatie {required} is (de status is {status}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>'{action}' is only possible from {required}; the location is {status}.</source>
      <translation>'{action}' is alleen mogelijk vanuit {required}; de locatie is {status}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>'{action}' needs one of the review's departments ({departments}), not {department!r}.</source>
      <translation>'{action}' vraagt om een van de afdelingen van de validatie ({departments}), niet {department!r}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/scored_candidates.qml" />
      <source>0 - 20</source>
      <translation>0 – 20</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/forecast_areas.qml" />
      <source>1 - 5</source>
      <translation>1 – 5</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/charge_points.qml" />
      <source>11 – 22 kW (AC)</source>
      <translation>11 – 22 kW (AC)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/scored_candidates.qml" />
      <source>20 - 40</source>
      <translation>20 – 40</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/forecast_areas.qml" />
      <source>21 - 50</source>
      <translation>21 – 50</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/charge_points.qml" />
      <source>22 – 50 kW (fast)</source>
      <translation>22 – 50 kW (snel)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/scored_candidates.qml" />
      <source>40 - 60</source>
      <translation>40 – 60</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/charge_points.qml" />
      <source>50 – 150 kW (fast DC)</source>
      <translation>50 – 150 kW (snel, DC)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/forecast_areas.qml" />
      <source>6 - 20</source>
      <translation>6 – 20</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/scored_candidates.qml" />
      <source>60 - 80</source>
      <translation>60 – 80</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/scored_candidates.qml" />
      <source>80 - 100</source>
      <translation>80 – 100</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>A '{action}' event needs a comment or an attachment.</source>
      <translation>Een gebeurtenis '{action}' heeft een opmerking of een bijlage nodig.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>A JSON file, or a folder of JSON files, of hourly occupancy: {date, tz, locations: {id: {n, occ[24]}}} with occ in % of EVSEs in use.</source>
      <translation>Een JSON-bestand, of een map met JSON-bestanden, met uurlijkse bezetting: {date, tz, locations: {id: {n, occ[24]}}} met occ in % van de EVSE's in gebruik.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>A PostgreSQL review needs the Python package psycopg2, which QGIS normally ships (python3-psycopg2 on Debian/Ubuntu).</source>
      <translation>Een PostgreSQL-review heeft het Python-pakket psycopg2 nodig, dat QGIS normaal meelevert (python3-psycopg2 op Debian/Ubuntu).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/credentials.py" />
      <source>A QGIS authentication configuration holding the token (method API Header or Basic, the token as value or password). Used when Token and Environment variable holding the token are empty.</source>
      <translation>Een QGIS-authenticatieconfiguratie met het token (methode API Header of Basic, het token als waarde of wachtwoord). Wordt gebruikt als Token en Omgevingsvariabele met het token leeg zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>A cancellation needs a reason from the list ({reasons}), not {reason!r}; put free text in the comment.</source>
      <translation>Een annulering heeft een reden uit de lijst nodig ({reasons}), niet {reason!r}; zet vrije tekst in de opmerking.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>A constraint feature closer than this (metres) to a location is a conflict.</source>
      <translation>Een belemmering die dichter dan deze afstand (meter) bij een locatie ligt, is een conflict.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>A field holding the whole address, e.g. 'Mekelweg 5, 2628 CD Delft'.</source>
      <translation>Een veld met het hele adres, bijvoorbeeld 'Mekelweg 5, 2628 CD Delft'.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>A point whose mean occupancy is above this share (%) counts as busy and gets the advice 'add nearby' (paal volgt paal).</source>
      <translation>Een punt met een gemiddelde bezetting boven dit percentage (%) telt als druk en krijgt het advies 'add nearby' (paal volgt paal).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>A point whose mean occupancy is below this share (%) gets 'consider moving'.</source>
      <translation>Een punt met een gemiddelde bezetting onder dit percentage (%) krijgt 'consider moving'.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>A point with a lower availability gets 'watch'.</source>
      <translation>Een punt met een lagere beschikbaarheid krijgt 'watch'.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/reviewkpis.py" />
      <source>A readable report with charts; self-contained, opens offline in any browser.</source>
      <translation>Een leesbaar rapport met grafieken; op zichzelf staand, opent offline in elke browser.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>A rejection needs a reason.</source>
      <translation>Een afwijzing heeft een reden nodig.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>A request is covered when a public or planned point lies within this distance (Flanders: 250 m).</source>
      <translation>Een aanvraag is gedekt als er binnen deze afstand een publiek of gepland punt ligt (Vlaanderen: 250 m).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>A review in PostgreSQL: postgresql://user@host/database?schema=NAME, service=NAME schema=NAME, or connection=NAME schema=NAME for a saved QGIS connection. The password comes from the authentication configuration, pg_service.conf or .pgpass, never from this text.</source>
      <translation>Een validatie in PostgreSQL: postgresql://gebruiker@host/database?schema=NAAM, service=NAAM schema=NAAM, of connection=NAAM schema=NAAM voor een opgeslagen QGIS-verbinding. Het wachtwoord komt uit de authenticatieconfiguratie, pg_service.conf of .pgpass, nooit uit deze tekst.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>A review needs at least one department.</source>
      <translation>Een validatie heeft minstens één afdeling nodig.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>A site covers the demand within this distance (default 250 m).</source>
      <translation>Een locatie dekt de vraag binnen deze afstand (standaard 250 m).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/candidates.py" />
      <source>A spacing of {spacing:g} m gives about {count:,} candidates, more than the limit of {limit:,}: choose a larger spacing, a smaller area, or raise MAX_CANDIDATES.</source>
      <translation>Een afstand van {spacing:g} m geeft ongeveer {count:,} kandidaten, meer dan de grens van {limit:,}: kies een grotere afstand, een kleiner gebied, of verhoog MAX_CANDIDATES.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>A spacing that would give more candidates is refused before anything is generated or written.</source>
      <translation>Een afstand die meer kandidaten zou geven, wordt geweigerd voordat er iets gemaakt of geschreven wordt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>A table without geometry: session_id, location_id, evse_uid, start, end (UTC), kwh, charging_hours, parking_hours, cost.</source>
      <translation>Een tabel zonder geometrie: session_id, location_id, evse_uid, start, end (UTC), kwh, charging_hours, parking_hours, cost.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>A table, one row per operator (and area): locations, evses, share_pct, power_kw, mean_power_kw, availability_pct, under_min_power, over_max_tariff, equivalents, compliant, compliance, hhi and operators.</source>
      <translation>Een tabel met één rij per exploitant (en gebied): locations, evses, share_pct, power_kw, mean_power_kw, availability_pct, under_min_power, over_max_tariff, equivalents, compliant, compliance, hhi en operators.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/demand.py" />
      <source>A target refers to an area that does not exist.</source>
      <translation>Een doel verwijst naar een gebied dat niet bestaat.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>A tariffs endpoint URL, an OCPI versions URL, or a tariffs dump file or URL. Empty: the tariffs module of the OCPI server of the OCPI source (required when that is a dump).</source>
      <translation>Een tariffs-endpoint-URL, een OCPI-versions-URL, of een tariefdumpbestand of -URL. Leeg: de tariffs-module van de OCPI-server van de OCPI-bron (verplicht als die een dump is).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <source>API base URL</source>
      <translation>Basis-URL van de API</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <source>API key</source>
      <translation>API-sleutel</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>Actor recorded</source>
      <translation>Vastgelegde actor</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>Add tariffs</source>
      <translation>Tarieven toevoegen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Address</source>
      <translation>Adres</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Address or demand points (e.g. the output of distributedemand), or polygons with a household count (spread evenly over each polygon).</source>
      <translation>Adres- of vraagpunten (bijv. de uitvoer van distributedemand), of polygonen met een aantal huishoudens (gelijkmatig verdeeld over elke polygoon).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Address points (for requests with an address)</source>
      <translation>Adrespunten (voor aanvragen met een adres)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Address points (or building polygons) carrying demand, e.g. the output of distributedemand.</source>
      <translation>Adrespunten (of gebouwpolygonen) met vraag, bijv. de uitvoer van distributedemand.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Address points (or building polygons) carrying demand.</source>
      <translation>Adrespunten (of gebouwpolygonen) met vraag.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Address points or building polygons that receive a share of each field.</source>
      <translation>Adrespunten of gebouwpolygonen die een aandeel van elk veld krijgen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Addresses to match against: OSM points with addr:* tags, or fields street, housenumber, postcode.</source>
      <translation>Adressen om mee te koppelen: OSM-punten met addr:*-tags, of velden street, housenumber, postcode.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>Advisory departments (not required to approve)</source>
      <translation>Adviserende afdelingen (goedkeuring niet vereist)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>All charge points</source>
      <translation>Alle laadpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/parameters.py" />
      <source>All files (*)</source>
      <translation>Alle bestanden (*)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>Also read the OCPI tariffs and add price_kwh (energy price incl. VAT where given, the highest over the connectors) and price_per_hour to each charge point.</source>
      <translation>Lees ook de OCPI-tarieven en voeg price_kwh (energieprijs incl. btw indien opgegeven, de hoogste over de connectoren) en price_per_hour toe aan elk laadpunt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>An OCPI versions URL (CDRs are read, or Sessions when the server publishes no CDRs), a cdrs or sessions endpoint URL, or a local JSON file of CDRs or Sessions (an array or an OCPI envelope, optionally gzip). Type or paste a URL, or choose a file with the … button.</source>
      <translation>Een OCPI-versions-URL (CDR's worden gelezen, of Sessions als de server geen CDR's publiceert), een cdrs- of sessions-endpoint-URL, of een lokaal JSON-bestand met CDR's of Sessions (een array of een OCPI-envelop, eventueel gzip). Typ of plak een URL, of kies een bestand met de knop ….</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>An OCPI versions URL, a version-details URL, a locations endpoint URL, or the path or URL of an OCPI locations dump (a JSON array of Locations or an OCPI envelope, optionally gzip, like NDW's charging_point_locations_ocpi.json.gz). Type or paste a URL, or choose a file with the … button.</source>
      <translation>Een OCPI-versions-URL, een version-details-URL, een locations-endpoint-URL, of het pad of de URL van een OCPI-locatiedump (een JSON-array van Locations of een OCPI-envelop, eventueel gzip, zoals NDW's charging_point_locations_ocpi.json.gz). Typ of plak een URL, of kies een bestand met de knop ….</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>An existing review file is only replaced when this is set AND it holds no events yet.</source>
      <translation>Een bestaand validatiebestand wordt alleen vervangen als dit is aangevinkt EN het nog geen gebeurtenissen bevat.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/plugin.py" />
      <source>Another Processing provider with the id 'evplanner' is already registered.</source>
      <translation>Er is al een andere Processing-provider met de id 'evplanner' geregistreerd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Append the new sites to this review</source>
      <translation>Nieuwe locaties toevoegen aan deze review</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Approve</source>
      <translation>Goedkeuren</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/review_locations.qml" />
      <source>Approved</source>
      <translation>Goedgekeurd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Area</source>
      <translation>Gebied</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Area (polygons)</source>
      <translation>Gebied (polygonen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Area identifier field</source>
      <translation>Veld met gebieds-id</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Area name field</source>
      <translation>Veld met gebiedsnaam</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <source>Area to load charge points for.</source>
      <translation>Gebied waarvoor laadpunten worden geladen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadosm.py" />
      <source>Area to load charging stations for.</source>
      <translation>Gebied waarvoor laadstations worden geladen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Area {area} contains no target; not distributed: {amounts}.</source>
      <translation>Gebied {area} bevat geen doelobject; niet verdeeld: {amounts}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Areas (polygons)</source>
      <translation>Gebieden (polygonen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Areas with statistics (polygons)</source>
      <translation>Gebieden met statistieken (polygonen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Areas without targets</source>
      <translation>Gebieden zonder doelobjecten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>At least one factor needs a weight above 0.</source>
      <translation>Minstens één factor heeft een gewicht boven 0 nodig.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>At most this much (%) better is possible</source>
      <translation>Hooguit zoveel (%) beter is mogelijk</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Attach a photo</source>
      <translation>Een foto toevoegen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Attach photo…</source>
      <translation>Foto toevoegen…</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Authentication</source>
      <translation>Authenticatie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/credentials.py" />
      <source>Authentication configuration</source>
      <translation>Authenticatieconfiguratie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Awaiting</source>
      <translation>Wacht op</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Background layers of the map</source>
      <translation>Achtergrondlagen van de kaart</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <source>Base URL of the Open Charge Map API (a mirror or a test server).</source>
      <translation>Basis-URL van de Open Charge Map-API (een mirror of een testserver).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/coverage_cells.qml" />
      <source>Below the household threshold, no charge point</source>
      <translation>Onder de drempel voor huishoudens, geen laadpunt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Busy above occupancy (%)</source>
      <translation>Druk boven bezetting (%)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Busy points</source>
      <translation>Drukke punten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>CHARGE_POINTS has no field {field}: each feature counts as one point.</source>
      <translation>CHARGE_POINTS heeft geen veld {field}: elk object telt als één laadpunt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/selection.py" />
      <source>COUNT must be a whole number of at least 1.</source>
      <translation>COUNT moet een geheel getal van minstens 1 zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/chargepoint_layer.py" />
      <source>CRS of a new output layer (default EPSG:4326). A refreshed GeoPackage layer keeps its own CRS.</source>
      <translation>CRS van een nieuwe uitvoerlaag (standaard EPSG:4326). Een ververste GeoPackage-laag houdt haar eigen CRS.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>CRS of the x and y columns</source>
      <translation>CRS van de kolommen x en y</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>CSV files (*.csv *.txt)</source>
      <translation>CSV-bestanden (*.csv *.txt)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>CSV with observed_at (ISO 8601 with offset), location_id, status; gives availability_pct.</source>
      <translation>CSV met observed_at (ISO 8601 met tijdzoneverschil), location_id, status; levert availability_pct.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Canceled: nothing was written.</source>
      <translation>Geannuleerd: er is niets weggeschreven.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/gpkg_refresh.py" />
      <source>Canceled: the layer was left as it was.</source>
      <translation>Geannuleerd: de laag is ongewijzigd gelaten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Cancellation reason</source>
      <translation>Reden van annulering</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>Cancellation reasons</source>
      <translation>Redenen van annulering</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>Cancellations</source>
      <translation>Annuleringen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/review_locations.qml" />
      <source>Cancelled</source>
      <translation>Vervallen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Candidate locations</source>
      <translation>Kandidaatlocaties</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Candidate points with candidate_id and method.</source>
      <translation>Kandidaatpunten met candidate_id en method.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Candidate sites for new points</source>
      <translation>Kandidaatlocaties voor nieuwe punten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Candidates</source>
      <translation>Kandidaten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Candidates at most this far from an existing charge point are removed.</source>
      <translation>Kandidaten op hoogstens deze afstand van een bestaand laadpunt worden verwijderd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Candidates closer than this to an exclusion point or line are removed.</source>
      <translation>Kandidaten die dichter dan deze afstand bij een uitsluitingspunt of -lijn liggen, worden verwijderd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Candidates scored</source>
      <translation>Aantal gescoorde kandidaten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Candidates with f_demand, f_gap, f_poi, f_usage, score (0-100), rank and explain.</source>
      <translation>Kandidaten met f_demand, f_gap, f_poi, f_usage, score (0-100), rank en explain.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/gpkg_refresh.py" />
      <source>Cannot add the field {field}.</source>
      <translation>Kan het veld {field} niet toevoegen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>Cannot connect to the review database {target}: {error}</source>
      <translation>Kan geen verbinding maken met de reviewdatabase {target}: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>Cannot create the role {role} for the review {schema}: {error}. Ask your database administrator to create the roles {roles} (NOLOGIN) first, or to grant you CREATEROLE.</source>
      <translation>Kan de rol {role} voor de review {schema} niet aanmaken: {error}. Vraag uw databasebeheerder eerst de rollen {roles} (NOLOGIN) aan te maken, of u CREATEROLE te geven.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/pg_target.py" />
      <source>Cannot read the PostgreSQL target near {text!r}: write key=value pairs such as service=NAME schema=NAME.</source>
      <translation>Kan het PostgreSQL-doel niet lezen bij {text!r}: schrijf paren sleutel=waarde zoals service=NAAM schema=NAAM.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/sessions.py" />
      <source>Cannot read the sessions file {path}: {error}</source>
      <translation>Het sessiebestand {path} kan niet worden gelezen: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/occupancy.py" />
      <source>Cannot read the status history {path}: {error}</source>
      <translation>De statusgeschiedenis {path} kan niet worden gelezen: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/csvfile.py" />
      <source>Cannot read {path}: {reason}.</source>
      <translation>{path} kan niet worden gelezen: {reason}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/gpkg_refresh.py" />
      <source>Cannot start a transaction on {path}.</source>
      <translation>Kan geen transactie starten op {path}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>Cannot use the review file {file}: {error}.</source>
      <translation>Het validatiebestand {file} kan niet worden gebruikt: {error}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/documents.py" />
      <source>Cannot write {file}: {error}. Is it open in Word or LibreOffice?</source>
      <translation>Kan {file} niet schrijven: {error}. Is het geopend in Word of LibreOffice?</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Cars field</source>
      <translation>Veld met auto's</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Cars per household (only without a cars field)</source>
      <translation>Auto's per huishouden (alleen zonder veld met auto's)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Cell size (m)</source>
      <translation>Celgrootte (m)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Cells with at least the minimum households</source>
      <translation>Cellen met minstens het minimum aantal huishoudens</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Cells with households</source>
      <translation>Cellen met huishoudens</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Cells with households, charge_points, covered and white_spot.</source>
      <translation>Cellen met households, charge_points, covered en white_spot.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/review_locations.qml" />
      <source>Changes requested</source>
      <translation>Aanpassing gevraagd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Charge point usage (occupancy_mean)</source>
      <translation>Gebruik van laadpunten (occupancy_mean)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Charge points</source>
      <translation>Laadpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>Charge points (OCPI)</source>
      <translation>Laadpunten (OCPI)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <source>Charge points (Open Charge Map)</source>
      <translation>Laadpunten (Open Charge Map)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadosm.py" />
      <source>Charge points (OpenStreetMap)</source>
      <translation>Laadpunten (OpenStreetMap)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Charge points (common schema)</source>
      <translation>Laadpunten (gemeenschappelijk schema)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Charge points in the common schema (e.g. from Load charge points (OCPI)); matched on the location id field with the location ids of the other inputs; evse_count is used when present.</source>
      <translation>Laadpunten in het gemeenschappelijke schema (bijv. uit Laadpunten laden (OCPI)); gekoppeld via het veld met locatie-id aan de locatie-id's van de andere invoer; evse_count wordt gebruikt als het er is.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Charge points per location field</source>
      <translation>Veld met laadpunten per locatie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Charge points still to be placed</source>
      <translation>Nog te plaatsen laadpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Charge points with an occupancy_mean field in % (output of usagekpis): busy points raise the score of candidates near them ('paal volgt paal').</source>
      <translation>Laadpunten met een veld occupancy_mean in % (uitvoer van usagekpis): drukke laadpunten verhogen de score van kandidaten in de buurt ('paal volgt paal').</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Charge points with operator, evse_count and max_power_kw; availability_pct (from Usage KPIs) and price_kwh (from Load charge points (OCPI) with tariffs) are used when present.</source>
      <translation>Laadpunten met operator, evse_count en max_power_kw; availability_pct (uit Gebruiks-KPI's) en price_kwh (uit Laadpunten laden (OCPI) met tarieven) worden gebruikt als ze aanwezig zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/mergechargepoints.py" />
      <source>Charge-point layers</source>
      <translation>Laadpuntlagen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>Charging sessions</source>
      <translation>Laadsessies</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Charging sessions: the output of Load charging sessions (OCPI) or a CSV with the columns session_id, location_id, evse_uid, start, end, kwh, charging_hours, parking_hours, cost (location_id, start and end required).</source>
      <translation>Laadsessies: de uitvoer van Laadsessies laden (OCPI) of een CSV met de kolommen session_id, location_id, evse_uid, start, end, kwh, charging_hours, parking_hours, cost (location_id, start en end verplicht).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>Check review locations against constraints</source>
      <translation>Te beoordelen locaties toetsen aan belemmeringen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Choose at least one field of AREAS to distribute (FIELDS).</source>
      <translation>Kies minstens één veld van AREAS om te verdelen (FIELDS).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Choose your department first.</source>
      <translation>Kies eerst uw afdeling.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>Columns location_id, at, actor, department, action, reason, comment (optional: installer); comma, semicolon or tab separated, UTF-8 or Windows-1252.</source>
      <translation>Kolommen location_id, at, actor, department, action, reason, comment (optioneel: installer); gescheiden door komma, puntkomma of tab, UTF-8 of Windows-1252.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>Comma-separated subset of the departments whose approval is not required.</source>
      <translation>Kommagescheiden deel van de afdelingen waarvan goedkeuring niet vereist is.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Comment</source>
      <translation>Opmerking</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>Conflict distance</source>
      <translation>Conflictafstand</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>Conflicts within {distance} m: {conflicts}</source>
      <translation>Conflicten binnen {distance} m: {conflicts}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>Constraint layers</source>
      <translation>Lagen met belemmeringen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>Copied {locations} locations, {events} events, {requests} requests and {attachments} attachments; the copy replays to the same statuses.</source>
      <translation>{locations} locaties, {events} gebeurtenissen, {requests} aanvragen en {attachments} bijlagen gekopieerd; de kopie komt bij opnieuw afspelen op dezelfde statussen uit.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>Copy (GeoPackage or PostgreSQL)</source>
      <translation>Kopie (GeoPackage of PostgreSQL)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>Copy review with its history</source>
      <translation>Review kopiëren met geschiedenis</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>Copying the review {source} to {target}.</source>
      <translation>De review {source} wordt gekopieerd naar {target}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/provider.py" />
      <source>Could not load an algorithm module: {failure}</source>
      <translation>Een algoritmemodule kon niet worden geladen: {failure}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/begun_outputs.py" />
      <source>Could not remove the incomplete output {path}: {error}</source>
      <translation>Kon de onvolledige uitvoer {path} niet verwijderen: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/sinks.py" />
      <source>Could not write the output: {error}</source>
      <translation>De uitvoer kon niet worden geschreven: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Coverage cells</source>
      <translation>Dekkingscellen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Coverage check (white spots)</source>
      <translation>Dekkingscontrole (witte vlekken)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/coverage_cells.qml" />
      <source>Covered: charge point in the cell</source>
      <translation>Gedekt: laadpunt in de cel</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>Create review GeoPackage</source>
      <translation>Validatie-GeoPackage maken</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/merge.py" />
      <source>DISTANCE must be zero or a positive number of metres.</source>
      <translation>DISTANCE moet nul of een positief aantal meters zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_target.py" />
      <source>Database authentication configuration</source>
      <translation>Authenticatieconfiguratie van de database</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>Database authentication of the review to copy</source>
      <translation>Database-authenticatie van de te kopiëren review</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Deciding needs the role of a department: {roles}</source>
      <translation>Besluiten vereist de rol van een afdeling: {roles}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Decision of my department</source>
      <translation>Besluit van mijn afdeling</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>Decision {department}</source>
      <translation>Beslissing {department}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>Decisions (green approved, red rejected, orange changes requested)</source>
      <translation>Beslissingen (groen goedgekeurd, rood afgewezen, oranje wijzigingen gevraagd)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>Decisions per actor</source>
      <translation>Beslissingen per actor</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>Decisions per department</source>
      <translation>Beslissingen per afdeling</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/review_locations.qml" />
      <source>Delivered</source>
      <translation>Opgeleverd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Demand (household points or polygons)</source>
      <translation>Vraag (punten of polygonen met huishoudens)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Demand (points or buildings)</source>
      <translation>Vraag (punten of gebouwen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Demand covered by existing points</source>
      <translation>Vraag gedekt door bestaande punten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Demand covered by existing points (%)</source>
      <translation>Vraag gedekt door bestaande punten (%)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Demand covered with the selection</source>
      <translation>Vraag gedekt met de selectie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Demand covered with the selection (%)</source>
      <translation>Vraag gedekt met de selectie (%)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Demand covered: {before:,.1f} of {total:,.1f} ({before_pct:.1f}%) by existing points, {after:,.1f} ({after_pct:.1f}%) with the {n} new locations.</source>
      <translation>Gedekte vraag: {before:,.1f} van {total:,.1f} ({before_pct:.1f}%) door bestaande punten, {after:,.1f} ({after_pct:.1f}%) met de {n} nieuwe locaties.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Demand points</source>
      <translation>Vraagpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Demand weight field</source>
      <translation>Veld met vraaggewicht</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Demand with a charge point within this distance counts as served (250 m).</source>
      <translation>Vraag met een laadpunt binnen deze afstand telt als bediend (250 m).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Demand within the walking distance of an existing point is already covered.</source>
      <translation>Vraag binnen de loopafstand van een bestaand punt is al gedekt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Demand, points of interest and usage count within this distance (default 250 m).</source>
      <translation>Vraag, points of interest en gebruik tellen mee binnen deze afstand (standaard 250 m).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>Department names must be distinct (also after removing spaces and case).</source>
      <translation>Afdelingsnamen moeten verschillend zijn (ook zonder spaties en hoofdletters).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>Departments (comma-separated)</source>
      <translation>Afdelingen (kommagescheiden)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Distance between neighbouring candidates, in metres.</source>
      <translation>Afstand tussen naburige kandidaten, in meters.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Distance measured</source>
      <translation>Gemeten afstand</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Distances are measured in a straight line.</source>
      <translation>Afstanden worden hemelsbreed gemeten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/parameters.py" />
      <source>Distances are measured in this projected CRS. Default: the project CRS if metric, else RD New (EPSG:28992) in the Netherlands, Belgian Lambert 72 (EPSG:31370) in Belgium.</source>
      <translation>Afstanden worden in dit geprojecteerde CRS gemeten. Standaard: het project-CRS als dat metrisch is, anders RD New (EPSG:28992) in Nederland en Belgian Lambert 72 (EPSG:31370) in België.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Distances are measured walking along {layer}: {segments:,} segments, {nodes:,} junctions and ends, {components:,} connected pieces; points join it at most {access:,.0f} m away.</source>
      <translation>Afstanden worden lopend gemeten over {layer}: {segments:,} segmenten, {nodes:,} kruisingen en uiteinden, {components:,} samenhangende delen; punten sluiten aan op hooguit {access:,.0f} m afstand.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>Distances measured in {crs} ({name}).</source>
      <translation>Afstanden gemeten in {crs} ({name}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Distribute demand over addresses</source>
      <translation>Vraag over adressen verdelen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Document template (.docx)</source>
      <translation>Documentsjabloon (.docx)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Documents written</source>
      <translation>Weggeschreven documenten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <source>Downloading {url} failed: {error_type}.</source>
      <translation>Downloaden van {url} is mislukt: {error_type}.</translation>
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
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>EV Planner review</source>
      <translation>EV Planner-validatie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/provider.py" />
      <source>EV Planner: charge point planning</source>
      <translation>EV Planner: planning van laadpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>EVs in the target year</source>
      <translation>EV's in het doeljaar</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>EVs per public charge point</source>
      <translation>EV's per publiek laadpunt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>End of the period of the sessions; default: the last session end.</source>
      <translation>Einde van de periode van de sessies; standaard: het einde van de laatste sessie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Enter your name first: every event records who made it.</source>
      <translation>Vul eerst uw naam in: elke gebeurtenis legt vast wie haar heeft gemaakt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/credentials.py" />
      <source>Environment variable holding the token</source>
      <translation>Omgevingsvariabele met het token</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Evaluate residents' requests</source>
      <translation>Aanvragen van bewoners beoordelen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Evaluated requests</source>
      <translation>Beoordeelde aanvragen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>Events (CSV)</source>
      <translation>Gebeurtenissen (CSV)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>Events copied</source>
      <translation>Gekopieerde gebeurtenissen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>Events imported</source>
      <translation>Geïmporteerde gebeurtenissen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>Every location needs a location_id.</source>
      <translation>Elke locatie heeft een location_id nodig.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>Examples: {ids}</source>
      <translation>Voorbeelden: {ids}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Exclusion distance around points and lines (m)</source>
      <translation>Uitsluitingsafstand rond punten en lijnen (m)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Exclusion layers</source>
      <translation>Uitsluitingslagen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Existing (and, for a scenario, planned) public charge points.</source>
      <translation>Bestaande (en, voor een scenario, geplande) publieke laadpunten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Existing charge points</source>
      <translation>Bestaande laadpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Existing charge points in the areas</source>
      <translation>Bestaande laadpunten in de gebieden</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Existing charge points; candidates near them are removed.</source>
      <translation>Bestaande laadpunten; kandidaten in de buurt ervan worden verwijderd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/evaluated_requests.qml" />
      <source>Existing point within the radius</source>
      <translation>Bestaand punt binnen de straal</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Existing public charge points</source>
      <translation>Bestaande publieke laadpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Existing public charge points (locations), counted per area.</source>
      <translation>Bestaande publieke laadpunten (locaties), geteld per gebied.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Existing public charge points; without them the gap factor weighs 0 (reported).</source>
      <translation>Bestaande publieke laadpunten; zonder deze weegt de factor gap 0 (wordt gemeld).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/candidates.py" />
      <source>Expected lines, got a {geom_type}.</source>
      <translation>Lijnen verwacht, maar een {geom_type} gekregen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/candidates.py" />
      <source>Expected polygons, got a {geom_type}.</source>
      <translation>Polygonen verwacht, maar een {geom_type} gekregen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Export traffic decrees</source>
      <translation>Verkeersbesluiten exporteren</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <location filename="../../../ev_planner/processing/algorithms/loadosm.py" />
      <source>Extent</source>
      <translation>Bereik</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/extent.py" />
      <source>Extent in WGS84: west {west:.6f}, south {south:.6f}, east {east:.6f}, north {north:.6f}.</source>
      <translation>Gebied in WGS84: west {west:.6f}, zuid {south:.6f}, oost {east:.6f}, noord {north:.6f}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>Feature {fid} has an empty {field}.</source>
      <translation>Object {fid} heeft een leeg veld {field}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Fewest sites any proposal needs</source>
      <translation>Minimum aantal locaties dat elk voorstel nodig heeft</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Field with the OCPI location id (default source_id of the common schema).</source>
      <translation>Veld met de OCPI-locatie-id (standaard source_id van het gemeenschappelijke schema).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Fields to distribute</source>
      <translation>Te verdelen velden</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/documents.py" />
      <source>Filling the template {file} would give a damaged document {document} (part {part}: {error}); it was not written.</source>
      <translation>Het invullen van het sjabloon {file} zou een beschadigd document {document} opleveren (onderdeel {part}: {error}); het is niet geschreven.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Flemish charge-point equivalents</source>
      <translation>Vlaamse laadpuntequivalenten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>For a PostgreSQL review to copy: the QGIS authentication configuration to log in with. Any role of the review may copy it (reading is enough).</source>
      <translation>Voor een te kopiëren PostgreSQL-review: de QGIS-authenticatieconfiguratie waarmee wordt ingelogd. Elke rol van de review mag haar kopiëren (lezen is genoeg).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_target.py" />
      <source>For a PostgreSQL review: the QGIS authentication configuration (Basic: user name and password) to log in with. Without it, pg_service.conf, .pgpass or the saved connection apply.</source>
      <translation>Voor een PostgreSQL-review: de QGIS-authenticatieconfiguratie (Basic: gebruikersnaam en wachtwoord) waarmee wordt ingelogd. Zonder deze gelden pg_service.conf, .pgpass of de opgeslagen verbinding.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>For a table with x and y columns, e.g. EPSG:28992 for RD coordinates.</source>
      <translation>Voor een tabel met kolommen x en y, bijvoorbeeld EPSG:28992 voor RD-coördinaten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/credentials.py" />
      <source>For batch runs: the name of an environment variable whose value is the OCPI token, e.g. EVP_OCPI_TOKEN. The token then appears on no command line and in no log. Used when Token is empty; wins over Authentication configuration.</source>
      <translation>Voor batchruns: de naam van een omgevingsvariabele waarvan de waarde het OCPI-token is, bijv. EVP_OCPI_TOKEN. Het token staat dan op geen opdrachtregel en in geen log. Wordt gebruikt als Token leeg is; gaat voor Authenticatieconfiguratie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Forecast charge-point demand per area</source>
      <translation>Laadpuntbehoefte per gebied voorspellen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Forecast per area</source>
      <translation>Prognose per gebied</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Fraction of EVs without a private place to charge (no driveway).</source>
      <translation>Fractie EV's zonder eigen laadplek (geen oprit).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Fraction of passenger cars that are electric in the target year (0.2 = 20%).</source>
      <translation>Fractie van de personenauto's die in het doeljaar elektrisch is (0.2 = 20%).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>From</source>
      <translation>Van</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Full address field</source>
      <translation>Veld met het volledige adres</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Generate candidate locations</source>
      <translation>Kandidaatlocaties genereren</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <location filename="../../../ev_planner/processing/review_target.py" />
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>Give an OCPI URL or a file of CDRs or Sessions (SOURCE).</source>
      <translation>Geef een OCPI-URL of een bestand met CDR's of Sessions op (SOURCE).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <source>Give an OCPI source: a versions/locations URL or an OCPI dump (file or URL).</source>
      <translation>Geef een OCPI-bron: een versions/locations-URL of een OCPI-dump (bestand of URL).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <source>Give an extent: Open Charge Map is queried by area.</source>
      <translation>Geef een bereik op: Open Charge Map wordt per gebied bevraagd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadosm.py" />
      <source>Give an extent: OpenStreetMap is queried by area.</source>
      <translation>Geef een bereik op: OpenStreetMap wordt per gebied bevraagd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/mergechargepoints.py" />
      <source>Give at least one charge-point layer.</source>
      <translation>Geef ten minste één laadpuntlaag op.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>Give at least one constraint layer.</source>
      <translation>Geef minstens één laag met belemmeringen op.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Give at least one of SESSIONS, OCCUPANCY or STATUS_HISTORY.</source>
      <translation>Geef ten minste een van SESSIONS, OCCUPANCY of STATUS_HISTORY op.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Give figures per area (e.g. per district) named by this field instead of for all areas together.</source>
      <translation>Cijfers per gebied (bijv. per wijk), benoemd naar dit veld, in plaats van voor alle gebieden samen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Give whole shares whose sum per area equals the area's value rounded.</source>
      <translation>Levert gehele aandelen op waarvan de som per gebied gelijk is aan de afgeronde waarde van het gebied.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/reviewkpis.py" />
      <source>HTML files (*.html)</source>
      <translation>HTML-bestanden (*.html)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>HTTP {status}</source>
      <translation>HTTP {status}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>HTTP {status} {reason}</source>
      <translation>HTTP {status} {reason}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Half the width of the map around each location, in metres.</source>
      <translation>De halve breedte van de kaart rond elke locatie, in meter.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Herfindahl-Hirschman index (all charge points considered)</source>
      <translation>Herfindahl-Hirschman-index (alle laadpunten meegerekend)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>HiGHS MILP bound</source>
      <translation>MILP-grens van HiGHS</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Households field</source>
      <translation>Veld met huishoudens</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Households in total</source>
      <translation>Huishoudens in totaal</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Households per area (CBS: huishoudens); estimates cars when the cars field is not set.</source>
      <translation>Huishoudens per gebied (CBS: huishoudens); hiermee wordt het aantal auto's geschat als het veld met auto's niet is ingesteld.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Households per feature; without it every point counts as one household. Required for polygons.</source>
      <translation>Huishoudens per object; zonder dit veld telt elk punt als één huishouden. Verplicht voor polygonen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Households with a charge point within the radius</source>
      <translation>Huishoudens met een laadpunt binnen de straal</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>How many new sites to choose (fewer when no other site adds coverage).</source>
      <translation>Hoeveel nieuwe locaties er worden gekozen (minder als geen andere locatie nog dekking toevoegt).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>How many publicly charging EVs one public charge point (EVSE) serves.</source>
      <translation>Hoeveel publiek ladende EV's één publiek laadpunt (EVSE) bedient.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>IANA time zone in which spreadsheet times without a UTC offset were written.</source>
      <translation>IANA-tijdzone waarin de tijden zonder UTC-offset in de spreadsheet zijn vastgelegd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>Ignoring an unusable Link header ({url}); paging by offset.</source>
      <translation>Onbruikbare Link-header genegeerd ({url}); verder pagineren met offset.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Images (*.jpg *.jpeg *.png *.heic *.tif);;All files (*)</source>
      <translation>Afbeeldingen (*.jpg *.jpeg *.png *.heic *.tif);;Alle bestanden (*)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>Import review events (CSV)</source>
      <translation>Validatiegebeurtenissen importeren (CSV)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/review_locations.qml" />
      <source>In review</source>
      <translation>In behandeling</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/review_locations.qml" />
      <source>Installed</source>
      <translation>Geplaatst</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Installer</source>
      <translation>Installateur</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Installer (install, deliver)</source>
      <translation>Installateur (installeren, opleveren)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>Installers</source>
      <translation>Installateurs</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>JSON files (*.json);;All files and folders (*)</source>
      <translation>JSON-bestanden (*.json);;Alle bestanden en mappen (*)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/reviewkpis.py" />
      <source>KPI report</source>
      <translation>KPI-rapport</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Kept {kept}: changed since EV Planner wrote it (or not written by EV Planner); the new document is {new}.</source>
      <translation>{kept} bewaard: gewijzigd sinds EV Planner het schreef (of niet door EV Planner geschreven); het nieuwe document is {new}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>LP relaxation</source>
      <translation>LP-relaxatie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Layers drawn under the locations in the map image (e.g. BGT, OSM roads).</source>
      <translation>Lagen die in de kaartafbeelding onder de locaties worden getekend (bijv. BGT, OSM-wegen).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/mergechargepoints.py" />
      <source>Layers in the common charge-point schema (outputs of the EV Planner loaders). Where source kinds are equal, earlier layers are more authoritative.</source>
      <translation>Lagen in het gemeenschappelijke laadpuntschema (uitvoer van de EV Planner-importalgoritmen). Bij gelijke soort bron zijn eerdere lagen gezaghebbender.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>Lead time per process step (days)</source>
      <translation>Doorlooptijd per processtap (dagen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Little used below occupancy (%)</source>
      <translation>Weinig gebruikt onder bezetting (%)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>Load charge points (OCPI)</source>
      <translation>Laadpunten laden (OCPI)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <source>Load charge points (Open Charge Map)</source>
      <translation>Laadpunten laden (Open Charge Map)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadosm.py" />
      <source>Load charge points (OpenStreetMap)</source>
      <translation>Laadpunten laden (OpenStreetMap)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>Load charging sessions (OCPI)</source>
      <translation>Laadsessies laden (OCPI)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Location</source>
      <translation>Locatie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Location id field</source>
      <translation>Veld met locatie-id</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Location {id} has no {field}: the document leaves it open.</source>
      <translation>Locatie {id} heeft geen {field}: het document laat dit open.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>Locations</source>
      <translation>Locaties</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Locations (CSV)</source>
      <translation>Locaties (CSV)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Locations (GeoJSON)</source>
      <translation>Locaties (GeoJSON)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>Locations checked</source>
      <translation>Gecontroleerde locaties</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>Locations copied</source>
      <translation>Gekopieerde locaties</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>Locations per status</source>
      <translation>Locaties per status</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Locations selected</source>
      <translation>Geselecteerde locaties</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>Locations to review</source>
      <translation>Te beoordelen locaties</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>Locations with conflicts</source>
      <translation>Locaties met conflicten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Locations with status</source>
      <translation>Locaties met status</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Logged in as {user}</source>
      <translation>Ingelogd als {user}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Login</source>
      <translation>Login</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>MAX_DISTANCE must be a distance above 0 m.</source>
      <translation>MAX_DISTANCE moet een afstand boven 0 m zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocm.py" />
      <source>MAX_RESULTS must be at least 1.</source>
      <translation>MAX_RESULTS moet minstens 1 zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/selection.py" />
      <source>METHOD must be one of {methods}.</source>
      <translation>METHOD moet een van {methods} zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/selection.py" />
      <source>MIN_SPACING must be a distance of 0 m or more.</source>
      <translation>MIN_SPACING moet een afstand van 0 m of meer zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Map radius</source>
      <translation>Kaartstraal</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Maximum distance from a point to the street network</source>
      <translation>Maximale afstand van een punt tot het stratennetwerk</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <source>Maximum number of results</source>
      <translation>Maximaal aantal resultaten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Maximum tariff (EUR/kWh incl. VAT)</source>
      <translation>Maximumtarief (EUR/kWh incl. btw)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>Maximum walking distance (m)</source>
      <translation>Maximale loopafstand (m)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>Median lead time (days)</source>
      <translation>Mediane doorlooptijd (dagen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/mergechargepoints.py" />
      <source>Merge charge points</source>
      <translation>Laadpunten samenvoegen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/mergechargepoints.py" />
      <source>Merge distance (m)</source>
      <translation>Samenvoegafstand (m)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/mergechargepoints.py" />
      <source>Merged charge points</source>
      <translation>Samengevoegde laadpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Method</source>
      <translation>Methode</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/parameters.py" />
      <source>Metric CRS for distances</source>
      <translation>Metrisch CRS voor afstanden</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Metric CRS of the grid; by default RD New (EPSG:28992) in the Netherlands, EPSG:31370 in Belgium.</source>
      <translation>Metrisch CRS van het grid; standaard RD New (EPSG:28992) in Nederland, EPSG:31370 in België.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Minimum availability (%)</source>
      <translation>Minimale beschikbaarheid (%)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Minimum distance to existing charge points (m)</source>
      <translation>Minimale afstand tot bestaande laadpunten (m)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Minimum households for a cell to need a charge point</source>
      <translation>Minimum aantal huishoudens waarbij een cel een laadpunt nodig heeft</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Minimum power (kW)</source>
      <translation>Minimaal vermogen (kW)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Minimum spacing between new locations (m)</source>
      <translation>Minimale afstand tussen nieuwe locaties (m)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Most candidates to generate</source>
      <translation>Grootste aantal kandidaten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Municipality</source>
      <translation>Gemeente</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Municipality (area)</source>
      <translation>Gemeente (gebied)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>NAL rule: cells with at least 125 households need a charge point.</source>
      <translation>NAL-regel: cellen met minstens 125 huishoudens hebben een laadpunt nodig.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Name of the municipality in the documents ({{gemeente}}).</source>
      <translation>Naam van de gemeente in de documenten ({{gemeente}}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>Name written as the actor of the check events.</source>
      <translation>Naam die als actor van de controlegebeurtenissen wordt vastgelegd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/evaluated_requests.qml" />
      <source>Needs a new location</source>
      <translation>Nieuwe locatie nodig</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>New sites proposed</source>
      <translation>Voorgestelde nieuwe locaties</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <source>No API key: Open Charge Map may refuse the request.</source>
      <translation>Geen API-sleutel: Open Charge Map kan het verzoek weigeren.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>No conflicts within {distance} m of {layers}.</source>
      <translation>Geen conflicten binnen {distance} m van {layers}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/forecast_areas.qml" />
      <source>No gap</source>
      <translation>Geen tekort</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>No installation recorded yet.</source>
      <translation>Nog geen installatie vastgelegd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>No location has status {status}: no documents written.</source>
      <translation>Geen enkele locatie heeft status {status}: er zijn geen documenten weggeschreven.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>No location was cancelled.</source>
      <translation>Er is geen locatie geannuleerd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>No location_id or candidate_id field: location ids are generated.</source>
      <translation>Geen veld location_id of candidate_id: locatie-id's worden gegenereerd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>No point reaches a target within {limit:,.0f} m walking.</source>
      <translation>Geen enkel punt bereikt een doel binnen {limit:,.0f} m lopen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>No selection can cover more than {bound:,.1f} ({bound_pct:.1f}%; {source}): the optimum is at most {gap:.2f}% better.</source>
      <translation>Geen enkele selectie kan meer dekken dan {bound:,.1f} ({bound_pct:.1f}%; {source}): het optimum is hooguit {gap:.2f}% beter.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/events.py" />
      <source>No time zone database is available to read times in {zone}; install the Python package tzdata.</source>
      <translation>Er is geen tijdzonedatabase beschikbaar om tijden in {zone} te lezen; installeer het Python-pakket tzdata.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>No two chosen sites are closer than this; 0: no constraint.</source>
      <translation>Geen twee gekozen locaties liggen dichter bij elkaar dan deze afstand; 0: geen beperking.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>None of the weighted factors has its input: give the layers for {factors} or weigh the demand factor.</source>
      <translation>Voor geen van de gewogen factoren is de invoer gegeven: geef de lagen voor {factors} of geef de vraagfactor een gewicht.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/occupancy.py" />
      <source>None of the {count} occupancy file(s) could be read as {{date, tz, locations}} snapshots.</source>
      <translation>Geen van de {count} bezettingsbestand(en) kon worden gelezen als momentopname met {{date, tz, locations}}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/events.py" />
      <source>Not a timestamp: {raw!r} (use ISO 8601, e.g. 2026-05-01T09:30:00+02:00).</source>
      <translation>Geen tijdstip: {raw!r} (gebruik ISO 8601, bijv. 2026-05-01T09:30:00+02:00).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/evaluated_requests.qml" />
      <source>Not assessable</source>
      <translation>Niet te beoordelen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Not checked: {clause} ({why}).</source>
      <translation>Niet gecontroleerd: {clause} ({why}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Not computed ({reason}): {fields}.</source>
      <translation>Niet berekend ({reason}): {fields}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Not enough memory for this input. Use a smaller extent or fewer features.</source>
      <translation>Onvoldoende geheugen voor deze invoer. Gebruik een kleiner gebied of minder objecten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Number of candidates</source>
      <translation>Aantal kandidaten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Number of charge points (EVSEs) per feature; when the layer lacks it, each feature counts 1.</source>
      <translation>Aantal laadpunten (EVSE's) per object; als de laag dit veld niet heeft, telt elk object als 1.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Number of new locations</source>
      <translation>Aantal nieuwe locaties</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Number of operators</source>
      <translation>Aantal exploitanten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>OCPI JSON (*.json *.json.gz *.gz)</source>
      <translation>OCPI-JSON (*.json *.json.gz *.gz)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>OCPI source (URL or dump file)</source>
      <translation>OCPI-bron (URL of dumpbestand)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>OCPI source (URL or file)</source>
      <translation>OCPI-bron (URL of bestand)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/credentials.py" />
      <source>OCPI token (credentials token C) of the server. Prefer an authentication configuration: a token typed here can end up in the processing history.</source>
      <translation>OCPI-token (credentials token C) van de server. Gebruik bij voorkeur een authenticatieconfiguratie: een hier ingevoerd token kan in de Processing-geschiedenis terechtkomen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>OCPI version {version} chosen from {count} offered.</source>
      <translation>OCPI-versie {version} gekozen uit {count} aangeboden.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>OCPI version {version}.</source>
      <translation>OCPI-versie {version}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Occupancy</source>
      <translation>Bezetting</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Occupancy snapshots (file or folder)</source>
      <translation>Bezettingsmomentopnames (bestand of map)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Occupancy: {hours} sampled hours from {files} file(s), local hours in {tz}.</source>
      <translation>Bezetting: {hours} gemeten uren uit {files} bestand(en), lokale uren in {tz}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>One feature per request with its outcome, reason and walking distances.</source>
      <translation>Eén object per aanvraag met uitkomst, reden en loopafstanden.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>One or more numeric fields of the areas with statistics, e.g. households and cars.</source>
      <translation>Een of meer numerieke velden van de gebieden met statistieken, bijv. huishoudens en auto's.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/mergechargepoints.py" />
      <source>One point per physical location, in the CRS of the first layer, with all contributing sources.</source>
      <translation>Eén punt per fysieke locatie, in het CRS van de eerste laag, met alle bijdragende bronnen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/reviewkpis.py" />
      <source>One row per step, department, actor, status, cancellation reason and installer with counts and median/mean/p90 lead times in days.</source>
      <translation>Eén rij per stap, afdeling, actor, status, annuleringsreden en installateur, met aantallen en mediane/gemiddelde/p90-doorlooptijden in dagen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Only charge points inside these polygons count (default: all).</source>
      <translation>Alleen laadpunten binnen deze polygonen tellen mee (standaard: alle).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>Only locations inside this extent are kept. Empty: all locations.</source>
      <translation>Alleen locaties binnen dit bereik worden behouden. Leeg: alle locaties.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Only locations with this status get a document (default approved).</source>
      <translation>Alleen locaties met deze status krijgen een document (standaard approved).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>Only sessions starting at or after this moment (also sent to the server as date_from).</source>
      <translation>Alleen sessies die op of na dit moment beginnen (ook als date_from naar de server verstuurd).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>Only sessions starting before this moment (also sent as date_to).</source>
      <translation>Alleen sessies die vóór dit moment beginnen (ook als date_to verstuurd).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Only those awaiting my department</source>
      <translation>Alleen wat op mijn afdeling wacht</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Only {n} of {count} locations add coverage: no other candidate covers more demand.</source>
      <translation>Slechts {n} van {count} locaties voegen dekking toe: geen andere kandidaat dekt meer vraag.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Open</source>
      <translation>Openen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocm.py" />
      <source>Open Charge Map ({url}) did not return a list of charge points.</source>
      <translation>Open Charge Map ({url}) gaf geen lijst met laadpunten terug.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocm.py" />
      <source>Open Charge Map ({url}) did not return a list of charge points: {message}</source>
      <translation>Open Charge Map ({url}) gaf geen lijst met laadpunten terug: {message}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocm.py" />
      <source>Open Charge Map returned the maximum of {count} results: there may be more. Raise MAX_RESULTS or use a smaller extent.</source>
      <translation>Open Charge Map gaf het maximum van {count} resultaten: er kunnen er meer zijn. Verhoog MAX_RESULTS of kies een kleiner bereik.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Open a review GeoPackage first.</source>
      <translation>Open eerst een validatie-GeoPackage.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Opened {file} as {user}.</source>
      <translation>{file} geopend als {user}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Opened {file}.</source>
      <translation>{file} geopend.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Operator performance</source>
      <translation>Prestaties exploitanten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Operator performance and market concentration</source>
      <translation>Prestaties exploitanten en marktconcentratie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>Operators not compliant</source>
      <translation>Exploitanten die niet voldoen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Optional field of the areas (e.g. wijkcode) copied to each target as area_id and used in messages.</source>
      <translation>Optioneel veld van de gebieden (bijv. wijkcode) dat naar elk doelobject wordt gekopieerd als area_id en in meldingen wordt gebruikt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Optional numeric field of the targets (e.g. dwellings); without it every target weighs 1.</source>
      <translation>Optioneel numeriek veld van de doelobjecten (bijv. woningen); zonder dit veld weegt elk doelobject 1.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Optional photo of this step, e.g. the street at delivery</source>
      <translation>Optionele foto van deze stap, bijv. de straat bij oplevering</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/chargepoint_layer.py" />
      <source>Output CRS</source>
      <translation>Uitvoer-CRS</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Output folder</source>
      <translation>Uitvoermap</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/charge_points.qml" />
      <source>Over 150 kW (high-power DC)</source>
      <translation>Meer dan 150 kW (snel, hoog vermogen DC)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Overlapping sessions on one EVSE</source>
      <translation>Overlappende sessies op één EVSE</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadosm.py" />
      <source>Overpass API URL</source>
      <translation>URL van de Overpass-API</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadosm.py" />
      <source>Overpass interpreter URL, e.g. your organisation's own Overpass server.</source>
      <translation>URL van de Overpass-interpreter, bijv. de eigen Overpass-server van je organisatie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Passenger cars per area (CBS: personenautos). Needed unless the households field is set.</source>
      <translation>Personenauto's per gebied (CBS: personenautos). Nodig tenzij het veld met huishoudens is ingesteld.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Period end</source>
      <translation>Einde van de periode</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Period start</source>
      <translation>Begin van de periode</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Photo</source>
      <translation>Foto</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/evaluated_requests.qml" />
      <source>Planned location within the radius</source>
      <translation>Geplande locatie binnen de straal</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Planned locations (review or selected sites)</source>
      <translation>Geplande locaties (review of gekozen locaties)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>Point layer in the common charge-point schema (EPSG:4326). An existing GeoPackage layer is refreshed: changed locations updated, new ones added, vanished ones marked removed_at, your own columns kept.</source>
      <translation>Puntlaag in het gemeenschappelijke laadpuntschema (EPSG:4326). Een bestaande GeoPackage-laag wordt ververst: gewijzigde locaties worden bijgewerkt, nieuwe toegevoegd, verdwenen locaties krijgen removed_at, je eigen kolommen blijven behouden.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <location filename="../../../ev_planner/processing/algorithms/loadosm.py" />
      <source>Point layer in the common charge-point schema (EPSG:4326); an existing GeoPackage layer is refreshed.</source>
      <translation>Puntlaag in het gemeenschappelijke laadpuntschema (EPSG:4326); een bestaande GeoPackage-laag wordt ververst.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>Points (e.g. addresses or requests)</source>
      <translation>Punten (bijvoorbeeld adressen of aanvragen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Points farther than this from every street are off the network: counted, reported and never covered.</source>
      <translation>Punten die verder dan dit van elke straat liggen, vallen buiten het netwerk: ze worden geteld, gemeld en nooit gedekt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Points of interest</source>
      <translation>Points of interest</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Points where a charge point could go (generatecandidates, scorecandidates).</source>
      <translation>Punten waar een laadpunt zou kunnen komen (generatecandidates, scorecandidates).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Points where a charge point could go, e.g. the output of generatecandidates.</source>
      <translation>Punten waar een laadpunt zou kunnen komen, bijv. de uitvoer van generatecandidates.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Points with advice 'add nearby'</source>
      <translation>Punten met advies 'add nearby'</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Points with advice 'consider moving'</source>
      <translation>Punten met advies 'consider moving'</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>Points with no target within this walk get NULL distances and nearest_id.</source>
      <translation>Punten zonder doel binnen deze loopafstand krijgen NULL als afstanden en nearest_id.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Points, or a table (CSV) with x and y (or lon and lat) or an address column; request_id and received_at are required.</source>
      <translation>Punten, of een tabel (CSV) met x en y (of lon en lat) of een adreskolom; request_id en received_at zijn verplicht.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Polygon demand is spread evenly over each polygon, sampled every {spacing:g} m.</source>
      <translation>Vraag uit polygonen wordt gelijkmatig over elke polygoon verdeeld, bemonsterd om de {spacing:g} m.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Polygon demand needs a households field (DEMAND_FIELD).</source>
      <translation>Vraag uit polygonen vereist een veld met huishoudens (DEMAND_FIELD).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Polygons exclude their area (buildings, water, parks); points and lines exclude the exclusion distance around them (trees, hydrants, cables).</source>
      <translation>Polygonen sluiten hun oppervlak uit (gebouwen, water, parken); punten en lijnen sluiten de uitsluitingsafstand rondom uit (bomen, brandkranen, kabels).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Polygons inside which candidates are placed, e.g. the municipal boundary.</source>
      <translation>Polygonen waarbinnen kandidaten worden geplaatst, bijv. de gemeentegrens.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Polygons with car and/or household counts, e.g. CBS wijken or buurten.</source>
      <translation>Polygonen met aantallen auto's en/of huishoudens, bijv. CBS-wijken of -buurten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Polygons with numbers to distribute, e.g. CBS wijken or buurten.</source>
      <translation>Polygonen met te verdelen aantallen, bijv. CBS-wijken of -buurten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>PostGIS does not know the coordinate reference system {crs}; reproject the locations to a metric CRS such as EPSG:28992 or EPSG:31370 first.</source>
      <translation>PostGIS kent het coördinatenstelsel {crs} niet; projecteer de locaties eerst naar een metrisch stelsel zoals EPSG:28992 of EPSG:31370.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>PostgreSQL</source>
      <translation>PostgreSQL</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Potential map</source>
      <translation>Potentieelkaart</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Process step</source>
      <translation>Processtap</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Process steps need the role {role}</source>
      <translation>Processtappen vereisen de rol {role}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/review_locations.qml" />
      <source>Proposed</source>
      <translation>Voorgesteld</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>Proposed locations (points, e.g. the selected candidates). location_id comes from the field location_id, else candidate_id, else it is generated.</source>
      <translation>Voorgestelde locaties (punten, bijv. de geselecteerde kandidaatlocaties). location_id komt uit het veld location_id, anders uit candidate_id, anders wordt het gegenereerd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Proposed sites</source>
      <translation>Voorgestelde locaties</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Proven optimal (1) or not (0)</source>
      <translation>Bewezen optimaal (1) of niet (0)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>QGIS cannot open the review {path}.</source>
      <translation>QGIS kan de review {path} niet openen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Qualifying cells covered (%)</source>
      <translation>Kwalificerende cellen gedekt (%)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Qualifying cells with a charge point</source>
      <translation>Kwalificerende cellen met een laadpunt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <location filename="../../../ev_planner/core/potential/selection.py" />
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>RADIUS must be a distance above 0 m.</source>
      <translation>RADIUS moet een afstand groter dan 0 m zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>REQUESTS line {line} ({id}): {reason}.</source>
      <translation>REQUESTS regel {line} ({id}): {reason}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>REQUESTS line {line}: request_id {id} appears on an earlier line; skipped.</source>
      <translation>REQUESTS regel {line}: request_id {id} staat al op een eerdere regel; overgeslagen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Read the decisions colleagues recorded since you opened the file</source>
      <translation>Lees de besluiten die collega's hebben vastgelegd sinds u het bestand opende</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>Read {count} {module} records (OCPI {version}).</source>
      <translation>{count} {module}-records gelezen (OCPI {version}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>Reading OCPI locations…</source>
      <translation>OCPI-locaties lezen…</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>Reading OCPI tariffs…</source>
      <translation>OCPI-tarieven lezen…</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>Reading charging sessions…</source>
      <translation>Laadsessies lezen…</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Reason (required to reject)</source>
      <translation>Reden (verplicht bij afwijzen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Receives one .docx per location, locations.geojson and locations.csv.</source>
      <translation>Krijgt één .docx per locatie, plus locations.geojson en locations.csv.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Record step</source>
      <translation>Stap vastleggen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Recorded for {location}: {action}.</source>
      <translation>Vastgelegd voor {location}: {action}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/mergechargepoints.py" />
      <source>Records of different layers closer than this, and not naming different operators, are one location.</source>
      <translation>Records uit verschillende lagen die dichter bij elkaar liggen dan deze afstand en geen verschillende exploitanten noemen, vormen één locatie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>Records skipped</source>
      <translation>Overgeslagen records</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Refresh</source>
      <translation>Vernieuwen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Reject</source>
      <translation>Afwijzen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/review_locations.qml" />
      <source>Rejected</source>
      <translation>Afgewezen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>Rejection rule</source>
      <translation>Afwijzingsregel</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Relative weight of this factor in the score; the weights are normalised to sum 1 over the factors whose layers are given. 0: the factor does not count.</source>
      <translation>Relatief gewicht van deze factor in de score; de gewichten worden genormaliseerd tot som 1 over de factoren waarvan de laag is opgegeven. 0: de factor telt niet mee.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/charge_points.qml" />
      <source>Removed (no longer at the source)</source>
      <translation>Verwijderd (niet meer bij de bron)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/begun_outputs.py" />
      <source>Removed the incomplete output {path}.</source>
      <translation>De onvolledige uitvoer {path} is verwijderd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>Replace an existing file without review events</source>
      <translation>Bestaand bestand zonder validatiegebeurtenissen vervangen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Request changes</source>
      <translation>Wijzigingen vragen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Request fields to keep in the output</source>
      <translation>Velden van de aanvragen die in de uitvoer blijven</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>Request to {url} failed: {error_type}.</source>
      <translation>Verzoek aan {url} is mislukt: {error_type}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/review_locations.qml" />
      <source>Requested at operator</source>
      <translation>Aangevraagd bij de exploitant</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Requests hold personal data (GDPR): by default the output keeps only request_id, dates, location and outcome. Name the fields you need, e.g. a case number.</source>
      <translation>Aanvragen bevatten persoonsgegevens (AVG): standaard bewaart de uitvoer alleen request_id, datums, locatie en uitkomst. Noem de velden die u nodig hebt, bijvoorbeeld een zaaknummer.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Requests outside it are not assessable.</source>
      <translation>Aanvragen daarbuiten zijn niet te beoordelen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>Requests per outcome</source>
      <translation>Aanvragen per uitkomst</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Requests: {outcome}</source>
      <translation>Aanvragen: {outcome}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Required public charge points</source>
      <translation>Benodigde publieke laadpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Residents' requests (points or a CSV table)</source>
      <translation>Aanvragen van bewoners (punten of een CSV-tabel)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>Residents’ requests</source>
      <translation>Aanvragen van bewoners</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <location filename="../../../ev_planner/processing/review_target.py" />
      <source>Review (GeoPackage or PostgreSQL)</source>
      <translation>Review (GeoPackage of PostgreSQL)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/reviewkpis.py" />
      <source>Review KPIs</source>
      <translation>Validatie-KPI's</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/reviewkpis.py" />
      <source>Review KPIs: {name}</source>
      <translation>Validatie-KPI's: {name}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Review file</source>
      <translation>Validatiebestand</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Review file and reviewer</source>
      <translation>Validatiebestand en beoordelaar</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/plugin.py" />
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Review locations</source>
      <translation>Locaties beoordelen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/reviewkpis.py" />
      <source>Review process KPIs</source>
      <translation>KPI's van het validatieproces</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>Review to copy (GeoPackage or PostgreSQL)</source>
      <translation>Te kopiëren review (GeoPackage of PostgreSQL)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>Review with {count} locations and departments {departments} written to {path}.</source>
      <translation>Validatiebestand met {count} locaties en afdelingen {departments} weggeschreven naar {path}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Review workflow</source>
      <translation>Validatieproces</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Review {file}: {added} new location(s) added, {present} already there; {requests} request(s) recorded, {known} already recorded.</source>
      <translation>Review {file}: {added} nieuwe locatie(s) toegevoegd, {present} stonden er al; {requests} aanvraag/aanvragen vastgelegd, {known} waren al vastgelegd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>Rows skipped</source>
      <translation>Overgeslagen rijen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>SESSIONS holds no usable session</source>
      <translation>SESSIONS bevat geen bruikbare sessie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/tariff_prices.py" />
      <source>SOURCE is a dump, which has no tariffs module: give TARIFF_SOURCE (a tariffs endpoint, an OCPI versions URL or a tariffs dump file).</source>
      <translation>SOURCE is een dump, die geen tariffs-module heeft: geef TARIFF_SOURCE (een tariffs-endpoint, een OCPI-versions-URL of een tariffs-dumpbestand).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/tariff_prices.py" />
      <source>SOURCE is a locations endpoint: give TARIFF_SOURCE (the tariffs endpoint or the OCPI versions URL), or use the versions URL as SOURCE.</source>
      <translation>SOURCE is een locations-endpoint: geef TARIFF_SOURCE (het tariffs-endpoint of de OCPI-versions-URL), of gebruik de versions-URL als SOURCE.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Score candidate locations</source>
      <translation>Kandidaatlocaties scoren</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Scored candidates</source>
      <translation>Gescoorde kandidaten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>Secure connection to {url} failed (TLS certificate problem). Check the address and your organisation's certificate settings.</source>
      <translation>Beveiligde verbinding met {url} is mislukt (probleem met het TLS-certificaat). Controleer het adres en de certificaatinstellingen van uw organisatie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Select a location first.</source>
      <translation>Selecteer eerst een locatie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Select optimal locations (maximal covering)</source>
      <translation>Optimale locaties selecteren (maximale dekking)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/selected_locations.qml" />
      <source>Selected location (the number is its rank)</source>
      <translation>Gekozen locatie (het nummer is de volgorde)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Selected locations</source>
      <translation>Geselecteerde locaties</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Sessions</source>
      <translation>Sessies</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Sessions (table or CSV)</source>
      <translation>Sessies (tabel of CSV)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Sessions period: {start} to {end}.</source>
      <translation>Periode van de sessies: {start} tot {end}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>Sessions written</source>
      <translation>Weggeschreven sessies</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Sessions: {count} usable.</source>
      <translation>Sessies: {count} bruikbaar.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Set CARS_FIELD, HOUSEHOLDS_FIELD or both.</source>
      <translation>Stel CARS_FIELD, HOUSEHOLDS_FIELD of beide in.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>Set its CRS (Layer Properties ▸ Source ▸ Assigned Coordinate Reference System, or Processing's 'Assign projection') and run again.</source>
      <translation>Stel het CRS in (Laageigenschappen ▸ Bron ▸ Toegewezen coördinatenreferentiesysteem, of Processing 'Projectie toewijzen') en voer opnieuw uit.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Share of EVs depending on public charging (0-1)</source>
      <translation>Aandeel EV's dat afhankelijk is van publiek laden (0-1)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Share of cars that are electric (0-1)</source>
      <translation>Aandeel elektrische auto's (0-1)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Share of households within the radius (%)</source>
      <translation>Aandeel huishoudens binnen de straal (%)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Shops, schools, workplaces...: each feature counts once (polygons at a point inside).</source>
      <translation>Winkels, scholen, werklocaties...: elk object telt één keer (polygonen via een punt erbinnen).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/plugin.py" />
      <source>Show or hide the EV Planner review dock</source>
      <translation>Toon of verberg het validatiepaneel van EV Planner</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/plugin.py" />
      <source>Show the EV Planner algorithms in the Processing Toolbox</source>
      <translation>Toon de EV Planner-algoritmen in de Processing Toolbox</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>Side of the square cells, aligned to multiples of it (NAL/CBS: 500 m).</source>
      <translation>Zijde van de vierkante cellen, uitgelijnd op veelvouden daarvan (NAL/CBS: 500 m).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>Skipped {message}</source>
      <translation>Overgeslagen: {message}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Solving the MILP with HiGHS (at most {seconds:g} s).</source>
      <translation>Het MILP wordt opgelost met HiGHS (hooguit {seconds:g} s).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Spacing (m)</source>
      <translation>Onderlinge afstand (m)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Spacing must be positive and distances zero or positive.</source>
      <translation>De onderlinge afstand moet positief zijn en de afstanden nul of positief.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Start of the period of the sessions; default: the first session start.</source>
      <translation>Begin van de periode van de sessies; standaard: het begin van de eerste sessie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Status history</source>
      <translation>Statushistorie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Status history (CSV)</source>
      <translation>Statushistorie (CSV)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Step</source>
      <translation>Stap</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Straight line</source>
      <translation>Hemelsbreed</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Straight line, or walking along the lines of the street network layer. Policy rules (Flanders: no public charge point within 250 m walking) are written in walking distance.</source>
      <translation>Hemelsbreed, of lopend over de lijnen van de laag met het stratennetwerk. Beleidsregels (Vlaanderen: geen publiek laadpunt binnen 250 m wandelafstand) gaan over loopafstand.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Street centre lines; required for the method 'along streets'.</source>
      <translation>Hartlijnen van straten; vereist voor de methode 'langs straten'.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Street network for walking (lines)</source>
      <translation>Stratennetwerk om te lopen (lijnen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Street network read from the cache file {path}.</source>
      <translation>Stratennetwerk gelezen uit het cachebestand {path}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>Streets (lines)</source>
      <translation>Straten (lijnen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/selection.py" />
      <source>TIME_LIMIT must be above 0 seconds.</source>
      <translation>TIME_LIMIT moet meer dan 0 seconden zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/credentials.py" />
      <source>TOKEN_ENV must be the name of an environment variable (letters, digits and _, e.g. EVP_OCPI_TOKEN), not the token.</source>
      <translation>TOKEN_ENV moet de naam van een omgevingsvariabele zijn (letters, cijfers en _, bijv. EVP_OCPI_TOKEN), niet het token.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/reviewkpis.py" />
      <source>Target for answering a resident's request (days)</source>
      <translation>Streeftermijn voor het beantwoorden van een aanvraag (dagen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>Target id field</source>
      <translation>Id-veld van de doelen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Target points with their attributes, area_fid, weight and a share of each field.</source>
      <translation>Doelpunten met hun attributen, area_fid, weight en een aandeel van elk veld.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Target year</source>
      <translation>Doeljaar</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Targets (address points or buildings)</source>
      <translation>Doelobjecten (adrespunten of gebouwen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>Targets (e.g. charge points)</source>
      <translation>Doelen (bijvoorbeeld laadpunten)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Targets outside every area</source>
      <translation>Doelobjecten buiten alle gebieden</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Targets with a share</source>
      <translation>Doelobjecten met een aandeel</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>Tariff source (URL or dump file)</source>
      <translation>Tariefbron (URL of dumpbestand)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>Tariffs: {count} skipped ({reason}).</source>
      <translation>Tarieven: {count} overgeslagen ({reason}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>Tariffs: {tariffs} read; {priced} of {total} charge points priced.</source>
      <translation>Tarieven: {tariffs} gelezen; {priced} van {total} laadpunten voorzien van een prijs.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <source>The API returns at most this many charge points; a warning tells when it is reached.</source>
      <translation>De API levert hoogstens zoveel laadpunten; een waarschuwing meldt wanneer dit aantal is bereikt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/gpkg.py" />
      <source>The CRS {authid!r} has no authority code (such as EPSG:28992).</source>
      <translation>Het CRS {authid!r} heeft geen autoriteitscode (zoals EPSG:28992).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The CRS {crs} does not measure in metres: choose a projected, metric CRS.</source>
      <translation>Het CRS {crs} meet niet in meters: kies een geprojecteerd, metrisch CRS.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/forecast.py" />
      <source>The EV share is a fraction between 0 and 1 (e.g. 0.2 for 20%), not {value}.</source>
      <translation>Het aandeel EV's is een fractie tussen 0 en 1 (bijv. 0.2 voor 20%), niet {value}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <source>The OCPI dump holds no list of Locations under 'data'.</source>
      <translation>De OCPI-dump bevat geen lijst met Locations onder 'data'.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <source>The OCPI dump is neither a JSON array nor an OCPI envelope.</source>
      <translation>De OCPI-dump is geen JSON-array en geen OCPI-envelop.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <source>The OCPI dump is not valid JSON: {detail}.</source>
      <translation>De OCPI-dump is geen geldige JSON: {detail}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <source>The OCPI dump {file} cannot be read: {error}</source>
      <translation>De OCPI-dump {file} kan niet worden gelezen: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <source>The OCPI dump {path} does not exist.</source>
      <translation>De OCPI-dump {path} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>The OCPI server answered status {status} for {url}: {message}</source>
      <translation>De OCPI-server antwoordde met status {status} voor {url}: {message}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/osm.py" />
      <source>The Overpass API ({url}) answered without 'elements'.</source>
      <translation>De Overpass API ({url}) antwoordde zonder 'elements'.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/osm.py" />
      <source>The Overpass API ({url}) did not answer JSON: is this an Overpass interpreter URL?</source>
      <translation>De Overpass API ({url}) antwoordde niet met JSON: is dit een URL van een Overpass-interpreter?</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/osm.py" />
      <source>The Overpass API could not complete the query: {remark}</source>
      <translation>De Overpass API kon de zoekopdracht niet voltooien: {remark}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/pg_target.py" />
      <source>The PostgreSQL target contains a password. Passwords do not belong in a target (it is kept in Processing's history and logs): store it in the QGIS authentication manager and give its id (authcfg), or use pg_service.conf or .pgpass.</source>
      <translation>Het PostgreSQL-doel bevat een wachtwoord. Wachtwoorden horen niet in een doel (dat komt in de Processing-geschiedenis en in logs): bewaar het in de QGIS-authenticatiebeheerder en geef de id daarvan (authcfg), of gebruik pg_service.conf of .pgpass.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/pg_target.py" />
      <source>The PostgreSQL target {target} names no schema: add ?schema=NAME (one schema is one review).</source>
      <translation>Het PostgreSQL-doel {target} noemt geen schema: voeg ?schema=NAAM toe (één schema is één review).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/pg_target.py" />
      <source>The PostgreSQL target {target} names no schema: add schema=NAME (one schema is one review).</source>
      <translation>Het PostgreSQL-doel {target} noemt geen schema: voeg schema=NAAM toe (één schema is één review).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/pg_target.py" />
      <source>The PostgreSQL target {target} says nothing about which database to use.</source>
      <translation>Het PostgreSQL-doel {target} zegt niet welke database gebruikt moet worden.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>The QGIS authentication configuration to log in with (Basic)</source>
      <translation>De QGIS-authenticatieconfiguratie waarmee u inlogt (Basic)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/candidates.py" />
      <source>The area has no polygon with vertices.</source>
      <translation>Het gebied heeft geen polygoon met hoekpunten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>The area layer has no polygons.</source>
      <translation>De gebiedslaag bevat geen polygonen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>The areas with evs, public_evs, required_points, existing_points, gap, afir_kw.</source>
      <translation>De gebieden met evs, public_evs, required_points, existing_points, gap, afir_kw.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/copy.py" />
      <source>The attachment {name!r} of event {event_id} points outside the review's folder; the review is not copied. Correct the attachment name in the source first.</source>
      <translation>De bijlage {name!r} van gebeurtenis {event_id} wijst naar buiten de map van de review; de review wordt niet gekopieerd. Corrigeer eerst de naam van de bijlage in de bron.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>The attachment {name} is missing.</source>
      <translation>De bijlage {name} ontbreekt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>The attachment {source} does not exist.</source>
      <translation>De bijlage {source} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/credentials.py" />
      <source>The authentication configuration {id} cannot be read: check its id and the master password.</source>
      <translation>De authenticatieconfiguratie {id} kan niet worden gelezen: controleer de id en het hoofdwachtwoord.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/credentials.py" />
      <source>The authentication configuration {id} holds no token (use the API Header or Basic method).</source>
      <translation>De authenticatieconfiguratie {id} bevat geen token (gebruik de methode API Header of Basic).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>The bound is computed without the LP relaxation because highspy is not installed. For a tighter bound, install it: {command}</source>
      <translation>De grens is berekend zonder de LP-relaxatie, omdat highspy niet is geïnstalleerd. Installeer het voor een scherpere grens: {command}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/forecast.py" />
      <source>The car counts must be zero or positive numbers.</source>
      <translation>De aantallen auto's moeten nul of positieve getallen zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/coverage.py" />
      <source>The cell size must be a positive number, not {value}.</source>
      <translation>De celgrootte moet een positief getal zijn, niet {value}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>The charge point layer could not be opened.</source>
      <translation>De laadpuntlaag kon niet worden geopend.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>The charge point layer has no features.</source>
      <translation>De laadpuntlaag bevat geen objecten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>The charge point layer has no field operator (common schema).</source>
      <translation>De laadpuntlaag heeft geen veld operator (gemeenschappelijk schema).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>The charge point layer has no field {field} (the location id).</source>
      <translation>De laadpuntlaag heeft geen veld {field} (de locatie-id).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>The charge points have no {field}.</source>
      <translation>De laadpunten hebben geen {field}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>The charge points with all their fields plus sessions_per_day, kwh_per_day, kwh_per_year, occupancy_mean, occupancy_peak_hour, hours_sampled, share_hours_full, blocking_hours_per_session, availability_pct, busy, advice and advice_reason.</source>
      <translation>De laadpunten met al hun velden plus sessions_per_day, kwh_per_day, kwh_per_year, occupancy_mean, occupancy_peak_hour, hours_sampled, share_hours_full, blocking_hours_per_session, availability_pct, busy, advice en advice_reason.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>The chosen candidates with selection_rank, marginal_demand, cumulative_covered_pct.</source>
      <translation>De gekozen kandidaten met selection_rank, marginal_demand, cumulative_covered_pct.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>The connection to the review database {target} was lost ({error}). Nothing of the interrupted transaction was written; what was committed before stays. Try again.</source>
      <translation>De verbinding met de reviewdatabase {target} is verbroken ({error}). Van de onderbroken transactie is niets geschreven; wat eerder is vastgelegd blijft. Probeer het opnieuw.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/copy.py" />
      <source>The copy stopped ({reason}), and what it had written to {target} could not be removed ({error}). Remove it yourself before copying again.</source>
      <translation>Het kopiëren is gestopt ({reason}), en wat al naar {target} was geschreven kon niet worden verwijderd ({error}). Verwijder het zelf voordat u opnieuw kopieert.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/copy.py" />
      <source>The copy {copy} does not replay to the statuses of {review} (locations {locations}); the copy is removed.</source>
      <translation>De kopie {copy} komt bij opnieuw afspelen niet op de statussen van {review} uit (locaties {locations}); de kopie is verwijderd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/copy.py" />
      <source>The copy {copy} holds {found} events, the review {review} {expected}; the copy is removed.</source>
      <translation>De kopie {copy} bevat {found} gebeurtenissen, de review {review} {expected}; de kopie is verwijderd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>The database refused this for your login: {error}. Ask the review's administrator for the role of your department (see docs/review_postgres.md).</source>
      <translation>De database weigert dit voor uw login: {error}. Vraag de beheerder van de review om de rol van uw afdeling (zie docs/review_postgres.md).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/coverage.py" />
      <source>The demand values must be zero or positive numbers.</source>
      <translation>De vraagwaarden moeten nul of positieve getallen zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/selection.py" />
      <source>The demand weights must be finite numbers &gt;= 0.</source>
      <translation>De vraaggewichten moeten eindige getallen &gt;= 0 zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>The demand weights must be finite numbers.</source>
      <translation>De vraaggewichten moeten eindige getallen zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>The demand weights must not be negative.</source>
      <translation>De vraaggewichten mogen niet negatief zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>The department name {department!r} has no letters or digits.</source>
      <translation>De afdelingsnaam {department!r} bevat geen letters of cijfers.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>The departments that decide on every location; each gets a decision column.</source>
      <translation>De afdelingen die over elke locatie beslissen; elke afdeling krijgt een kolom voor haar beslissing.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <source>The dump ends after element {count} without closing ']'. Is the file complete?</source>
      <translation>De dump eindigt na element {count} zonder afsluitende ']'. Is het bestand compleet?</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <source>The dump is not a JSON array.</source>
      <translation>De dump is geen JSON-array.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <source>The dump is not valid JSON after element {count} (expected ',' or ']').</source>
      <translation>De dump is na element {count} geen geldige JSON (',' of ']' verwacht).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <source>The dump is not valid JSON after element {count}: {detail}. Is the file complete?</source>
      <translation>De dump is na element {count} geen geldige JSON: {detail}. Is het bestand compleet?</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/credentials.py" />
      <source>The environment variable {name} (TOKEN_ENV) is not set or is empty: set it to the OCPI token before running the algorithm.</source>
      <translation>De omgevingsvariabele {name} (TOKEN_ENV) bestaat niet of is leeg: zet het OCPI-token erin voordat u het algoritme start.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/milp.py" />
      <source>The exact method is limited to {limit:,} candidate-demand pairs within the radius (this input has {pairs:,}): use the fast method, fewer candidates or a smaller area.</source>
      <translation>De exacte methode is beperkt tot {limit:,} kandidaat-vraagparen binnen de straal (deze invoer heeft er {pairs:,}): gebruik de snelle methode, minder kandidaten of een kleiner gebied.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/milp.py" />
      <source>The exact method needs SciPy 1.9 or newer, or the Python package highspy: install it with {command}</source>
      <translation>De exacte methode heeft SciPy 1.9 of nieuwer nodig, of het Python-pakket highspy: installeer het met {command}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>The exact method stops after this time with its best answer and bound.</source>
      <translation>De exacte methode stopt na deze tijd met haar beste oplossing en grens.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>The exact selection ran on SciPy's HiGHS, which stops only at the time limit. For a faster solve that Cancel can stop, install highspy: {command}</source>
      <translation>De exacte selectie is uitgevoerd met de HiGHS van SciPy, die pas bij de tijdslimiet stopt. Installeer highspy voor een snellere berekening die met Annuleren te stoppen is: {command}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/candidates.py" />
      <source>The exclude distance must be zero or a positive number of metres.</source>
      <translation>De uitsluitafstand moet nul of een positief aantal meters zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>The exclusion layer {layer} has no geometry.</source>
      <translation>De uitsluitingslaag {layer} heeft geen geometrie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>The exclusion layer {layer} is not a vector layer.</source>
      <translation>De uitsluitingslaag {layer} is geen vectorlaag.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/forecast.py" />
      <source>The existing point counts must be zero or positive numbers.</source>
      <translation>De aantallen bestaande punten moeten nul of positieve getallen zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/extent.py" />
      <source>The extent covers about {area} km², far more than a municipality (warning above {limit} km²). On the command line, EXTENT is xmin,xmax,ymin,ymax: check the order of the coordinates.</source>
      <translation>Het gebied beslaat ongeveer {area} km², veel meer dan een gemeente (waarschuwing boven {limit} km²). Op de opdrachtregel is EXTENT xmin,xmax,ymin,ymax: controleer de volgorde van de coördinaten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/extent.py" />
      <source>The extent does not overlap the world in WGS84.</source>
      <translation>Het bereik overlapt de wereld in WGS84 niet.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>The factor {factor} weighs 0: the layer {layer} is not given.</source>
      <translation>De factor {factor} weegt 0: de laag {layer} is niet opgegeven.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>The field occupancy_mean of USAGE must be a percentage (0-100).</source>
      <translation>Het veld occupancy_mean van USAGE moet een percentage zijn (0-100).</translation>
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
      <location filename="../../../ev_planner/core/usage/sessions.py" />
      <source>The file holds no list of {what} (a JSON array or an OCPI envelope with data).</source>
      <translation>Het bestand bevat geen lijst met {what} (een JSON-array of een OCPI-envelop met data).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/ocpi_usage.py" />
      <source>The file {file} is not readable JSON: {error}</source>
      <translation>Het bestand {file} is geen leesbare JSON: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/ocpi_usage.py" />
      <source>The file {path} does not exist.</source>
      <translation>Het bestand {path} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The input layers have no features with a location.</source>
      <translation>De invoerlagen bevatten geen objecten met een locatie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>The input points with walk_m, straight_m, detour and nearest_id.</source>
      <translation>De invoerpunten met walk_m, straight_m, detour en nearest_id.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>The layer AREA has no usable polygon.</source>
      <translation>De laag AREA heeft geen bruikbare polygoon.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>The layer AREAS has no usable polygon.</source>
      <translation>De laag AREAS heeft geen bruikbare polygoon.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>The layer CHARGE_POINTS could not be opened.</source>
      <translation>De laag CHARGE_POINTS kon niet worden geopend.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>The layer CHARGE_POINTS must hold points.</source>
      <translation>De laag CHARGE_POINTS moet punten bevatten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>The layer DEMAND has no usable geometry.</source>
      <translation>De laag DEMAND heeft geen bruikbare geometrie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>The layer DEMAND must hold points or polygons.</source>
      <translation>De laag DEMAND moet punten of polygonen bevatten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>The layer REQUESTS has no requests.</source>
      <translation>De laag REQUESTS bevat geen aanvragen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>The layer STREETS has no usable line.</source>
      <translation>De laag STREETS heeft geen bruikbare lijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>The layer TARGETS has no usable geometry.</source>
      <translation>De laag TARGETS heeft geen bruikbare geometrie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>The layer TARGETS must hold points or polygons.</source>
      <translation>De laag TARGETS moet punten of polygonen bevatten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>The layer styles could not be stored in the database ({error}); the review works, but its layers open unstyled. See docs/review_postgres.md on layer_styles.</source>
      <translation>De laagstijlen konden niet in de database worden opgeslagen ({error}); de review werkt, maar de lagen openen zonder stijl. Zie docs/review_postgres.md over layer_styles.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The layer {layer} ({name}) has no CRS, e.g. a shapefile without a .prj file.</source>
      <translation>De laag {layer} ({name}) heeft geen CRS, bijvoorbeeld een shapefile zonder .prj-bestand.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The layer {layer} ({name}) is in {crs} but its coordinates are not degrees (up to {value:,.0f}): its CRS is missing or wrong.</source>
      <translation>De laag {layer} ({name}) staat in {crs}, maar de coördinaten zijn geen graden (tot {value:,.0f}): het CRS ontbreekt of is fout.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <location filename="../../../ev_planner/processing/request_inputs.py" />
      <source>The layer {layer} could not be opened.</source>
      <translation>De laag {layer} kon niet worden geopend.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The layer {layer} has features far outside the study area (up to {degrees:.0f}° from its centre at {lon:.3f}, {lat:.3f}): check for swapped or wrong coordinates.</source>
      <translation>De laag {layer} heeft objecten ver buiten het studiegebied (tot {degrees:.0f}° van het midden op {lon:.3f}, {lat:.3f}): controleer op verwisselde of foute coördinaten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The layer {layer} has no features.</source>
      <translation>De laag {layer} bevat geen objecten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The layer {layer} has no field {fields}.</source>
      <translation>De laag {layer} heeft geen veld {fields}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/inputs.py" />
      <source>The layer {layer} has no usable geometry.</source>
      <translation>De laag {layer} heeft geen bruikbare geometrie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/inputs.py" />
      <source>The layer {layer} must hold points or polygons.</source>
      <translation>De laag {layer} moet punten of polygonen bevatten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>The layer {layer} must hold {expected}, not {actual}.</source>
      <translation>De laag {layer} moet {expected} bevatten, geen {actual}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/gpkg_refresh.py" />
      <source>The layer {layer} of {path} is not a charge-point layer (no source/source_id fields). Choose another layer name: EV Planner does not overwrite it.</source>
      <translation>De laag {layer} van {path} is geen laadpuntlaag (geen velden source/source_id). Kies een andere laagnaam: EV Planner overschrijft deze laag niet.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>The list of cancellation reasons is empty.</source>
      <translation>De lijst met annuleringsredenen is leeg.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>The little-used threshold must be below the busy threshold.</source>
      <translation>De drempel voor weinig gebruik moet onder de drukte-drempel liggen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>The location is {status}, a final status: '{action}' is no longer possible (only comments and automatic checks are).</source>
      <translation>De locatie is {status}, een eindstatus: '{action}' is niet meer mogelijk (alleen opmerkingen en automatische controles nog wel).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/copy.py" />
      <source>The location {location_id} of {review} has no point; it cannot be copied.</source>
      <translation>De locatie {location_id} van {review} heeft geen punt; ze kan niet worden gekopieerd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>The locations layer has no features with a location.</source>
      <translation>De locatielaag bevat geen objecten met een locatie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/documents.py" />
      <source>The map image is not a PNG file.</source>
      <translation>De kaartafbeelding is geen PNG-bestand.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>The maximum energy price of the contract; empty: not checked.</source>
      <translation>De maximale energieprijs uit het contract; leeg: niet gecontroleerd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>The method 'along streets' needs a STREETS layer.</source>
      <translation>De methode 'langs straten' vereist een STREETS-laag.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/candidates.py" />
      <source>The method 'along streets' needs a street (line) layer.</source>
      <translation>De methode 'along streets' heeft een stratenlaag (lijnen) nodig.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>The minimum availability (uptime) of the contract; empty: not checked.</source>
      <translation>De minimale beschikbaarheid (uptime) uit het contract; leeg: niet gecontroleerd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>The minimum charging power per point of the contract; empty: not checked.</source>
      <translation>Het minimale laadvermogen per laadpunt uit het contract; leeg: niet gecontroleerd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/candidates.py" />
      <source>The minimum distance must be zero or a positive number of metres.</source>
      <translation>De minimale afstand moet nul of een positief aantal meters zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/coverage.py" />
      <source>The minimum number of households must be a non-negative number, not {value}.</source>
      <translation>Het minimale aantal huishoudens moet een niet-negatief getal zijn, niet {value}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>The new review: a GeoPackage file, or a new PostgreSQL schema written as postgresql://user@host/database?schema=NAME, service=NAME schema=NAME, or connection=NAME schema=NAME. An existing review is never overwritten silently.</source>
      <translation>De nieuwe review: een GeoPackage-bestand, of een nieuw PostgreSQL-schema geschreven als postgresql://gebruiker@host/database?schema=NAAM, service=NAAM schema=NAAM, of connection=NAAM schema=NAAM. Een bestaande review wordt nooit stilzwijgend overschreven.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>The new review: a GeoPackage file, or a new PostgreSQL schema written like the review to copy. An existing file or schema is refused, never overwritten.</source>
      <translation>De nieuwe review: een GeoPackage-bestand, of een nieuw PostgreSQL-schema geschreven zoals de te kopiëren review. Een bestaand bestand of schema wordt geweigerd, nooit overschreven.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>The new sites for the new_location requests, with request_ids and requests_served.</source>
      <translation>De nieuwe locaties voor de aanvragen met new_location, met request_ids en requests_served.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/forecast.py" />
      <source>The number of EVs per public point must be positive, not {value}.</source>
      <translation>Het aantal EV's per openbaar laadpunt moet positief zijn, niet {value}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/occupancy.py" />
      <source>The occupancy file or folder {path} does not exist.</source>
      <translation>Het bezettingsbestand of de map {path} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/occupancy.py" />
      <source>The occupancy folder {path} holds no .json file.</source>
      <translation>De bezettingsmap {path} bevat geen .json-bestand.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>The points to measure from; polygons are measured from a point on their surface.</source>
      <translation>De punten om vanaf te meten; van polygonen wordt vanaf een punt op het oppervlak gemeten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>The points to walk to: the nearest one along the network is found.</source>
      <translation>De punten om naartoe te lopen: het dichtstbijzijnde langs het netwerk wordt gezocht.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>The proposed sites join the review with source = request; appending twice adds nothing.</source>
      <translation>De voorgestelde locaties komen in de review met source = request; twee keer toevoegen voegt niets toe.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/forecast.py" />
      <source>The public share is a fraction between 0 and 1 (e.g. 0.2 for 20%), not {value}.</source>
      <translation>Het openbare aandeel is een fractie tussen 0 en 1 (bijv. 0.2 voor 20%), niet {value}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/coverage.py" />
      <source>The radius must be a non-negative number, not {value}.</source>
      <translation>De straal moet een niet-negatief getal zijn, niet {value}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/reviewkpis.py" />
      <source>The request KPIs give the share of requests answered within this many days.</source>
      <translation>De KPI's van aanvragen geven het aandeel aanvragen dat binnen zoveel dagen beantwoord is.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>The review database {target} refused this: {error}</source>
      <translation>De reviewdatabase {target} weigert dit: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>The review file must be a GeoPackage (.gpkg), not {file}.</source>
      <translation>Het validatiebestand moet een GeoPackage (.gpkg) zijn, niet {file}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>The review file {file} is locked by another program (an editing session in QGIS, a spreadsheet import, a sync tool). Save or stop that edit and try again.</source>
      <translation>Het validatiebestand {file} is vergrendeld door een ander programma (een bewerkingssessie in QGIS, een import uit een spreadsheet, een synchronisatieprogramma). Sla die bewerking op of stop ermee en probeer het opnieuw.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>The review file {file} is read-only; you cannot record events in it.</source>
      <translation>Het validatiebestand {file} is alleen-lezen; er kunnen geen gebeurtenissen in worden vastgelegd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>The review file {path} does not exist.</source>
      <translation>Het validatiebestand {path} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>The review styles could not be stored: {error}</source>
      <translation>De stijlen van het validatiebestand konden niet worden opgeslagen: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>The review to copy: a GeoPackage file, or a PostgreSQL schema written as postgresql://user@host/database?schema=NAME, service=NAME schema=NAME, or connection=NAME schema=NAME. It is only read.</source>
      <translation>De review die gekopieerd wordt: een GeoPackage-bestand, of een PostgreSQL-schema geschreven als postgresql://user@host/database?schema=NAME, service=NAME schema=NAME of connection=NAME schema=NAME. Ze wordt alleen gelezen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_target.py" />
      <source>The review: a GeoPackage file, or a PostgreSQL schema written as postgresql://user@host/database?schema=NAME, service=NAME schema=NAME, or connection=NAME schema=NAME for a saved QGIS connection.</source>
      <translation>De review: een GeoPackage-bestand, of een PostgreSQL-schema geschreven als postgresql://gebruiker@host/database?schema=NAAM, service=NAAM schema=NAAM, of connection=NAAM schema=NAAM voor een opgeslagen QGIS-verbinding.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>The role name {role} would be longer than PostgreSQL's 63 characters: choose a shorter schema or department name.</source>
      <translation>De rolnaam {role} zou langer worden dan de 63 tekens van PostgreSQL: kies een kortere schema- of afdelingsnaam.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/pg_target.py" />
      <source>The schema name {schema!r} is not usable for a review: use lower-case letters, digits and underscores, starting with a letter (for example review2026).</source>
      <translation>De schemanaam {schema!r} is niet bruikbaar voor een review: gebruik kleine letters, cijfers en liggende streepjes, beginnend met een letter (bijvoorbeeld review2026).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>The schema {schema} already exists. Choose another schema (an existing review is never overwritten).</source>
      <translation>Het schema {schema} bestaat al. Kies een ander schema (een bestaande review wordt nooit overschreven).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>The schema {schema} holds {count} review event(s); it is not overwritten. Drop it yourself if you really want to start over.</source>
      <translation>Het schema {schema} bevat {count} reviewgebeurtenis(sen); het wordt niet overschreven. Verwijder het zelf als u echt opnieuw wilt beginnen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>The schema {schema} is not an EV Planner review (or your login may not read it): {missing} is missing. Create a review with evplanner:createreview.</source>
      <translation>Het schema {schema} is geen EV Planner-review (of uw login mag het niet lezen): {missing} ontbreekt. Maak een review met evplanner:createreview.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>The selection is optimal (proven).</source>
      <translation>De selectie is optimaal (bewezen).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>The server does not offer the OCPI module '{module}'.</source>
      <translation>De server biedt de OCPI-module '{module}' niet aan.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>The server offers OCPI version(s) {offered}; EV Planner supports {supported}.</source>
      <translation>De server biedt OCPI-versie(s) {offered} aan; EV Planner ondersteunt {supported}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>The server offers no OCPI version; EV Planner supports {supported}.</source>
      <translation>De server biedt geen OCPI-versie aan; EV Planner ondersteunt {supported}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>The server offers the OCPI module '{module}' only as a receiver: it does not publish {module}.</source>
      <translation>De server biedt de OCPI-module '{module}' alleen als ontvanger aan: hij publiceert geen {module}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>The server {url} failed ({problem}) after {attempts} attempts. Try again later or contact its operator.</source>
      <translation>De server {url} faalde ({problem}) na {attempts} pogingen. Probeer het later opnieuw of neem contact op met de beheerder.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/sessions.py" />
      <source>The sessions table has no column {names}; it needs location_id, start and end (and optionally {optional}).</source>
      <translation>De sessietabel heeft geen kolom {names}; nodig zijn location_id, start en end (en eventueel {optional}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/candidates.py" />
      <source>The spacing must be a positive number of metres, not {spacing}.</source>
      <translation>De tussenafstand moet een positief aantal meters zijn, niet {spacing}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/copy.py" />
      <source>The status columns of the copy {copy} differ from its log (locations {locations}); the copy is removed.</source>
      <translation>De statuskolommen van de kopie {copy} wijken af van haar logboek (locaties {locations}); de kopie is verwijderd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/occupancy.py" />
      <source>The status history has no column {names}; it needs observed_at, location_id and status.</source>
      <translation>De statusgeschiedenis heeft geen kolom {names}; nodig zijn observed_at, location_id en status.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>The street network could not be cached: {error}</source>
      <translation>Het stratennetwerk kon niet in de cache worden bewaard: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/documents.py" />
      <source>The template {file} is damaged: its part {part} is not well-formed XML ({error}). Open it in Word or LibreOffice and save it again, or correct the XML.</source>
      <translation>Het sjabloon {file} is beschadigd: het onderdeel {part} is geen geldige XML ({error}). Open het in Word of LibreOffice en bewaar het opnieuw, of herstel de XML.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/documents.py" />
      <source>The template {file} is not a .docx document: {error}.</source>
      <translation>Het sjabloon {file} is geen .docx-document: {error}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/documents.py" />
      <source>The template {file} is not a Word document (no word/document.xml).</source>
      <translation>Het sjabloon {file} is geen Word-document (geen word/document.xml).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>The template {path} does not exist.</source>
      <translation>Het sjabloon {path} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/events.py" />
      <source>The timestamp is empty.</source>
      <translation>Het tijdstip is leeg.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/events.py" />
      <source>The timestamp {raw!r} is implausibly old.</source>
      <translation>Het tijdstip {raw!r} is onwaarschijnlijk oud.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/events.py" />
      <source>The timestamp {raw!r} lies in the future.</source>
      <translation>Het tijdstip {raw!r} ligt in de toekomst.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>The value written to nearest_id; without it, the target's feature id.</source>
      <translation>De waarde die in nearest_id komt; zonder dit veld het objectnummer van het doel.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/network.py" />
      <source>The walking network file {path} cannot be read ({error}). Delete it so that the network is built again.</source>
      <translation>Het bestand met het loopnetwerk {path} is onleesbaar ({error}). Verwijder het, dan wordt het netwerk opnieuw opgebouwd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/network.py" />
      <source>The walking network file {path} was written by another version of EV Planner. Delete it so that the network is built again.</source>
      <translation>Het bestand met het loopnetwerk {path} is door een andere versie van EV Planner geschreven. Verwijder het, dan wordt het netwerk opnieuw opgebouwd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/network.py" />
      <source>The walking radius must be a finite number of metres.</source>
      <translation>De loopstraal moet een eindig aantal meters zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/demand.py" />
      <source>The {what} hold a missing or non-finite value.</source>
      <translation>De {what} bevatten een ontbrekende of niet-eindige waarde.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/demand.py" />
      <source>The {what} hold negative values.</source>
      <translation>De {what} bevatten negatieve waarden.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Their location_id (or id) is written to nearest_existing_id.</source>
      <translation>Hun location_id (of id) komt in nearest_existing_id.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/selection.py" />
      <source>There are no candidates to choose from.</source>
      <translation>Er zijn geen kandidaten om uit te kiezen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>There are no candidates to score.</source>
      <translation>Er zijn geen kandidaten om te scoren.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <location filename="../../../ev_planner/core/potential/selection.py" />
      <source>There are no demand points.</source>
      <translation>Er zijn geen vraagpunten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>There are no locations to review.</source>
      <translation>Er zijn geen locaties om te valideren.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>There are no locations with coordinates.</source>
      <translation>Er zijn geen locaties met coördinaten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_target.py" />
      <source>There is no saved PostgreSQL connection named {name} in this QGIS profile.</source>
      <translation>Er is geen opgeslagen PostgreSQL-verbinding met de naam {name} in dit QGIS-profiel.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/forecast.py" />
      <source>There must be one count of existing points per area.</source>
      <translation>Er moet per gebied één aantal bestaande punten zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/coverage.py" />
      <source>There must be one demand value per demand point.</source>
      <translation>Er moet per vraagpunt één vraagwaarde zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/demand.py" />
      <source>There must be one row of values per area.</source>
      <translation>Er moet per gebied één rij waarden zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/coverage.py" />
      <source>There must be one value and one fallback point per polygon.</source>
      <translation>Er moeten per polygoon één waarde en één terugvalpunt zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/demand.py" />
      <source>There must be one weight per target.</source>
      <translation>Er moet per doel één gewicht zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Time limit of the exact method (s)</source>
      <translation>Tijdslimiet van de exacte methode (s)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>Time zone of times without offset</source>
      <translation>Tijdzone voor tijden zonder UTC-offset</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>To</source>
      <translation>Tot</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/credentials.py" />
      <source>Token</source>
      <translation>Token</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Total demand</source>
      <translation>Totale vraag</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/review_locations.qml" />
      <source>Traffic decree</source>
      <translation>Verkeersbesluit</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>Trees, fire hydrants, crossings, cables, protected zones ...: any vector layers, any CRS.</source>
      <translation>Bomen, brandkranen, oversteekplaatsen, kabels, beschermde zones ...: willekeurige vectorlagen, elk CRS.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Unexpected error in EV Planner (please report it): {error}</source>
      <translation>Onverwachte fout in EV Planner (meld deze a.u.b.): {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/gpkg.py" />
      <source>Unknown CRS {authid}: {error}</source>
      <translation>Onbekend CRS {authid}: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>Unknown action {action!r}: use one of {actions}.</source>
      <translation>Onbekende actie {action!r}: gebruik een van {actions}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/candidates.py" />
      <source>Unknown candidate method {method!r}; use one of {methods}.</source>
      <translation>Onbekende kandidaatmethode {method!r}; gebruik een van {methods}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>Unknown location {location_id!r}.</source>
      <translation>Onbekende locatie {location_id!r}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>Unknown location {location_id!r}: it is not in this review.</source>
      <translation>Onbekende locatie {location_id!r}: deze hoort niet bij deze validatie.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/charge_points.qml" />
      <source>Unknown power</source>
      <translation>Vermogen onbekend</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/states.py" />
      <source>Unknown rejection rule {rule!r}: use one of {rules}.</source>
      <translation>Onbekende afwijzingsregel {rule!r}: gebruik een van {rules}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/events.py" />
      <source>Unknown time zone {zone!r}: give a name of the tz database such as Europe/Amsterdam or Europe/Brussels.</source>
      <translation>Onbekende tijdzone {zone!r}: geef een naam uit de tz-database, zoals Europe/Amsterdam of Europe/Brussels.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/charge_points.qml" />
      <source>Up to 11 kW (AC)</source>
      <translation>Tot 11 kW (AC)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/gpkg_refresh.py" />
      <source>Updating {layer}: {changed} changed, {unchanged} unchanged, {new} new, {removed} no longer found.</source>
      <translation>{layer} bijwerken: {changed} gewijzigd, {unchanged} ongewijzigd, {new} nieuw, {removed} niet meer gevonden.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Upper bound on the coverage of any selection</source>
      <translation>Bovengrens voor de dekking van elke selectie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Upper bound on the coverage of any selection (%)</source>
      <translation>Bovengrens voor de dekking van elke selectie (%)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Usage KPIs</source>
      <translation>Gebruiks-KPI's</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Usage KPIs per charge point</source>
      <translation>Gebruiks-KPI's per laadpunt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>Usage and operators</source>
      <translation>Gebruik en exploitanten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Used only when the cars field is empty: cars = households x this.</source>
      <translation>Alleen gebruikt als het veld met auto's leeg is: auto's = huishoudens x deze waarde.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>WEIGHTS is given, so it is used instead of {fields}.</source>
      <translation>WEIGHTS is opgegeven en wordt dus gebruikt in plaats van {fields}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>WEIGHTS: '{item}' is not of the form factor=value (e.g. {example}).</source>
      <translation>WEIGHTS: '{item}' heeft niet de vorm factor=waarde (bijv. {example}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>WEIGHTS: at least one factor needs a weight above 0.</source>
      <translation>WEIGHTS: minstens één factor moet een gewicht boven 0 hebben.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>WEIGHTS: the factor '{key}' is given twice.</source>
      <translation>WEIGHTS: de factor '{key}' is twee keer opgegeven.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>WEIGHTS: the weight of '{key}' is not a number: '{value}'.</source>
      <translation>WEIGHTS: het gewicht van '{key}' is geen getal: '{value}'.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>WEIGHTS: the weight of '{key}' must be a number &gt;= 0, not '{value}'.</source>
      <translation>WEIGHTS: het gewicht van '{key}' moet een getal &gt;= 0 zijn, niet '{value}'.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>WEIGHTS: unknown factor '{key}'; the factors are {factors}.</source>
      <translation>WEIGHTS: onbekende factor '{key}'; de factoren zijn {factors}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Walkable streets and paths, e.g. OSM highways, NWB or the Wegenregister. Lines connect only where they share a vertex: a bridge over a street without a common vertex does not connect.</source>
      <translation>Beloopbare straten en paden, bijvoorbeeld OSM-highways, NWB of het Wegenregister. Lijnen zijn alleen verbonden waar ze een hoekpunt delen: een brug over een straat zonder gemeenschappelijk hoekpunt sluit er niet op aan.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Walking along the street network</source>
      <translation>Lopend over het stratennetwerk</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Walking distance (m)</source>
      <translation>Loopafstand (m)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>Walking distance needs a street network: choose a line layer for NETWORK.</source>
      <translation>Loopafstand vraagt een stratennetwerk: kies een lijnlaag voor NETWORK.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Walking distance rule (m)</source>
      <translation>Loopafstandsregel (m)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>Walking distance to the nearest point</source>
      <translation>Loopafstand tot het dichtstbijzijnde punt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>Walking distances</source>
      <translation>Loopafstanden</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>Watch below availability (%)</source>
      <translation>Advies 'watch' onder beschikbaarheid (%)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Weight field</source>
      <translation>Gewichtsveld</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Weight of busy charge points nearby</source>
      <translation>Gewicht van drukke laadpunten in de buurt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Weight of demand</source>
      <translation>Gewicht van de vraag</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>Weight of each demand feature (households, cars, EVs); empty: 1 each.</source>
      <translation>Gewicht van elk vraagobject (huishoudens, auto's, EV's); leeg: elk 1.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Weight of points of interest</source>
      <translation>Gewicht van voorzieningen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Weight of the gap (demand not yet served)</source>
      <translation>Gewicht van het gat (vraag nog zonder laadpunt)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Weights as text (for scripts)</source>
      <translation>Gewichten als tekst (voor scripts)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/network.py" />
      <source>Weights must be one finite, non-negative number per point.</source>
      <translation>Gewichten moeten één eindig, niet-negatief getal per punt zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>Weights used: {weights}.</source>
      <translation>Gebruikte gewichten: {weights}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/coverage_cells.qml" />
      <source>White spot: enough households, no charge point</source>
      <translation>Witte vlek: genoeg huishoudens, geen laadpunt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>White spots</source>
      <translation>Witte vlekken</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>Whole numbers (largest remainder)</source>
      <translation>Gehele getallen (methode van de grootste overschotten)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>With location_id and status; rejected and cancelled locations do not count.</source>
      <translation>Met location_id en status; afgewezen en vervallen locaties tellen niet.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>Without candidates, new sites are placed at the best points of the street network.</source>
      <translation>Zonder kandidaten komen nieuwe locaties op de beste punten van het stratennetwerk.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/gpkg_refresh.py" />
      <source>Writing {path} failed ({error}); it was left as it was.</source>
      <translation>Schrijven naar {path} is mislukt ({error}); het bestand is ongewijzigd gelaten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/gpkg_refresh.py" />
      <source>Writing {path} failed; it was left as it was.</source>
      <translation>Schrijven naar {path} is mislukt; het bestand is ongewijzigd gelaten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>Year the forecast is for; choose the share of cars that are electric for that year.</source>
      <translation>Jaar waarvoor de prognose geldt; kies het aandeel elektrische auto's voor dat jaar.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadopenchargemap.py" />
      <source>Your Open Charge Map API key (free at openchargemap.org). It is sent as a header, never in the URL.</source>
      <translation>Je API-sleutel voor Open Charge Map (gratis via openchargemap.org). Deze wordt als header verstuurd, nooit in de URL.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Your department</source>
      <translation>Uw afdeling</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Your name</source>
      <translation>Uw naam</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>Your name, recorded with every event</source>
      <translation>Uw naam, vastgelegd bij elke gebeurtenis</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>Your own .docx with {{placeholders}}; empty uses the shipped verkeersbesluit template.</source>
      <translation>Je eigen .docx met {{placeholders}}; leeg gebruikt het meegeleverde sjabloon voor het verkeersbesluit.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/importer.py" />
      <source>a '{action}' row needs a comment</source>
      <translation>een rij '{action}' heeft een opmerking nodig</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/dependencies.py" />
      <source>a faster, cancellable exact selection and the LP bound of the fast one</source>
      <translation>een snellere, annuleerbare exacte selectie en de LP-grens van de snelle methode</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/safe_json.py" />
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>a number out of range (too large, NaN or Infinity)</source>
      <translation>een getal buiten bereik (te groot, NaN of Infinity)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>action</source>
      <translation>actie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>actor</source>
      <translation>actor</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/usage_kpis.qml" />
      <source>add nearby (busy)</source>
      <translation>bijplaatsen (druk)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>address</source>
      <translation>adres</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/requests/intake.py" />
      <source>address not found among the address points</source>
      <translation>adres niet gevonden tussen de adrespunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>all demand within reach of a candidate</source>
      <translation>alle vraag binnen bereik van een kandidaat</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>along streets</source>
      <translation>langs straten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/importer.py" />
      <source>already imported</source>
      <translation>al geïmporteerd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/createreview.py" />
      <source>any: one rejecting department rejects the location; required: only a required department can.</source>
      <translation>any: één afwijzende afdeling wijst de locatie af; required: alleen een verplichte afdeling kan dat.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>approve</source>
      <translation>goedkeuren</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>approved</source>
      <translation>goedgekeurd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>at (UTC)</source>
      <translation>tijdstip (UTC)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>attachment</source>
      <translation>bijlage</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>automatic check</source>
      <translation>automatische controle</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>availability {availability} % below {min_availability} %</source>
      <translation>beschikbaarheid {availability} % onder {min_availability} %</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>availability {availability} %, no usage data</source>
      <translation>beschikbaarheid {availability} %, geen gebruiksgegevens</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/importer.py" />
      <source>bad timestamp</source>
      <translation>ongeldig tijdstip</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>busy charge point {distance} m away ({occupancy}% occupied)</source>
      <translation>druk laadpunt op {distance} m ({occupancy}% bezet)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>cables or pipes</source>
      <translation>kabels of leidingen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>cancel</source>
      <translation>annuleren</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>cancelled</source>
      <translation>vervallen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>candidates kept</source>
      <translation>kandidaten behouden</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>cannot be transformed</source>
      <translation>kan niet worden getransformeerd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>cannot connect (check the address, your network and the QGIS proxy settings)</source>
      <translation>kan geen verbinding maken (controleer het adres, uw netwerk en de proxy-instellingen van QGIS)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/begun_outputs.py" />
      <source>cannot open it for writing</source>
      <translation>kan het niet openen om te schrijven</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>changes requested</source>
      <translation>aanpassing gevraagd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>charge point</source>
      <translation>laadpunt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>charging time longer than the session</source>
      <translation>laadtijd langer dan de sessie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>comment</source>
      <translation>opmerking</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/usage_kpis.qml" />
      <source>consider moving (little used)</source>
      <translation>verplaatsen overwegen (weinig gebruikt)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/records.py" />
      <source>coordinates 0,0 (a placeholder)</source>
      <translation>coördinaten 0,0 (een plaatshouder)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/records.py" />
      <source>coordinates out of range</source>
      <translation>coördinaten buiten bereik</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/records.py" />
      <source>coordinates outside the location's country</source>
      <translation>coördinaten buiten het land van de locatie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/requests/intake.py" />
      <source>coordinates that are not numbers</source>
      <translation>coördinaten die geen getallen zijn</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>count</source>
      <translation>aantal</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/request_kpis.py" />
      <source>covered by a planned location</source>
      <translation>gedekt door een geplande locatie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/request_kpis.py" />
      <source>covered by an existing point</source>
      <translation>gedekt door een bestaand punt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>decisions</source>
      <translation>beslissingen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>delivered</source>
      <translation>opgeleverd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>demand</source>
      <translation>vraag</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>demand points</source>
      <translation>vraagpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <location filename="../../../ev_planner/core/potential/selection.py" />
      <source>demand: one weight per demand point is needed.</source>
      <translation>vraag: per vraagpunt is één gewicht nodig.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>department</source>
      <translation>afdeling</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>duplicate</source>
      <translation>dubbel</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>duplicate session id</source>
      <translation>dubbele sessie-id</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>duplicates at junctions removed</source>
      <translation>dubbele punten op kruisingen verwijderd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/base.py" />
      <source>electric vehicle</source>
      <translation>elektrische auto</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>end before start</source>
      <translation>einde vóór begin</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>end missing or unreadable</source>
      <translation>einde ontbreekt of is onleesbaar</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>event id</source>
      <translation>gebeurtenis-id</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>exact (HiGHS MILP)</source>
      <translation>exact (HiGHS MILP)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>factor=weight pairs for demand, gap, poi and usage (e.g. {example}); when given, they are used instead of the four weight fields. Left-out factors weigh 0.</source>
      <translation>paren factor=gewicht voor demand, gap, poi en usage (bijv. {example}); als ze zijn opgegeven, worden ze gebruikt in plaats van de vier gewichtvelden. Weggelaten factoren wegen 0.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/requests/evaluate.py" />
      <source>farther than {access:g} m from the street network</source>
      <translation>verder dan {access:g} m van het stratennetwerk</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>fast (lazy greedy + swaps)</source>
      <translation>snel (lazy greedy + verwisselingen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>fast: seconds, typically within 1-2% of the optimum; exact: proves optimality when it can.</source>
      <translation>snel: seconden, doorgaans binnen 1-2% van het optimum; exact: bewijst optimaliteit als dat lukt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>feature id {fid}</source>
      <translation>object-id {fid}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>features without geometry</source>
      <translation>objecten zonder geometrie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>generated</source>
      <translation>gegenereerd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>greedy guarantee 1 - 1/e</source>
      <translation>greedy-garantie 1 - 1/e</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>grid</source>
      <translation>raster</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>grid: square grid; hexagon: hexagonal lattice; along streets: points along the streets (lines).</source>
      <translation>raster: vierkant raster; zeshoek: zeshoekig rooster; langs straten: punten langs de straten (lijnen).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>handled</source>
      <translation>afgehandeld</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>hexagon</source>
      <translation>zeshoek</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>in review</source>
      <translation>in behandeling</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>inside exclusion polygons</source>
      <translation>binnen uitsluitingspolygonen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>installations</source>
      <translation>installaties</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>installed</source>
      <translation>geplaatst</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>installer</source>
      <translation>installateur</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>installer: {name}</source>
      <translation>installateur: {name}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>invalid geometry that cannot be repaired</source>
      <translation>ongeldige geometrie die niet te repareren is</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/importer.py" />
      <source>invalid transition</source>
      <translation>ongeldige overgang</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/usage_kpis.qml" />
      <source>keep</source>
      <translation>behouden</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>lead time</source>
      <translation>doorlooptijd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>line {line}: {reason}: {detail}</source>
      <translation>regel {line}: {reason}: {detail}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>lines</source>
      <translation>lijnen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>location entry without 24 hourly values</source>
      <translation>locatie-item zonder 24 uurwaarden</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>location id</source>
      <translation>locatie-id</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/importer.py" />
      <source>location_id and action are required</source>
      <translation>location_id en action zijn verplicht</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>location_id values must be unique; repeated: {duplicates}.</source>
      <translation>Waarden van location_id moeten uniek zijn; herhaald: {duplicates}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>maximum tariff</source>
      <translation>maximumtarief</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>mean</source>
      <translation>gemiddelde</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>median</source>
      <translation>mediaan</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>median days from permit</source>
      <translation>mediaan dagen na vergunning</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>median response (days)</source>
      <translation>mediane reactietijd (dagen)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>minimum availability</source>
      <translation>minimale beschikbaarheid</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>minimum power</source>
      <translation>minimaal vermogen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/importer.py" />
      <source>missing value</source>
      <translation>ontbrekende waarde</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>month</source>
      <translation>maand</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/forecast_areas.qml" />
      <source>more than 50</source>
      <translation>meer dan 50</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>name</source>
      <translation>naam</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>near exclusion points or lines</source>
      <translation>nabij uitsluitingspunten of -lijnen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>near existing charge points</source>
      <translation>nabij bestaande laadpunten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>nearest charge point {distance} m</source>
      <translation>dichtstbijzijnde laadpunt {distance} m</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>nearest charge point {distance} m walking</source>
      <translation>dichtstbijzijnde laadpunt {distance} m lopen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/request_kpis.py" />
      <source>needs a new location</source>
      <translation>nieuwe locatie nodig</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>negative energy</source>
      <translation>negatieve energie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>neither OCCUPANCY nor SESSIONS given</source>
      <translation>OCCUPANCY noch SESSIONS opgegeven</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>no OCCUPANCY snapshots given</source>
      <translation>geen OCCUPANCY-momentopnames opgegeven</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>no SESSIONS given</source>
      <translation>geen SESSIONS opgegeven</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>no STATUS_HISTORY given</source>
      <translation>geen STATUS_HISTORY opgegeven</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/usage_kpis.qml" />
      <source>no advice (no id or data)</source>
      <translation>geen advies (geen id of gegevens)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>no answer within {seconds:g} s</source>
      <translation>geen antwoord binnen {seconds:g} s</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/requests/evaluate.py" />
      <source>no candidate location within {radius:g} m</source>
      <translation>geen kandidaatlocatie binnen {radius:g} m</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <location filename="../../../ev_planner/core/sources/records.py" />
      <source>no coordinates</source>
      <translation>geen coördinaten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/requests/intake.py" />
      <source>no coordinates and no address</source>
      <translation>geen coördinaten en geen adres</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>no existing charge point</source>
      <translation>geen bestaand laadpunt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>no geometry</source>
      <translation>geen geometrie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>no grid capacity</source>
      <translation>geen netcapaciteit</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocm.py" />
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <location filename="../../../ev_planner/core/sources/osm.py" />
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>no id</source>
      <translation>geen id</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>no location id</source>
      <translation>geen locatie-id</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>no occupancy_mean</source>
      <translation>geen occupancy_mean</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>no proposal needs fewer than {bound}</source>
      <translation>geen enkel voorstel kan met minder dan {bound}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/requests/intake.py" />
      <source>no request_id</source>
      <translation>geen request_id</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>no usage data for this point</source>
      <translation>geen gebruiksgegevens voor dit punt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocm.py" />
      <location filename="../../../ev_planner/core/sources/ocpi_locations.py" />
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>not a JSON object</source>
      <translation>geen JSON-object</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/request_kpis.py" />
      <source>not assessable</source>
      <translation>niet te beoordelen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/importer.py" />
      <source>not permitted for your database login</source>
      <translation>niet toegestaan voor uw databaselogin</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>objection</source>
      <translation>bezwaar</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>observed_at in the future</source>
      <translation>observed_at in de toekomst</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>observed_at missing or unreadable</source>
      <translation>observed_at ontbreekt of is onleesbaar</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>observed_at outside DATE_FROM - DATE_TO</source>
      <translation>observed_at buiten DATE_FROM - DATE_TO</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>occupancy file without a valid date, tz or locations</source>
      <translation>bezettingsbestand zonder geldige date, tz of locations</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>occupancy outside 0-100 %</source>
      <translation>bezetting buiten 0-100 %</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>occupancy {occupancy} % above the busy threshold of {busy} %</source>
      <translation>bezetting {occupancy} % boven de drukte-drempel van {busy} %</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>occupancy {occupancy} % below {low} %</source>
      <translation>bezetting {occupancy} % onder {low} %</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>occupancy {occupancy} % between {low} % and {busy} %</source>
      <translation>bezetting {occupancy} % tussen {low} % en {busy} %</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>occupancy {occupancy} % close to the busy threshold of {busy} %</source>
      <translation>bezetting {occupancy} % dicht bij de drukte-drempel van {busy} %</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>occupancy_mean computed from the sessions (no OCCUPANCY given).</source>
      <translation>occupancy_mean berekend uit de sessies (geen OCCUPANCY opgegeven).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>occupancy_mean must be a percentage between 0 and 100.</source>
      <translation>occupancy_mean moet een percentage tussen 0 en 100 zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>operator</source>
      <translation>exploitant</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>operator declined</source>
      <translation>geweigerd door exploitant</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>or service=NAME schema=NAME</source>
      <translation>of service=NAAM schema=NAAM</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>other</source>
      <translation>overig</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/requests/evaluate.py" />
      <location filename="../../../ev_planner/processing/algorithms/generatecandidates.py" />
      <source>outside the area</source>
      <translation>buiten het gebied</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>p90</source>
      <translation>p90</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>parking pressure</source>
      <translation>parkeerdruk</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>points</source>
      <translation>punten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>polygons</source>
      <translation>polygonen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>proposed</source>
      <translation>voorgesteld</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>reason</source>
      <translation>reden</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>reason: {reason}</source>
      <translation>reden: {reason}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>received</source>
      <translation>ontvangen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/request_kpis.py" />
      <source>received to answer</source>
      <translation>ontvangst tot antwoord</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/request_kpis.py" />
      <source>received to delivery of the point</source>
      <translation>ontvangst tot oplevering van het punt</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/requests/intake.py" />
      <source>received_at is not a date (2026-03-01 or 01-03-2026)</source>
      <translation>received_at is geen datum (2026-03-01 of 01-03-2026)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>reject</source>
      <translation>afwijzen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>rejected</source>
      <translation>afgewezen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>request at operator</source>
      <translation>aanvraag bij exploitant</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>request changes</source>
      <translation>wijzigingen vragen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>requested at operator</source>
      <translation>aangevraagd bij de exploitant</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>resubmit after changes</source>
      <translation>opnieuw indienen na wijzigingen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>safety</source>
      <translation>veiligheid</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>same location and hour in several files</source>
      <translation>dezelfde locatie en hetzelfde uur in meerdere bestanden</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>same location and time twice</source>
      <translation>dezelfde locatie en tijd twee keer</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>session not completed (active, pending or invalid)</source>
      <translation>sessie niet afgerond (actief, in behandeling of ongeldig)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_layers.py" />
      <source>source</source>
      <translation>bron</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>start before 2009</source>
      <translation>begin vóór 2009</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>start in the future</source>
      <translation>begin in de toekomst</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>start missing or unreadable</source>
      <translation>begin ontbreekt of is onleesbaar</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>start outside DATE_FROM - DATE_TO</source>
      <translation>begin buiten DATE_FROM - DATE_TO</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>status not recognised</source>
      <translation>status niet herkend</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>step</source>
      <translation>stap</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>submit for review</source>
      <translation>ter beoordeling indienen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/selectlocations.py" />
      <source>sum of the largest remaining gains</source>
      <translation>som van de grootste resterende winsten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>the fewest possible</source>
      <translation>het kleinst mogelijke aantal</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>the sessions carry no charging time</source>
      <translation>de sessies bevatten geen laadtijd</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>the sessions carry no kWh</source>
      <translation>de sessies bevatten geen kWh</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>too little data: {sampled}</source>
      <translation>te weinig gegevens: {sampled}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>total_time does not match the timestamps</source>
      <translation>total_time komt niet overeen met de tijdstippen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>traffic decree</source>
      <translation>verkeersbesluit</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>traffic decree taken</source>
      <translation>verkeersbesluit genomen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/review_labels.py" />
      <source>trees</source>
      <translation>bomen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/importer.py" />
      <source>unknown location</source>
      <translation>onbekende locatie</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/records.py" />
      <source>unparseable coordinates</source>
      <translation>onleesbare coördinaten</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>unreadable occupancy file</source>
      <translation>onleesbaar bezettingsbestand</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>usage: one occupancy value per point is needed.</source>
      <translation>gebruik: per punt is één bezettingswaarde nodig.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>value for a clock hour that does not exist (DST change)</source>
      <translation>waarde voor een klokuur dat niet bestaat (zomertijdwissel)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/resources/styles/usage_kpis.qml" />
      <source>watch</source>
      <translation>volgen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>{active:,} of {total:,} planned locations count (not rejected or cancelled).</source>
      <translation>{active:,} van de {total:,} geplande locaties tellen mee (niet afgewezen of vervallen).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>{amount} not yet served</source>
      <translation>{amount} nog niet bediend</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>{amount} {label} within {radius} m</source>
      <translation>{amount} {label} binnen {radius} m</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>{amount} {label} within {radius} m walking</source>
      <translation>{amount} {label} binnen {radius} m lopen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>{area}: {operators} operator(s), HHI {hhi:.0f}, {evses:.0f} EVSEs, {equivalents:.0f} charge-point equivalents.</source>
      <translation>{area}: {operators} exploitant(en), HHI {hhi:.0f}, {evses:.0f} EVSE's, {equivalents:.0f} laadpuntequivalenten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>{checked} locations checked, {conflicts} with conflicts.</source>
      <translation>{checked} locaties gecontroleerd, {conflicts} met conflicten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>{count:,} addresses to match requests against.</source>
      <translation>{count:,} adressen om aanvragen mee te koppelen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>{count} POIs within {radius} m</source>
      <translation>{count} POI's binnen {radius} m</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/scoring.py" />
      <source>{count} POIs within {radius} m walking</source>
      <translation>{count} POI's binnen {radius} m lopen</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>{count} area(s) have only targets of weight 0; their values were split equally.</source>
      <translation>{count} gebied(en) hebben alleen doelobjecten met gewicht 0; hun waarden zijn gelijk verdeeld.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>{count} area(s) without targets; in total not distributed: {totals}.</source>
      <translation>{count} gebied(en) zonder doelobjecten; in totaal niet verdeeld: {totals}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/copyreview.py" />
      <source>{count} attachment(s) named by events were not found and are not in the copy: {names}</source>
      <translation>{count} bijlage(n) die gebeurtenissen noemen, zijn niet gevonden en staan niet in de kopie: {names}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>{count} candidates scored; best: score {score:.1f} ({reason}).</source>
      <translation>{count} kandidaten gescoord; beste: score {score:.1f} ({reason}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>{count} charge point location(s) lie outside every area.</source>
      <translation>{count} laadpuntlocatie(s) liggen buiten alle gebieden.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>{count} charge point(s) outside the area are not counted.</source>
      <translation>{count} laadpunt(en) buiten het gebied worden niet meegeteld.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>{count} charge point(s) without a location id get no figures.</source>
      <translation>{count} laadpunt(en) zonder locatie-id krijgen geen cijfers.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>{count} charge point(s) without max_power_kw count as &lt;= 22 kW (1 equivalent per EVSE).</source>
      <translation>{count} laadpunt(en) zonder max_power_kw tellen als &lt;= 22 kW (1 equivalent per EVSE).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/exportdecrees.py" />
      <source>{count} documents and the operator files written to {folder}.</source>
      <translation>{count} documenten en de bestanden voor de exploitant weggeschreven naar {folder}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>{count} record(s) delivered twice while paging were kept once.</source>
      <translation>{count} record(s) die bij het pagineren dubbel zijn geleverd, zijn één keer behouden.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/mergechargepoints.py" />
      <source>{count} record(s) marked removed_at left out.</source>
      <translation>{count} record(s) met removed_at weggelaten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>{count} requests ({share} %) answered within the target ({name}).</source>
      <translation>{count} aanvragen ({share} %) binnen de streeftermijn beantwoord ({name}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/reviewkpis.py" />
      <source>{count} residents' requests in the review.</source>
      <translation>{count} aanvragen van bewoners in de review.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>{count} session(s) overlap an earlier session on the same EVSE ({evses} EVSE(s), e.g. {examples}); their overlap is counted once in the occupancy.</source>
      <translation>{count} sessie(s) overlappen een eerdere sessie op dezelfde EVSE ({evses} EVSE('s), bijv. {examples}); hun overlap telt één keer mee in de bezetting.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpisessions.py" />
      <source>{count} session(s) written, {skipped} record(s) skipped.</source>
      <translation>{count} sessie(s) weggeschreven, {skipped} record(s) overgeslagen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>{count} target(s) lie outside every area and get no share.</source>
      <translation>{count} doelobject(en) liggen buiten alle gebieden en krijgen geen aandeel.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>{count} tariff reference(s) matched on the tariff id alone (the location's party differs from the tariff's, as in national feeds).</source>
      <translation>{count} tariefverwijzing(en) alleen op het tarief-id gekoppeld (de partij van de locatie verschilt van die van het tarief, zoals in landelijke feeds).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/loadocpi.py" />
      <source>{count} tariff reference(s) of connectors match no tariff, e.g. {ids}.</source>
      <translation>{count} tariefverwijzing(en) van connectoren komen met geen enkel tarief overeen, bijv. {ids}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/operatorperformance.py" />
      <source>{count} value(s) of {field} are not numbers and count as unknown.</source>
      <translation>{count} waarde(n) van {field} zijn geen getallen en gelden als onbekend.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>{covered} of {qualifying} cells with at least {minimum:g} households have a charge point ({pct:.1f}%); {white} white spot(s).</source>
      <translation>{covered} van de {qualifying} cellen met minstens {minimum:g} huishoudens hebben een laadpunt ({pct:.1f}%); {white} witte vlek(ken).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>{end} must be after {start}.</source>
      <translation>{end} moet na {start} liggen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>{error}</source>
      <translation>{error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/distributedemand.py" />
      <source>{field}: {value:g} distributed over the targets.</source>
      <translation>{field}: {value:g} verdeeld over de doelobjecten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/csvfile.py" />
      <source>{file} is neither UTF-8 nor Windows-1252 text: save it again as CSV (UTF-8).</source>
      <translation>{file} is geen UTF-8- of Windows-1252-tekst: sla het opnieuw op als CSV (UTF-8).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>{file} is not a GeoPackage (or it is damaged): {error}.</source>
      <translation>{file} is geen GeoPackage (of is beschadigd): {error}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/csvfile.py" />
      <source>{file} is not a readable CSV file: {error}</source>
      <translation>{file} is geen leesbaar CSV-bestand: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>{file} is not an EV Planner review GeoPackage: the table {missing} is missing. Create a review with evplanner:createreview.</source>
      <translation>{file} is geen validatie-GeoPackage van EV Planner: de tabel {missing} ontbreekt. Maak een validatie met evplanner:createreview.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/csvfile.py" />
      <source>{file} misses the column(s) {missing}; expected {columns}.</source>
      <translation>In {file} ontbreken de kolom(men) {missing}; verwacht: {columns}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>{file}: review_config cannot be read ({error}).</source>
      <translation>{file}: review_config kan niet worden gelezen ({error}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>{file}: the decision column(s) {columns} of review_config are missing from review_locations.</source>
      <translation>{file}: de besluitkolom(men) {columns} uit review_config ontbreken in review_locations.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/usage/ocpi_usage.py" />
      <source>{first} {second}</source>
      <translation>{first} {second}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/importreviewevents.py" />
      <source>{imported} of {rows} rows imported, {skipped} skipped.</source>
      <translation>{imported} van {rows} rijen geïmporteerd, {skipped} overgeslagen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/usage_inputs.py" />
      <source>{input}: {count} record(s) skipped: {reason}.</source>
      <translation>{input}: {count} record(s) overgeslagen: {reason}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>{input}: {rows} record(s) with {ids} location id(s) that are not among the charge points were ignored, e.g. {examples}.</source>
      <translation>{input}: {rows} record(s) met {ids} locatie-id('s) die niet bij de laadpunten horen, zijn genegeerd, bijv. {examples}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/spatial.py" />
      <source>{label}: coordinates must be finite numbers.</source>
      <translation>{label}: coördinaten moeten eindige getallen zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/spatial.py" />
      <source>{label}: expected an (n, 2) array of x, y coordinates.</source>
      <translation>{label}: een (n, 2)-array met x-, y-coördinaten verwacht.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/network.py" />
      <source>{label}: line {index} is not a list of x, y coordinates.</source>
      <translation>{label}: lijn {index} is geen lijst van x-, y-coördinaten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <source>{layer} is not a vector layer.</source>
      <translation>{layer} is geen vectorlaag.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>{layer}: the field {field} is replaced by the result field of the same name.</source>
      <translation>{layer}: het veld {field} wordt vervangen door het resultaatveld met dezelfde naam.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>{layer}: {count:,} of {total:,} points are more than {access:,.0f} m from the street network; they count as not reached.</source>
      <translation>{layer}: {count:,} van de {total:,} punten liggen meer dan {access:,.0f} m van het stratennetwerk; ze tellen als niet bereikt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/checkconstraints.py" />
      <source>{layer}: {count} (nearest {nearest} m)</source>
      <translation>{layer}: {count} (dichtstbijzijnde {nearest} m)</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/scorecandidates.py" />
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>{layer}: {count} feature(s) skipped ({reason}).</source>
      <translation>{layer}: {count} object(en) overgeslagen ({reason}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/layers.py" />
      <source>{layer}: {count} invalid geometries repaired.</source>
      <translation>{layer}: {count} ongeldige geometrieën gerepareerd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/network.py" />
      <source>{layer}: {share:.1f}% lies on {pieces:,} street piece(s) not connected to the main network.</source>
      <translation>{layer}: {share:.1f}% ligt op {pieces:,} stuk(ken) straat die niet met het hoofdnetwerk verbonden zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>{locations} locations, {events} events; generated {at} (UTC).</source>
      <translation>{locations} locaties, {events} gebeurtenissen; gemaakt op {at} (UTC).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/importer.py" />
      <source>{location} {action} at {at}</source>
      <translation>{location} {action} op {at}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/importer.py" />
      <source>{location}: {error}</source>
      <translation>{location}: {error}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/potential/network.py" />
      <source>{name} must be zero or a positive number of metres.</source>
      <translation>{name} moet nul of een positief aantal meters zijn.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/plugin.py" />
      <source>{package} is not installed ({gain}). Install it with: {command}</source>
      <translation>{package} is niet geïnstalleerd ({gain}). Installeer het met: {command}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/copy.py" />
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>{path} already exists. Choose another file name (an existing review is never overwritten).</source>
      <translation>{path} bestaat al. Kies een andere bestandsnaam (een bestaande validatie wordt nooit overschreven).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/copy.py" />
      <source>{path} exists with other content than the attachment {name} of the review; move it away or copy the review into another folder.</source>
      <translation>{path} bestaat al met een andere inhoud dan de bijlage {name} van de review; verplaats het of kopieer de review naar een andere map.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/store.py" />
      <source>{path} holds {count} review event(s); it is not overwritten. Delete or rename it yourself if you really want to start over.</source>
      <translation>{path} bevat {count} validatiegebeurtenis(sen); het wordt niet overschreven. Verwijder het of geef het zelf een andere naam als u echt opnieuw wilt beginnen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/gpkg_refresh.py" />
      <source>{path} is not a GeoPackage EV Planner can open for writing.</source>
      <translation>{path} is geen GeoPackage die EV Planner kan openen om te schrijven.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>{pct:.1f}% of the households have a charge point within {radius:g} m walking.</source>
      <translation>{pct:.1f}% van de huishoudens heeft een laadpunt binnen {radius:g} m lopen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/coveragecheck.py" />
      <source>{pct:.1f}% of the households have a charge point within {radius:g} m.</source>
      <translation>{pct:.1f}% van de huishoudens heeft een laadpunt binnen {radius:g} m.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/walkingdistance.py" />
      <source>{reached:,} of {total:,} points reach a target within {limit:,.0f} m walking; median walk {median:,.0f} m.</source>
      <translation>{reached:,} van de {total:,} punten bereiken een doel binnen {limit:,.0f} m lopen; mediane loopafstand {median:,.0f} m.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/mergechargepoints.py" />
      <source>{records} record(s) from {layers} layer(s) merged into {locations} location(s).</source>
      <translation>{records} record(s) uit {layers} laag/lagen samengevoegd tot {locations} locatie(s).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/reviewkpis.py" />
      <source>{rows} KPI rows from {events} events on {locations} locations.</source>
      <translation>{rows} KPI-rijen uit {events} gebeurtenissen op {locations} locaties.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>{sites} new site(s) for {requests} request(s): {proof}.</source>
      <translation>{sites} nieuwe locatie(s) voor {requests} aanvraag/aanvragen: {proof}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/safe_json.py" />
      <source>{source} answered JSON nested more than {limit} levels deep. No charging data is nested like that, so EV Planner does not read it: check the address or ask the server's operator.</source>
      <translation>{source} antwoordde met JSON die meer dan {limit} niveaus diep genest is. Geen laaddata is zo genest, dus EV Planner leest het niet: controleer het adres of vraag het na bij de beheerder van de server.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/safe_json.py" />
      <source>{source} holds JSON nested more than {limit} levels deep. No charging data is nested like that, so EV Planner does not read it: check that this is the right file.</source>
      <translation>{source} bevat JSON die meer dan {limit} niveaus diep genest is. Geen laaddata is zo genest, dus EV Planner leest het niet: controleer of dit het juiste bestand is.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/load_report.py" />
      <source>{source}: record {id} skipped: {reason}.</source>
      <translation>{source}: record {id} overgeslagen: {reason}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/load_report.py" />
      <source>{source}: {count} charge location(s) read.</source>
      <translation>{source}: {count} laadlocatie(s) gelezen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/load_report.py" />
      <source>{source}: {count} duplicate record(s) ignored.</source>
      <translation>{source}: {count} dubbele record(s) genegeerd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/load_report.py" />
      <source>{source}: {count} location(s) had latitude and longitude swapped; swapped back.</source>
      <translation>{source}: bij {count} locatie(s) waren breedte- en lengtegraad verwisseld; teruggezet.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/load_report.py" />
      <source>{source}: {count} location(s) not published (publish: false) skipped.</source>
      <translation>{source}: {count} niet-gepubliceerde locatie(s) (publish: false) overgeslagen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/load_report.py" />
      <source>{source}: {count} location(s) outside the extent left out.</source>
      <translation>{source}: {count} locatie(s) buiten het bereik weggelaten.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/load_report.py" />
      <source>{source}: {count} more record(s) skipped.</source>
      <translation>{source}: nog {count} record(s) overgeslagen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/load_report.py" />
      <source>{source}: {count} skipped ({reason}).</source>
      <translation>{source}: {count} overgeslagen ({reason}).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/load_report.py" />
      <source>{source}: {count} value(s) of {field} outside {low:g}–{high:g} set to NULL.</source>
      <translation>{source}: {count} waarde(n) van {field} buiten {low:g}–{high:g} op NULL gezet.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/evaluaterequests.py" />
      <source>{total:,} requests: {existing:,} covered by an existing point, {planned:,} by a planned location, {new:,} need a new location, {none:,} not assessable.</source>
      <translation>{total:,} aanvragen: {existing:,} gedekt door een bestaand punt, {planned:,} door een geplande locatie, {new:,} hebben een nieuwe locatie nodig, {none:,} niet te beoordelen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>{url} answered HTTP {status} {reason}.</source>
      <translation>{url} antwoordde met HTTP {status} {reason}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>{url} answered HTTP {status}.</source>
      <translation>{url} antwoordde met HTTP {status}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>{url} did not answer an OCPI response (no 'data'/'status_code').</source>
      <translation>{url} gaf geen OCPI-antwoord (geen 'data'/'status_code').</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>{url} did not answer valid JSON (content type {content_type}): {snippet!r}</source>
      <translation>{url} antwoordde niet met geldige JSON (content type {content_type}): {snippet!r}</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>{url} did not return a list of objects.</source>
      <translation>{url} gaf geen lijst met objecten terug.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>{url} does not exist (HTTP 404). Check the address.</source>
      <translation>{url} bestaat niet (HTTP 404). Controleer het adres.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>{url} is neither an OCPI versions, version-details nor {module} endpoint.</source>
      <translation>{url} is geen OCPI-endpoint voor versions, version-details of {module}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>{url} is not an OCPI version-details endpoint (no 'endpoints').</source>
      <translation>{url} is geen OCPI-endpoint voor version-details (geen 'endpoints').</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>{url} keeps refusing requests: too many requests (HTTP 429) after {attempts} attempts. Try again later.</source>
      <translation>{url} blijft verzoeken weigeren: te veel verzoeken (HTTP 429) na {attempts} pogingen. Probeer het later opnieuw.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>{url} keeps returning objects already received; stopping.</source>
      <translation>{url} blijft objecten teruggeven die al ontvangen zijn; gestopt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>{url} refused the credentials (HTTP {status}). Check the token or API key and its permissions.</source>
      <translation>{url} weigerde de inloggegevens (HTTP {status}). Controleer het token of de API-sleutel en de rechten ervan.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>{url} refused the token (HTTP {status}) in both the OCPI 2.2 (base64) and 2.1.1 (plain) forms. Check that the token is valid, not expired, and allowed to read this module.</source>
      <translation>{url} weigerde het token (HTTP {status}) in zowel de vorm van OCPI 2.2 (base64) als die van 2.1.1 (platte tekst). Controleer of het token geldig is, niet verlopen, en deze module mag lezen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>{url} refused the token (HTTP {status}). Check that the token is valid, not expired, and allowed to read this module.</source>
      <translation>{url} weigerde het token (HTTP {status}). Controleer of het token geldig is, niet verlopen, en deze module mag lezen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>{url} refused the token form '{form}'; trying '{other}'.</source>
      <translation>{url} weigerde de tokenvorm '{form}'; '{other}' wordt geprobeerd.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>{url} requires a token (HTTP {status}): give the OCPI token (TOKEN) or an authentication configuration (AUTHCFG).</source>
      <translation>{url} vereist een token (HTTP {status}): geef het OCPI-token (TOKEN) of een authenticatieconfiguratie (AUTHCFG).</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/sources/ocpi_client.py" />
      <source>{url}: more than {max_pages} pages; stopping.</source>
      <translation>{url}: meer dan {max_pages} pagina's; gestopt.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>{url}: {problem}, after {attempts} attempts.</source>
      <translation>{url}: {problem}, na {attempts} pogingen.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/http.py" />
      <source>{url}: {problem}; retrying in {seconds:.1f} s.</source>
      <translation>{url}: {problem}; nieuwe poging over {seconds:.1f} s.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/ui/review_dock.py" />
      <source>{user} holds none of the roles of the review {schema}, so cannot decide or record steps. Ask the review's administrator for the role of your department ({roles}) or {coordinator}.</source>
      <translation>{user} heeft geen van de rollen van de validatie {schema} en kan dus niet besluiten of stappen vastleggen. Vraag de beheerder van de validatie om de rol van uw afdeling ({roles}) of {coordinator}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>{user} may not record events for {department}: that needs membership of the role {role}.</source>
      <translation>{user} mag geen gebeurtenissen vastleggen voor {department}: daarvoor is lidmaatschap van de rol {role} nodig.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/postgres.py" />
      <source>{user} may not record {action}: process steps need membership of the role {role}.</source>
      <translation>{user} mag {action} niet vastleggen: processtappen vragen lidmaatschap van de rol {role}.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>{value} days of sessions</source>
      <translation>{value} dagen met sessies</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/usagekpis.py" />
      <source>{value} hours sampled</source>
      <translation>{value} gemeten uren</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/core/review/report.py" />
      <source>{with_photo} of {delivered} delivered locations have a street photo.</source>
      <translation>{with_photo} van de {delivered} opgeleverde locaties hebben een straatfoto.</translation>
    </message>
    <message>
      <location filename="../../../ev_planner/processing/algorithms/forecastdemand.py" />
      <source>{year}: {evs:.0f} EVs, {required} public charge points required, {existing:.0f} existing, gap {gap:.0f}.</source>
      <translation>{year}: {evs:.0f} EV's, {required} publieke laadpunten nodig, {existing:.0f} bestaand, tekort {gap:.0f}.</translation>
    </message>
  </context>
</TS>
