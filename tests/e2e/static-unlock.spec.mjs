// A protected post on a static site exported from WordPress (issue #19):
// the release bundle (dist/) with the static source, exported and
// prerendered from the test WordPress into target/dist-unlock, with
// api.unlock_url naming that WordPress. The page and its data never hold the
// text; the password form asks WordPress (wrong, then right password), which
// the policy's connect-src allows. Served on a free port.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, readerTest, expect, dist, expectAccessible, snap, watchErrors, viewportIndependent, holdRequests } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';

const wp = process.env.KIOSQUE_WP_URL || 'http://127.0.0.1:8081/wp-json';
const root = path.resolve(dist, '../target/dist-unlock');
const publish = process.env.KIOSQUE_PUBLISH || path.resolve(dist, '../target/debug/kiosque-publish');
const SLUG = '/article/article-protege';
let server;
let origin;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // Exported once per run (E2E_RUN_ID, playwright.config.mjs), not once per
  // width: the export reads the whole test WordPress.
  const stamp = path.join(root, '.e2e-run');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== process.env.E2E_RUN_ID) {
    fs.rmSync(root, { recursive: true, force: true });
    fs.cpSync(dist, root, { recursive: true });
    const file = path.join(root, 'config.json');
    const { site, post_types } = JSON.parse(fs.readFileSync(file, 'utf8'));
    const config = { version: 1, api: { kind: 'static', base_url: '/api', unlock_url: wp }, site, post_types, export: { wordpress_url: wp } };
    fs.writeFileSync(file, JSON.stringify(config, null, 2) + '\n');
    execFileSync(publish, ['export', '--dist', root, '--site-url', 'https://kiosque.example'], { stdio: 'ignore' });
    fs.writeFileSync(stamp, process.env.E2E_RUN_ID);
  }
  server = await startServer({ root, port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test('the static copy unlocks a protected post from its WordPress', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
  const article = fs.readFileSync(path.join(root, 'api/articles/article-protege.json'), 'utf8');
  expect(article).not.toContain('zanzibarite');
  const html = fs.readFileSync(path.join(root, 'article/article-protege/index.html'), 'utf8');
  expect(html).not.toContain('zanzibarite');
  expect(html).toMatch(/connect-src [^;]*http:\/\/127\.0\.0\.1:8081/);
  await page.goto(origin + SLUG);
  await expect(page.locator('h1')).toHaveText('Note réservée aux abonnés du kiosque');
  await expect(page.locator('.article__protected [role=note]')).toBeVisible();
  const field = page.getByLabel(/Mot de passe/);
  // Focus is intent: the app starts. This test drives the app's own form;
  // a submit before it has hydrated is the next test's.
  await field.focus();
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
  await field.fill('faux');
  await page.getByRole('button', { name: /Lire/ }).click();
  await expect(page.locator('.protected-form__error')).toContainText('incorrect');
  await expectAccessible(page);
  await snap(page, testInfo, 'static-unlock-protected');
  const asked = page.waitForRequest((r) => r.url().startsWith(wp) && r.url().includes('password=kiosque'));
  await field.fill('kiosque');
  await page.getByRole('button', { name: /Lire/ }).click();
  await asked;
  await expect(page.locator('article.article')).toContainText('zanzibarite');
  // The app that unlocked is the flavor with the body converter
  // (scripts/deploy/post-build.sh), the plain static one never loaded.
  expect(wasm.length).toBeGreaterThan(0);
  for (const w of wasm) expect(w).toMatch(/^\/kiosque-unlock-[0-9a-f]{16}_bg\.wasm$/);
  expect(errors).toEqual([]);
});

readerTest('a password sent before the app is held, then sent once by the app', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  const errors = watchErrors(page);
  // The app's wasm is slow to come: the reader types and submits first.
  const release = await holdRequests(page, '**/*.wasm');
  const asked = [];
  page.on('request', (r) => r.url().startsWith(wp) && r.url().includes('password=') && asked.push(r.url()));
  await page.goto(origin + SLUG);
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  await page.getByLabel(/Mot de passe/).fill('faux');
  await page.getByRole('button', { name: /Lire/ }).click();
  await expect(page.locator('.protected-form')).toHaveAttribute('aria-busy', 'true');
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-app'))).toBe(false);
  release();
  // The app hydrates and sends the held password: WordPress refuses it,
  // once, and the page (the same document) says so with the field intact.
  await expect(page.locator('.protected-form__error')).toContainText('incorrect');
  await expect(page.locator('.protected-form')).not.toHaveAttribute('aria-busy');
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await expect(page.getByLabel(/Mot de passe/)).toHaveValue('faux');
  expect(asked).toHaveLength(1);
  await snap(page, testInfo, 'static-unlock-held');
  expect(errors).toEqual([]);
});

readerTest.describe('without JavaScript', () => {
  readerTest.use({ javaScriptEnabled: false });

  readerTest('no password form is shown, and the page says why', async ({ page }, testInfo) => {
    viewportIndependent(testInfo);
    await page.goto(origin + SLUG);
    await expect(page.locator('.article__protected [role=note]')).toBeVisible();
    await expect(page.locator('.protected-form')).toBeHidden();
    await expect(page.locator('.protected-form__no-script')).toHaveText(/JavaScript/);
  });
});
