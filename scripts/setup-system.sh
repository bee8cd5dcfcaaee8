#!/usr/bin/env bash
# System packages the tests need: Debian's Chromium (Playwright cannot download a browser
# here), Xvfb for headed runs, socat for serial pseudo-terminals, CJK fonts so Chinese renders,
# PostgreSQL 15 for the hub's tests, pdftoppm (poppler-utils) to look at printed PDFs, and
# openssl for the hub's TLS tests. Idempotent: installs only what is missing.
set -euo pipefail
packages=(chromium xvfb socat fonts-noto-cjk postgresql-15 poppler-utils openssl)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
