#!/usr/bin/env node
// Builds a hostile copy of the static site for tests/e2e/hostile.spec.mjs:
// dist/ copied to target/dist-hostile/, its api/ extended with articles, a
// category, tags, an author, a page and a social link that
// carry every vector of vectors.json (titles, standfirsts, body text, link
// hrefs, image URLs, captions, credits, alt texts, quote citations, table
// captions, embeds, names, bios, descriptions), its search index rebuilt
// (kiosque-content search-index), then the prerender command run
// on that copy, so the prerendered HTML and its hydration data are covered too.
//
//   node tests/hostile/make-static.mjs [--out target/dist-hostile] [--no-prerender]
//
// Writes target/dist-hostile/hostile.json: where each vector was placed.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseCli } from '../../scripts/cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = parseCli({
  name: 'make-static',
  usage: `Usage: node tests/hostile/make-static.mjs [--out target/dist-hostile] [--no-prerender]

Options:
  --out DIR       where the hostile copy of dist/ goes (default: target/dist-hostile)
  --no-prerender  skip the prerender step
  -h, --help      show this help`,
  options: {
    out: { type: 'string', default: 'target/dist-hostile' },
    'no-prerender': { type: 'boolean', default: false },
  },
});
const out = path.resolve(root, args.out);
const dist = path.join(root, 'dist');
const { vectors } = JSON.parse(fs.readFileSync(path.join(root, 'tests/hostile/vectors.json'), 'utf8'));

/** The legitimate text around a vector. */
export const wrap = (v) => `Avant-${v.id} ${v.payload} Après-${v.id}`;

if (!fs.existsSync(path.join(dist, 'shell.html'))) {
  console.error('make-static: no dist/shell.html: run `trunk build --release` first');
  process.exit(1);
}
fs.rmSync(out, { recursive: true, force: true });
// Compressed variants would be stale once the JSON changes; serve.mjs remakes them.
fs.cpSync(dist, out, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });

