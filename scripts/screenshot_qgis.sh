#!/usr/bin/env bash
# Take a screenshot of QGIS desktop with the EV Planner plugin and a project open,
# on a virtual screen (Xvfb), so the README's screenshot can be regenerated:
#
#   scripts/screenshot_qgis.sh sample_data/delft/ev_planner_delft.qgz docs/images/qgis_ev_planner.png
#
# EVP_SCREEN_SIZE (default 1600x1000; 1366x768 for a laptop) sets the screen and window size,
# EVP_SCREENSHOT_LOCALE (default nl_NL) the QGIS language, EVP_PLUGIN_PATH the folder holding
# the ev_planner plugin (default this checkout; an unpacked plugin zip to check the package).
#
# QGIS runs with a throwaway profile (plugin enabled, no tips or news) and
# scripts/qgis_screenshot.py, which opens the EV Planner panels, waits for the map to
# render, grabs the main window and quits.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$(realpath "${1:?usage: scripts/screenshot_qgis.sh PROJECT.qgz OUTPUT.png}")"
output="$(realpath -m "${2:?usage: scripts/screenshot_qgis.sh PROJECT.qgz OUTPUT.png}")"
venv="${EVP_VENV:-$repo/.venv}"
profiles="$(mktemp -d)"
trap 'kill "${xvfb_pid:-}" 2>/dev/null || true; rm -rf "$profiles"' EXIT

mkdir -p "$profiles/profiles/default/QGIS" "$(dirname "$output")"
cat > "$profiles/profiles/default/QGIS/QGIS3.ini" <<INI
[PythonPlugins]
ev_planner=true
[qgis]
showTips322=false
checkVersion=false
allowVersionCheck=false
[core]
NewsFeed\\\\httpsfeedqgisorg\\\\disabled=true
[Projections]
promptWhenMultipleTransformsExist=false
[ev_planner]
review\\name=Sanne de Vries
review\\department=Mobiliteit
[locale]
overrideFlag=true
userLocale=${EVP_SCREENSHOT_LOCALE:-nl_NL}
INI

display="${EVP_DISPLAY:-:$((90 + RANDOM % 9))}"
export EVP_SCREEN_SIZE="${EVP_SCREEN_SIZE:-1600x1000}"
Xvfb "$display" -screen 0 "${EVP_SCREEN_SIZE}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1

for site in "$venv"/lib/python3*/site-packages; do
  [ -d "$site" ] && export PYTHONPATH="$site${PYTHONPATH:+:$PYTHONPATH}"
done
export QGIS_PLUGINPATH="${EVP_PLUGIN_PATH:-$repo}"
export EVP_SCREENSHOT="$output"
DISPLAY="$display" timeout 180 qgis --nologo --noversioncheck --profiles-path "$profiles" \
  --project "$project" --code "$repo/scripts/qgis_screenshot.py" >/dev/null 2>&1 || true
[ -s "$output" ] || { echo "no screenshot was written" >&2; exit 1; }
echo "$output"
