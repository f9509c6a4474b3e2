#!/usr/bin/env node
// `make bench-archive`: the prerender at archive scale. For each size in
// ARCHIVE_SIZES (default "1000 10000 100000"), generates a synthetic
// archive (`content synth`) into a copy of dist/, runs a full
// `kiosque-publish prerender` (timed, with peak memory), edits 10 articles
// (`--touch 10`) and runs it again (the incremental run). Writes
// bench/archive.json and bench/archive.md. Not a test: it only reports.
//
// Expects dist/ (trunk build --release) and release builds of the
// `content` and `kiosque-publish` binaries (the Makefile target builds them).
// ARCHIVE_TMP: where the copies go (default bench/tmp/archive; each size's
// copy is deleted once measured unless ARCHIVE_KEEP=1). ARCHIVE_MERGE=1 keeps
// the other sizes of the last bench/archive.json.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import zlib from 'node:zlib';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
// An empty ARCHIVE_SIZES with ARCHIVE_MERGE=1 only rewrites the report.
const sizes = (process.env.ARCHIVE_SIZES ?? '1000 10000 100000').split(/\s+/).filter(Boolean).map(Number);
const tmp = path.resolve(process.env.ARCHIVE_TMP || path.join(root, 'bench/tmp/archive'));
const keep = process.env.ARCHIVE_KEEP === '1';
const touch = 10;
const bin = (name) => path.join(root, 'target/release', name);
const siteUrl = 'https://archive.example';

