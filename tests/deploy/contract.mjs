// What every deploy recipe must do, as node:test cases shared by the
// nginx, Netlify and GitHub Pages tests. Node built-ins only.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { DEEP_LINKS, MISSING_FILES, hashedAssets } from './site.mjs';
import { readPolicy } from '../../scripts/deploy/csp.mjs';

/** One raw request (no redirects followed, no decompression). */
export function request(port, p, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: p, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Registers the contract for a host. `port()` gives its port once started;
 * `site` comes from prepareSite(). Options:
 * - fallbackStatus: the status of the shell for client routes (GitHub Pages: 404);
 * - dirRedirect: /x redirects to /x/ when x/ is a folder (GitHub Pages);
 * - csp: the Content-Security-Policy header is sent;
 * - plain404: a missing file's body is not the app shell either;
 * - cache: { hashed, html, other, sw } RegExps for Cache-Control (sw: the
 *   service worker, sw.js).
 */
export function contract(name, port, site, opts) {
  const get = (p, h) => request(port(), p, h);
  const text = async (p, h) => {
    const r = await get(p, h);
    return { ...r, text: r.body.toString('utf8') };
  };
  const shell = site.shell;
  const prerendered = fs.readFileSync(site.prerendered.file, 'utf8');

  test(`${name}: / serves index.html`, async () => {
    const r = await text('/');
    assert.equal(r.status, 200);
    assert.equal(r.text, fs.readFileSync(path.join(site.root, 'index.html'), 'utf8'));
    assert.match(r.headers['content-type'], /^text\/html/);
  });

  test(`${name}: client-routed deep links get the untouched shell`, async () => {
    for (const p of [...DEEP_LINKS, site.plainArticle, `${site.plainArticle}/`]) {
      const r = await text(p);
      assert.equal(r.status, opts.fallbackStatus, p);
      assert.equal(r.text, shell, `${p} must be shell.html`);
      assert.match(r.headers['content-type'], /^text\/html/, p);
    }
  });

  test(`${name}: a prerendered page gets its own file (${site.prerendered.route})`, async () => {
    assert.notEqual(prerendered, shell);
    const route = site.prerendered.route;
    const slash = await text(`${route}/`);
    assert.equal(slash.status, 200);
    assert.equal(slash.text, prerendered);
    const bare = await text(route);
    if (opts.dirRedirect) {
      assert.equal(bare.status, 301);
      assert.equal(new URL(bare.headers.location, 'http://h').pathname, `${route}/`);
    } else {
      assert.equal(bare.status, 200);
      assert.equal(bare.text, prerendered);
      assert.match(bare.headers['content-type'], /^text\/html/);
    }
  });

  test(`${name}: a missing file with an extension is a real 404`, async () => {
    for (const p of MISSING_FILES) {
      const r = await text(p);
      assert.equal(r.status, 404, p);
      assert.notEqual(r.text, prerendered, p);
      if (opts.plain404) assert.ok(!r.text.includes('<base'), `${p}: the 404 body is not the app`);
    }
  });

  test(`${name}: files are served with their types`, async () => {
    const wasm = hashedAssets(site.root).find((f) => f.endsWith('.wasm'));
    assert.ok(wasm, 'a hashed .wasm in the build');
    const w = await get(`/${wasm}`);
    assert.equal(w.status, 200);
    assert.equal(w.headers['content-type'], 'application/wasm');
    const c = await text('/config.json');
    assert.equal(c.status, 200);
    assert.match(c.headers['content-type'], /^application\/json/);
    JSON.parse(c.text);
    const a = await text(`/api${site.prerendered.route.replace('/article/', '/articles/')}.json`);
    assert.equal(a.status, 200);
    assert.match(a.headers['content-type'], /^application\/json/);
  });

  test(`${name}: cache policy`, async () => {
    const hashed = hashedAssets(site.root);
    assert.ok(hashed.length >= 3, `hashed wasm, js and css: ${hashed}`);
    for (const f of hashed) {
      const r = await get(`/${f}`);
      assert.match(r.headers['cache-control'] ?? '', opts.cache.hashed, f);
    }
    for (const p of ['/', site.prerendered.route + (opts.dirRedirect ? '/' : ''), DEEP_LINKS[1]]) {
      const r = await get(p);
      assert.match(r.headers['cache-control'] ?? '', opts.cache.html, p);
    }
    for (const p of ['/config.json', '/api/home.json']) {
      const r = await get(p);
      assert.match(r.headers['cache-control'] ?? '', opts.cache.other, p);
    }
    const sw = await get('/sw.js');
    assert.equal(sw.status, 200, '/sw.js');
    assert.match(sw.headers['content-type'] ?? '', /javascript/, '/sw.js');
    assert.match(sw.headers['cache-control'] ?? '', opts.cache.sw, '/sw.js');
  });

  test(`${name}: Content-Security-Policy ${opts.csp ? 'from deploy/csp.txt' : 'cannot be sent as a header'}`, async () => {
    const policy = readPolicy();
    for (const p of ['/', DEEP_LINKS[0], site.prerendered.route + (opts.dirRedirect ? '/' : '')]) {
      const r = await get(p);
      if (opts.csp) assert.equal(r.headers['content-security-policy'], policy, p);
      else assert.equal(r.headers['content-security-policy'], undefined, p);
    }
  });
}
