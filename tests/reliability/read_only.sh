#!/usr/bin/env bash
# A read-only workspace file (0444; as root, run as nobody so the permission bites): the
# import fails with a clear message and exit 2, and the file is byte-for-byte unchanged.
source "$(dirname "$0")/lib.sh"
DB=$WORK/w.db
make_workspace "$DB"
"$DRIVER" csv 20 "$WORK/more.csv" 500
chmod 0644 "$WORK/more.csv"
chmod 0444 "$DB"
as=()
if [[ $(id -u) == 0 ]]; then
    command -v setpriv >/dev/null || { echo "setpriv not found: cannot drop root"; exit 77; }
    as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    chmod 0777 "$WORK"   # only the file is read-only: SQLite may make its -wal/-shm beside it
fi
before=$(sha256sum <"$DB")
before_enterprises=$(sql "$DB" "SELECT count(*) FROM enterprises;")
set +e
"${as[@]}" "$CLI" import "$DB" enterprises "$WORK/more.csv" --date 2025-03-03 --lang en >"$WORK/import.out" 2>"$WORK/import.err"
status=$?
set -e
note "import exit $status, stderr: $(cat "$WORK/import.err")"
[[ $status == 2 ]] || fail "expected exit 2, got $status"
grep -q "$DB" "$WORK/import.err" || fail "the message does not name the file"
grep -qiE "read-?only|permission|cannot open|unable to open" "$WORK/import.err" || fail "the message does not say the file is read-only"
after=$(sha256sum <"$DB")
[[ $after == "$before" ]] || fail "the file changed"
chmod 0644 "$DB"
check_integrity "$DB"
[[ $(sql "$DB" "SELECT count(*) FROM enterprises;") == "$before_enterprises" ]] || fail "enterprises changed"
check_audit_intact "$DB"
note "PASS: refused with exit 2, file unchanged"
