#!/usr/bin/env bash
# Runs the ```bash blocks of docs/walkthrough.md in order, in one shell, stopping at the first failure, so the
# page is checked exactly as written. BASE (default http://localhost:3000) names the server.
#   BASE=http://localhost:3100 bash docs/walkthrough.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
script=$(awk '/^```bash$/ { on = 1; next } /^```$/ { on = 0 } on' "$here/walkthrough.md")
exec bash -euo pipefail -c "$script"
