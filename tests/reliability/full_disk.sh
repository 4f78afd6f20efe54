#!/usr/bin/env bash
# A full disk: the import runs with a file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored so the
# write fails with EFBIG): exit 2 with a clear message, the content unchanged, the file intact.
source "$(dirname "$0")/lib.sh"
DB=$WORK/w.db
make_workspace "$DB"
before_digest=$(content_digest "$DB")
before_audit=$(sql "$DB" "SELECT count(*) FROM audit;")
"$DRIVER" csv "${RELIABILITY_ROWS:-50000}" "$WORK/big.csv"
size=$(stat -c %s "$DB")
limit_kb=$(( size / 1024 + 256 ))
note "database $size bytes; file-size limit ${limit_kb} KiB"
set +e
(
    trap '' XFSZ
    ulimit -f "$limit_kb"
    exec "$CLI" import "$DB" enterprises "$WORK/big.csv" --date 2025-03-03 --lang en
) >"$WORK/import.out" 2>"$WORK/import.err"
status=$?
set -e
note "import exit $status, stderr: $(cat "$WORK/import.err")"
[[ $status == 2 ]] || fail "expected exit 2, got $status"
grep -q "$DB" "$WORK/import.err" || fail "the message does not name the file"
grep -qE "writing to the disk failed|the disk is full" "$WORK/import.err" || fail "the message does not say the disk write failed"
grep -q "this change was not written" "$WORK/import.err" || fail "the message does not say nothing was written"
check_integrity "$DB"
after_digest=$(content_digest "$DB")
[[ $after_digest == "$before_digest" ]] || fail "content digest changed: $before_digest → $after_digest"
after_audit=$(sql "$DB" "SELECT count(*) FROM audit;")
[[ $after_audit == "$before_audit" ]] || fail "audit entries: $before_audit before, $after_audit after"
check_audit_intact "$DB"
note "PASS: refused with exit 2, digest unchanged"
