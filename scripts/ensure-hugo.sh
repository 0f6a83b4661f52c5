#!/usr/bin/env bash
# Installs Debian's Hugo when missing. Only the benchmark's peer build uses it
# (`npm run bench -- --items N`, scripts/bench/peer.ts); the site itself never does.
set -euo pipefail
if command -v hugo >/dev/null 2>&1; then
  hugo version
  exit 0
fi
run=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "需要 root 或 sudo 来安装 hugo" >&2; exit 1; }
  run=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq hugo >/dev/null
hugo version
