#!/usr/bin/env bash
# Run the project's own make targets inside a Debian chroot of another suite, so that
# EV Planner is tested against the QGIS, Python and numpy of that suite too:
#
#     scripts/qgis_chroot.sh SUITE [make targets...]     (default target: test)
#     scripts/qgis_chroot.sh trixie test demo
#
# The chroot lives in ${EVP_CHROOT_DIR:-/var/cache/ev-planner/chroots}/SUITE, outside the
# repository, so it is kept between runs; it is built (debootstrap) only when its stamp
# is missing. Each run copies the working tree afresh into /src/ev_planner and runs
# `make VENV=/opt/evplanner-venv TARGET` for each target in a clean environment; the
# project's own `make install` installs the Debian packages and the venv there, as on
# any Debian machine. Every target runs even if an earlier one failed (so a test
# failure still shows the demo's result); the exit code is the first failing make's.
# Needs root (debootstrap, mount, chroot).
set -euo pipefail

usage() {
  echo "usage: $0 SUITE [make targets...]   e.g. $0 trixie test demo" >&2
  exit 2
}

[ $# -ge 1 ] || usage
SUITE=$1
shift
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(test)
[[ $SUITE =~ ^[a-z][a-z0-9-]*$ ]] || usage

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Canonical, so that it compares equal to /proc/PID/root.
ROOT=$(realpath -m "${EVP_CHROOT_DIR:-/var/cache/ev-planner/chroots}")
DIR=$ROOT/$SUITE
STAMP=$DIR/.evplanner-ready
VENV=/opt/evplanner-venv         # inside the chroot, so it survives between runs
SRC=/src/ev_planner              # inside the chroot, replaced on every run
# The clean environment every command in the chroot starts from: nothing of the
# host's (its venv, pip configuration, proxies, QGIS settings) leaks in.
CLEAN_ENV=(/usr/bin/env -i HOME=/root LANG=C.UTF-8
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)

MOUNTED=()      # mount points made by this run, unmounted in reverse order on exit
BUILD_DIR=""    # a chroot being built; removed on exit if the build did not finish
CHILD=""        # the pid of the long command run_child is waiting for
LOCKED=""       # set once this run holds the suite's lock

log() { printf '== qgis_chroot %s: %s\n' "$SUITE" "$*"; }
now() { date +%s; }

# --- cleanup: on every exit path (normal, error, Ctrl-C, kill) -------------------------

# Processes still running with their root in the chroot (a test's Xvfb or server, or
# everything after a Ctrl-C) would keep the mounts busy: end them, by pid.
kill_chroot_processes() {
  local dir=$1 signal pid pids
  for signal in TERM KILL; do
    pids=()
    for pid in /proc/[0-9]*; do
      [ "$(readlink "$pid/root" 2>/dev/null)" = "$dir" ] && pids+=("${pid#/proc/}")
    done
    [ ${#pids[@]} -eq 0 ] && return 0
    kill "-$signal" "${pids[@]}" 2>/dev/null || true
    if [ "$signal" = TERM ]; then sleep 2; fi
  done
}

# Every mount below $1, deepest first: ours, and any left by a killed earlier run or by
# debootstrap.
mounts_below() {
  findmnt -rn -o TARGET | awk -v d="$1/" 'index($0, d) == 1' | sort -r
}

unmount_all_below() {
  local dir=$1 target
  while read -r target; do
    [ -n "$target" ] || continue
    umount "$target" 2>/dev/null || umount -l "$target"
  done < <(mounts_below "$dir")
}

cleanup() {
  local status=$? i dir dirs=()
  # Every step below is tried, whatever fails, and a closed stdout (Ctrl-C also ends a
  # `| tee`) must not kill the cleanup halfway.
  set +e
  trap - EXIT INT TERM
  trap '' PIPE
  # A run still waiting for the lock must not touch the chroot another run is using.
  [ -n "$LOCKED" ] && dirs=("$DIR" ${BUILD_DIR:+"$BUILD_DIR"})
  [ -n "$CHILD" ] && kill -TERM -- "-$CHILD" 2>/dev/null
  for dir in "${dirs[@]}"; do
    [ -d "$dir" ] && kill_chroot_processes "$dir"
  done
  # debootstrap runs on the host, not in the chroot: it had its TERM and two seconds.
  [ -n "$CHILD" ] && { kill -KILL -- "-$CHILD" 2>/dev/null; wait "$CHILD" 2>/dev/null; }
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTED[i]}" 2>/dev/null || umount -l "${MOUNTED[i]}" 2>/dev/null
  done
  for dir in "${dirs[@]}"; do
    [ -d "$dir" ] && unmount_all_below "$dir"
  done
  # An unfinished build is thrown away; --one-file-system so that a mount we failed
  # to remove is never descended into.
  [ -n "$BUILD_DIR" ] && rm -rf --one-file-system "$BUILD_DIR"
  exit "$status"
}

on_signal() {
  trap '' PIPE
  log "$1, cleaning up" || true
  exit "$2"
}

trap cleanup EXIT
trap 'on_signal interrupted 130' INT
trap 'on_signal terminated 143' TERM

# A long command (debootstrap, apt-get, make) runs in the background and is waited for,
# so that a TERM or Ctrl-C of this script reaches the trap at once: bash defers traps
# while a foreground child runs. It gets a session of its own (setsid: its pid is its
# process group), so the trap can end it with all its children (debootstrap's wget).
run_child() {
  local status=0
  setsid "$@" </dev/null &
  CHILD=$!
  wait "$CHILD" || status=$?
  CHILD=""
  return "$status"
}

# --- host side -------------------------------------------------------------------------

require_root() {
  [ "$(id -u)" -eq 0 ] && return 0
  command -v sudo >/dev/null || { echo "$0: needs root (debootstrap, mount, chroot)" >&2; exit 1; }
  exec sudo --preserve-env=EVP_CHROOT_DIR,CI,PYTEST_ARGS "$0" "$SUITE" "${TARGETS[@]}"
}

# Only one run per suite at a time: two would share the chroot, its venv and /src.
take_lock() {
  mkdir -p "$ROOT"
  exec 9>"$ROOT/.$SUITE.lock"
  flock -n 9 || { log "another run holds $ROOT/.$SUITE.lock, waiting"; flock 9; }
  LOCKED=yes
}

ensure_debootstrap() {
  command -v debootstrap >/dev/null && return 0
  log "installing debootstrap on the host"
  # The package lists may be missing or old: update only when the install fails.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; }
}

# The host's Debian mirror: the apt source of the host's own release (whatever the
# sources' format), so the chroot uses the same, reachable, mirror.
# shellcheck disable=SC2016 # $(REPO_URI) is apt's format, not the shell's
host_mirror() {
  local codename uri
  codename=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release)
  uri=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 2>/dev/null |
    awk -v c="$codename" '$2 == c { print $1; exit }')
  [ -n "$uri" ] || uri=$(apt-get indextargets --format '$(REPO_URI)' 2>/dev/null |
    grep -m1 -E '/debian/?$' || true)
  uri=${uri:-http://deb.debian.org/debian}
  echo "${uri%/}"
}

# --- inside the chroot -----------------------------------------------------------------

in_chroot() {
  local dir=$1
  shift
  chroot "$dir" "${CLEAN_ENV[@]}" DEBIAN_FRONTEND=noninteractive "$@"
}

mount_one() {
  local target=$2
  shift 2
  mountpoint -q "$target" && return 0
  mkdir -p "$target"
  mount "$@" "$target"
  MOUNTED+=("$target")
}

mount_system() {
  local dir=$1
  mount_one proc "$dir/proc" -t proc proc
  mount_one sys "$dir/sys" --bind /sys
  mount_one dev "$dir/dev" --bind /dev
  mount_one pts "$dir/dev/pts" --bind /dev/pts
  # The bind of /dev does not bring the host's /dev/shm mount; Python's multiprocessing
  # and Qt want a writable one of their own.
  mount_one shm "$dir/dev/shm" -t tmpfs -o mode=1777,nosuid,nodev shm
}

unmount_system() {
  local i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTED[i]}" 2>/dev/null || umount -l "${MOUNTED[i]}"
  done
  MOUNTED=()
}

