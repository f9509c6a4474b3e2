// Names the Playwright tests that failed, and those that passed only on a
// retry (flaky), from the JSON reports given as arguments (missing ones are
// skipped). `make test` prints this at its end, where CI's log tail shows it:
// counts alone do not say which test to look at.
import fs from 'node:fs';

const lines = { unexpected: [], flaky: [] };
for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    continue;
  }
  const walk = (suite, titles) => {
    const here = suite.title && !suite.title.endsWith('.mjs') ? [...titles, suite.title] : titles;
    for (const spec of suite.specs || []) {
      for (const t of spec.tests) {
        if (t.status in lines) {
          lines[t.status].push(`[${t.projectName}] ${spec.file} › ${[...here, spec.title].join(' › ')}`);
        }
      }
    }
    for (const child of suite.suites || []) walk(child, here);
  };
  for (const suite of report.suites || []) walk(suite, []);
}
for (const [status, label] of [['unexpected', 'failed'], ['flaky', 'flaky (passed on a retry)']]) {
  if (lines[status].length) {
    console.log(`=== Playwright tests ${label}`);
    for (const line of lines[status]) console.log(`  ${line}`);
  }
}
