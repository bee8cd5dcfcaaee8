#!/bin/sh
# Nightly sync convergence (issue 13): thousands of seeds of tests/sync/convergence.test.ts
# against the real hub on SQLite. CI runs a couple of hundred; this runs SYNC_SEEDS (default 5000)
# from SYNC_SEED_BASE (default: a new block each night, from the date, so nights do not repeat).
# A failure prints its seed and the one-line replay (SYNC_SEED=<seed> npx vitest run ...).
set -eu
cd "$(dirname "$0")/.."
SYNC_SEEDS="${SYNC_SEEDS:-5000}"
SYNC_SEED_BASE="${SYNC_SEED_BASE:-$(( $(date -u +%Y%m%d) % 100000 * 10000 + 1 ))}"
export SYNC_SEEDS SYNC_SEED_BASE
echo "sync nightly: ${SYNC_SEEDS} seeds from ${SYNC_SEED_BASE}"
# One seed is a few seconds at most; a whole night's run is bounded so a hang cannot block the next.
exec timeout "${SYNC_NIGHTLY_TIMEOUT:-6h}" npx vitest run tests/sync/convergence.test.ts --testTimeout=120000 --reporter=dot
