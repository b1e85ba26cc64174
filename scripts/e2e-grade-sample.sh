#!/usr/bin/env bash
# End-to-end check of the README's headless example: ./gradebench grade on a bundled sample must exit 0, print the
# summary table, and write a JSON report holding every submission with a verdict.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sample="$root/sample-assignments/python-word-frequency"
"$root/gradebench" grade --assignment "$sample" --submissions "$sample/submissions" \
  --db "$tmp/history" --report "$tmp/report.json" --csv "$tmp/grades.csv" > "$tmp/table.txt"
cat "$tmp/table.txt"
expected=$(find "$sample/submissions" -mindepth 1 -maxdepth 1 | wc -l)
/usr/bin/python3 - "$tmp/report.json" "$expected" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
subs = report["submissions"]
assert len(subs) == int(sys.argv[2]), f"expected {sys.argv[2]} submissions, report has {len(subs)}"
for s in subs:
    for key in ("id", "student", "language", "verdict", "score", "maxScore", "compile", "tests"):
        assert key in s, f"{s.get('id')}: missing {key}"
    assert s["verdict"] in ("AC", "WA", "TLE", "MLE", "OLE", "RE", "CE"), f"{s['id']}: unexpected verdict {s['verdict']}"
verdicts = {s["verdict"] for s in subs}
assert "AC" in verdicts and len(verdicts) >= 3, f"a realistic sample shows several verdicts, got {verdicts}"
print(f"e2e: {len(subs)} submissions graded, verdicts {sorted(verdicts)}")
PY
grep -q "submissions:" "$tmp/table.txt"
