#!/usr/bin/env bash
# Runs every test against real services: services up → build → all test projects.
# Each test project writes its TRX file under TestResults/<project>/ (test/Directory.Build.props).
# Ends with the line "N passed, N failed[, N skipped]", read from the TRX results.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
RESULTS="$ROOT/TestResults"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

scripts/services.sh up
# Browser tests drive Debian's Chromium (Playwright never downloads a browser here).
if ! command -v chromium >/dev/null 2>&1; then
  echo "test: installing chromium…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null; }
fi
# shellcheck disable=SC1091
source "$ROOT/.local/services.env"

dotnet build "$ROOT/SmbAgent.sln" -v quiet -nologo -clp:ErrorsOnly

rm -rf "$RESULTS"
status=0
# The widget's unit tests (Node's runner; the build above restored its packages): their TAP summary joins the counts.
widget_tap=$(cd "$ROOT/widget" && npm test --silent 2>&1) || status=$?
printf '%s\n' "$widget_tap" | grep -E '^(not ok|# (pass|fail))' || true
widget_passed=$(printf '%s\n' "$widget_tap" | sed -n 's/^# pass \([0-9]*\)$/\1/p' | tail -1)
widget_failed=$(printf '%s\n' "$widget_tap" | sed -n 's/^# fail \([0-9]*\)$/\1/p' | tail -1)
if [[ -z "$widget_passed" || -z "$widget_failed" ]]; then
  printf '%s\n' "$widget_tap" >&2
  echo "test: the widget's tests wrote no summary" >&2
  widget_passed=0 widget_failed=1
fi
dotnet test "$ROOT/SmbAgent.sln" --no-build -v quiet --nologo \
  --logger "trx" --logger "console;verbosity=minimal" || status=$?

# Sum the <Counters> of every TRX file: dotnet test's own summary is per project.
read -r passed failed skipped files < <(python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = files = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    files += 1
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(passed, failed, skipped, files)
PY
)
passed=$((passed + widget_passed))
failed=$((failed + widget_failed))

if [[ "$files" -eq 0 || "$passed" -eq 0 ]]; then
  echo "test: no test results were written" >&2
  status=1
fi
if [[ "$failed" -gt 0 ]]; then status=1; fi
if [[ "$skipped" -gt 0 ]]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
