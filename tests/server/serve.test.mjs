// Tests for scripts/serve.mjs — run with `node --test tests/server/`.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { startServer } from '../../scripts/serve.mjs';

const SERVE = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));
const SECRET = 'TOP-SECRET-OUTSIDE-ROOT';
const HASH = '0123456789abcdef';

const pad = (s, n = 400) => s + ' '.repeat(Math.max(0, n - s.length));
const FILES = {
  'index.html': pad('<!doctype html><html><head><title>Kiosque</title></head><body><main>prerendered home</main></body></html>\n'),
  'shell.html': '<!doctype html><html><body>shell</body></html>\n',
  [`kiosque-${HASH}.js`]: 'export function init() { return "kiosque"; }\n'.repeat(20),
  [`kiosque-${HASH}_bg.wasm`]: Buffer.concat([
    Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
    Buffer.alloc(600, 7),
  ]),
  [`style-${HASH}.css`]: 'body { color: black; }\n'.repeat(20),
  // trunk drops the hash's leading zeros.
  [`kiosque-${HASH.slice(1)}.js`]: 'export const short = 1;\n',
  'style.css': '.card { margin: 0 auto; padding: 1rem; }\n'.repeat(20),
  'config.json': JSON.stringify({ api: '/api', title: 'Kiosque', pad: 'x'.repeat(300) }),
  'small.json': '{"a":1}',
  'api/articles/a.json': JSON.stringify({ slug: 'a', title: 'Article A', body: 'lorem '.repeat(80) }),
  'article/a/index.html': pad('<!doctype html><html><body><main>prerendered article a</main></body></html>\n'),
  'favicon.svg': pad('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
  'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.alloc(400)]),
  'photo.jpg': Buffer.alloc(300, 1),
  'photo.webp': Buffer.alloc(10, 1),
  'photo.avif': Buffer.alloc(10, 1),
  'favicon.ico': Buffer.alloc(10, 1),
  'font.woff2': Buffer.alloc(10, 1),
  'sitemap.xml': '<?xml version="1.0"?><urlset/>',
  'robots.txt': 'User-agent: *\n',
  'manifest.webmanifest': '{"name":"Kiosque"}',
  'sw.js': 'self.addEventListener("fetch", () => {});\n'.repeat(10),
};

let tmp; // temp dir holding the root plus "outside" files
let root;
let server;
let port;

function writeTree(dir, files) {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
}

/** Raw HTTP request (no decompression, no URL normalisation). */
function raw(p, { method = 'GET', headers = {}, port: prt = port } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: prt, path: p, method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const get = (p, opts) => raw(p, opts);
const text = async (p, opts) => {
  const r = await raw(p, opts);
  return { ...r, text: r.body.toString('utf8') };
};

function stop(s) {
  return new Promise((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosque-serve-'));
  root = path.join(tmp, 'dist');
  writeTree(root, FILES);
  fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ secret: SECRET }));
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'escape.txt'));
  server = await startServer({ root, port: 0 });
  port = server.address().port;
});

