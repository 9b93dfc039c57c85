#!/usr/bin/env bash
# Debian packages the plugin's end-to-end tests use (plugin/e2e): a real Request Tracker 5 with SQLite and
# its standalone server, and Debian's chromium with its matching chromedriver. Idempotent; needs root and
# a fresh `apt-get update` (.ci/run does that first). The tests themselves install nothing.
set -euo pipefail

PACKAGES=(request-tracker5 rt5-db-sqlite rt5-standalone chromium chromium-driver)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "plugin/ci-packages.sh: all present (${PACKAGES[*]})"
  exit 0
fi

# RT's package would otherwise ask to configure a system database; the tests make their own per run.
echo "request-tracker5 request-tracker5/dbconfig-install boolean false" | debconf-set-selections
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "plugin/ci-packages.sh: installed ${missing[*]}"
