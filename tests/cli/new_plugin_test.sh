#!/usr/bin/env bash
# A policy author's whole loop, from nothing to a plugin the CLI loads, as fast as it goes:
# tools/new-plugin scaffolds a county, the folder's own CMakeLists.txt builds it against this
# checkout (natively a .so; with --wasm, under emcmake, a .wasm checked by the wasm CLI),
# `inspectonce policy check` accepts it and `policy blackout --plugin-dir` answers from it.
# Also: new-plugin refuses a bad id and an existing folder, changing nothing.
# With TEST_PLUGIN_DIR, each broken fixture plugin there must be refused by the check that
# catches it (in wasm the import and export checks come before loading).
# usage: new_plugin_test.sh native|wasm CLI SOURCE_DIR [TEST_PLUGIN_DIR]   (CLI: binary or inspectonce.js)
set -uo pipefail
mode="$1"; cli="$2"; root="$3"; fixtures="${4:-}"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
inspectonce() { if [[ "${mode}" == wasm ]]; then node "${cli}" "$@"; else "${cli}" "$@"; fi; }

id=test-county-7
"${root}/tools/new-plugin" "${id}" --dir "${work}/${id}" >"${work}/scaffold.log" 2>&1 || { cat "${work}/scaffold.log"; fail "new-plugin ${id}"; }
grep -q "\"county\": \"${id}\"" "${work}/${id}/policy.json" || fail "policy.json does not carry the id"
grep -q "INSPECTONCE_DECLARE_PLUGIN(\"${id}\"" "${work}/${id}/plugin.c" || fail "plugin.c does not carry the id"
if grep -rq my-county "${work}/${id}"; then fail "the template's id is left somewhere: $(grep -rl my-county "${work}/${id}")"; fi

# Refusals: exit 2, a message that says why, nothing created.
out=$("${root}/tools/new-plugin" "Bad_Id" --dir "${work}/bad" 2>&1); status=$?
[[ ${status} -eq 2 && "${out}" == *"is not a county id"* && ! -e "${work}/bad" ]] || fail "bad id: status ${status}: ${out}"
out=$("${root}/tools/new-plugin" "${id}" --dir "${work}/${id}" 2>&1); status=$?
[[ ${status} -eq 2 && "${out}" == *"already exists"* ]] || fail "existing folder: status ${status}: ${out}"

# Build it with the folder's own CMake, as an author would.
if [[ "${mode}" == wasm ]]; then
    export NODE_PATH=/usr/share/nodejs
    configure=(emcmake cmake); suffix=.wasm
else
    configure=(cmake); suffix=.so
fi
if ! "${configure[@]}" -S "${work}/${id}" -B "${work}/out" -G Ninja -DINSPECTONCE_ROOT="${root}" >"${work}/build.log" 2>&1 ||
   ! cmake --build "${work}/out" >>"${work}/build.log" 2>&1; then
    cat "${work}/build.log"; fail "building the scaffolded plugin"
fi
plugin="${work}/out/${id}${suffix}"
[[ -f "${plugin}" ]] || fail "no ${plugin}"

out=$(inspectonce --lang en policy check "${plugin}" "${work}/${id}/policy.json" 2>&1); status=$?
[[ ${status} -eq 0 && "${out}" == *"valid plugin ${id} v0.1.0 (ABI 1)"* ]] || fail "policy check: status ${status}: ${out}"
[[ "${out}" != *"FAIL"* ]] || fail "a check failed: ${out}"
if [[ "${mode}" == wasm ]]; then
    [[ "${out}" == *"ok    imports"* && "${out}" == *"ok    exports"* ]] || fail "the wasm checks are not listed: ${out}"
fi

out=$(inspectonce policy blackout --county "${id}" --month 2026-11 --json --plugin-dir "${work}/out" 2>&1); status=$?
[[ ${status} -eq 0 && "${out}" == *'"date": "2026-11-21"'* && "${out}" == *'"clause": "000 一(一)"'* ]] ||
    fail "blackout from the new plugin: status ${status}: ${out}"

out=$(inspectonce --lang en policy test --county "${id}" --dir "${work}/${id}/tests" --plugin-dir "${work}/out" 2>&1); status=$?
[[ ${status} -eq 0 && "${out}" == *"3 passed, 0 failed"* ]] || fail "the scaffolded policy tests: status ${status}: ${out}"

# An author's mistake in the data is caught by the same check, with the field.
sed -i 's/"dekad": 3/"dekad": 0/' "${work}/${id}/policy.json"
out=$(inspectonce policy check "${work}/${id}/policy.json" 2>&1); status=$?
[[ ${status} -eq 1 && "${out}" == *"at /blackouts/0/period/dekad: expected an integer from 1 to 3, found 0"* ]] ||
    fail "a broken parameter file: status ${status}: ${out}"

# The broken fixtures, each refused by the right check.
if [[ -n "${fixtures}" ]]; then
    [[ "${mode}" == wasm ]] && loads=imports || loads=loads
    for expect in "wrong_abi:ABI version:built for plugin ABI version 99" "no_entry:entry point:no entry point" \
                  "missing_import:${loads}:inspectonce_function_nobody_exports" \
                  "bad_policy:parameter file:at /blackouts/0/period/dekad: expected an integer from 1 to 3, found 4" \
                  "id_mismatch:county:differs from its parameter file's county"; do
        IFS=: read -r name check reason <<<"${expect}"
        file="${fixtures}/${name}${suffix}"
        out=$(inspectonce --lang en policy check "${file}" 2>&1); status=$?
        [[ ${status} -eq 1 && "${out}" == *"FAIL  ${check}:"* && "${out}" == *"${reason}"* ]] ||
            fail "${name}: expected check \"${check}\" to fail with \"${reason}\"; status ${status}: ${out}"
    done
fi

if [[ ${failures} -eq 0 ]]; then echo "new-plugin (${mode}): scaffold, build, check, use: all passed"; fi
exit $((failures > 0))
