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
    runtime_error: lhr.runtimeError?.message ?? null,
    warnings: lhr.runWarnings ?? [],
    lighthouse_version: lhr.lighthouseVersion,
  };
}
