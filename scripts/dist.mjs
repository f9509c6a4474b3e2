// The release bundle in dist/, for `make bench` and `make soak`: built with
// `trunk build --release` when it is missing or older than its sources.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What a build reads: a change to any of them makes dist/ stale. */
const SOURCES = ['src', 'style', 'public', 'index.html', 'Cargo.toml', 'Cargo.lock', 'Trunk.toml', 'scripts/deploy'];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** Why `dist` needs a build, or null when it is up to date. */
export function staleReason(dist = path.join(repo, 'dist')) {
  let built;
  try {
    built = fs.statSync(path.join(dist, 'shell.html')).mtimeMs;
  } catch {
    return `${path.relative(repo, dist) || dist}/shell.html is missing`;
  }
  const newer = SOURCES.find((s) => newestMtime(path.join(repo, s)) > built);
  if (newer) return `${newer} changed since the last build`;
  // The wasm carries its commit (build.rs); the prerender refuses another.
  const head = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout?.trim();
  const wasm = fs.readdirSync(dist).filter((f) => f.endsWith('.wasm'));
  const stamped = wasm.some((f) => fs.readFileSync(path.join(dist, f)).includes(`kiosque-build:${head};`));
  return head && !stamped ? `${path.relative(repo, dist) || dist} was built from another commit than ${head}` : null;
}

/** Runs `cmd args` in the repo with node_modules/.bin and ~/.cargo/bin on PATH. */
export function sh(cmd, args, { cwd = repo } = {}) {
  const env = {
    ...process.env,
    PATH: `${path.join(repo, 'node_modules/.bin')}:${path.join(os.homedir(), '.cargo/bin')}:${process.env.PATH}`,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/** Builds dist/ unless it is up to date; resolves to its path. */
export async function ensureDist({ log = console.error } = {}) {
  const dist = path.join(repo, 'dist');
  const why = staleReason(dist);
  if (why) {
    log(`building the release bundle (${why})`);
    await sh('trunk', ['build', '--release']);
  } else {
    log('dist/ is up to date');
  }
  return dist;
}
