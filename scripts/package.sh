#!/usr/bin/env bash
# Build the installable plugin zip into dist/ with qgis-plugin-ci.
#
# qgis-plugin-ci archives the git tree and, when done, runs `git checkout -- .`,
# which would throw away uncommitted work. So it runs in a throwaway copy of the
# checkout (tracked files as they are in the working tree, uncommitted edits
# included), never in the developer's own tree.
set -euo pipefail

version="${1:?usage: scripts/package.sh VERSION [OUTPUT_DIR]}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output_dir="$(mkdir -p "${2:-$repo/dist}" && cd "${2:-$repo/dist}" && pwd)"
venv="${EVP_VENV:-$repo/.venv}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$repo"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  snapshot="$(git stash create)"
  git archive "${snapshot:-HEAD}" | tar -x -C "$work"
else
  # A copy of the tree without its git history (the QGIS-version chroots of make test-qgis):
  # take the files as they are, without the build and run products.
  tar -c --exclude='./.venv*' --exclude='./out' --exclude='./dist' --exclude='./.qgis-profile' \
    --exclude='__pycache__' --exclude='*.qm' . | tar -x -C "$work"
fi

cd "$work"
git init -q
git add -A
git -c user.name=package -c user.email=package@localhost commit -qm "package $version"
for ts in ev_planner/resources/i18n/*.ts; do
  lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
assets=()
for qm in ev_planner/resources/i18n/*.qm; do assets+=(--asset-path "$qm"); done
"$venv/bin/qgis-plugin-ci" package "$version" "${assets[@]}" >/dev/null

mv "ev_planner.$version.zip" "$output_dir/"
echo "$output_dir/ev_planner.$version.zip"
