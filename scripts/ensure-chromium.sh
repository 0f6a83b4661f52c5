#!/usr/bin/env bash
# Installs Debian's Chromium (and CJK fonts, so screenshots show Chinese) when missing.
# The browser tests drive this browser; they never download one of their own.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
run=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "需要 root 或 sudo 来安装 chromium" >&2; exit 1; }
  run=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
chromium --version
