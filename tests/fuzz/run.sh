#!/usr/bin/env bash
# Fuzzes the exchange readers with libFuzzer for a bounded time:
#   tests/fuzz/run.sh SECONDS [TARGET…] [--build DIR]
# TARGET: csv (the CSV reader and each table's row reader) and/or archive (the cereal
# workspace reader); default both. Builds tests/fuzz/ with clang++-14 (ASan + UBSan) into DIR
# (default build/fuzz), seeds each corpus from tests/data/exchange, runs each target for
# SECONDS and fails on any crash, leak, timeout or sanitizer report (the input is kept in
# DIR/artifacts/). The corpora grow in DIR/corpus/ from run to run.
set -Eeuo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:?usage: tests/fuzz/run.sh SECONDS [csv] [archive] [--build DIR]}"
shift
build="${root}/build/fuzz"
targets=()
while (($#)); do
    case "$1" in
        --build) build="$2"; shift 2 ;;
        csv|archive) targets+=("$1"); shift ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
((${#targets[@]})) || targets=(csv archive)
command -v clang++-14 >/dev/null || { echo "run.sh: clang++-14 is missing: run tools/setup" >&2; exit 2; }

# One build at a time (two CTest tests may start together).
mkdir -p "${build}"
exec 8>"${build}/.lock"
flock 8
if [[ ! -f "${build}/build.ninja" ]]; then
    CC=clang-14 CXX=clang++-14 cmake -S "${root}/tests/fuzz" -B "${build}" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DINSPECTONCE_CACHE_DIR="${INSPECTONCE_CACHE_DIR:-${root}/.cache}" >"${build}/configure.log" 2>&1 \
        || { cat "${build}/configure.log" >&2; exit 1; }
fi
cmake --build "${build}" -j "${FUZZ_JOBS:-2}" >"${build}/build.log" 2>&1 || { tail -40 "${build}/build.log" >&2; exit 1; }
flock -u 8

data="${root}/tests/data/exchange"
for target in "${targets[@]}"; do
    corpus="${build}/corpus/${target}"
    artifacts="${build}/artifacts/${target}/"
    mkdir -p "${corpus}" "${artifacts}"
    # Seeds: the fixtures, each prefixed with the byte that picks its table (and all of them
    # as plain CSV); the archive seeds as they are.
    if [[ "${target}" == csv ]]; then
        for f in "${data}"/*.csv; do
            name="$(basename "${f}" .csv)"
            case "${name}" in
                enterprises*) t='\x00' ;; departments*) t='\x01' ;; plans*) t='\x02' ;; demands*) t='\x03' ;; *) t='\x04' ;;
            esac
            { printf "${t}"; cat "${f}"; } >"${corpus}/seed-${name}"
            { printf '\x04'; cat "${f}"; } >"${corpus}/seed-${name}-raw"
        done
        dict=(-dict="${root}/tests/fuzz/csv.dict")
    else
        cp "${data}"/seed.archive "${data}"/seed.json "${corpus}/"
        dict=()
    fi
    log="${build}/${target}.log"
    echo "fuzz ${target}: ${seconds} s"
    if ! "${build}/${target}_fuzz" "${corpus}" "${dict[@]}" -max_total_time="${seconds}" -timeout=10 -rss_limit_mb=2048 \
            -max_len=65536 -artifact_prefix="${artifacts}" -print_final_stats=1 >"${log}" 2>&1; then
        tail -60 "${log}" >&2
        echo "fuzz ${target}: FAILED (input kept in ${artifacts})" >&2
        exit 1
    fi
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)" "${log}" || true
    echo "fuzz ${target}: corpus $(find "${corpus}" -type f | wc -l) inputs, no crash"
done