function run(cmd, args, opts = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${(r.stderr || '').slice(-4000)}`);
  }
  return { ...r, seconds };
}

/// Every file under `dir` changed after `since` (ms): count and bytes.
function changedSince(dir, since) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (d === dir && (e.name === 'api' || e.name === 'media')) continue;
        walk(p);
      } else {
        const st = fs.statSync(p);
        if (st.mtimeMs >= since) {
          files += 1;
          bytes += st.size;
        }
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/// Runs the prerender under /usr/bin/time -v: wall time, peak memory,
/// pages (from its summary line).
function prerender(dist) {
  // File times come from a coarse kernel clock (a few ms behind).
  const since = Date.now() - 20;
  const r = run('/usr/bin/time', ['-v', bin('kiosque-publish'), 'prerender', '--dist', dist, '--site-url', siteUrl]);
  const peakKb = Number((r.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/) || [])[1] || 0);
  const cpu = (name) => Number((r.stderr.match(new RegExp(`${name} time \\(seconds\\): ([\\d.]+)`)) || [])[1] || 0);
  const lines = r.stdout.split('\n');
  const summary = lines.find((l) => l.startsWith('prerender: ') && l.includes(' pages for ')) || '';
  const renders = lines.find((l) => l.includes(' not rendered ')) || '';
  const num = (re, text = summary) => Number((text.match(re) || [])[1] || 0);
  const out = changedSince(dist, since);
  return {
    seconds: r.seconds,
    // User + system: what the run cost whatever else the machine was doing.
    cpu_seconds: cpu('User') + cpu('System'),
    peak_mib: peakKb / 1024,
    pages: num(/prerender: (\d+) pages/),
    written: num(/\((\d+) written/),
    unchanged: num(/(\d+) unchanged/),
    skipped: num(/(\d+) skipped/),
    rendered: num(/prerender: (\d+) rendered/, renders),
    files_written: out.files,
    bytes_written: out.bytes,
    summary,
  };
}

function setUp(n) {
  const work = path.join(tmp, String(n));
  const dist = path.join(work, 'dist');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  run('rsync', ['-a', '--exclude', '/api', '--exclude', '/media', '--exclude', '/prerender.json', `${root}/dist/`, `${dist}/`]);
  const config = {
    version: 1,
    api: { kind: 'static', base_url: '/api' },
    site: { name: 'Kiosque Archive', locale: 'fr', url: siteUrl },
  };
  fs.writeFileSync(path.join(dist, 'config.json'), JSON.stringify(config, null, 2) + '\n');
  return { work, dist };
}

function synth(n, dist, extra = []) {
  return run(bin('content'), ['synth', '--articles', String(n), '--out', dist, ...extra]).seconds;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model || 'unknown',
    memory_gib: +(os.totalmem() / 2 ** 30).toFixed(1),
    load_before: os.loadavg().map((l) => +l.toFixed(2)),
    node: process.version,
  };
}

/** The most one search can download from the synthetic archive's sharded
 * index (issue 18.7: ≤ 150 KB brotli at 100,000 articles): the manifest, the
 * 4 largest term shards (a query reads at most 4 terms) and the 20 largest
 * document shards (one results page). The largest files by raw size are
 * compressed (brotli 11), not all of them. */
function searchBound(dist) {
  const dir = path.join(dist, 'api/search');
  const sized = (sub) => {
    const d = path.join(dir, sub);
    return fs.existsSync(d) ? fs.readdirSync(d).map((f) => path.join(d, f)).map((f) => [f, fs.statSync(f).size]).sort((a, b) => b[1] - a[1]) : [];
  };
  const br = (f) => zlib.brotliCompressSync(fs.readFileSync(f), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const terms = sized('terms');
  const docs = sized('docs');
  const largest = (list, k) => list.slice(0, 2 * k).map(([f]) => br(f)).sort((a, b) => b - a).slice(0, k).reduce((x, y) => x + y, 0);
  const manifest = path.join(dir, 'index.json');
  return {
    files: terms.length + docs.length + 1,
    raw_bytes: [...terms, ...docs].reduce((n, [, b]) => n + b, 0),
    worst_query_brotli: (fs.existsSync(manifest) ? br(manifest) : 0) + largest(terms, 4) + largest(docs, 20),
  };
}

const targets = { full_100k_seconds: 15 * 60, incremental_seconds: 30, peak_mib: 2048, search_query_kib: 150 };
const results = [];
let notes = machine();
let date = new Date().toISOString();
for (const n of sizes) {
  console.log(`bench-archive: ${n} articles: generating…`);
  const { work, dist } = setUp(n);
  const generate = synth(n, dist);
  const search = searchBound(dist);
  const loadFull = os.loadavg()[0];
  console.log(`bench-archive: ${n}: generated in ${generate.toFixed(1)}s; full prerender…`);
  const full = prerender(dist);
  console.log(`  ${full.summary}\n  ${full.seconds.toFixed(1)}s, peak ${full.peak_mib.toFixed(0)} MiB`);
  const touchSeconds = synth(n, dist, ['--touch', String(touch)]);
  const loadIncr = os.loadavg()[0];
  const incremental = prerender(dist);
  console.log(`  after ${touch} edits: ${incremental.summary}\n  ${incremental.seconds.toFixed(1)}s, peak ${incremental.peak_mib.toFixed(0)} MiB`);
  results.push({
    articles: n,
    generate_seconds: generate,
    search,
    touch_seconds: touchSeconds,
    load_at_start: { full: +loadFull.toFixed(2), incremental: +loadIncr.toFixed(2) },
    full: { ...full, pages_per_second: full.pages / full.seconds },
    incremental,
  });
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
}

// ARCHIVE_MERGE=1: keep the last report's other sizes (measure 100,000 once,
// then re-measure the small ones).
const jsonPath = path.join(root, 'bench/archive.json');
if (process.env.ARCHIVE_MERGE === '1' && fs.existsSync(jsonPath)) {
  const last = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  if (!sizes.length && last.machine) [notes, date] = [last.machine, last.date];
  for (const r of last.results || []) {
    if (!results.some((x) => x.articles === r.articles)) results.push(r);
  }
  results.sort((a, b) => a.articles - b.articles);
}
const at100k = results.find((r) => r.articles === 100000);
const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? 'met' : 'missed');
const met = {
  full_100k: verdict(at100k && at100k.full.seconds <= targets.full_100k_seconds),
  incremental: verdict(results.length ? results.every((r) => r.incremental.seconds <= targets.incremental_seconds) : undefined),
  peak: verdict(results.length ? results.every((r) => Math.max(r.full.peak_mib, r.incremental.peak_mib) <= targets.peak_mib) : undefined),
  search: verdict(at100k?.search ? at100k.search.worst_query_brotli <= targets.search_query_kib * 1024 : undefined),
};
const report = { date, machine: notes, targets, met, results };
fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
fs.writeFileSync(jsonPath, JSON.stringify(report, null, 2) + '\n');

const mb = (b) => (b / 1e6).toFixed(1);
const rows = results.map(
  (r) =>
    `| ${r.articles.toLocaleString('en')} | ${r.full.pages.toLocaleString('en')} | ${r.full.seconds.toFixed(1)} | ` +
    `${r.full.pages_per_second.toFixed(0)} | ${r.full.cpu_seconds ? ((1000 * r.full.cpu_seconds) / r.full.pages).toFixed(2) : 'n/a'} | ${r.full.peak_mib.toFixed(0)} | ${r.full.files_written.toLocaleString('en')} | ` +
    `${mb(r.full.bytes_written)} | ${r.incremental.seconds.toFixed(1)} | ${r.incremental.written} | ` +
    `${r.incremental.peak_mib.toFixed(0)} | ${r.load_at_start.full} / ${r.load_at_start.incremental} |`,
);
const md = `# Archive benchmark

Generated by \`make bench-archive\` (scripts/bench/archive.mjs) on ${report.date}.
A synthetic archive (\`content synth\`: 20 categories, 2,000 tags, 200 authors,
10 articles a listing page) is prerendered in full into a copy of \`dist/\`, then
${touch} articles are edited (\`--touch ${touch}\`) and the prerender runs again.

| Articles | Pages | Full (s) | Pages/s | CPU ms/page | Peak (MiB) | Files written | MB written | Incremental (s) | Pages rewritten | Incr. peak (MiB) | Load (full / incr.) |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Targets (issue 18): full prerender of 100,000 articles ≤ 15 min on 2 cores: **${met.full_100k}**;
incremental run after ${touch} changes ≤ 30 s: **${met.incremental}**; peak memory ≤ 2 GiB: **${met.peak}**.

Search (the synthetic archive's sharded index, \`api/search/\`): the most one query can download is
the manifest, the 4 largest term shards and the 20 largest document shards, brotli 11; target ≤ 150 KB at
100,000 articles: **${met.search}**.

| Articles | Index files | Index MB (raw) | Worst query (KB brotli) |
|---:|---:|---:|---:|
${results.filter((r) => r.search).map((r) => `| ${r.articles.toLocaleString('en')} | ${r.search.files.toLocaleString('en')} | ${mb(r.search.raw_bytes)} | ${(r.search.worst_query_brotli / 1024).toFixed(1)} |`).join('\n') || '| – | not measured in this report | | |'}

Machine: ${notes.cpus} × ${notes.cpu_model}, ${notes.memory_gib} GiB RAM, shared with other jobs
(load average at start ${notes.load_before.join(' / ')}; the "Load" column is the 1-minute load
when each run started: above 2 means the prerender did not have both cores).

How a run scales: a full run renders every page once (its cost per page is the "CPU ms/page"
column: user + system time over pages, whatever the load); an incremental run reads the last
manifest, walks the archive index, asks each page's recorded inputs again (each API file once a
run, hashed) and renders only the pages whose inputs changed — the edited articles, the listing
pages that show them and the articles whose related rail shows them — then rewrites the sitemaps,
feeds and manifest. Its peak memory is above the full run's because the last manifest and the new
one are both held (one entry per page).

Reproduce: \`make bench-archive\` (sizes: \`ARCHIVE_SIZES="1000 10000" make bench-archive\`;
\`ARCHIVE_KEEP=1\` keeps the generated copies under \`bench/tmp/archive/\`).
`;
fs.writeFileSync(path.join(root, 'bench/archive.md'), md);
console.log('bench-archive: wrote bench/archive.md and bench/archive.json');
