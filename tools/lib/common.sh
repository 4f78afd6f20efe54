# shellcheck shell=bash disable=SC2034  # variables are for the scripts that source this
# Shared helpers for InspectOnce's bash scripts (tools/setup, tools/run, tools/test, …).
# Source it:  . "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# Everything it defines starts with io_ (InspectOnce) or IO_.

# Repository root and the ignored cache that tools/setup fills.
IO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# INSPECTONCE_CACHE moves it (say, to share one across clones; then configure CMake with
# -DINSPECTONCE_CACHE_DIR set to the same folder).
IO_CACHE="${INSPECTONCE_CACHE:-${IO_ROOT}/.cache}"
IO_LOGS="${IO_CACHE}/logs"
# Where tools/setup puts third-party code for the wasm build (cmake/ reads the same paths).
IO_WASM_SDL2="${IO_CACHE}/wasm/sdl2"      # include/SDL2/SDL.h, lib/libSDL2.a
IO_SRC_IMGUI="${IO_CACHE}/src/imgui"      # Dear ImGui sources and backends/
IO_SRC_SQLITE="${IO_CACHE}/src/sqlite"    # sqlite3.c, sqlite3.h
IO_SRC_BLAKE2="${IO_CACHE}/src/blake2"    # blake2b-ref.c, blake2.h (libb2's portable source)
IO_SRC_QRENCODE="${IO_CACHE}/src/qrencode"  # qrencode.c, qrencode.h … (libqrencode's source)
IO_SRC_LIBCSV="${IO_CACHE}/src/libcsv"    # libcsv.c, csv.h (libcsv's source)
IO_JOBS="$(nproc 2>/dev/null || echo 2)"

# Messages, prefixed with the script's name: io_log and io_die on stderr, io_step on stdout.
IO_NAME="${IO_NAME:-$(basename "$0")}"
io_log() { printf '%s: %s\n' "${IO_NAME}" "$*" >&2; }
io_die() { printf '%s: error: %s\n' "${IO_NAME}" "$*" >&2; exit 1; }

# One line per step, on stdout: io_step "what" "ok" → "setup: what            ok"
io_step() { printf '%s: %-22s %s\n' "${IO_NAME}" "$1" "$2"; }

# Wall-clock timer: io_timer_start; …; io_elapsed → "12.3 s"
io_timer_start() { IO_T0="$(date +%s.%N)"; }
io_elapsed() { awk -v a="${IO_T0}" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }'; }

# io_run LOGNAME CMD… : run CMD with its output in ${IO_LOGS}/LOGNAME.log; on failure show
# the end of the log and exit.
io_run() {
    local name="$1"; shift
    mkdir -p "${IO_LOGS}"
    local log="${IO_LOGS}/${name}.log"
    printf '$ %s\n' "$*" >>"${log}"
    if ! "$@" >>"${log}" 2>&1; then
        printf '%s: error: %s failed; last lines of %s:\n' "${IO_NAME}" "$*" "${log}" >&2
        tail -n 25 "${log}" | sed 's/^/    /' >&2
        exit 1
    fi
}

# Stamps: a file whose content names exactly what was built (version, flags). A step is
# done when its stamp exists with the expected content.
io_stamp_ok() { [[ -f "$1" && "$(cat "$1")" == "$2" ]]; }
io_stamp_write() { mkdir -p "$(dirname "$1")" && printf '%s\n' "$2" >"$1"; }

# Emscripten (Debian's) needs Debian's node modules (acorn) for its JS optimizer.
io_emscripten_env() {
    export NODE_PATH=/usr/share/nodejs
    command -v emcc >/dev/null || io_die "emcc not found: run tools/setup"
}

# io_need_file PATH… : die with a pointer to tools/setup when a cached input is missing.
io_need_file() {
    local f
    for f in "$@"; do
        [[ -e "$f" ]] || io_die "${f#"${IO_ROOT}"/} is missing: run tools/setup"
    done
}
