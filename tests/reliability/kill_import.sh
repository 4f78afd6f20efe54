#!/usr/bin/env bash
# SIGKILL part-way through a large CSV import: the file is intact, everything committed
# before is there, nothing of the killed import is, and the audit log verifies.
source "$(dirname "$0")/lib.sh"
DB=$WORK/w.db
make_workspace "$DB"
before_digest=$(content_digest "$DB")
before_enterprises=$(sql "$DB" "SELECT count(*) FROM enterprises;")
before_audit=$(sql "$DB" "SELECT count(*) || ' ' || (SELECT value FROM meta WHERE key = 'audit_count') FROM audit;")
note "before: $before_enterprises enterprises, audit rows/head $before_audit, digest $before_digest"

ROWS=${RELIABILITY_ROWS:-200000}
"$DRIVER" csv "$ROWS" "$WORK/big.csv"
start=$(date +%s%N)
"$CLI" import "$DB" enterprises "$WORK/big.csv" --date 2025-03-03 >"$WORK/import.out" 2>&1 &
pid=$!
# Kill once the import is writing: its uncommitted pages spill into the WAL.
# (It first reads and checks every row, writing nothing: that takes most of the time.)
killed=""
give_up=$(( $(date +%s) + ${RELIABILITY_WAIT:-80} ))
while kill -0 "$pid" 2>/dev/null; do
    (( $(date +%s) < give_up )) || { kill -KILL "$pid"; fail "the import wrote nothing within ${RELIABILITY_WAIT:-80} s"; }
    wal=$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)
    if (( wal > 2 * 1024 * 1024 )); then
        kill -KILL "$pid"
        killed="after $(( ($(date +%s%N) - start) / 1000000 )) ms, WAL at $wal bytes"
        break
    fi
    sleep 0.01
done
wait "$pid" 2>/dev/null && status=0 || status=$?
[[ -n $killed ]] || fail "the import ended (exit $status) before it could be killed mid-write: $(cat "$WORK/import.out")"
[[ $status == 137 ]] || fail "the import was not killed by SIGKILL (exit $status)"
note "import killed $killed"

check_integrity "$DB"
after_enterprises=$(sql "$DB" "SELECT count(*) FROM enterprises;")
after_audit=$(sql "$DB" "SELECT count(*) || ' ' || (SELECT value FROM meta WHERE key = 'audit_count') FROM audit;")
[[ $after_enterprises == "$before_enterprises" ]] || fail "enterprises: $before_enterprises before, $after_enterprises after"
[[ $after_audit == "$before_audit" ]] || fail "audit rows/head: $before_audit before, $after_audit after"
committed=$(sql "$DB" "SELECT count(*) FROM enterprises WHERE name LIKE '可靠性测试企业%';")
[[ $committed == 3 ]] || fail "the 3 committed enterprises: $committed found"
after_digest=$(content_digest "$DB")
[[ $after_digest == "$before_digest" ]] || fail "content digest changed: $before_digest → $after_digest"
check_audit_intact "$DB"
note "PASS: $after_enterprises enterprises, audit $after_audit, digest unchanged"
