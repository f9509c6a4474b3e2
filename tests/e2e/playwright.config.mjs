// End-to-end tests against the release bundle in dist/, served the way a
// CDN serves it (scripts/serve.mjs), in Debian's Chromium.
import { defineConfig } from '@playwright/test';
import { specGroup } from './groups.mjs';

const port = Number(process.env.E2E_PORT || 4173);
// E2E_GROUP=static|wordpress runs one half (scripts/e2e.sh runs both at once);
// unset, every spec runs.
const group = process.env.E2E_GROUP || '';
// One id per run, set here in the runner and inherited by its workers: a
// spec that builds a site in beforeAll builds it once for both widths
// (each project has its own worker) and never reuses one from another run.
process.env.E2E_RUN_ID ||= `${process.pid}-${Date.now()}`;
const suffix = group ? `-${group}` : '';

export default defineConfig({
  testDir: '.',
  testMatch: group ? specGroup(group) : /.*\.spec\.mjs/,
  outputDir: `../../target/e2e-output${suffix}`,
  timeout: 45_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // One retry: a test that fails and then passes is reported as flaky, by
  // name, at the end of `make test` (scripts/playwright-report.mjs), rather
  // than failing the run; a test that fails twice fails it. E2E_RETRIES=0
  // (or --retries 0) when hunting a flake.
  retries: Number(process.env.E2E_RETRIES ?? 1),
  reporter: [['list'], ['json', { outputFile: `../../target/e2e-results${suffix}.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // No trace by default: recording one (its DOM snapshots) made every test
    // about a fifth slower, failing or not (reader.spec: 28.7 s against
    // 22.3 s), and a screenshot and the error context say most of what went
    // wrong. E2E_TRACE=retain-on-failure records them again to dig deeper.
    trace: process.env.E2E_TRACE || 'off',
    screenshot: 'only-on-failure',
    // The service worker (public/sw.js) would answer requests itself, out of
    // reach of page.route(): only offline.spec.mjs lets it run.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'phone', use: { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true } },
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: `node scripts/serve.mjs --root dist --port ${port}`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/config.json`,
    // scripts/e2e.sh starts one server for both halves.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    timeout: 120_000,
  },
});
