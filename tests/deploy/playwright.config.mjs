// Browser checks of the deploy recipes (tests/deploy/*.spec.mjs): the
// sub-path bundle (trunk build --public-url /news/, built or reused by
// subpath-bundle.mjs into target/dist-subpath) served under /news/ by
// scripts/serve.mjs, and by the GitHub Pages emulator (hosts.mjs).
import { defineConfig } from '@playwright/test';

const servePort = Number(process.env.DEPLOY_SERVE_PORT || 4311);
const pagesPort = Number(process.env.DEPLOY_PAGES_PORT || 4312);
process.env.DEPLOY_SERVE_ORIGIN = `http://127.0.0.1:${servePort}`;
process.env.DEPLOY_PAGES_ORIGIN = `http://127.0.0.1:${pagesPort}`;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs/,
  outputDir: '../../target/deploy-output',
  timeout: 45_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../target/deploy-results.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `node scripts/serve.mjs --root target/dist-subpath --base /news/ --port ${servePort}`,
      cwd: '../..',
      url: `http://127.0.0.1:${servePort}/news/config.json`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `node tests/deploy/hosts.mjs ghpages --root target/dist-subpath --base /news/ --port ${pagesPort}`,
      cwd: '../..',
      url: `http://127.0.0.1:${pagesPort}/news/config.json`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