const apiDir = path.join(out, 'api');
const read = (rel) => JSON.parse(fs.readFileSync(path.join(apiDir, rel), 'utf8'));
const write = (rel, doc) => {
  const file = path.join(apiDir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
};

// Every vector is placed in a body; the other fields take them in turn, so
// each kind of field meets many categories.
let turn = 0;
const next = () => vectors[turn++ % vectors.length];
const placed = {}; // id -> [where]
const place = (v, where) => {
  (placed[v.id] ||= []).push(where);
  return wrap(v);
};
const text = (where) => place(next(), where);
const inline = (s) => [{ type: 'text', text: s }];

const media = read('home.json').lead.image; // a real image, for sizes
const image = (where, url) => ({
  ...media,
  url: url ?? media.url,
  alt: text(`${where} alt`),
  caption: text(`${where} caption`),
  credit: text(`${where} credit`),
});
const urlVectors = vectors.filter((v) => v.url);
let urlTurn = 0;
const nextUrl = () => urlVectors[urlTurn++ % urlVectors.length];

const category = { slug: 'zone-hostile', name: text('category name') };
const categoryDescription = text('category description');
const tags = [0, 1, 2].map((i) => ({ slug: `hostile-${i + 1}`, name: text(`tag ${i + 1} name`) }));
const author = {
  slug: 'auteur-hostile',
  name: text('author name'),
  role: text('author role'),
  bio: `${text('author bio')}\n\n${text('author bio')}`,
  avatar: { ...image('author avatar', nextUrl().url), width: 256, height: 256, sources: [] },
};
const authorRef = { slug: author.slug, name: author.name };

// Articles: newest of the site, so the home leads with them and the
// prerender writes their pages. Bodies share out all the vectors.
const COUNT = 8;
const perArticle = Math.ceil(vectors.length / COUNT);
const articles = [];
for (let i = 0; i < COUNT; i++) {
  const slug = `hostile-${i + 1}`;
  const where = `article ${slug}`;
  const mine = vectors.slice(i * perArticle, (i + 1) * perArticle);
  const body = [{ type: 'heading', level: 2, content: inline(text(`${where} heading`)) }];
  for (const v of mine) {
    body.push({ type: 'paragraph', content: inline(place(v, `${where} body text`)) });
    if (v.url) {
      body.push({
        type: 'paragraph',
        content: [{ type: 'link', href: v.url, children: inline(place(v, `${where} link href`)) }],
      });
    }
  }
  const u = nextUrl();
  body.push(
    { type: 'quote', content: inline(text(`${where} quote`)), cite: text(`${where} quote cite`) },
    { type: 'figure', image: image(`${where} figure`, i % 2 ? nextUrl().url : undefined) },
    {
      type: 'list',
      ordered: false,
      items: [inline(text(`${where} list`)), [{ type: 'strong', children: inline(text(`${where} strong`)) }]],
    },
    {
      type: 'table',
      caption: text(`${where} table caption`),
      rows: [[{ header: true, content: inline(text(`${where} table header`)) }], [{ content: inline(text(`${where} table cell`)) }]],
    },
    {
      type: 'embed',
      provider: 'youtube',
      url: u.url,
      embed_url: nextUrl().url,
      title: place(u, `${where} embed title`),
      width: 640,
      height: 360,
    },
    {
      type: 'embed',
      provider: 'openstreetmap',
      url: 'https://www.openstreetmap.org/?bbox=8.85,33.62,9.10,33.78',
      embed_url: nextUrl().url,
      title: text(`${where} embed title`),
      width: 600,
      height: 450,
    },
  );
  const day = String(28 - i).padStart(2, '0');
  articles.push({
    version: 1,
    slug,
    title: text(`${where} title`),
    standfirst: text(`${where} standfirst`),
    category,
    tags: tags.filter((_, t) => t === i % 3 || t === (i + 1) % 3),
    authors: [authorRef],
    published: `2030-01-${day}T08:00:00+01:00`,
    image: { ...image(`${where} image`), sources: media.sources },
    body,
    source: text(`${where} source`),
    comment_count: 3,
    reading_minutes: 2,
    related: [],
  });
}
const summary = (a) => {
  const { tags: _t, body: _b, source: _s, comment_count: _c, related: _r, version: _v, ...s } = a;
  return s;
};
for (const a of articles) {
  a.related = articles.filter((b) => b.slug !== a.slug).slice(0, 4).map(summary);
  write(`articles/${a.slug}.json`, a);
}
const summaries = articles.map(summary);
const listing = (kind, list) => ({ version: 1, kind, page: 1, total_pages: 1, total: list.length, articles: list });

write(`categories/${category.slug}/page/1.json`, listing({ type: 'category', category, description: categoryDescription }, summaries));
tags.forEach((t, n) => {
  write(`tags/${t.slug}/page/1.json`, listing({ type: 'tag', tag: t }, articles.filter((a) => a.tags.some((x) => x.slug === t.slug)).map(summary)));
});
write(`authors/${author.slug}/page/1.json`, listing({ type: 'author', author }, summaries));

const latest = read('latest/page/1.json');
latest.articles = [...summaries, ...latest.articles];
latest.total += summaries.length;
write('latest/page/1.json', latest);

const home = read('home.json');
home.lead = summaries[0];
home.latest = [...summaries.slice(1), ...home.latest];
home.sections = [{ category, articles: summaries.slice(1, 5) }, ...home.sections];
write('home.json', home);

const mostRead = read('most-read.json');
mostRead.articles = [...summaries.slice(0, 3), ...mostRead.articles].slice(0, 10);
write('most-read.json', mostRead);

const site = read('site.json');
site.nav = [{ slug: category.slug, name: category.name }, ...site.nav];
site.social = [...(site.social || []), { network: 'x', url: nextUrl().url }, { network: text('social network'), url: 'https://example.com/' }];
write('site.json', site);



write('pages/page-hostile.json', {
  version: 1,
  slug: 'page-hostile',
  title: text('page title'),
  body: [
    { type: 'paragraph', content: inline(text('page body')) },
    { type: 'paragraph', content: [{ type: 'link', href: nextUrl().url, children: inline(text('page link')) }] },
    { type: 'figure', image: image('page figure', nextUrl().url) },
  ],
  modified: '2030-01-01T10:00:00+01:00',
});

// The archive the prerender walks (every public URL is a page): the hostile
// articles, listings and page join it.
const stub = ({ slug, title, standfirst, category: c, published, modified }) => ({ slug, title, standfirst, category: c, published, modified });
const articleIndex = read('archive/articles/page/1.json');
articleIndex.articles = [...articles.map(stub), ...articleIndex.articles];
articleIndex.total += articles.length;
write('archive/articles/page/1.json', articleIndex);
const archive = read('archive/index.json');
const entry = (t, total) => ({ slug: t.slug, name: t.name, total, total_pages: 1 });
archive.categories = [entry(category, articles.length), ...archive.categories];
archive.tags = [...tags.map((t) => entry(t, articles.filter((a) => a.tags.some((x) => x.slug === t.slug)).length)), ...archive.tags];
archive.authors = [entry(author, articles.length), ...archive.authors];
archive.pages = [{ slug: 'page-hostile', modified: '2030-01-01T10:00:00+01:00' }, ...archive.pages];
write('archive/index.json', archive);

const report = {
  articles: articles.map((a) => a.slug),
  category: category.slug,
  tags: tags.map((t) => t.slug),
  author: author.slug,
  page: 'page-hostile',
  placed,
};
fs.writeFileSync(path.join(out, 'hostile.json'), `${JSON.stringify(report, null, 2)}\n`);
const unplaced = vectors.filter((v) => !placed[v.id]);
if (unplaced.length) throw new Error(`vectors not placed: ${unplaced.map((v) => v.id)}`);

// The search index, rebuilt from the articles above and the others.
execFileSync('cargo', ['run', '--quiet', '-p', 'kiosque-content', '--', 'search-index', '--api', path.join(out, 'api')], {
  cwd: root,
  stdio: 'inherit',
});

if (!args['no-prerender']) {
  const res = execFileSync('cargo', ['run', '--quiet', '-p', 'kiosque-cli', '--', 'prerender', '--dist', out], {
    cwd: root,
    encoding: 'utf8',
  });
  process.stdout.write(res.split('\n').filter((l) => !/^\s+(wrote|deleted)/.test(l)).join('\n'));
}
console.log(`make-static: ${vectors.length} vectors in ${path.relative(root, out)}`);
