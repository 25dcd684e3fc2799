#!/usr/bin/env bash
# The system tools the tests read our output with: Debian's chromium (the console and the status page in a
# real browser), poppler-utils (pdftotext, pdffonts, pdftoppm), qpdf (the PDFs as a reader sees them) and
# PostgreSQL's server binaries (a private cluster that a test restarts) and PgBouncer (transaction pooling in
# front of TEST_DATABASE_URL, test/support/pgbouncer.ts).
# `npm test` runs this first, so a fresh machine needs nothing done by hand: what is missing is installed
# with apt-get (as root, or through sudo without a password); otherwise it says the one command to run.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
# Chinese text in the console's screenshots (and the source the PDF font subset is cut from).
compgen -G '/usr/share/fonts/opentype/noto/NotoSansCJK-*' >/dev/null || need+=(fonts-noto-cjk)
# initdb and pg_ctl: test/http/database-outage.test.ts restarts a throwaway cluster of its own.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
# test/adapters/knex/pgbouncer.test.ts starts a private one; the package's own service is left as installed.
[ -x /usr/sbin/pgbouncer ] || need+=(pgbouncer)
[ ${#need[@]} -eq 0 ] && exit 0

echo "The tests need: ${need[*]}; installing them with apt-get." >&2
if [ "$(id -u)" = 0 ]; then run=(); elif sudo -n true 2>/dev/null; then run=(sudo); else
  echo "Run this once, then npm test again:  sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
