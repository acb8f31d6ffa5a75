#!/usr/bin/env bash
# Builds web/dist/widget.js (called by scripts/lib.sh after `npm ci`).
set -euo pipefail
cd "$(dirname "$0")"
node build.mjs
