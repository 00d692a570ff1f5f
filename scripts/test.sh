#!/usr/bin/env bash
# The whole test suite: types, lint and format, unit tests (real SQLite files), a production build, e2e in chromium.
# With WATT_TEST_POSTGRES_URL (a PostgreSQL server the tests may create databases on, e.g.
# postgresql://watt@127.0.0.1:55432/postgres — .ci/run starts one) the unit and e2e suites run again on
# PostgreSQL. WATT_TEST_ENGINES=postgres runs only the PostgreSQL part (default: sqlite, plus postgres when
# the URL is set). Every stage runs even if an earlier one fails, and the run ends with one line:
# "N passed, N failed, N skipped", summed over both engines.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
mkdir -p test-results
passed=0; failed=0; skipped=0
engines="${WATT_TEST_ENGINES:-sqlite${WATT_TEST_POSTGRES_URL:+ postgres}}"
engines="${engines//,/ }"
if [[ " $engines " == *" postgres "* && -z "${WATT_TEST_POSTGRES_URL:-}" ]]; then
  echo "WATT_TEST_ENGINES includes postgres but WATT_TEST_POSTGRES_URL is not set"; exit 1
fi

count() { # file → "passed failed skipped" from a vitest or playwright JSON report
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if ("numPassedTests" in r) console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + (r.numTodoTests ?? 0));
    else { const s = r.stats; console.log(s.expected, s.unexpected + s.flaky, s.skipped); }' "$1" 2>/dev/null || echo "0 1 0"
}
add() { read -r p f s < <(count "$1"); passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s)); echo "   $2: $p passed, $f failed, $s skipped"; }
stamp() { date +%s; }

echo "== typecheck"
if npx tsc --noEmit; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== lint (eslint: react-hooks and Next rules) and format (prettier --check)"
if npx eslint . && npx prettier --check . --log-level warn; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

for engine in $engines; do
  t0=$(stamp)
  echo "== unit tests (vitest) on $engine"
  rm -f "test-results/unit-$engine.json"
  WATT_TEST_ENGINE=$engine npx vitest run --reporter=default --reporter=json --outputFile.json="test-results/unit-$engine.json"
  add "test-results/unit-$engine.json" "unit on $engine"
  echo "   unit on $engine took $(($(stamp) - t0)) s"
done

echo "== production build"
if npx next build; then
  passed=$((passed + 1))
  if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
    echo "note: /usr/bin/chromium not found; Playwright will use its own browser if installed (npx playwright install chromium)"
  fi
  for engine in $engines; do
    t0=$(stamp)
    echo "== e2e (playwright) on $engine"
    rm -f test-results/e2e.json "test-results/e2e-$engine.json"
    WATT_TEST_ENGINE=$engine npx playwright test
    [ -f test-results/e2e.json ] && cp test-results/e2e.json "test-results/e2e-$engine.json"
    add "test-results/e2e-$engine.json" "e2e on $engine"
    echo "   e2e on $engine took $(($(stamp) - t0)) s"
  done
else
  failed=$((failed + 1))
fi

echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
