#!/usr/bin/env node
// Copies the Content-Security-Policy of deploy/csp.txt (its one line that is
// not a comment) into the deploy recipes that send it as a header:
// deploy/nginx/kiosque.conf and deploy/netlify/_headers.
//
//   node scripts/deploy/csp.mjs          rewrite both files
//   node scripts/deploy/csp.mjs --check  exit 1 when a file differs
//
// Node built-ins only; `readPolicy` and `render` are used by the deploy tests.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The policy in deploy/csp.txt (comments and blank lines skipped). */
export function readPolicy(file = path.join(repo, 'deploy/csp.txt')) {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.length !== 1) throw new Error(`${file}: expected one policy line, found ${lines.length}`);
  const policy = lines[0];
  // Both targets quote or end the value at these characters.
  if (/["\\\r\n]/.test(policy)) throw new Error(`${file}: the policy may not contain " or \\`);
  return policy;
}

/** Each file that carries the policy, with the line pattern that holds it. */
export const TARGETS = [
  {
    file: 'deploy/nginx/kiosque.conf',
    re: /^(\s*add_header Content-Security-Policy ")[^"]*(";)$/m,
  },
  {
    file: 'deploy/netlify/_headers',
    re: /^(\s*Content-Security-Policy: ).*()$/m,
  },
];

/** `text` with its policy line set to `policy`. */
export function render(text, re, policy) {
  if (!re.test(text)) throw new Error(`no Content-Security-Policy line matching ${re}`);
  return text.replace(re, (_, head, tail) => `${head}${policy}${tail}`);
}

function main() {
  const check = process.argv.includes('--check');
  const policy = readPolicy();
  let stale = 0;
  for (const { file, re } of TARGETS) {
    const p = path.join(repo, file);
    const text = fs.readFileSync(p, 'utf8');
    const next = render(text, re, policy);
    if (next === text) continue;
    if (check) {
      console.error(`${file}: Content-Security-Policy differs from deploy/csp.txt (run node scripts/deploy/csp.mjs)`);
      stale++;
    } else {
      fs.writeFileSync(p, next);
      console.log(`${file}: updated`);
    }
  }
  process.exit(stale ? 1 : 0);
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
