#!/usr/bin/env bash
# Make the macOS disk image from the .app that installers/jivo_desktop.spec builds (BUNDLE).
# Runs on macOS only (hdiutil); the CI's macos job calls it. No tool on Linux makes a .dmg.
#
#   installers/macos/make_dmg.sh "build/dist/Jivo Live.app" dist/JivoLive-0.1.0.dmg
#
# The image holds the app and a link to /Applications, so the user drags one onto the other.
# It is not signed or notarized (that needs an Apple Developer ID; see docs/installers.md):
# Gatekeeper then asks the user to open it with right-click > Open the first time.
set -euo pipefail

app=${1:?usage: make_dmg.sh PATH/TO/App.app OUT.dmg}
out=${2:?usage: make_dmg.sh PATH/TO/App.app OUT.dmg}
volume="Jivo Live"

if [[ "$(uname -s)" != Darwin ]]; then
    echo "make_dmg.sh: hdiutil exists only on macOS" >&2
    exit 2
fi
[[ -d "$app/Contents/MacOS" ]] || { echo "make_dmg.sh: $app is not an .app bundle" >&2; exit 1; }
plutil -lint "$app/Contents/Info.plist"
/usr/libexec/PlistBuddy -c 'Print :NSMicrophoneUsageDescription' "$app/Contents/Info.plist" >/dev/null

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# ditto keeps the bundle's symlinks, extended attributes and code signatures intact.
ditto "$app" "$staging/$(basename "$app")"
ln -s /Applications "$staging/Applications"

mkdir -p "$(dirname "$out")"
rm -f "$out"
hdiutil create -volname "$volume" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$out"
hdiutil verify "$out"
echo "$out"
