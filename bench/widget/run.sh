#!/usr/bin/env bash
# The widget's cost to a small business's page (issue 12's benchmark): the built files' sizes (loader and everything,
# gzip and brotli), then in Debian's Chromium the same plain host page with and without the snippet, each loaded
# afresh N times: time to the host's load event, main-thread time, long tasks, layout shift, and the requests and
# bytes before any interaction (the loader, its configuration and the chat bundle it fetches when the browser is idle).
# Prints medians and the ratios.
#
#   bench/widget/run.sh [--runs N]
#
# Needs no database: the widget's files are the API host's build (wwwroot/widget, made by its build) served with
# their brotli copies, and the configuration comes from a stub, so the numbers are the widget's, not the API's.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
dotnet build src/SmbAgent.HttpApi.Host --nologo -v quiet -clp:ErrorsOnly
dotnet build bench/widget -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet bench/widget/bin/Release/net10.0/SmbAgent.Bench.Widget.dll "$ROOT/src/SmbAgent.HttpApi.Host/wwwroot/widget" "$@"
