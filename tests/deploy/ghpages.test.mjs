// GitHub Pages: dist/404.html (the untouched shell, written by the build) is
// what Pages serves, with status 404, for every path without a file. An
// emulator of Pages' documented rules (hosts.mjs) serves the build. The
// browser test (subpath.spec.mjs) checks that the app boots from 404.html.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { contract } from './contract.mjs';
import { prepareSite } from './site.mjs';
import { startHost } from './hosts.mjs';
import { oldUrls } from './legacy.mjs';
import { request } from './contract.mjs';

const site = prepareSite();
let server;

before(async () => {
  server = await startHost('ghpages', { root: site.root, port: 0 });
});
after(() => {
  server?.close();
  site.cleanup();
});

test('ghpages: 404.html is the untouched shell, and .nojekyll is shipped', () => {
  assert.equal(fs.readFileSync(path.join(site.root, '404.html'), 'utf8'), site.shell);
  assert.ok(fs.existsSync(path.join(site.root, '.nojekyll')));
});

test('ghpages: an old permalink is a redirect page to its article', { skip: site.simulated && 'dist/ is not prerendered' }, async () => {
  const { dated, postname, target } = oldUrls(site.root);
  const port = server.address().port;
  for (const old of [dated, postname]) {
    // Pages sends /x to /x/ itself; /x/ is the redirect page.
    const bare = await request(port, old.replace(/\/$/, ''));
    assert.equal(bare.status, 301, old);
    const r = await request(port, old);
    assert.equal(r.status, 200, old);
    const html = r.body.toString('utf8');
    assert.match(html, new RegExp(`<meta http-equiv="refresh" content="0; url=${target}">`));
    assert.match(html, new RegExp(`<link rel="canonical" href="https?://[^"/]+${target}">`));
    assert.match(html, /<meta name="robots" content="noindex">/);
    assert.match(html, new RegExp(`<a href="${target}">`));
    // Under the kit's strict policy: no script, no style, nothing inline.
    assert.doesNotMatch(html, /<script|<style|\sstyle=|\son[a-z]+=/i);
  }
});

contract('ghpages', () => server.address().port, site, {
  fallbackStatus: 404,
  dirRedirect: true,
  csp: false,
  cache: { hashed: /^max-age=600$/, html: /^max-age=600$/, other: /^max-age=600$/, sw: /^max-age=600$/ },
});
