// Lighthouse 12 (npm, the CLI in node_modules/.bin) in Debian's Chromium,
// mobile defaults (simulated throttling), performance category only. One
// fresh Chrome per run; the raw JSON goes to bench/tmp/lighthouse/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu';

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, err }));
  });
}

/** One Lighthouse run; resolves to the metrics we report, or { error }. */
export async function lighthouseOnce({ repo, url, outFile }) {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const bin = path.join(repo, 'node_modules/.bin/lighthouse');
  const { code, err } = await run(
    bin,
    [url, '--output=json', `--output-path=${outFile}`, '--only-categories=performance', '--quiet',
      `--chrome-flags=${CHROME_FLAGS}`, '--max-wait-for-load=45000'],
    { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' },
  );
  if (code !== 0 || !fs.existsSync(outFile)) return { error: `lighthouse exit ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}` };
  const lhr = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  const a = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    score: lhr.categories.performance.score == null ? null : Math.round(lhr.categories.performance.score * 100),
    fcp_ms: a('first-contentful-paint'),
    lcp_ms: a('largest-contentful-paint'),
    tbt_ms: a('total-blocking-time'),
    cls: a('cumulative-layout-shift'),
    bytes: a('total-byte-weight'),
    code_bytes: codeBytes(lhr),
    speed_index_ms: a('speed-index'),
    diagnostics: diagnostics(lhr),
    runtime_error: lhr.runtimeError?.message ?? null,
    warnings: lhr.runWarnings ?? [],
    lighthouse_version: lhr.lighthouseVersion,
  };
}

/** Bytes of JavaScript and wasm transferred during the run (no interaction:
 * the lean first view's promise is that this is only the loader). */
export function codeBytes(lhr) {
  const reqs = lhr.audits['network-requests']?.details?.items;
  if (!reqs) return null;
  return reqs
    .filter((r) => r.resourceType === 'Script' || /\.wasm(\?|$)/.test(r.url ?? ''))
    .reduce((s, r) => s + (r.transferSize ?? 0), 0);
}

/** What explains LCP and CLS in one run: the LCP element and its phases, the
 * layout shifts and their elements, render-blocking resources, requests. */
export function diagnostics(lhr) {
  const items = (id) => lhr.audits[id]?.details?.items ?? [];
  const out = {};
  // largest-contentful-paint-element: a list of two tables (element, phases).
  const lcpTables = items('largest-contentful-paint-element');
  const el = lcpTables[0]?.items?.[0]?.node ?? lcpTables[0]?.node;
  if (el) out.lcp_element = { selector: el.selector ?? null, snippet: el.snippet ?? null, label: el.nodeLabel ?? null };
  const phases = lcpTables[1]?.items;
  if (phases?.length) out.lcp_phases = Object.fromEntries(phases.map((p) => [p.phase, Math.round(p.timing)]));
  out.lcp_image_lazy = lhr.audits['lcp-lazy-loaded']?.score === 0 ? true : lhr.audits['lcp-lazy-loaded']?.score === 1 ? false : null;
  out.layout_shifts = items('layout-shifts').slice(0, 5).map((s) => ({
    score: Number((s.score ?? 0).toFixed(4)),
    selector: s.node?.selector ?? null,
    snippet: s.node?.snippet?.slice(0, 160) ?? null,
    causes: (s.subItems?.items ?? []).map((c) => c.cause).filter(Boolean),
  }));
  out.render_blocking = items('render-blocking-resources').map((r) => ({ url: r.url, wasted_ms: Math.round(r.wastedMs ?? 0), bytes: r.totalBytes ?? null }));
  const reqs = items('network-requests');
  out.requests = reqs.length;
  const rs = items('resource-summary');
  out.by_type = Object.fromEntries(rs.map((r) => [r.resourceType, { requests: r.requestCount, bytes: r.transferSize }]));
  // The largest transfers: what the byte weight is made of.
  out.largest = [...reqs].sort((x, y) => (y.transferSize ?? 0) - (x.transferSize ?? 0)).slice(0, 6)
    .map((r) => ({ url: r.url, type: r.resourceType, bytes: r.transferSize, end_ms: Math.round(r.networkEndTime ?? 0) }));
  return out;
}
