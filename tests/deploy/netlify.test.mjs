// deploy/netlify/_redirects and _headers (copied into dist/ by the build),
// read by an emulator of Netlify's documented rules (hosts.mjs), on a copy of
// the prerendered site whose archive carries WordPress IDs (legacy.mjs).

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { contract } from './contract.mjs';
import { REPO, prepareSite } from './site.mjs';
import { startHost, parseRedirects, parseHeaders, headersFor } from './hosts.mjs';
import { legacyTests, siteWithWordPressIds } from './legacy.mjs';

const built = prepareSite();
const withIds = siteWithWordPressIds(built.root);
const site = prepareSite(withIds.root);
let server;

before(async () => {
  server = await startHost('netlify', { root: site.root, port: 0 });
});
after(() => {
  server?.close();
  site.cleanup();
  withIds.cleanup();
  built.cleanup();
});

/** `_redirects` without the block the prerender writes between its markers. */
const withoutGenerated = (text) => text.replace(/^# BEGIN kiosque-publish.*\n[^]*?^# END kiosque-publish\n/m, '');

test('netlify: the build ships deploy/netlify/ unchanged (but for the generated redirects)', () => {
  for (const f of ['_redirects', '_headers']) {
    assert.equal(
      withoutGenerated(fs.readFileSync(path.join(site.root, f), 'utf8')),
      withoutGenerated(fs.readFileSync(path.join(REPO, 'deploy/netlify', f), 'utf8')),
      `dist/${f} is stale: rebuild`,
    );
  }
  const text = fs.readFileSync(path.join(site.root, '_redirects'), 'utf8');
  const begin = text.indexOf('# BEGIN kiosque-publish');
  assert.ok(begin > 0 && begin < text.indexOf('\n/*  '), 'the generated block comes before the catch-all');
});

test('netlify: the emulator reads rules as Netlify does', () => {
  const rules = parseRedirects('/a/* /b 200\n# c\n/x/:id /y/:id 301!\n/  p=12  /z  301!\n');
  assert.deepEqual(rules.map((r) => [r.from, r.status, r.force]), [['/a/*', 200, false], ['/x/:id', 301, true], ['/', 301, true]]);
  assert.deepEqual(rules[2].query, [['p', '12']]);
  assert.throws(() => parseRedirects('/ p="x" /z 301'), /query/);
  assert.throws(() => parseRedirects('/*.json /404.html 404'), /splat/);
  assert.throws(() => parseRedirects('/a /b 418'), /status/);
  const h = parseHeaders('/*\n  A: 1\n/x/*.js\n  A: 2\n  B: 3\n');
  assert.deepEqual(headersFor(h, '/x/y/z.js'), { a: '1, 2', b: '3' });
  assert.deepEqual(headersFor(h, '/x.css'), { a: '1' });
});

legacyTests('netlify', () => server.address().port, site);

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
