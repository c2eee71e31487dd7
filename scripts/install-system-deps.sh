#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that the test suite needs. The list, with what each
# package is for, is scripts/system-packages.txt (the one place: add a package there).
# `make test` (and so .ci/run) runs this first.
#
# - Does nothing (and asks nothing) when every package is installed already: checked with
#   dpkg-query, so a second run takes a fraction of a second and needs no network.
# - Installs with apt-get as root, or through `sudo -n` when that works without a password.
# - Otherwise, or on a system without apt, prints what is missing and exits 0: the tests that
#   need a missing program then skip with a reason (and under CI=true a skip fails the run).
#
# Usage: scripts/install-system-deps.sh [--check|--list]
#   --check: only report, exit 1 if any is missing;  --list: print the package names.
set -euo pipefail

LIST="$(dirname "$0")/system-packages.txt"
PACKAGES=()
while read -r line; do
    line="${line%%#*}"
    for word in $line; do PACKAGES+=("$word"); done
done <"$LIST"

say() { printf 'install-system-deps: %s\n' "$*" >&2; }

check_only=0
case "${1:-}" in
    --check) check_only=1 ;;
    --list) printf '%s\n' "${PACKAGES[@]}"; exit 0 ;;
    "") ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) say "unknown argument: $1"; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    say "no apt-get/dpkg on this system: skipping. Install by hand the equivalents of:"
    say "  ${PACKAGES[*]}"
    exit 0
fi

# Debian's own python3 has no venv/ensurepip without python3-venv; `make` creates a venv.
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    PACKAGES+=(python3-venv)
fi
# evdev (pulled by pynput) builds from source against Python.h: Debian's python3 needs python3-dev.
if command -v python3 >/dev/null 2>&1 && [[ "$(command -v python3)" == /usr/bin/python3 ]] &&
    ! python3 -c 'import os, sysconfig; raise SystemExit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' >/dev/null 2>&1; then
    PACKAGES+=(python3-dev)
fi

# One dpkg-query for all: prints "name<TAB>status" for every package dpkg knows of.
declare -A installed=()
while IFS=$'\t' read -r name status; do
    [[ "$status" == "install ok installed" ]] && installed["$name"]=1
done < <(dpkg-query -W -f='${Package}\t${Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)

missing=()
for pkg in "${PACKAGES[@]}"; do
    [[ -n "${installed[$pkg]:-}" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    say "all ${#PACKAGES[@]} system packages are installed."
    exit 0
fi

say "missing: ${missing[*]}"
if ((check_only)); then
    exit 1
fi

if [[ "$(id -u)" == 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    as_root=(sudo -n)
else
    say "not root and no password-less sudo: NOT installing them."
    say "Run as root:  scripts/install-system-deps.sh   (tests that need them will fail or skip)"
    exit 0
fi

apt_opts=(-o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS
say "apt-get update"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" -qq update
say "apt-get install ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" -q -y \
    --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    install "${missing[@]}" </dev/null
say "installed ${#missing[@]} package(s) in $((SECONDS - start)) s."