# sid's Release file on the mirror may be past its Valid-Until date (a frozen mirror):
# apt would refuse it, also in the project's own `apt-get update`.
configure_apt() {
  local dir=$1 mirror=$2
  echo "deb $mirror $SUITE main" >"$dir/etc/apt/sources.list"
  case $SUITE in
    sid | unstable | experimental)
      echo 'Acquire::Check-Valid-Until "false";' >"$dir/etc/apt/apt.conf.d/99evplanner-valid-until" ;;
  esac
  # No daemon may start from a package's postinst inside the chroot.
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
  chmod 755 "$dir/usr/sbin/policy-rc.d"
  # dpkg's fsync per file makes installing QGIS minutes slower; a test chroot that
  # is thrown away when broken does not need it.
  echo force-unsafe-io >"$dir/etc/dpkg/dpkg.cfg.d/99evplanner-unsafe-io"
}

# Name resolution and the host's extra CA certificates (pip reaches PyPI through them):
# copied on every run, so a change on the host is picked up.
sync_host_config() {
  local dir=$1
  cp -L /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
  cp /etc/hosts "$dir/etc/hosts"
  mkdir -p "$dir/usr/local/share/ca-certificates"
  find "$dir/usr/local/share/ca-certificates" -mindepth 1 -delete
  if compgen -G '/usr/local/share/ca-certificates/*' >/dev/null; then
    cp -r /usr/local/share/ca-certificates/. "$dir/usr/local/share/ca-certificates/"
  fi
  # Quiet (trixie's rehash warns about the bundle file itself) unless it fails.
  in_chroot "$dir" update-ca-certificates --fresh >/dev/null 2>&1 ||
    in_chroot "$dir" update-ca-certificates --fresh
}