after(async () => {
  if (server) await stop(server);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('precompression', () => {
  test('writes .br and .gz for compressible files >= 256 bytes', () => {
    for (const f of ['index.html', `kiosque-${HASH}.js`, `kiosque-${HASH}_bg.wasm`, 'style.css', 'config.json', 'api/articles/a.json']) {
      const src = fs.readFileSync(path.join(root, f));
      assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(path.join(root, `${f}.br`))), src, `${f}.br`);
      assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(root, `${f}.gz`))), src, `${f}.gz`);
    }
  });

  test('skips small files and non-compressible types', () => {
    for (const f of ['shell.html', 'small.json', 'logo.png', 'photo.jpg']) {
      assert.equal(fs.existsSync(path.join(root, `${f}.br`)), false, `${f}.br`);
      assert.equal(fs.existsSync(path.join(root, `${f}.gz`)), false, `${f}.gz`);
    }
  });

  test('keeps an existing variant newer than its source', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosque-serve-pre-'));
    try {
      writeTree(dir, { 'shell.html': FILES['shell.html'], 'app.js': 'let x = 1;\n'.repeat(50) });
      const fake = zlib.brotliCompressSync(Buffer.from('precompressed-by-build'));
      fs.writeFileSync(path.join(dir, 'app.js.br'), fake);
      const future = new Date(Date.now() + 60_000);
      fs.utimesSync(path.join(dir, 'app.js.br'), future, future);
      const s = await startServer({ root: dir, port: 0 });
      try {
        assert.deepEqual(fs.readFileSync(path.join(dir, 'app.js.br')), fake);
        assert.ok(fs.existsSync(path.join(dir, 'app.js.gz')));
        const r = await raw('/app.js', { port: s.address().port, headers: { 'accept-encoding': 'br' } });
        assert.equal(zlib.brotliDecompressSync(r.body).toString(), 'precompressed-by-build');
      } finally {
        await stop(s);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('content types and headers', () => {
  const expected = {
    '/': 'text/html; charset=utf-8',
    '/index.html': 'text/html; charset=utf-8',
    [`/kiosque-${HASH}.js`]: 'text/javascript; charset=utf-8',
    [`/kiosque-${HASH}_bg.wasm`]: 'application/wasm',
    '/style.css': 'text/css; charset=utf-8',
    '/config.json': 'application/json; charset=utf-8',
    '/favicon.svg': /^image\/svg\+xml/,
    '/logo.png': 'image/png',
    '/photo.jpg': 'image/jpeg',
    '/photo.webp': 'image/webp',
    '/photo.avif': 'image/avif',
    '/favicon.ico': /^image\/(x-icon|vnd\.microsoft\.icon)/,
    '/font.woff2': 'font/woff2',
    '/sitemap.xml': /^(application|text)\/xml/,
    '/robots.txt': 'text/plain; charset=utf-8',
    '/manifest.webmanifest': /^application\/manifest\+json/,
  };
  for (const [p, type] of Object.entries(expected)) {
    test(`Content-Type of ${p}`, async () => {
      const r = await get(p);
      assert.equal(r.status, 200);
      if (type instanceof RegExp) assert.match(r.headers['content-type'], type);
      else assert.equal(r.headers['content-type'], type);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    });
  }

  test('wasm is served as application/wasm through fetch', async () => {
    const r = await fetch(`http://127.0.0.1:${port}/kiosque-${HASH}_bg.wasm`);
    assert.equal(r.headers.get('content-type'), 'application/wasm');
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), FILES[`kiosque-${HASH}_bg.wasm`]);
  });

  test('ETag and Last-Modified are sent', async () => {
    const r = await get('/config.json');
    assert.match(r.headers.etag, /^"[^"]+"$/);
    assert.ok(!Number.isNaN(Date.parse(r.headers['last-modified'])));
  });
});

describe('content encoding', () => {
  const files = ['/index.html', `/kiosque-${HASH}.js`, `/kiosque-${HASH}_bg.wasm`, '/style.css'];
  const local = (p) => fs.readFileSync(path.join(root, p));

  test('brotli when Accept-Encoding: br, gzip', async () => {
    for (const p of files) {
      const r = await get(p, { headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(r.headers['content-encoding'], 'br', p);
      assert.match(r.headers.vary, /Accept-Encoding/i);
      assert.equal(Number(r.headers['content-length']), r.body.length);
      assert.deepEqual(zlib.brotliDecompressSync(r.body), local(p), p);
    }
  });

  test('gzip when only gzip is accepted', async () => {
    for (const p of files) {
      const r = await get(p, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(r.headers['content-encoding'], 'gzip', p);
      assert.match(r.headers.vary, /Accept-Encoding/i);
      assert.deepEqual(zlib.gunzipSync(r.body), local(p), p);
    }
  });

  test('gzip when br is refused with q=0', async () => {
    const r = await get('/style.css', { headers: { 'accept-encoding': 'br;q=0, gzip;q=0.8' } });
    assert.equal(r.headers['content-encoding'], 'gzip');
  });

  test('identity when no encoding is accepted', async () => {
    for (const p of files) {
      const r = await get(p);
      assert.equal(r.headers['content-encoding'], undefined, p);
      assert.match(r.headers.vary, /Accept-Encoding/i);
      assert.deepEqual(r.body, local(p), p);
    }
    const r = await get('/style.css', { headers: { 'accept-encoding': 'identity' } });
    assert.equal(r.headers['content-encoding'], undefined);
  });

  test('small files are sent uncompressed even if br is accepted', async () => {
    const r = await get('/shell.html', { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(r.headers['content-encoding'], undefined);
    assert.equal(r.body.toString(), FILES['shell.html']);
  });

  test('a variant older than its source is not served', async () => {
    const p = path.join(root, 'api/articles/a.json');
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(`${p}.br`, old, old);
    fs.utimesSync(`${p}.gz`, old, old);
    const r = await get('/api/articles/a.json', { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(r.headers['content-encoding'], undefined);
    assert.deepEqual(r.body, fs.readFileSync(p));
  });

  test('fetch transparently decodes brotli', async () => {
    const r = await fetch(`http://127.0.0.1:${port}/style.css`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(r.headers.get('content-encoding'), 'br');
    assert.equal(await r.text(), FILES['style.css']);
  });
});

describe('cache control', () => {
  test('hashed assets are immutable', async () => {
    for (const p of [`/kiosque-${HASH}.js`, `/kiosque-${HASH}_bg.wasm`, `/style-${HASH}.css`, `/kiosque-${HASH.slice(1)}.js`]) {
      const r = await get(p, { headers: { 'accept-encoding': 'br' } });
      assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', p);
    }
  });

  test('HTML is no-cache', async () => {
    for (const p of ['/', '/index.html', '/article/a', '/category/x']) {
      const r = await get(p);
      assert.equal(r.headers['cache-control'], 'no-cache', p);
    }
  });

  test('the service worker is no-cache', async () => {
    const r = await get('/sw.js');
    assert.equal(r.status, 200);
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.match(r.headers['content-type'], /^text\/javascript/);
  });

  test('other files must revalidate', async () => {
    for (const p of ['/config.json', '/api/articles/a.json', '/style.css', '/logo.png']) {
      const r = await get(p);
      assert.equal(r.headers['cache-control'], 'public, max-age=0, must-revalidate', p);
    }
  });
});

describe('routing', () => {
  test('/ serves index.html', async () => {
    const r = await text('/');
    assert.equal(r.status, 200);
    assert.match(r.text, /prerendered home/);
  });

  test('/article/a and /article/a/ both serve the prerendered page without redirect', async () => {
    for (const p of ['/article/a', '/article/a/', '/article/a/index.html']) {
      const r = await text(p);
      assert.equal(r.status, 200, p);
      assert.match(r.text, /prerendered article a/, p);
      assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    }
  });

  test('unknown extension-less paths serve the untouched shell, never index.html', async () => {
    for (const p of ['/category/x', '/article/zzz', '/article/zzz/', '/deep/a/b/c', '/category/x?page=2']) {
      const r = await text(p);
      assert.equal(r.status, 200, p);
      assert.equal(r.text, FILES['shell.html'], p);
      assert.doesNotMatch(r.text, /prerendered/, p);
      assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(r.headers['cache-control'], 'no-cache');
    }
  });

  test('missing files with an extension are a real 404', async () => {
    for (const p of ['/api/articles/nope.json', '/x.js', '/article/zzz/index.html', '/style.css/']) {
      const r = await text(p);
      assert.equal(r.status, 404, p);
      assert.ok(r.text.length < 100, p);
      assert.doesNotMatch(r.text, /shell|prerendered/, p);
    }
  });

  test('precompressed variants are not resources of their own', async () => {
    for (const p of ['/x.br', '/style.css.br', '/style.css.gz', '/index.html.br', `/kiosque-${HASH}_bg.wasm.gz`]) {
      const r = await get(p, { headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(r.status, 404, p);
    }
  });

  test('query strings are ignored', async () => {
    const r = await text('/config.json?v=123');
    assert.equal(r.status, 200);
    assert.equal(r.text, FILES['config.json']);
  });

  test('percent-encoded names are decoded', async () => {
    fs.writeFileSync(path.join(root, 'a b.txt'), 'spaced');
    const r = await text('/a%20b.txt');
    assert.equal(r.status, 200);
    assert.equal(r.text, 'spaced');
  });

  test('HEAD has headers but no body', async () => {
    const r = await get('/style.css', { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(r.status, 200);
    assert.equal(r.body.length, 0);
    assert.equal(r.headers['content-encoding'], 'gzip');
    assert.equal(Number(r.headers['content-length']), fs.statSync(path.join(root, 'style.css.gz')).size);
    const shell = await get('/category/x', { method: 'HEAD' });
    assert.equal(shell.status, 200);
    assert.equal(shell.body.length, 0);
  });

  test('other methods get 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const r = await get('/index.html', { method });
      assert.equal(r.status, 405, method);
      assert.match(r.headers.allow, /GET/);
      assert.match(r.headers.allow, /HEAD/);
      assert.equal(r.headers['access-control-allow-origin'], undefined);
    }
  });
});

describe('conditional requests', () => {
  test('If-None-Match answers 304', async () => {
    const first = await get('/config.json');
    const r = await get('/config.json', { headers: { 'if-none-match': first.headers.etag } });
    assert.equal(r.status, 304);
    assert.equal(r.body.length, 0);
    assert.equal(r.headers.etag, first.headers.etag);
    assert.equal(r.headers['cache-control'], 'public, max-age=0, must-revalidate');
  });

  test('If-None-Match with a list and weak prefix', async () => {
    const first = await get('/style.css');
    const r = await get('/style.css', { headers: { 'if-none-match': `"nope", W/${first.headers.etag}` } });
    assert.equal(r.status, 304);
  });

  test('stale ETag gives 200', async () => {
    const r = await get('/config.json', { headers: { 'if-none-match': '"stale"' } });
    assert.equal(r.status, 200);
  });

  test('each encoding has its own ETag', async () => {
    const id = await get('/style.css');
    const br = await get('/style.css', { headers: { 'accept-encoding': 'br' } });
    const gz = await get('/style.css', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(new Set([id.headers.etag, br.headers.etag, gz.headers.etag]).size, 3);
    const r = await get('/style.css', { headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.etag } });
    assert.equal(r.status, 304);
    const mismatch = await get('/style.css', { headers: { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag } });
    assert.equal(mismatch.status, 200);
  });

  test('shell fallback supports 304 too', async () => {
    const first = await get('/category/x');
    const r = await get('/article/zzz', { headers: { 'if-none-match': first.headers.etag } });
    assert.equal(r.status, 304);
  });

  test('If-Modified-Since answers 304', async () => {
    const first = await get('/logo.png');
    const r = await get('/logo.png', { headers: { 'if-modified-since': first.headers['last-modified'] } });
    assert.equal(r.status, 304);
  });
});

describe('path safety', () => {
  const attacks = [
    '/../package.json',
    '/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/%2e%2e/package.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/article/..%2f..%2f..%2fpackage.json',
    '/..\\package.json',
    '/%5c..%5cpackage.json',
    '/index.html%00.png',
    '/%00',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%252e%252e/package.json',
    '/%E0%A4%A',
    'http://127.0.0.1/../package.json',
  ];
  for (const p of attacks) {
    test(`never leaks: ${p}`, async () => {
      const r = await text(p);
      assert.ok([400, 404].includes(r.status), `${p} -> ${r.status}`);
      assert.doesNotMatch(r.text, new RegExp(SECRET));
      assert.doesNotMatch(r.text, /root:/);
    });
  }

  test('fetch-normalised traversal stays inside the root', async () => {
    const r = await fetch(`http://127.0.0.1:${port}/%2e%2e/%2e%2e/etc/passwd`);
    const body = await r.text();
    assert.doesNotMatch(body, /root:/);
  });

  test('symlinks pointing outside the root are not followed', async () => {
    const r = await text('/escape.txt');
    assert.equal(r.status, 404);
    assert.doesNotMatch(r.text, new RegExp(SECRET));
  });
});

describe('options', () => {
  test('--base /sub/ strips the prefix', async () => {
    const s = await startServer({ root, port: 0, base: '/sub/' });
    const p = s.address().port;
    try {
      assert.match((await text('/sub/', { port: p })).text, /prerendered home/);
      assert.match((await text('/sub', { port: p })).text, /prerendered home/);
      assert.match((await text('/sub/article/a', { port: p })).text, /prerendered article a/);
      assert.equal((await text('/sub/category/x', { port: p })).text, FILES['shell.html']);
      const cfg = await text('/sub/config.json', { port: p });
      assert.equal(cfg.status, 200);
      assert.equal(cfg.text, FILES['config.json']);
      for (const out of ['/', '/config.json', '/article/a', '/subway/', '/other/sub/']) {
        assert.equal((await get(out, { port: p })).status, 404, out);
      }
      assert.equal((await get('/sub/../package.json', { port: p })).status, 400);
    } finally {
      await stop(s);
    }
  });

  test('--cors adds Access-Control-Allow-Origin and answers preflight', async () => {
    const s = await startServer({ root, port: 0, cors: true });
    const p = s.address().port;
    try {
      const r = await get('/api/articles/a.json', { port: p, headers: { origin: 'http://localhost:1234' } });
      assert.equal(r.status, 200);
      assert.equal(r.headers['access-control-allow-origin'], '*');
      const nf = await get('/api/articles/nope.json', { port: p });
      assert.equal(nf.headers['access-control-allow-origin'], '*');
      const pre = await get('/api/articles/a.json', {
        port: p,
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:1234', 'access-control-request-method': 'GET' },
      });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers['access-control-allow-origin'], '*');
      assert.match(pre.headers['access-control-allow-methods'], /GET/);
      const viaFetch = await fetch(`http://127.0.0.1:${p}/config.json`);
      assert.equal(viaFetch.headers.get('access-control-allow-origin'), '*');
      await viaFetch.arrayBuffer();
    } finally {
      await stop(s);
    }
    const plain = await get('/config.json');
    assert.equal(plain.headers['access-control-allow-origin'], undefined);
  });

  test('missing shell.html answers 500 with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosque-serve-noshell-'));
    try {
      writeTree(dir, { 'index.html': FILES['index.html'] });
      const s = await startServer({ root: dir, port: 0 });
      try {
        const r = await text('/category/x', { port: s.address().port });
        assert.equal(r.status, 500);
        assert.match(r.text, /shell\.html/);
        assert.doesNotMatch(r.text, /prerendered/);
        assert.equal((await get('/', { port: s.address().port })).status, 200);
      } finally {
        await stop(s);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('startServer rejects a missing root', async () => {
    await assert.rejects(startServer({ root: path.join(tmp, 'does-not-exist'), port: 0 }));
  });
});

describe('CLI', () => {
  test('prints the URL, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [SERVE, '--root', root, '--port', '0', '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 15_000);
        child.stdout.on('data', (d) => {
          out += d;
          const m = /^Serving (.+) on (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
          if (m) {
            clearTimeout(timer);
            assert.equal(m[1], root);
            resolve(m[2]);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited early (${code}): ${out}`)));
      });
      const r = await fetch(`${url}article/a`);
      assert.match(await r.text(), /prerendered article a/);
      const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      child.kill('SIGTERM');
      assert.deepEqual(await exited, { code: 0, signal: null });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  test('PORT env and --verbose logging', async () => {
    const child = spawn(process.execPath, [SERVE, `--root=${root}`, '--verbose'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '0' },
    });
    try {
      let out = '';
      child.stdout.on('data', (d) => { out += d; });
      const waitFor = (re) => new Promise((resolve, reject) => {
        const t0 = Date.now();
        const tick = () => {
          const m = re.exec(out);
          if (m) return resolve(m);
          if (Date.now() - t0 > 15_000) return reject(new Error(`timeout waiting for ${re}: ${out}`));
          setTimeout(tick, 20);
        };
        tick();
      });
      const [, url] = await waitFor(/on (http:\/\/\S+)/);
      await (await fetch(`${url}config.json`)).text();
      await waitFor(/GET \/config\.json 200/);
      const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  test('unknown argument exits with usage', async () => {
    const child = spawn(process.execPath, [SERVE, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(err, /Usage/);
  });
});
