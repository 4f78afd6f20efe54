#!/usr/bin/env bash
# Desktop smoke test: the real desktop app in an X server (Xvfb), its window saved as PNG.
# On a temporary workspace (made with the demo county on the first start), every screen is
# shown once and saved as desktop-<screen>.png; each must have drawn something in the screen
# area. The calendar shows Yunhe's quiet period shaded, and no shading for Dinghai (whose
# document sets no blackout period).
# usage: smoke.sh DESKTOP_BINARY OUTPUT_DIR
set -euo pipefail
app="$1"
out="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
colours="${here}/../support/png_colours.py"
shade="247,218,160,12"   # ui/screen_calendar.cpp kBlackoutShade over the background
# ui::screenIds() (ui/app.cpp): every screen, and the policy screen's rules and decision tabs.
screens="dashboard enterprises plans calendar planner draw demands findings reports simulation exercises policy settings rules decision"
mkdir -p "${out}"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
passed=0
failed=0

shoot() {  # file, then more options
    local file="$1"
    shift
    xvfb-run -a -s "-screen 0 1280x800x24" "${app}" --workspace "${work}/workspace.db" --export-dir "${work}/exports" \
        --today 2026-03-16 --frames 5 --screenshot "${file}" "$@"
}
shaded() { python3 "${colours}" "$1" "${shade}" | sed -E 's/.*: ([0-9]+) pixels/\1/'; }
# Dark pixels (text, lines) in the screen area: right of the navigation, between the menu
# bar and the status bar.
ink() { convert "$1" -crop 1040x700+220+40 +repage -colorspace Gray -threshold 50% -format '%[fx:round(w*h*(1-mean))]' info:; }
check() {  # description condition
    if eval "$2"; then echo "ok: $1"; passed=$((passed + 1)); else echo "FAILED: $1"; failed=$((failed + 1)); fi
}

shoot "${out}/desktop-calendar-yunhe.png" --county yunhe --month 2026-11 --screen calendar
check "the first start made the demo workspace" "[ -s '${work}/workspace.db' ]"
yunhe=$(shaded "${out}/desktop-calendar-yunhe.png")
check "Yunhe's quiet period (21–30 Nov) is shaded (${yunhe} px)" "[ ${yunhe} -gt 20000 ]"

shoot "${out}/desktop-calendar-dinghai.png" --county dinghai --month 2026-11 --screen calendar
dinghai=$(shaded "${out}/desktop-calendar-dinghai.png")
check "Dinghai has no blackout shading (${dinghai} px)" "[ ${dinghai} -lt 500 ]"

for screen in ${screens}; do
    file="${out}/desktop-${screen}.png"
    rm -f "${file}"
    if ! shoot "${file}" --county yunhe --month 2026-11 --screen "${screen}"; then
        check "screen ${screen} starts and is saved" "false"
        continue
    fi
    drawn=$(ink "${file}")
    check "screen ${screen} is drawn (${drawn} dark pixels in the screen area)" "[ ${drawn} -gt 150 ]"
done

echo "desktop: ${passed} passed, ${failed} failed"
[ "${failed}" -eq 0 ]
