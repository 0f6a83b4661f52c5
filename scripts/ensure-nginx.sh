#!/usr/bin/env bash
# Installs Debian's nginx with its brotli module when missing. The browser tests serve the
# built site through deploy/nginx/gongshi.conf with this nginx (tests/e2e/nginx.test.ts).
set -euo pipefail
if command -v nginx >/dev/null 2>&1 \
  && ls /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so >/dev/null 2>&1; then
  exit 0
fi
run=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "需要 root 或 sudo 来安装 nginx" >&2; exit 1; }
  run=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq nginx libnginx-mod-http-brotli-filter >/dev/null
# The tests start their own nginx on 127.0.0.1; the system service is not needed for them.
nginx -v
