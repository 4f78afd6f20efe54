#!/usr/bin/env bash
# Native ≡ wasm: runs the same CLI commands with the native binary and with the wasm build
# under Node, and requires byte-identical output and the same exit status. Plugin file
# paths (.so natively, .wasm in wasm) are the only text allowed to differ.
# usage: cli_parity.sh NATIVE_CLI WASM_CLI_JS
set -uo pipefail
native="$1"
wasm="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
passed=0
failed=0
# Commands that write a file name it @TMP@/…: each side gets its own directory, and the
# output names both as @TMP@ again.
tmp_native="$(mktemp -d)"
tmp_wasm="$(mktemp -d)"
trap 'rm -rf "${tmp_native}" "${tmp_wasm}"' EXIT

normalise() { sed -E -e 's#[^[:space:]"]*/plugins/([a-z0-9-]+)\.(so|wasm)#<plugin \1>#g' -e 's#[^[:space:]"]*/build/(native|wasm)/plugins#<plugin dir>#g' -e "s#${tmp_native}#@TMP@#g" -e "s#${tmp_wasm}#@TMP@#g"; }

while IFS= read -r args; do
    [[ -z "${args}" || "${args}" == \#* ]] && continue
    native_out=$(eval "\"${native}\" ${args//@TMP@/${tmp_native}}" 2>&1 | normalise; echo "exit ${PIPESTATUS[0]}")
    wasm_out=$(eval "node \"${wasm}\" ${args//@TMP@/${tmp_wasm}}" 2>&1 | normalise; echo "exit ${PIPESTATUS[0]}")
    if [[ "${native_out}" == "${wasm_out}" ]]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "DIFFERS: inspectonce ${args}"
        diff <(echo "${native_out}") <(echo "${wasm_out}") | head -20
    fi
done < "${here}/commands.txt"

echo "parity: ${passed} passed, ${failed} failed"
[[ "${failed}" -eq 0 ]]
