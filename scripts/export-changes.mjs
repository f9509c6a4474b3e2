// Checks what an incremental export + prerender changed after ONE post was
// edited (scripts/export-wp.sh): only that article, the articles whose
// related rail shows it, the listings it is in (home and home archive
// included), the indexes (archive, search), the feeds, sitemaps and the
// manifests. Reads two snapshots of a dist/ ("hash path" lines, from
// sha256sum, and "path inode" lines of the API, from find) and the API
// before and after: an API file rewritten with the same bytes (a new inode)
// fails too, since the prerender would then see a change that is none.
//
//   node scripts/export-changes.mjs DIST BEFORE.sums AFTER.sums BEFORE_API_DIR SLUG
//   (with BEFORE.sums.inodes, AFTER.sums.inodes and BEFORE.sums.manifest beside them)
import fs from 'node:fs';
import path from 'node:path';

const [dist, beforeSums, afterSums, beforeApi, slug] = process.argv.slice(2);
const sums = (file) =>
  new Map(
    fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.match(/^(\S+)\s+\*?(.*)$/))
      .map(([, h, p]) => [p.replace(/^\.\//, ''), h]),
  );
const before = sums(beforeSums);
const after = sums(afterSums);
const changed = [...new Set([...before.keys(), ...after.keys()])]
  .filter((p) => before.get(p) !== after.get(p))
  .filter((p) => !/\.(br|gz)$/.test(p));

// The routes whose page may change, from the API around the edited post.
const apis = [beforeApi, path.join(dist, 'api')];
const read = (dir, rel) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8'));
  } catch {
    return null;
  }
};
const walk = (dir, rel = '') =>
  fs.existsSync(path.join(dir, rel))
    ? fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(dir, path.join(rel, e.name)) : [path.join(rel, e.name)],
      )
    : [];
const allowedApi = new Set([
  `articles/${slug}.json`,
  'home.json',
  'most-read.json',
  '.export-state.json',
]);
const routes = new Set(['/', `/article/${slug}`]);
for (const dir of apis) {
  for (const rel of walk(dir)) {
    const doc = read(dir, rel);
    if (!doc) continue;
    const mentions = JSON.stringify(doc).includes(`"slug":"${slug}"`);
    if (!mentions) continue;
    allowedApi.add(rel);
    let m;
    if ((m = rel.match(/^articles\/(.+)\.json$/))) routes.add(`/article/${m[1]}`);
    else if ((m = rel.match(/^latest\/page\/(\d+)\.json$/))) routes.add(m[1] === '1' ? '/' : `/page/${m[1]}`);
    else if ((m = rel.match(/^(categories|tags|authors)\/([^/]+)\/page\/(\d+)\.json$/))) {
      const base = `/${{ categories: 'category', tags: 'tag', authors: 'author' }[m[1]]}/${m[2]}`;
      routes.add(m[3] === '1' ? base : `${base}/page/${m[3]}`);
    }
  }
}
// Page files (HTML and data script) → their route, from both manifests.
const fileRoute = new Map();
for (const p of [path.join(dist, 'prerender.json'), `${beforeSums}.manifest`]) {
  const m = read('', p);
  for (const [route, files] of Object.entries(m?.pages ?? {})) {
    fileRoute.set(files.html, route);
    fileRoute.set(files.data, route);
  }
}
const siteFile = (p) =>
  /^(feed\.xml|category\/[^/]+\/feed\.xml|sitemap[^/]*\.xml|robots\.txt|prerender\.json)$/.test(p);
const bad = changed.filter((p) => {
  // The search index's term shards are keyed by a hash of each word, not by
  // article: any of them may hold the edited words.
  if (p.startsWith('api/')) return !allowedApi.has(p.slice(4)) && !p.startsWith('api/archive/articles/') && !p.startsWith('api/search/');
  if (siteFile(p)) return false;
  const route = fileRoute.get(p);
  return !(route && routes.has(route));
});
const inodes = (file) => new Map(fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(' ')));
const [ib, ia] = [inodes(`${beforeSums}.inodes`), inodes(`${afterSums}.inodes`)];
const rewritten = [...ia.keys()].filter((p) => ib.has(p) && ib.get(p) !== ia.get(p) && !changed.includes(p));
for (const p of rewritten) console.log(`  REWRITTEN with the same bytes: ${p}`);
const must = [`api/articles/${slug}.json`, `article/${slug}/index.html`];
const missing = must.filter((p) => !changed.includes(p));
console.log(`changed ${changed.length} files (allowed: ${routes.size} routes, ${allowedApi.size} API files)`);
for (const p of changed) console.log(`  ${bad.includes(p) ? 'UNEXPECTED' : 'changed   '} ${p}`);
if (bad.length || missing.length || rewritten.length) {
  if (missing.length) console.log(`not changed but should be: ${missing.join(', ')}`);
  process.exit(1);
}
