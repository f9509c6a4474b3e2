// scripts/e2e.sh runs the e2e suite in two halves at once: every spec file
// must be in exactly one half, or it would run twice or never.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { groups, specGroup } from '../e2e/groups.mjs';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../e2e');
const specs = fs.readdirSync(dir).filter((f) => f.endsWith('.spec.mjs'));

test('every e2e spec is in exactly one group', () => {
  for (const file of specs) {
    const matched = Object.keys(groups).filter((g) => specGroup(g).test(path.join(dir, file)));
    assert.equal(matched.length, 1, `${file}: in ${matched.length ? matched.join(' and ') : 'no group'}`);
  }
});

test('every listed name is a spec file', () => {
  const names = new Set(specs.map((f) => f.replace(/\.spec\.mjs$/, '')));
  for (const [group, list] of Object.entries(groups)) {
    for (const n of list) assert.ok(names.has(n), `${group}: ${n}.spec.mjs does not exist`);
  }
});

test('a group matches whole file names only', () => {
  assert.ok(specGroup('wordpress').test('/x/tests/e2e/wordpress.spec.mjs'));
  assert.ok(!specGroup('wordpress').test('/x/tests/e2e/not-wordpress.spec.mjs'));
  assert.throws(() => specGroup('nope'), /E2E_GROUP=nope/);
});
