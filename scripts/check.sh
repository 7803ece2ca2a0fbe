#!/usr/bin/env bash
# The whole test suite, as CI runs it: static checks, unit and integration tests, build,
# end-to-end tests in Chromium through `parc ui`, and the lab suite against ../shared/lab.
# It installs Debian's Chromium, and snmpd, samba and smbclient for the file-server tests, when
# missing (as root), and starts and stops the lab itself.
set -euo pipefail
cd "$(dirname "$0")/.."

lab_started=0
cleanup() {
  if [ "$lab_started" = 1 ]; then ../shared/lab/stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "check: installing Debian's chromium for the end-to-end tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
    echo "check: could not install chromium; end-to-end tests will be skipped"
fi

missing=()
command -v snmpd >/dev/null || missing+=(snmpd)
command -v smbd >/dev/null || missing+=(samba)
command -v smbclient >/dev/null || missing+=(smbclient)
if [ "${#missing[@]}" -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "check: installing ${missing[*]} for the file-server tests (nothing is started as a service)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null) ||
    echo "check: could not install ${missing[*]}; the file-server tests will say they are skipped"
fi

npm run typecheck
npm run lint
npm run format:check
npm test
npm run build
npm run test:e2e

if [ -x ../shared/lab/start ]; then
  if [ -f "${LAB_STATE:-/tmp/lycee-snmp-lab}/manifest.json" ] && snmpget -v2c -c public -t 1 -r 0 127.20.0.10 1.3.6.1.2.1.1.5.0 >/dev/null 2>&1; then
    echo "check: using the lab that is already running (left running)"
  elif ../shared/lab/start >/dev/null; then
    lab_started=1
  else
    echo "check: ../shared/lab did not start; the lab suite will say it is skipped"
  fi
else
  echo "check: ../shared/lab is absent: the lab suite is SKIPPED"
fi
npm run test:lab
