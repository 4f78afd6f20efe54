#!/usr/bin/env bash
# SIGKILL part-way through a batch of workflow changes (one transaction each): every case
# reported committed is there with its one audit entry, the file is intact, the log verifies.
source "$(dirname "$0")/lib.sh"
DB=$WORK/cases.db
K=${RELIABILITY_K:-150}
"$DRIVER" batch "$DB" 1000000 >"$WORK/ids.txt" 2>"$WORK/driver.err" &
pid=$!
for _ in $(seq 1 3000); do
    lines=$(wc -l <"$WORK/ids.txt")
    (( lines >= K )) && break
    kill -0 "$pid" 2>/dev/null || fail "the driver ended early: $(cat "$WORK/driver.err")"
    sleep 0.01
done
kill -KILL "$pid"
wait "$pid" 2>/dev/null && status=0 || status=$?
[[ $status == 137 ]] || fail "the driver was not killed by SIGKILL (exit $status)"
printed=$(grep -c . "$WORK/ids.txt" || true)
(( printed >= K )) || fail "only $printed ids printed, wanted $K"
note "killed after $printed committed cases were reported"

check_integrity "$DB"
cases=$(sql "$DB" "SELECT count(*) FROM cases;")
(( cases >= printed )) || fail "$printed cases reported committed, $cases in the file"
last=$(tail -n 1 "$WORK/ids.txt")
missing=$(sql "$DB" "SELECT count(*) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $last) SELECT i FROM n WHERE i NOT IN (SELECT id FROM cases));")
[[ $missing == 0 ]] || fail "$missing reported cases are missing"
unaudited=$(sql "$DB" "SELECT count(*) FROM cases WHERE (SELECT count(*) FROM audit WHERE subject = 'case ' || cases.id) != 1;")
[[ $unaudited == 0 ]] || fail "$unaudited cases without exactly one audit entry"
steps=$(sql "$DB" "SELECT count(*) FROM case_steps;")
audit=$(sql "$DB" "SELECT count(*) FROM audit;")
[[ $steps == "$cases" && $audit == "$cases" ]] || fail "cases $cases, steps $steps, audit entries $audit"
check_audit_intact "$DB"
note "PASS: $cases cases (reported $printed), each with its step and audit entry"
