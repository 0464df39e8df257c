#!/usr/bin/env bash
# Install the Debian packages EV Planner needs, only when one is missing (idempotent, fast).
set -euo pipefail

packages=(
  qgis python3-qgis qgis-providers   # QGIS 3.22+ with its Python bindings and qgis_process
  python3-venv python3-pip
  python3-scipy python3-pandas python3-requests python3-pyproj python3-markdown
  qttools5-dev-tools                 # lrelease, to compile the translations
  xvfb                               # screenshots of QGIS desktop
  git make
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
