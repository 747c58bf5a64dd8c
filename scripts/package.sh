#!/bin/bash
# package.sh - build Kezek's Debian package from this tree into build-deb/
# (kezek_VERSION_ARCH.deb), and check it with lintian.  Builds from a copy
# of the tree, so the working folders stay as they are.
set -eu
cd "$(dirname "$0")/.."
. scripts/deps.sh
KEZEK_PACKAGES+=(debhelper dpkg-dev fakeroot lintian)
kezek_install_deps

out=$PWD/build-deb
work=$(mktemp -d "${TMPDIR:-/tmp}/kezek-deb-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/kezek"
# the tree without build folders or local state
tar --exclude='./build*' --exclude=./var --exclude=./.git --exclude=./node_modules -cf - . |
	tar -xf - -C "$work/kezek"
(cd "$work/kezek" && DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" \
	dpkg-buildpackage -us -uc -b >"$work/build.log" 2>&1) || {
	tail -40 "$work/build.log" >&2
	echo "kezek: the package did not build (the log's end is above)" >&2
	exit 1
}
cp "$work"/kezek_*.deb "$out/"
deb=$(ls -t "$out"/kezek_*.deb | head -1)
echo "$deb"
# lintian: no errors (warnings are shown)
lintian --fail-on error --no-tag-display-limit "$deb"
