#!/usr/bin/env node
// Static file server for the built Kiosque site (`dist/`), behaving like the
// CDN it is deployed to. Used by end-to-end tests, benchmarks and deploy tests.
//
//   node scripts/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1]
//                          [--cors] [--base /] [--verbose]
//
// Node built-ins only (and ./cli.mjs). See `startServer` for in-process use.
// The parts: serve/rules.mjs (content types, caching, encodings, ETags),
// serve/precompress.mjs (.br/.gz beside the files), serve/handler.mjs (a
// request to a file and its headers); this file starts the server and is the CLI.
//
// Hand-written on purpose: with sirv underneath (issue 16), 14 of the 73
// tests in tests/server/ failed. It ignores q-values in Accept-Encoding, serves
// a .br older than its source or asked for by name, compares If-None-Match as
// one string and ignores If-Modified-Since, follows symlinks out of the root,
// and picks headers by the request path, not the file served (index.html,
// shell.html). Working around all that would leave it only the file stream.
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeBase, statOrNull } from './serve/rules.mjs';
import { precompress } from './serve/precompress.mjs';
import { makeHandler } from './serve/handler.mjs';
import { parseCli, int } from './cli.mjs';

// What other scripts and tests use from the server's parts.
export { contentTypeFor, cacheControlFor, acceptedEncodings } from './serve/rules.mjs';
export { precompress } from './serve/precompress.mjs';

/**
 * Precompress `root`, then start serving it.
 * Resolves to the listening `http.Server` (use `server.address().port`).
 */
export async function startServer({
  root = 'dist',
  port = 8080,
  host = '127.0.0.1',
  cors = false,
  base = '/',
  verbose = false,
  precompress: doPrecompress = true,
} = {}) {
  const absRoot = path.resolve(root);
  const st = await statOrNull(absRoot);
  if (!st?.isDirectory()) throw new Error(`root is not a directory: ${absRoot}`);
  const realRoot = await fsp.realpath(absRoot);
  const normBase = normalizeBase(base);
  const baseSegs = normBase.split('/').filter(Boolean);

  if (doPrecompress) await precompress(absRoot);

  const handler = makeHandler({ root: absRoot, realRoot, cors: Boolean(cors), baseSegs });
  const server = http.createServer((req, res) => {
    if (verbose) {
      const t0 = process.hrtime.bigint();
      res.once('close', () => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const enc = res.getHeader('Content-Encoding') ?? '-';
        console.log(`${req.method} ${req.url} ${res.statusCode} ${enc} ${ms.toFixed(1)}ms`);
      });
    }
    handler(req, res);
  });
  server.kiosque = { root: absRoot, base: normBase };

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

// ---------------------------------------------------------------------------
// CLI

const USAGE = `Usage: node scripts/serve.mjs [options]

Serves a built Kiosque site the way its CDN does (see docs/deploy.md).

Options:
  --root DIR      the built site (default: dist)
  --port N        port, 0 for a free one (default: $PORT, else 8080)
  --host ADDR     address to listen on (default: 127.0.0.1)
  --base /SUB/    the sub-path the site is deployed under (default: /)
  --cors          send Access-Control-Allow-Origin: * and answer preflights
  -v, --verbose   log every request
  -h, --help      show this help`;

function parseCommandLine() {
  // PORT: the default of platforms that pick the port for the process.
  const envPort = process.env.PORT !== undefined && process.env.PORT !== '' ? process.env.PORT : '8080';
  return parseCli({
    name: 'serve',
    usage: USAGE,
    options: {
      root: { type: 'string', default: 'dist' },
      port: { type: 'string', default: envPort },
      host: { type: 'string', default: '127.0.0.1' },
      base: { type: 'string', default: '/' },
      cors: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
    },
    build: (v) => ({ ...v, port: int(v.port, '--port', { max: 65535 }) }),
  });
}

async function main() {
  const opts = parseCommandLine();
  let server;
  try {
    server = await startServer(opts);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  }
  const { port } = server.address();
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  console.log(`Serving ${server.kiosque.root} on http://${host}:${port}${server.kiosque.base}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) main();
