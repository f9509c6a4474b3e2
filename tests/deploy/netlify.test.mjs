// deploy/netlify/_redirects and _headers (copied into dist/ by the build),
// read by an emulator of Netlify's documented rules (hosts.mjs).

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { contract } from './contract.mjs';
import { REPO, prepareSite } from './site.mjs';
import { startHost, parseRedirects, parseHeaders, headersFor } from './hosts.mjs';

const site = prepareSite();
let server;

before(async () => {
  server = await startHost('netlify', { root: site.root, port: 0 });
});
after(() => {
  server?.close();
  site.cleanup();
});

test('netlify: the build ships deploy/netlify/ unchanged', () => {
  for (const f of ['_redirects', '_headers']) {
    assert.equal(
      fs.readFileSync(path.join(site.root, f), 'utf8'),
      fs.readFileSync(path.join(REPO, 'deploy/netlify', f), 'utf8'),
      `dist/${f} is stale: rebuild`,
    );
  }
});

test('netlify: the emulator reads rules as Netlify does', () => {
  const rules = parseRedirects('/a/* /b 200\n# c\n/x/:id /y/:id 301!\n');
  assert.deepEqual(rules.map((r) => [r.from, r.status, r.force]), [['/a/*', 200, false], ['/x/:id', 301, true]]);
  assert.throws(() => parseRedirects('/*.json /404.html 404'), /splat/);
  assert.throws(() => parseRedirects('/a /b 418'), /status/);
  const h = parseHeaders('/*\n  A: 1\n/x/*.js\n  A: 2\n  B: 3\n');
  assert.deepEqual(headersFor(h, '/x/y/z.js'), { a: '1, 2', b: '3' });
  assert.deepEqual(headersFor(h, '/x.css'), { a: '1' });
});

contract('netlify', () => server.address().port, site, {
  fallbackStatus: 200,
  csp: true,
  cache: {
    hashed: /^public, max-age=31536000, immutable$/,
    html: /^public,max-age=0,must-revalidate$/,
    other: /^public,max-age=0,must-revalidate$/,
    sw: /^no-cache$/,
  },
});
