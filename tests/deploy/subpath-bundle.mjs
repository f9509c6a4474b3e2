#!/usr/bin/env node
// Builds the sub-path bundle the deploy tests serve under /news/:
//   trunk build --release --public-url /news/ --dist target/dist-subpath
// unless target/dist-subpath already holds a build of the same sources (a
// hash of every input of the build, stored in target/dist-subpath.key).
// Prints the directory. Node built-ins only. Like any release build it holds
// both bundle flavors (static and WordPress, scripts/deploy/flavor.sh), both
// under /news/.

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './site.mjs';

export const SUBPATH = '/news/';
export const SUBPATH_DIST = path.join(REPO, 'target/dist-subpath');
const KEY_FILE = `${SUBPATH_DIST}.key`;
const INPUTS = ['Cargo.toml', 'Cargo.lock', 'Trunk.toml', 'index.html', 'src', 'crates', 'style', 'public', 'deploy', 'scripts/deploy'];

function* files(p) {
  const st = fs.statSync(p);
  if (st.isFile()) {
    yield p;
    return;
  }
  for (const name of fs.readdirSync(p).sort()) yield* files(path.join(p, name));
}

/** A hash of every input of the build (paths and contents). */
export function sourceKey() {
  const h = crypto.createHash('sha256');
  h.update(`public-url ${SUBPATH}\n`);
  // The build id is the commit: the prerender refuses a bundle from another.
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' });
  h.update(`commit ${head.stdout?.trim()}\n`);
  for (const input of INPUTS) {
    const abs = path.join(REPO, input);
    if (!fs.existsSync(abs)) continue;
    for (const f of files(abs)) {
      h.update(`${path.relative(REPO, f)}\0`);
      h.update(fs.readFileSync(f));
    }
  }
  return h.digest('hex');
}

/** Prerenders the sub-path bundle for the origin the deploy tests serve it
 * from (incremental: quick when nothing changed). */
function prerender(log) {
  const origin = process.env.DEPLOY_SERVE_ORIGIN || `http://127.0.0.1:${process.env.DEPLOY_SERVE_PORT || 4311}`;
  const args = ['run', '--quiet', '-p', 'kiosque-cli', '--', 'prerender', '--dist', SUBPATH_DIST, '--site-url', `${origin}${SUBPATH}`];
  const r = spawnSync('cargo', args, { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`prerender failed: ${r.stderr || r.error}`);
  log(r.stdout.trim().split('\n').pop());
}

export function ensureSubpathBundle({ log = console.error } = {}) {
  const key = sourceKey();
  const fresh =
    fs.existsSync(path.join(SUBPATH_DIST, 'shell.html')) &&
    fs.existsSync(KEY_FILE) &&
    fs.readFileSync(KEY_FILE, 'utf8').trim() === key;
  if (fresh) {
    log(`sub-path bundle: ${path.relative(REPO, SUBPATH_DIST)} is up to date`);
    prerender(log);
    return SUBPATH_DIST;
  }
  log(`sub-path bundle: trunk build --release --public-url ${SUBPATH} --dist ${path.relative(REPO, SUBPATH_DIST)}`);
  fs.rmSync(KEY_FILE, { force: true });
  const r = spawnSync('trunk', ['build', '--release', '--public-url', SUBPATH, '--dist', SUBPATH_DIST], {
    cwd: REPO,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`trunk build failed (${r.status ?? r.error})`);
  fs.writeFileSync(KEY_FILE, `${key}\n`);
  prerender(log);
  return SUBPATH_DIST;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === new URL(import.meta.url).pathname) {
  try {
    console.log(ensureSubpathBundle());
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
