#!/bin/bash
# Every command and format on every sample, fixture folder and trap, into a folder: stdout,
# stderr and the exit code of each run. Run it with a build from before a change and one from
# after, then `diff -r` the two folders: a refactoring must leave every byte as it was.
#
#   bash scripts/outputs.sh <checkout with a build> <out folder>
#   (the inputs are this checkout's samples and test fixtures)
set -u
bin="$(cd "$1" && pwd)/bin/egov-score.js"
out=$2
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$(dirname "$0")/.."
export EGOV_SCORE_CACHE=0 NO_COLOR=1 COLUMNS=200
run() { local name=$1; shift; node "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"; echo $? >"$out/$name.rc"; }
for s in samples/*/ test/fixtures/accepted/*/ test/fixtures/traps/*/; do
  n=$(echo "$s" | tr '/' '_')
  for f in table csv json md; do run "$n.rank.$f" rank "$s" -f $f; done
  for f in table csv json; do run "$n.score.$f" score "$s" -f $f; done
  run "$n.validate" validate "$s"; run "$n.validate.json" validate "$s" -f json; run "$n.validate.strict" validate "$s" --strict
  run "$n.report.md" report "$s" -f md
  run "$n.audit" audit "$s"
  u=$(node "$bin" rank "$s" -f csv 2>/dev/null | sed -n 2p | cut -d, -f3)
  if [ -n "$u" ]; then run "$n.explain" explain "$s" "$u"; run "$n.explain.json" explain "$s" "$u" -f json; fi
done
run cmp.json compare samples/ca-mau-2019 samples/ca-mau-2020 -f json
run cmp.csv compare samples/ca-mau-2019 samples/ca-mau-2020 -f csv
run cmp.reform compare samples/ca-mau-2024 samples/ca-mau-2025 --level xa
run series.report report samples/ca-mau-series -f md
run tmpl.level template samples/ca-mau-2019 --level xa
run tmpl.egdi template samples/un-egdi --level country
run tmpl.unit template samples/ca-mau-2019 --unit 964-01
