// Shared helpers: demo data read from the built bundle, axe checks, screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { startServer } from '../../scripts/serve.mjs';

export { expect };

/** Makes the app start on arrival in every page of `context`, as it does on
 * pages that are not prerendered: these tests exercise the app itself. How a
 * prerendered page loads the app only on the reader's intent is tested in
 * lean.spec.mjs, without this. */
export async function eager(context) {
  await context.addInitScript(() => {
    window.__kiosqueEager = true;
  });
}

/** Playwright's `test`, with every page watched for Content-Security-Policy
 * violations (the bundle ships a strict policy): any violation fails the
 * test. The app loads as it does for readers: on a prerendered page, at the
 * reader's first intent (lean.spec.mjs). */
export const readerTest = base.extend({
  page: async ({ page }, use) => {
    const violations = [];
    await page.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`),
        true,
      );
    });
    page.on('console', (m) => {
      if (/CSP violation|Content Security Policy/.test(m.text())) violations.push(m.text());
    });
    await use(page);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
});

/** The same, with the app started on arrival (`eager`): for the tests that
 * exercise the app itself. */
export const test = readerTest.extend({
  context: async ({ context }, use) => {
    await eager(context);
    await use(context);
  },
});

/** Runs `assertions` every 50 ms for `ms`: a state that must hold (a scroll
 * position, a focus) is watched the whole time, not read once after a sleep,
 * which a late change could slip past. */
export async function holdsFor(ms, assertions) {
  const end = Date.now() + ms;
  for (;;) {
    await assertions();
    if (Date.now() >= end) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Holds the requests matching `url` until the returned function is called. */
export async function holdRequests(page, url) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Skips the phone run of a check no layout can change (data, routing, the
 * head): one run at 1280 px is enough, and the e2e layer is most of CI's time. */
export function viewportIndependent(testInfo) {
  base.skip(testInfo.project.name === 'phone', 'viewport-independent: one run at 1280 px');
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
/** The WordPress prerender (scripts/prerender-wp.sh, a `make test` layer). */
export const wpDist = process.env.KIOSQUE_WP_DIST || path.join(root, 'target/dist-wp');

/** Serves `dir` (default: the WordPress prerender) on E2E_PORT + `offset`
 * while the calling spec file runs, and points its tests there (`baseURL`).
 * Call it at the top of a spec. */
export function serveSpec({ dir = wpDist, offset = 7 } = {}) {
  const port = Number(process.env.E2E_PORT || 4173) + offset;
  const origin = `http://127.0.0.1:${port}`;
  let server;
  test.beforeAll(async () => {
    server = await startServer({ root: dir, port });
  });
  test.afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
  });
  test.use({ baseURL: origin });
  readerTest.use({ baseURL: origin });
  return { port, origin, root: dir };
}

/** Serves the untouched shell for the page at `route` (as a host does for a
 * page that was not prerendered): every public page of the demo is
 * prerendered, so the tests of client rendering make one that is not. */
export async function notPrerendered(page, route, root = dist) {
  const shell = fs.readFileSync(path.join(root, 'shell.html'), 'utf8');
  await page.route(
    (url) => url.pathname === route,
    (r) => (r.request().resourceType() === 'document' ? r.fulfill({ contentType: 'text/html', body: shell }) : r.fallback()),
  );
}

/** Reads a JSON file of the built static API (dist/api/...). */
export function api(rel) {
  return JSON.parse(fs.readFileSync(path.join(dist, 'api', rel), 'utf8'));
}

/** Fails the test on any page error or console error. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

let axeCache;
const axeSource = () => (axeCache ??= `${fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8')}\n;0`);

/** Runs axe-core (WCAG 2.1 A/AA rules) and expects no violations. */
export async function expectAccessible(page) {
  // Evaluated through DevTools, not as a <script>: the page's CSP forbids inline code.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
  expect(summary, 'axe violations').toEqual([]);
}

/** Saves a full-page screenshot as a test artifact, after checking that
 * nothing scrolls sideways. */
export async function snap(page, testInfo, name) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, `${name}: no horizontal scroll`).toBeLessThanOrEqual(client);
  // A full-page shot shows below-the-fold images too: load the lazy ones
  // (briefly; a broken image must not hang the test).
  await page
    .evaluate(() => {
      const lazy = [...document.querySelectorAll('img[loading=lazy]')];
      lazy.forEach((i) => (i.loading = 'eager'));
      const done = lazy.map((i) => (i.complete ? null : new Promise((r) => ((i.onload = r), (i.onerror = r)))));
      return Promise.race([Promise.all(done), new Promise((r) => setTimeout(r, 3000))]);
    })
    .catch(() => {});
  const file = path.join(root, 'tests/e2e/artifacts', `${name}-${testInfo.project.name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
}
