#!/bin/sh
# scripts/deps.sh - install the Debian packages caijue needs to build and test.
# The one list of system dependencies: .ci/run and the README call this.
set -eu
PKGS="build-essential pkg-config libyaml-dev libzip-dev libexpat1-dev libpoppler-glib-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk libxlsxwriter-dev libfreexl-dev poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
echo "deps: ok ($PKGS)"