build_chroot() {
  local mirror started
  [ -e "$STAMP" ] && return 0
  ensure_debootstrap
  mirror=$(host_mirror)
  started=$(now)
  log "building the chroot in $DIR from $mirror (debootstrap, once)"
  [ -e "$DIR" ] && { log "$DIR has no stamp: an unfinished chroot, removing it"; remove_tree "$DIR"; }
  remove_stale_builds
  BUILD_DIR=$(mktemp -d "$ROOT/.$SUITE.build.XXXXXX")
  chmod 755 "$BUILD_DIR"
  run_child debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$BUILD_DIR" "$mirror"
  configure_apt "$BUILD_DIR" "$mirror"
  mount_system "$BUILD_DIR"
  sync_host_config "$BUILD_DIR"
  # make must be there before the project's Makefile can install the rest, and git
  # before the copied tree is made a repository (prepare_tree).
  run_child chroot "$BUILD_DIR" "${CLEAN_ENV[@]}" apt-get update -qq
  run_child chroot "$BUILD_DIR" "${CLEAN_ENV[@]}" DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq make git
  in_chroot "$BUILD_DIR" apt-get clean
  unmount_system
  printf 'suite=%s\nmirror=%s\nbuilt=%s\n' "$SUITE" "$mirror" "$(date -u +%FT%TZ)" \
    >"$BUILD_DIR/.evplanner-ready"
  mv "$BUILD_DIR" "$DIR"
  BUILD_DIR=""
  log "chroot built in $(($(now) - started)) s"
}

remove_tree() {
  kill_chroot_processes "$1"
  unmount_all_below "$1"
  rm -rf --one-file-system "$1"
}

# Builds interrupted by a kill -9 (the lock says no other run is using them).
remove_stale_builds() {
  local stale
  for stale in "$ROOT/.$SUITE.build."*; do
    [ -d "$stale" ] && remove_tree "$stale"
  done
  return 0
}

# The working tree as git sees it (tracked and untracked-not-ignored files, without
# .venv, out/ or .qgis-profile), into a fresh $SRC: never a bind mount of the repo.
copy_tree() {
  rm -rf --one-file-system "$DIR$SRC"
  mkdir -p "$DIR$SRC"
  (
    cd "$REPO"
    git ls-files -co --exclude-standard -z |
      while IFS= read -r -d '' file; do # a tracked file deleted in the tree is skipped
        if [ -e "$file" ] || [ -L "$file" ]; then printf '%s\0' "$file"; fi
      done |
      tar --null --no-recursion -T - -cf -
  ) | tar -xf - -C "$DIR$SRC"
}

