#!/usr/bin/env bash
# The whole test suite: types, lint and format, unit tests (real SQLite files), a production build, e2e in chromium.
# Every stage runs even if an earlier one fails, and the run ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
mkdir -p test-results
passed=0; failed=0; skipped=0

count() { # file → "passed failed skipped" from a vitest or playwright JSON report
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if ("numPassedTests" in r) console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + (r.numTodoTests ?? 0));
    else { const s = r.stats; console.log(s.expected, s.unexpected + s.flaky, s.skipped); }' "$1" 2>/dev/null || echo "0 1 0"
}

echo "== typecheck"
if npx tsc --noEmit; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== lint (eslint: react-hooks and Next rules) and format (prettier --check)"
if npx eslint . && npx prettier --check . --log-level warn; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== unit tests (vitest)"
rm -f test-results/unit.json
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
read -r p f s < <(count test-results/unit.json); passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))

echo "== production build"
if npx next build; then
  passed=$((passed + 1))
  echo "== e2e (playwright)"
  if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
    echo "note: /usr/bin/chromium not found; Playwright will use its own browser if installed (npx playwright install chromium)"
  fi
  rm -f test-results/e2e.json
  npx playwright test
  read -r p f s < <(count test-results/e2e.json); passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
else
  failed=$((failed + 1))
fi

echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
