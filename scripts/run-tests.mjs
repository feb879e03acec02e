// `npm test`: every check the project has, in the order that fails fastest, then one
// closing line "N passed, N failed, N skipped" that sums the unit and end-to-end runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const reports = '.test-reports';
mkdirSync(reports, { recursive: true });

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : `failed (${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  return result.status === 0;
}

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => existsSync(p));
if (!systemChromium) {
  if (process.env.CI) {
    console.error("No system Chromium (/usr/bin/chromium) and CI never downloads browsers: install Debian's chromium (see .ci/run).");
    process.exit(1);
  }
  // A developer's machine with internet: fetch Playwright's own Chromium once.
  run('install Playwright Chromium', npx, ['playwright', 'install', 'chromium']);
}

let ok = true;
ok = run('typecheck', npm, ['run', '--silent', 'typecheck']) && ok;
ok = run('lint', npm, ['run', '--silent', 'lint']) && ok;
// The desk built for the tests checks every API response against its route (api-client.ts).
const built = run('build', npm, ['run', '--silent', 'build'], { VITE_VALIDATE_RESPONSES: '1' });
ok = built && ok;
const unitReport = join(reports, 'vitest.json');
ok = run('unit and integration tests (vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]) && ok;
const e2eReport = join(reports, 'playwright.json');
if (built) {
  ok = run('end-to-end tests (playwright)', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport }) && ok;
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const unit = readJson(unitReport);
if (unit) {
  counts.passed += unit.numPassedTests;
  counts.failed += unit.numFailedTests;
  counts.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  // Skipped suites carry their reason in the title (e.g. sippSuite(): "[skipped: SIPp … not installed]").
  for (const file of unit.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo')
        console.log(`skipped: ${relative(process.cwd(), file.name)} › ${t.fullName}`);
    }
  }
}
const e2e = built ? readJson(e2eReport) : undefined;
if (e2e) {
  // Say why each end-to-end test was skipped (e.g. no Electron binary on this machine).
  const walk = (suite, titles = []) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const skip = (t.annotations ?? []).find((a) => a.type === 'skip');
        if (t.status === 'skipped') console.log(`skipped: ${[...titles, spec.title].filter(Boolean).join(' › ')} — ${skip?.description ?? 'no reason given'}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const suite of e2e.suites ?? []) walk(suite);
  counts.passed += e2e.stats.expected + e2e.stats.flaky;
  counts.failed += e2e.stats.unexpected;
  counts.skipped += e2e.stats.skipped;
}
if (!ok && counts.failed === 0) counts.failed = 1; // a failed typecheck, lint or build counts too
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok ? 0 : 1);
