// deploy/nginx/kiosque.conf served by Debian's real nginx, started here as a
// private process (own prefix, config, pid, logs and temp paths under a temp
// dir) on 127.0.0.1:4304, with the shipped server block included as it is,
// except its lines marked "EDIT" and, when nginx's brotli modules are
// installed, the brotli lines the file says to uncomment. It serves a copy
// of the prerendered site whose archive carries WordPress IDs (legacy.mjs),
// so the old-URL maps the prerender writes hold `?p=ID` lines too.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { contract, request } from './contract.mjs';
import { REPO, prepareSite, hashedAssets } from './site.mjs';
import { legacyTests, siteWithWordPressIds } from './legacy.mjs';

const PORT = Number(process.env.DEPLOY_NGINX_PORT || 4304);
const MODULES = '/usr/lib/nginx/modules';
const BROTLI = ['ngx_http_brotli_filter_module.so', 'ngx_http_brotli_static_module.so'];
const brotli = BROTLI.every((m) => fs.existsSync(path.join(MODULES, m)));

const built = prepareSite();
const withIds = siteWithWordPressIds(built.root);
const site = prepareSite(withIds.root);
let dir;
let nginx;

/** The shipped server block with the publisher's edits applied. */
export function serverBlock(conf, { port, root, brotli }) {
  const edits = [
    [/^(\s*)include .*redirects\.nginx\.conf;.*# EDIT.*$/m, `$1include ${root}/redirects.nginx.conf;`],
    [/^(\s*)listen .*# EDIT.*$/m, `$1listen 127.0.0.1:${port};`],
    [/^(\s*)server_name .*# EDIT.*$/m, '$1server_name localhost;'],
    [/^(\s*)root .*# EDIT.*$/m, `$1root ${root};`],
  ];
  for (const [re, to] of edits) {
    assert.match(conf, re, `kiosque.conf has an EDIT line for ${re}`);
    conf = conf.replace(re, to);
  }
  if (brotli) {
    const n = (conf.match(/^\s*#brotli/gm) ?? []).length;
    assert.equal(n, 4, 'four commented brotli lines');
    conf = conf.replace(/^(\s*)#(brotli)/gm, '$1$2');
  }
  return conf;
}

function waitForPort(port, child, ms = 10_000) {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tryOnce = () => {
      if (child.exitCode !== null) return reject(new Error(`nginx exited (${child.exitCode})`));
      request(port, '/config.json')
        .then(resolve)
        .catch(() => (Date.now() > end ? reject(new Error('nginx did not answer')) : setTimeout(tryOnce, 100)));
    };
    tryOnce();
  });
}

before(async () => {
  const bin = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
  assert.equal(bin.error, undefined, 'nginx is installed (scripts/setup.sh --test installs it)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosque-nginx-'));
  fs.chmodSync(dir, 0o755);
  const block = serverBlock(fs.readFileSync(path.join(REPO, 'deploy/nginx/kiosque.conf'), 'utf8'), {
    port: PORT,
    root: site.root,
    brotli,
  });
  fs.writeFileSync(path.join(dir, 'kiosque.conf'), block);
  const t = (n) => path.join(dir, n);
  const conf = [
    ...(brotli ? BROTLI.map((m) => `load_module ${MODULES}/${m};`) : []),
    // As root, workers drop to an unprivileged user.
    ...(process.getuid?.() === 0 ? ['user nobody nogroup;'] : []),
    'worker_processes 1;',
    'daemon off;',
    `pid ${t('nginx.pid')};`,
    `error_log ${t('error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${t(k)};`),
    `  include ${t('kiosque.conf')};`,
    '}',
  ].join('\n');
  fs.writeFileSync(t('nginx.conf'), `${conf}\n`);
  const args = ['-p', dir, '-e', t('error.log'), '-c', t('nginx.conf')];
  const check = spawnSync('nginx', [...args, '-t', '-q'], { encoding: 'utf8' });
  assert.equal(check.status, 0, `nginx -t: ${check.stderr}`);
  nginx = spawn('nginx', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  await waitForPort(PORT, nginx);
});

after(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx.once('exit', r));
    nginx.kill('SIGQUIT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (nginx.exitCode === null) nginx.kill('SIGKILL');
  }
  if (dir) {
    const log = path.join(dir, 'error.log');
    if (fs.existsSync(log) && /\[(emerg|alert|crit)\]/.test(fs.readFileSync(log, 'utf8'))) {
      console.error(fs.readFileSync(log, 'utf8'));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  site.cleanup();
  withIds.cleanup();
  built.cleanup();
});

contract('nginx', () => PORT, site, {
  fallbackStatus: 200,
  csp: true,
  plain404: true,
  cache: {
    hashed: /^public, max-age=31536000, immutable$/,
    html: /^no-cache$/,
    other: /^public, max-age=0, must-revalidate$/,
    sw: /^no-cache$/,
  },
});

legacyTests('nginx', () => PORT, site);

test('nginx: precompressed variants are not resources of their own', async () => {
  for (const p of ['/config.json.gz', '/index.html.br', '/x.br']) {
    assert.equal((await request(PORT, p)).status, 404, p);
  }
});

test(`nginx: gzip${brotli ? ' and brotli' : ''} for text and wasm`, async () => {
  const wasm = hashedAssets(site.root).find((f) => f.endsWith('.wasm'));
  const original = fs.readFileSync(path.join(site.root, wasm));
  const gz = await request(PORT, `/${wasm}`, { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(gz.headers.vary ?? '', /Accept-Encoding/i);
  assert.deepEqual(zlib.gunzipSync(gz.body), original);
  const shell = await request(PORT, '/search', { 'accept-encoding': 'gzip' });
  assert.equal(zlib.gunzipSync(shell.body).toString(), site.shell);
  if (brotli) {
    const br = await request(PORT, `/${wasm}`, { 'accept-encoding': 'br, gzip' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(zlib.brotliDecompressSync(br.body), original);
    const json = await request(PORT, '/api/home.json', { 'accept-encoding': 'br' });
    assert.equal(json.headers['content-encoding'], 'br');
    JSON.parse(zlib.brotliDecompressSync(json.body).toString());
  }
  const plain = await request(PORT, `/${wasm}`);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.length, original.length);
});