# The copy has no .git, yet scripts/package.sh (and the test of the zip) archive the
# tree with git: make it a repository of its own, the copy as its one commit. And
# ./.venv points to the venv, where package.sh and that test look for it.
prepare_tree() {
  in_chroot "$DIR" bash -c "cd $SRC && git -c init.defaultBranch=main init -q && git add -A &&
    git -c user.name=qgis_chroot -c user.email=qgis_chroot@localhost commit -q -m 'working tree'"
  ln -s "$VENV" "$DIR$SRC/.venv"
  echo /.venv >>"$DIR$SRC/.git/info/exclude" # .gitignore's ".venv/" is for a directory
}

# What this suite brings: the Debian packages (installed, or the version apt would
# install), and, once the venv exists, what its python imports (pip's numpy may
# shadow Debian's).
# shellcheck disable=SC2016 # the script is expanded by the chroot's bash
print_versions() {
  log "versions in $SUITE:"
  in_chroot "$DIR" bash -c '
    for package in qgis python3 python3-numpy python3-pandas python3-scipy gdal-data; do
      version=$(dpkg-query -W -f="\${Version}" "$package" 2>/dev/null || true)
      [ -n "$version" ] || version="$(apt-cache policy "$package" 2>/dev/null |
        sed -n "s/ *Candidate: //p") (not installed yet)"
      printf "   %-15s %s\n" "$package" "$version"
    done'
  if [ -x "$DIR$VENV/bin/python" ]; then
    in_chroot "$DIR" QT_QPA_PLATFORM=offscreen "$VENV/bin/python" - <<'EOF' || true
import importlib, sys
print(f"   venv python     {sys.version.split()[0]}")
try:
    from qgis.core import Qgis
    print(f"   venv QGIS       {Qgis.version()}")
except Exception as error:
    print(f"   venv QGIS       not importable: {error}")
for name, module in [("numpy", "numpy"), ("pandas", "pandas"), ("scipy", "scipy"), ("GDAL", "osgeo.gdal")]:
    try:
        imported = importlib.import_module(module)
        version = imported.__version__
        print(f"   venv {name:<10} {version}  ({imported.__file__})")
    except Exception as error:
        print(f"   venv {name:<10} not importable: {error}")
EOF
  fi
}

# One make in the chroot; pip there needs the CA bundle that has the host's CAs.
run_make() {
  local target=$1 command
  command="cd $SRC && make VENV=$VENV"
  [ -n "${PYTEST_ARGS:-}" ] && command+=" PYTEST_ARGS=$(printf '%q' "$PYTEST_ARGS")"
  command+=" $(printf '%q' "$target")"
  run_child chroot "$DIR" "${CLEAN_ENV[@]}" CI="${CI:-}" \
    PIP_CERT=/etc/ssl/certs/ca-certificates.crt bash -lc "$command"
}

main() {
  local started status=0 target_status target_started summary=() had_venv=""
  require_root
  take_lock
  # A run killed with -9 may have left mounts or processes behind.
  [ -d "$DIR" ] && { kill_chroot_processes "$DIR"; unmount_all_below "$DIR"; }

  started=$(now)
  build_chroot
  summary+=("build $(($(now) - started)) s")

  mount_system "$DIR"
  sync_host_config "$DIR"
  copy_tree
  prepare_tree
  [ -x "$DIR$VENV/bin/python" ] && had_venv=yes
  print_versions

  # install first, on its own, so its time is told apart from the tests'.
  for target in install "${TARGETS[@]}"; do
    log "make $target"
    target_started=$(now)
    target_status=0
    run_make "$target" || target_status=$?
    summary+=("$target $(($(now) - target_started)) s (exit $target_status)")
    [ "$status" -eq 0 ] && status=$target_status
    # Without the packages and the venv no target can run.
    [ "$target" = install ] && [ "$target_status" -ne 0 ] && break
  done

  # A first run could tell only Debian's versions before the venv existed.
  [ -n "$had_venv" ] || print_versions
  log "outputs are in $DIR$SRC/out until the next run"
  log "$(printf '%s; ' "${summary[@]}")exit $status"
  return "$status"
}

main
