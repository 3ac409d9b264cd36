#!/usr/bin/env bash
# The fuzzing suite's long pass (issue 10): the same fuzz tests as the test command (test/*/Fuzzing), with a bigger
# budget per target and a seed drawn afresh, then a table of how many inputs each target tried and what it found.
#
#   bench/fuzz/run.sh [--inputs N] [--seed SEED]
#
# --inputs is per target (default 8000: 14 targets, about 112,000 inputs); --seed replays a run (default: random).
# Uses the shared local services (scripts/services.sh up is idempotent, skipped when SMBAGENT_PG_HOST is already set);
# each test class makes its own database.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
inputs=8000
seed=random
while [[ $# -gt 0 ]]; do
  case "$1" in
    --inputs) inputs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "usage: bench/fuzz/run.sh [--inputs N] [--seed SEED]" >&2; exit 2 ;;
  esac
done

# Services already in the environment (another checkout's .local/services.env sourced) are used as they are.
if [[ -z "${SMBAGENT_PG_HOST:-}" ]]; then
  scripts/services.sh up >/dev/null
  # shellcheck disable=SC1091
  source "$(scripts/services.sh env)"
fi
REPORT="$ROOT/bench/fuzz/.report"
rm -rf "$REPORT"
export SMBAGENT_FUZZ_INPUTS="$inputs" SMBAGENT_FUZZ_SEED="$seed" SMBAGENT_FUZZ_REPORT="$REPORT"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

status=0
for project in test/SmbAgent.HttpApi.Host.Tests test/SmbAgent.Web.Tests; do
  dotnet build "$project" -v quiet -nologo -clp:ErrorsOnly
  dotnet test "$project" --no-build -v quiet --nologo --filter "FullyQualifiedName~.Fuzzing." || status=$?
done

python3 - "$REPORT" <<'PY'
import glob, os, sys
rows, examples = [], []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    target, tried, seconds, seed, counts = lines[0].split("\t")
    found = dict(c.split("=") for c in counts.split())
    rows.append((target, int(tried), float(seconds), seed, found))
    examples += [f"{target}: {line.strip()}" for line in lines[1:]]
if not rows:
    sys.exit("fuzz: no target reported")
kinds = list(rows[0][4])
print(f"{'target':28} {'inputs':>8} {'seconds':>8} {'per s':>7} " + " ".join(f"{k:>12}" for k in kinds))
for target, tried, seconds, seed, found in rows:
    print(f"{target:28} {tried:>8} {seconds:>8.1f} {tried / max(seconds, 0.001):>7.0f} " + " ".join(f"{found[k]:>12}" for k in kinds))
total = sum(r[1] for r in rows)
totals = {k: sum(int(r[4][k]) for r in rows) for k in kinds}
print(f"{'total':28} {total:>8} {sum(r[2] for r in rows):>8.1f} {'':>7} " + " ".join(f"{totals[k]:>12}" for k in kinds))
print(f"seeds: {', '.join(sorted({r[3] for r in rows}))}")
for line in examples[:20]:
    print(line)
print(f"FUZZ {'CLEAN' if sum(int(v) for v in totals.values()) == 0 else 'FOUND'}: {total} inputs")
PY
exit "$status"
