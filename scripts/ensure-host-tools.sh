#!/usr/bin/env bash
# Installs what the tests need, only when it is missing. `debian` (the default does both):
# Debian packages (chromium, awscli, ripgrep, libkrb5-dev for code-server's addon, zsh and tmux for
# the shell-hook tests, a Japanese font for the screenshots). `code-server`: code-server 4.100.3 in
# tools/host with its own lockfile (300 MB, kept out of `npm install`).
# As a non-root user with packages missing, it installs nothing and exits 3 after naming them.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
if [ "$what" = all ] || [ "$what" = debian ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/bin/aws ] || need+=(awscli)
  command -v rg >/dev/null || need+=(ripgrep)
  [ -e /usr/include/krb5.h ] || [ -e /usr/include/krb5/krb5.h ] || need+=(libkrb5-dev)
  command -v zsh >/dev/null || need+=(zsh)
  command -v tmux >/dev/null || need+=(tmux)
  # A Japanese font, so screenshots of the Japanese run show text rather than boxes.
  [ -n "$(fc-list :lang=ja 2>/dev/null)" ] || need+=(fonts-ipafont-gothic)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "Debian packages missing: ${need[*]} (as root: apt-get install ${need[*]})"
      exit 3
    fi
    echo "installing Debian packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi
if [ "$what" = all ] || [ "$what" = code-server ]; then
  stamp=tools/host/node_modules/.amtc-lock-hash
  want=$(sha256sum tools/host/package-lock.json | cut -c1-64)
  if [ ! -x tools/host/node_modules/.bin/code-server ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    scripts/seed-ripgrep-cache.sh
    echo "installing code-server into tools/host (about 90 s the first time)"
    # code-server's native addons are built against the running Node's own headers (nothing is
    # downloaded); root's npm config on this image says so, a normal user's does not.
    nodeprefix=$(dirname "$(dirname "$(command -v node)")")
    if [ -z "${npm_config_nodedir:-}" ] && [ -f "$nodeprefix/include/node/node.h" ]; then export npm_config_nodedir=$nodeprefix; fi
    (cd tools/host && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
fi
