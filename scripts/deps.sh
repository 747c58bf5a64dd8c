#!/bin/bash
# deps.sh - install the Debian packages Kezek needs, only those missing.
# Sourced by hall.sh and test.sh; works as root or through sudo.
set -eu

KEZEK_PACKAGES=(
	build-essential cmake pkg-config   # the build
	libsqlite3-dev sqlite3             # the hall database (sqlite3: tests, repairs)
	libinih-dev                        # hall.ini
	libcsv-dev                         # the office directory
	tzdata                             # Asia/Almaty
	libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev  # screens
	espeak-ng                          # spoken calls
	libcairo2-dev                      # A4 PDF printouts (cairo, FreeType)
	libcmocka-dev                      # unit tests
	poppler-utils                      # tests read the PDFs back (pdftotext, pdffonts)
	libcups2-dev                       # A4 printing through CUPS
	cups cups-client cups-daemon cups-filters  # tests run a private cupsd (lpadmin, pdftopdf)
	cups-ipp-utils dbus-daemon         # tests: IPP Everywhere printers (ippeveprinter, on a private bus)
	libusb-1.0-0-dev                   # the usb printer transport
	libumockdev-dev umockdev           # tests fake a USB printer (umockdev-wrapper)
	libcrypt-dev                       # PINs kept as salted hashes
	libpq-dev                          # the region's centre: PostgreSQL through libpq (region/)
	postgresql                         # tests: a private PostgreSQL cluster (initdb, pg_ctl)
	nettle-dev                         # feedback: a keyed hash (HMAC) marks a ticket's ballot
	gettext                            # po/ catalogues: xgettext, msgfmt (tools and tests)
	clang-format                       # one format for the tree (tools/format.sh; test style/format)
	clang                              # coverage-guided fuzzing (libFuzzer; scripts/fuzz.sh)
	python3                            # tests: the layers check, CSV read back
	xvfb xdotool x11-xserver-utils     # a test touches the kiosk in a real X window; xrandr
	xserver-xorg-core xserver-xorg-video-dummy x11-utils x11-apps netpbm  # tests: two monitors on X.Org itself
	fonts-dejavu-core                  # an installed Kezek's fonts (the package depends on it)
	man-db groff-base systemd          # tests: the manual pages, the service units
	libmicrohttpd-dev libgnutls28-dev  # kezek-hall: the web server, HTTPS and its certificate
	libjansson-dev                     # kezek-hall: JSON
	libcurl4-gnutls-dev curl           # the hall's benchmark and tests: an HTTP(S) client
	chromium nodejs                    # tests: the counter and live pages in headless Chromium
	libqrencode-dev                    # the ticket's QR code: the link to the visitor's phone page
	zbar-tools                         # tests: the QR code read back from the ticket (zbarimg)
	debootstrap systemd-container      # tests: the package in a fresh Debian booted with systemd
)

kezek_install_deps() {
	local missing=() p sudo=""
	for p in "${KEZEK_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	echo "kezek: installing ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null
}

# The browser tests' one npm package (playwright-core, which drives Debian's
# chromium and never downloads a browser of its own), installed from the
# lock file into tests/browser/node_modules; again only when the lock
# file changed.  npm itself comes from Debian when nodejs brought none.
kezek_install_npm() {
	local dir sudo=""
	dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/browser"
	if ! command -v npm >/dev/null; then
		[ "$(id -u)" -eq 0 ] || sudo=sudo
		echo "kezek: installing npm"
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
			npm >/dev/null
	fi
	[ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ] && return 0
	echo "kezek: npm ci in tests/browser"
	(cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit \
		--no-fund --loglevel=error >/dev/null)
}
