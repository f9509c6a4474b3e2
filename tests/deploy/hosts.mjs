// Emulators of the static hosts Kiosque ships recipes for, for the deploy
// tests: the subset of Netlify and GitHub Pages behaviour that our files rely
// on, written from their documented rules. Node built-ins only.
//
//   node tests/deploy/hosts.mjs netlify  --root dist --port 4302
//   node tests/deploy/hosts.mjs ghpages  --root dist --port 4303 [--base /news/]
//
// Netlify (docs: "Redirects and rewrites", "Custom headers"):
// - a file that exists is served first (/x/ and /x serve x/index.html, /x also
//   x.html); only then are the _redirects rules read, top to bottom, first
//   match wins; a rule forced with `!` applies even when a file exists;
// - rule paths: `*` only as the last segment (the splat), `:name` a whole
//   segment; statuses 200 (rewrite), 301/302 (redirect), 404;
// - query conditions between the paths (`/ p=12 /article/x 301!`): the rule
//   applies when each named parameter has that value (`key=:name`: any
//   value); other parameters do not prevent the match;
// - _headers: every rule whose path matches the request path adds its
//   headers (`*` matches any characters, `:name` one segment); a header set
//   by several rules is joined with ", "; the default Cache-Control is
//   "public,max-age=0,must-revalidate";
// - an unmatched path is a 404 with /404.html when the site has one.
// GitHub Pages:
// - /x/ serves x/index.html; /x serves the file x, else x.html, else
//   redirects (301) to /x/ when x/ is a folder with an index.html;
// - anything else is a 404 with the site's 404.html (the project's own under
//   a base path); every response has Cache-Control: max-age=600 and no
//   custom header can be added.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypeFor } from '../../scripts/serve.mjs';
import { parseCli, int, UsageError } from '../../scripts/cli.mjs';

const NETLIFY_DEFAULT_CACHE = 'public,max-age=0,must-revalidate';

function decodePath(url) {
  const raw = String(url).split(/[?#]/)[0];
  const p = decodeURIComponent(raw);
  if (!p.startsWith('/') || p.split('/').includes('..') || p.includes('\0')) return null;
  return p;
}

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function fileAt(root, urlPath) {
  const p = path.join(root, ...urlPath.split('/').filter(Boolean));
  return p.startsWith(root) && isFile(p) ? p : null;
}

function send(req, res, status, file, headers = {}) {
  const body = file ? fs.readFileSync(file) : Buffer.from(`${status}\n`);
  res.writeHead(status, {
    'Content-Type': file ? contentTypeFor(file) : 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

// ---------------------------------------------------------------------------
// Netlify

/** Parses `_redirects`, refusing syntax Netlify would not read as we mean it. */
export function parseRedirects(text) {
  const rules = [];
  text.split('\n').forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const parts = t.split(/\s+/);
    // from [key=value …] to status: query conditions sit between the paths.
    if (parts.length < 3) throw new Error(`_redirects:${i + 1}: expected "from [key=value…] to status": ${t}`);
    const [from, ...rest] = parts;
    const statusRaw = rest.pop();
    const to = rest.pop();
    const query = rest.map((kv) => {
      const m = /^([A-Za-z0-9_-]+)=(:[A-Za-z_]\w*|[A-Za-z0-9._~%-]+)$/.exec(kv);
      if (!m) throw new Error(`_redirects:${i + 1}: expected a key=value query condition: ${kv}`);
      return [m[1], m[2]];
    });
    const force = statusRaw.endsWith('!');
    const status = Number(statusRaw.replace(/!$/, ''));
    if (![200, 301, 302, 404].includes(status)) throw new Error(`_redirects:${i + 1}: status ${statusRaw}`);
    if (!from.startsWith('/') || !to.startsWith('/')) throw new Error(`_redirects:${i + 1}: paths start with /`);
    const segs = from.split('/').slice(1);
    segs.forEach((s, k) => {
      if (s.includes('*') && (s !== '*' || k !== segs.length - 1)) {
        throw new Error(`_redirects:${i + 1}: a splat is only a whole last segment: ${from}`);
      }
      if (s.includes(':') && !/^:[A-Za-z_]\w*$/.test(s)) throw new Error(`_redirects:${i + 1}: bad placeholder ${s}`);
    });
    rules.push({ from, to, status, force, query, line: i + 1 });
  });
  return rules;
}

/** Whether a request's query meets a rule's conditions (each named parameter
 * present with that value, or any value for a `:placeholder`). */
function matchQuery(conditions, search, vars) {
  const params = new URLSearchParams(search);
  for (const [k, v] of conditions) {
    if (!params.has(k)) return false;
    if (v.startsWith(':')) vars[v.slice(1)] = params.get(k);
    else if (params.get(k) !== v) return false;
  }
  return true;
}

/** Matches a _redirects path; returns the substitutions, or null. */
function matchRedirect(from, urlPath) {
  const want = from.split('/').slice(1);
  const got = urlPath.split('/').slice(1);
  if (got.length > 1 && got.at(-1) === '') got.pop(); // /a/ and /a match alike
  const vars = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '*') {
      vars.splat = got.slice(i).join('/');
      return vars;
    }
    if (i >= got.length) return null;
    if (want[i].startsWith(':')) vars[want[i].slice(1)] = got[i];
    else if (want[i] !== got[i]) return null;
  }
  return got.length === want.length ? vars : null;
}

/** Parses `_headers` into [{ pattern, re, headers: [[name, value]] }]. */
export function parseHeaders(text) {
  const rules = [];
  let current = null;
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`_headers:${i + 1}: a path starts with /: ${line}`);
      const source = line
        .trim()
        .split(/(\*|:[A-Za-z_]\w*)/)
        .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      current = { pattern: line.trim(), re: new RegExp(`^${source}/?$`), headers: [] };
      rules.push(current);
      return;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!m || !current) throw new Error(`_headers:${i + 1}: expected "  Name: value": ${line}`);
    current.headers.push([m[1], m[2].trim()]);
  });
  return rules;
}

