// The built site the deploy tests serve, and the URLs every recipe must
// route the same way. Node built-ins only.
//
// When dist/ holds prerendered articles (`make prerender`), they are used as
// they are. Otherwise a temporary root mirrors dist/ (symlinks) and one
// article gets a stand-in prerendered page: a marked copy of shell.html.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const MARK = '<!-- deploy test: stand-in for a prerendered page -->';

function slugs(dir) {
  try {
    return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  } catch {
    return [];
  }
}

/**
 * Prepares a site to serve from `dist` (default: the repository's dist/).
 * Returns { root, dist, shell, prerendered: { route, file }, plainArticle,
 * simulated, cleanup() }.
 */
export function prepareSite(dist = process.env.DEPLOY_DIST || path.join(REPO, 'dist')) {
  dist = path.resolve(dist);
  const shellFile = path.join(dist, 'shell.html');
  if (!fs.existsSync(shellFile)) {
    throw new Error(`${shellFile} is missing: build the site first (trunk build --release)`);
  }
  const shell = fs.readFileSync(shellFile, 'utf8');
  const articles = slugs(path.join(dist, 'api/articles'));
  if (articles.length < 2) throw new Error(`${dist}/api/articles has fewer than two articles`);
  const isPage = (slug) => fs.existsSync(path.join(dist, 'article', slug, 'index.html'));
  const real = articles.filter(isPage);

  if (real.length > 0) {
    const slug = real[0];
    const plain = articles.find((s) => !isPage(s)) ?? 'not-prerendered-deploy-test';
    return {
      root: dist,
      dist,
      shell,
      simulated: false,
      prerendered: { route: `/article/${slug}`, file: path.join(dist, 'article', slug, 'index.html') },
      plainArticle: `/article/${plain}`,
      cleanup() {},
    };
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosque-deploy-'));
  // Readable by nginx's unprivileged workers.
  fs.chmodSync(tmp, 0o755);
  const root = path.join(tmp, 'site');
  fs.mkdirSync(root, { mode: 0o755 });
  for (const name of fs.readdirSync(dist)) {
    if (name === 'article') continue;
    fs.symlinkSync(path.join(dist, name), path.join(root, name));
  }
  const slug = articles[0];
  const file = path.join(root, 'article', slug, 'index.html');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
  fs.writeFileSync(file, shell.replace('<body>', `<body>${MARK}`), { mode: 0o644 });
  return {
    root,
    dist,
    shell,
    simulated: true,
    prerendered: { route: `/article/${slug}`, file },
    plainArticle: `/article/${articles[1]}`,
    tmp,
    cleanup() {
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** The hashed wasm, JS and CSS files of a built site (names). */
export function hashedAssets(dist) {
  return fs.readdirSync(dist).filter((f) => /-[0-9a-f]{12,16}(?:_bg)?\.(wasm|js|css)$/.test(f));
}

/** Client-routed deep links that no file answers. */
// Routes that are not prerendered (every public URL of the demo is): the
// search, and pages the content does not have yet (a new tag, a page beyond
// the last, a static page published after the prerender).
export const DEEP_LINKS = ['/search?q=eau', '/tag/pas-encore-un-mot-cle', '/category/economie/page/99', '/une-page-a-venir'];

/** Missing files with an extension: real 404s. */
export const MISSING_FILES = ['/api/articles/nope.json', '/media/nope-1200.jpg', '/api/nope/page/1.json'];
