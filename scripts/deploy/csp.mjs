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
import { parseCli, UsageError } from '../cli.mjs';

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

/** The policy as a `<meta>` may carry it: without `frame-ancestors`, which
 * browsers ignore there (with a console error). */
export function metaPolicy(policy) {
  return policy.split(';').map((d) => d.trim()).filter((d) => d && !d.startsWith('frame-ancestors')).join('; ');
}

/** `html` with its CSP `<meta>` set to `policy` (added after `<meta charset>`). */
export function setMeta(html, policy) {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const old = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
  if (old.test(html)) return html.replace(old, tag);
  const charset = /<meta charset[^>]*>/;
  if (!charset.test(html)) throw new Error('no <meta charset> to put the policy after');
  return html.replace(charset, (m) => `${m}${tag}`);
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

const USAGE = `Usage: node scripts/deploy/csp.mjs [--check]
       node scripts/deploy/csp.mjs --meta FILE...

Copies the policy of deploy/csp.txt into deploy/nginx/kiosque.conf and
deploy/netlify/_headers.

Options:
  --check       change nothing; exit 1 when a file differs
  --meta FILE…  set the policy as a <meta> in these HTML files instead
  -h, --help    show this help`;

function main() {
  const { check, meta, files } = parseCli({
    name: 'csp',
    usage: USAGE,
    options: { check: { type: 'boolean', default: false }, meta: { type: 'boolean', default: false } },
    positionals: true,
    build: (v, files) => {
      if (v.meta && v.check) throw new UsageError('--meta and --check do not go together');
      if (v.meta && !files.length) throw new UsageError('--meta needs at least one FILE');
      if (!v.meta && files.length) throw new UsageError(`unexpected argument: ${files[0]}`);
      return { ...v, files };
    },
  });
  // --meta FILE...: the release shell gets the policy as a <meta> (trunk hook).
  if (meta) {
    const policy = metaPolicy(readPolicy());
    for (const file of files) fs.writeFileSync(file, setMeta(fs.readFileSync(file, 'utf8'), policy));
    return;
  }
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