/** The headers _headers adds to a request path (names lower-cased). */
export function headersFor(rules, urlPath) {
  const out = {};
  for (const r of rules) {
    if (!r.re.test(urlPath)) continue;
    for (const [name, value] of r.headers) {
      const k = name.toLowerCase();
      out[k] = out[k] ? `${out[k]}, ${value}` : value;
    }
  }
  return out;
}

/** Netlify's static file lookup, with its "pretty URLs". */
function netlifyFile(root, urlPath) {
  if (urlPath.endsWith('/')) return fileAt(root, `${urlPath}index.html`);
  return fileAt(root, urlPath) ?? fileAt(root, `${urlPath}/index.html`) ?? fileAt(root, `${urlPath}.html`);
}

export function netlifyHandler(root) {
  root = path.resolve(root);
  const redirects = parseRedirects(fs.readFileSync(path.join(root, '_redirects'), 'utf8'));
  const headerRules = parseHeaders(fs.readFileSync(path.join(root, '_headers'), 'utf8'));
  return (req, res) => {
    const urlPath = decodePath(req.url);
    if (urlPath === null) return send(req, res, 400, null);
    // A header from _headers replaces Netlify's default of the same name.
    const extra = { 'cache-control': NETLIFY_DEFAULT_CACHE, ...headersFor(headerRules, urlPath) };
    const serveRule = (rule, vars) => {
      const to = rule.to.replace(/:(\w+)/g, (m, k) => vars[k] ?? m);
      if (rule.status === 301 || rule.status === 302) {
        res.writeHead(rule.status, { Location: to, ...extra });
        return res.end();
      }
      const file = netlifyFile(root, to);
      if (!file) return send(req, res, 404, null, extra);
      return send(req, res, rule.status, file, extra);
    };
    const search = String(req.url).split('#')[0].split('?')[1] ?? '';
    const match = (rule) => {
      const vars = matchRedirect(rule.from, urlPath);
      return vars && matchQuery(rule.query, search, vars) ? vars : null;
    };
    for (const rule of redirects.filter((r) => r.force)) {
      const vars = match(rule);
      if (vars) return serveRule(rule, vars);
    }
    const file = netlifyFile(root, urlPath);
    if (file) return send(req, res, 200, file, extra);
    for (const rule of redirects.filter((r) => !r.force)) {
      const vars = match(rule);
      if (vars) return serveRule(rule, vars);
    }
    return send(req, res, 404, fileAt(root, '/404.html'), extra);
  };
}

// ---------------------------------------------------------------------------
// GitHub Pages

export function ghPagesHandler(root, base = '/') {
  root = path.resolve(root);
  const prefix = `/${base.split('/').filter(Boolean).join('/')}`.replace(/\/$/, '');
  return (req, res) => {
    const headers = { 'Cache-Control': 'max-age=600' };
    const full = decodePath(req.url);
    if (full === null) return send(req, res, 400, null, headers);
    const inside = full === prefix || full.startsWith(`${prefix}/`);
    if (!inside) return send(req, res, 404, null, headers);
    const urlPath = full.slice(prefix.length) || '/';
    const notFound = () => send(req, res, 404, fileAt(root, '/404.html'), headers);
    if (urlPath.endsWith('/')) {
      const f = fileAt(root, `${urlPath}index.html`);
      return f ? send(req, res, 200, f, headers) : notFound();
    }
    const f = fileAt(root, urlPath) ?? fileAt(root, `${urlPath}.html`);
    if (f) return send(req, res, 200, f, headers);
    if (fileAt(root, `${urlPath}/index.html`)) {
      res.writeHead(301, { Location: `${full}/`, ...headers });
      return res.end();
    }
    return notFound();
  };
}

// ---------------------------------------------------------------------------

/** Starts an emulator; resolves to the listening server. */
export function startHost(kind, { root, port = 0, base = '/', host = '127.0.0.1' }) {
  const handler = kind === 'netlify' ? netlifyHandler(root) : ghPagesHandler(root, base);
  const server = http.createServer((req, res) => {
    try {
      handler(req, res);
    } catch (err) {
      res.writeHead(500);
      res.end(String(err));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { kind, ...opts } = parseCli({
    name: 'hosts',
    usage: `Usage: node tests/deploy/hosts.mjs netlify|ghpages [--root dist] [--port 0] [--base /]

Serves a build by the documented rules of Netlify or GitHub Pages.

Options:
  --root DIR    the built site (default: dist)
  --port N      port, 0 for a free one (default: 0)
  --base /SUB/  GitHub Pages project sub-path (default: /)
  -h, --help    show this help`,
    options: {
      root: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '0' },
      base: { type: 'string', default: '/' },
    },
    positionals: true,
    build: (v, pos) => {
      if (pos.length !== 1 || !['netlify', 'ghpages'].includes(pos[0])) {
        throw new UsageError(`expected one host, netlify or ghpages, not ${JSON.stringify(pos.join(' '))}`);
      }
      return { kind: pos[0], ...v, port: int(v.port, '--port', { max: 65535 }) };
    },
  });
  const server = await startHost(kind, opts);
  console.log(`${kind} emulator: ${opts.root} on http://127.0.0.1:${server.address().port}${opts.base}`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
}
