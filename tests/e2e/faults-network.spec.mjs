// Faults that request interception cannot express: a connection dropping
// mid-body, a body cut short, a huge body streamed from a real socket. A tiny
// server (node built-ins) runs inside the test and is the site's origin (the
// CSP allows the site's own API only): it serves /api/ from dist/api, faulted
// or not, and passes everything else to the e2e server.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test, expect, api, dist } from './helpers.mjs';
import { FR, baseConfig, clientRendered, expectErrorView, guard, retry, routeConfig } from './fault-helpers.mjs';

test.skip(({ isMobile }) => isMobile, 'viewport-independent: desktop only');

/** path → fault(req, res, body); a path without one is served normally. */
const faults = new Map();
let server;
const port = Number(process.env.E2E_PORT || 4173) + 5;
test.use({ baseURL: `http://127.0.0.1:${port}` });

test.beforeAll(async ({}, testInfo) => {
  const upstream = testInfo.project.use.baseURL;
  server = http.createServer((req, res) => {
    const pathname = new URL(req.url, 'http://x').pathname;
    if (!pathname.startsWith('/api/')) {
      const up = http.get(`${upstream}${req.url}`, { headers: req.headers }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      return;
    }
    const rel = decodeURIComponent(pathname).replace(/^\/api\//, '');
    res.setHeader('Access-Control-Allow-Origin', '*');
    const file = path.join(dist, 'api', rel);
    if (rel.includes('..') || !fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    const body = fs.readFileSync(file);
    const fault = faults.get(rel);
    if (fault) {
      fault.hits++;
      fault.run(req, res, body);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length }).end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Faults `rel` (a path under /api/) with `run` until `clear()`. */
function fault(rel, run) {
  const f = { hits: 0, run };
  faults.set(rel, f);
  return { get hits() { return f.hits; }, clear: () => faults.delete(rel) };
}

let errors;
test.beforeEach(async ({ page }) => {
  faults.clear();
  errors = guard(page);
  await clientRendered(page);
  await routeConfig(page, baseConfig());
});
test.afterEach(({}, testInfo) => {
  if (testInfo.status === 'skipped') return;
  expect(errors, 'page errors, panics, console errors').toEqual([]);
});

const slug = () => api('home.json').lead.slug;

test('the connection drops while the body is read: offline message; retry recovers', async ({ page }) => {
  const f = fault(`articles/${slug()}.json`, (req, res, body) => {
    // Promise the whole body, send half, then cut the connection.
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.write(body.subarray(0, body.length >> 1), () => setTimeout(() => res.destroy(), 50));
  });
  await page.goto(`/article/${slug()}`);
  await expectErrorView(page, FR.offline);
  expect(f.hits, 'a dropped connection is retried twice').toBe(3);
  f.clear();
  await retry(page);
  await expect(page.locator('h1')).toHaveText(api(`articles/${slug()}.json`).title);
});

test('a body cut short by a clean end of stream: unreadable; retry recovers', async ({ page }) => {
  const cat = api('site.json').nav[1];
  const f = fault(`categories/${cat.slug}/page/1.json`, (req, res, body) => {
    // Chunked, ended properly after 300 bytes: valid HTTP, truncated JSON.
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body.subarray(0, 300));
  });
  await page.goto(`/category/${cat.slug}`);
  await expectErrorView(page, FR.badData);
  expect(f.hits, 'unreadable data is not retried').toBe(1);
  f.clear();
  await retry(page);
  await expect(page.locator('h1')).toHaveText(cat.name);
});

test('a huge body (32 MB) is refused without freezing the page; retry recovers', async ({ page }) => {
  const article = api(`articles/${slug()}.json`);
  // A real article whose body is padded with paragraphs up to 32 MB, streamed
  // without a Content-Length (so only the size of the text can stop it).
  const paragraph = JSON.stringify({ type: 'paragraph', content: [{ type: 'text', text: 'Lorem ipsum '.repeat(80) }] });
  const chunk = Buffer.from(`${paragraph},`.repeat(1000));
  const head = Buffer.from(JSON.stringify({ ...article, body: [] }).replace(/"body":\[\]/, '"body":['));
  const tail = Buffer.from(`${paragraph}]}`);
  const count = Math.ceil((32 << 20) / chunk.length);
  const f = fault(`articles/${slug()}.json`, async (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write(head);
    for (let i = 0; i < count && !res.destroyed; i++) {
      if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    }
    res.end(tail);
  });
  const started = Date.now();
  await page.goto(`/article/${slug()}`);
  await expectErrorView(page, 'Ce contenu est trop volumineux pour être affiché.');
  expect(f.hits, 'too large is not retried').toBe(1);
  // The page still answers at once.
  const t0 = Date.now();
  await page.evaluate(() => 1);
  expect(Date.now() - t0).toBeLessThan(1_000);
  expect(Date.now() - started).toBeLessThan(20_000);
  f.clear();
  await retry(page);
  await expect(page.locator('h1')).toHaveText(article.title);
});

test('a huge body announced by Content-Length is refused before it is read', async ({ page }) => {
  const size = 40 << 20;
  let sent = 0;
  let closed = false;
  const f = fault(`articles/${slug()}.json`, (req, res) => {
    res.once('close', () => (closed = true));
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': size });
    const block = Buffer.alloc(1 << 20, 0x20);
    const pump = () => {
      while (sent < size && !res.destroyed) {
        sent += block.length;
        if (!res.write(block)) return res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  await page.goto(`/article/${slug()}`);
  await expectErrorView(page, 'Ce contenu est trop volumineux pour être affiché.');
  expect(f.hits).toBe(1);
  // The download was cancelled, not left to run to the end.
  await expect.poll(() => closed).toBe(true);
  expect(sent).toBeLessThan(size);
  f.clear();
  await retry(page);
  await expect(page.locator('h1')).toHaveText(api(`articles/${slug()}.json`).title);
});
