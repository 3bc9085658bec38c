#!/bin/sh
# Regenerates the packaging icons in resources/build from icon.svg.
# Needs Debian's librsvg2-bin (rsvg-convert), icnsutils (png2icns) and imagemagick (convert).
set -eu
cd "$(dirname "$0")/../resources/build"
mkdir -p icons
for size in 16 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "icons/${size}x${size}.png"
done
png2icns icon.icns icons/16x16.png icons/32x32.png icons/48x48.png icons/128x128.png \
  icons/256x256.png icons/512x512.png icons/1024x1024.png
convert icons/16x16.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png \
  icons/256x256.png icon.ico
