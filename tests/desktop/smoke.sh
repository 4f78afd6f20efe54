#!/usr/bin/env bash
# Desktop smoke test: the real desktop app in an X server (Xvfb), its window saved as PNG.
# Asserts the calendar shows Yunhe's quiet period shaded, and no shading for Dinghai (whose
# document sets no blackout period).
# usage: smoke.sh DESKTOP_BINARY OUTPUT_DIR
set -euo pipefail
app="$1"
out="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
colours="${here}/../support/png_colours.py"
shade="247,218,160,12"   # ui/screen_calendar.cpp kBlackoutShade over the background
mkdir -p "${out}"
passed=0
failed=0

shoot() {  # county file
    xvfb-run -a -s "-screen 0 1280x800x24" "${app}" --county "$1" --month 2026-11 --frames 5 --screenshot "$2"
}
shaded() { python3 "${colours}" "$1" "${shade}" | sed -E 's/.*: ([0-9]+) pixels/\1/'; }
check() {  # description condition
    if eval "$2"; then echo "ok: $1"; passed=$((passed + 1)); else echo "FAILED: $1"; failed=$((failed + 1)); fi
}

shoot yunhe "${out}/desktop-calendar-yunhe.png"
yunhe=$(shaded "${out}/desktop-calendar-yunhe.png")
check "Yunhe's quiet period (21–30 Nov) is shaded (${yunhe} px)" "[ ${yunhe} -gt 20000 ]"

shoot dinghai "${out}/desktop-calendar-dinghai.png"
dinghai=$(shaded "${out}/desktop-calendar-dinghai.png")
check "Dinghai has no blackout shading (${dinghai} px)" "[ ${dinghai} -lt 500 ]"

echo "desktop: ${passed} passed, ${failed} failed"
[ "${failed}" -eq 0 ]
