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

contract('ghpages', () => server.address().port, site, {
  fallbackStatus: 404,
  dirRedirect: true,
  csp: false,
  cache: { hashed: /^max-age=600$/, html: /^max-age=600$/, other: /^max-age=600$/, sw: /^max-age=600$/ },
});
