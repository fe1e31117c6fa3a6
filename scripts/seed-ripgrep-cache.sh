#!/usr/bin/env bash
# @vscode/ripgrep (inside code-server) downloads rg from GitHub in its postinstall unless this
# cache file exists. There is no GitHub here, so hand it Debian's rg in the tarball it expects.
set -euo pipefail
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
[ -s "$tarball" ] && exit 0
command -v rg >/dev/null || { echo "ripgrep is missing: apt-get install -y ripgrep" >&2; exit 1; }
mkdir -p "$cache"
tar -czf "$tarball.tmp" -C "$(dirname "$(command -v rg)")" rg
mv "$tarball.tmp" "$tarball"
