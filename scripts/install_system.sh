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
  postgresql postgresql-client       # the throwaway PostGIS cluster of the tests
  python3-psycopg2                   # the PostgreSQL review store's driver
)

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

# The PostgreSQL major the suite's `postgresql` metapackage depends on (15 on bookworm,
# 17 on trixie, ...): its PostGIS package is postgresql-<major>-postgis-3. Asked of dpkg
# when the metapackage is installed (no apt lists needed), of apt otherwise.
postgresql_major() {
  local depends
  depends=$(dpkg-query -W -f='${Status}|${Depends}' postgresql 2>/dev/null || true)
  if [ "${depends%%|*}" = "install ok installed" ]; then
    depends=${depends#*|}
  else
    depends=$(apt-cache depends postgresql 2>/dev/null || true)
  fi
  grep -oE 'postgresql-[0-9]+' <<<"$depends" | head -n1 | cut -d- -f2 || true
}

major=$(postgresql_major)
if [ -z "$major" ]; then
  # No package lists yet (a fresh system): fetch them, then ask again.
  $sudo apt-get update -qq
  updated=1
  major=$(postgresql_major)
fi
if [ -z "$major" ]; then
  echo "install_system.sh: cannot tell which PostgreSQL major the postgresql package depends on" >&2
  exit 1
fi
packages+=("postgresql-$major-postgis-3")

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
[ -n "${updated:-}" ] || $sudo apt-get update -qq
# The default cluster the postgresql package creates is never used: the tests start their own.
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
