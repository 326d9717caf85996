#!/usr/bin/env bash
# Sign dist/Sourcemark.app with a Developer ID, notarise it with Apple and staple the ticket,
# then pack it into dist/Sourcemark-VERSION-macos.dmg. The identity comes from the
# environment; without it the app is left unsigned and the script says so (exit 0).
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Newsroom Ltd (TEAMID)"
#   MACOS_NOTARY_PROFILE  a profile stored with `xcrun notarytool store-credentials`
set -euo pipefail
cd "$(dirname "$0")/../.."
APP="dist/Sourcemark.app"
VERSION="${1:-0.0.0}"
[ -d "$APP" ] || { echo "no $APP: run packaging/build.py first" >&2; exit 1; }

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp \
    --entitlements packaging/macos/entitlements.plist \
    --sign "$MACOS_SIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
else
  echo "MACOS_SIGN_IDENTITY is not set: the app is not signed (Gatekeeper will warn users)."
fi

DMG="dist/Sourcemark-$VERSION-macos.dmg"
rm -f "$DMG"
hdiutil create -volname Sourcemark -srcfolder "$APP" -ov -format UDZO "$DMG"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
  codesign --sign "$MACOS_SIGN_IDENTITY" --timestamp "$DMG"
  xcrun notarytool submit "$DMG" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
else
  echo "MACOS_NOTARY_PROFILE (or the identity) is not set: the disk image is not notarised."
fi
echo "$DMG"
