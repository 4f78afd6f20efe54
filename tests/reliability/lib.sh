# Shared by the reliability scripts: arguments, a scratch directory, the checks.
# Usage of every script: SCRIPT INSPECTONCE RELIABILITY_DRIVER SQLITE3 SCRATCH_ROOT
set -euo pipefail
CLI=$1
DRIVER=$2
SQLITE=$3
ROOT=$4
mkdir -p "$ROOT"
WORK=$(mktemp -d "$ROOT/$(basename "$0" .sh).XXXXXX")
chmod 0755 "$WORK"
# Kept when a check fails, for a look; removed when the script passes.
cleanup() { local status=$?; if [[ $status == 0 ]]; then rm -rf "$WORK"; else echo "scratch kept: $WORK" >&2; fi; }
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
note() { echo "-- $*"; }
sql() { "$SQLITE" -batch "$1" "$2"; }

check_integrity() {
    local result
    result=$(sql "$1" "PRAGMA integrity_check;")
    [[ $result == ok ]] || fail "PRAGMA integrity_check on $1: $result"
    note "integrity_check: ok"
}

check_audit_intact() {
    local out
    out=$("$CLI" audit verify "$1" --lang en) || fail "audit verify $1 (exit $?): $out"
    note "$out"
}

# The workspace's content digest (workspace export --digest).
content_digest() {
    "$CLI" workspace export "$1" --out "$WORK/digest.cereal" --digest --json | sed -n 's/.*"digest": "\([0-9a-f]*\)".*/\1/p'
}

# A small workspace with some committed, audited imports.
make_workspace() {
    local db=$1
    "$CLI" generate --county yunhe --enterprises 10 --seed 2 --year 2025 --out "$db" >/dev/null
    "$DRIVER" csv 3 "$WORK/committed.csv" 900000
    "$CLI" import "$db" enterprises "$WORK/committed.csv" --date 2025-03-03 >/dev/null
}
