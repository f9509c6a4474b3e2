// Hostile content (issue #9): the vectors of tests/hostile/vectors.json,
// placed in every field a reader sees, through both sources: a hostile copy
// of the static site (tests/hostile/make-static.mjs, prerendered) and the test
// WordPress (scripts/wordpress/seed-hostile.php, run by up.sh). Nothing may
// run: a sentinel (window.__xss, alert & co, "__xss:" messages, javascript:
// navigations) stays untouched in every frame, the text around each vector
// stays visible, and no console error or page error occurs. The prerendered
// files are also checked as parsed HTML.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect, dist, notPrerendered } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';

const root = path.resolve(dist, '..');
const out = path.join(root, 'target/dist-hostile');
const { vectors } = JSON.parse(fs.readFileSync(path.join(root, 'tests/hostile/vectors.json'), 'utf8'));
const WP = process.env.KIOSQUE_WP_URL || 'http://127.0.0.1:8081/wp-json';
const desktopOnly = (testInfo) => test.skip(testInfo.project.name === 'phone', 'the corpus runs at 1280 px; the phone gets one pass');

/** Regenerates target/dist-hostile when dist/ or the corpus is newer. */
function ensureHostileDist() {
  const report = path.join(out, 'hostile.json');
  const mtime = (f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : Infinity);
  const inputs = ['dist/index.html', 'dist/shell.html', 'tests/hostile/vectors.json', 'tests/hostile/make-static.mjs'];
  if (fs.existsSync(report) && inputs.every((f) => mtime(path.join(root, f)) <= fs.statSync(report).mtimeMs)) return;
  execFileSync('node', ['tests/hostile/make-static.mjs'], { cwd: root, stdio: 'inherit' });
}

/** The ids of the vectors whose legitimate text a string carries. */
const idsIn = (s) => [...String(s).matchAll(/Avant-(\w+)/g)].map((m) => m[1]);

/** Sentinels, in every frame, before any page script. */
async function arm(page) {
  const hits = [];
  page.on('dialog', (d) => {
    hits.push(`dialog ${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('framenavigated', (f) => {
    if (/^(javascript|vbscript|data):/i.test(f.url())) hits.push(`navigated to ${f.url()}`);
  });
  page.on('request', (r) => {
    if (/attaquant\.invalid|^(javascript|vbscript):/i.test(r.url())) hits.push(`request ${r.url()}`);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const hits = [];
    Object.defineProperty(window, '__xssHits', { value: hits });
    let value;
    Object.defineProperty(window, '__xss', {
      get: () => value,
      set: (v) => {
        value = v;
        hits.push(`__xss=${v}`);
      },
    });
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...a) => hits.push(`${name}(${a.join(',')})`);
    }
    const realEval = window.eval;
    window.eval = (s) => {
      if (/__xss\s*=\s*['"`]/.test(String(s))) hits.push(`eval(${s})`);
      return realEval(s);
    };
    addEventListener('message', (e) => {
      if (typeof e.data === 'string' && e.data.startsWith('__xss:')) hits.push(e.data);
    });
    addEventListener('securitypolicyviolation', (e) => hits.push(`csp ${e.violatedDirective} ${e.blockedURI}`));
  });
  return { hits, errors };
}

/** Everything the sentinels saw, in every frame. */
async function sentinels(page, watch) {
  const seen = [...watch.hits];
  for (const frame of page.frames()) {
    const got = await frame.evaluate(() => [...(window.__xssHits || []), ...(window.__xss === undefined ? [] : [`__xss is ${window.__xss}`])]).catch(() => []);
    seen.push(...got.map((h) => `${frame.url().slice(0, 60)}: ${h}`));
  }
  return seen;
}

/** The live DOM has no script URL, no handler attribute, no foreign element. */
async function domIsInert(page) {
  return page.evaluate(() => {
    const bad = [];
    const urlAttrs = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc'];
    const bases = [...document.querySelectorAll('base')].map((b) => b.outerHTML);
    if (bases.join() !== '<base href="/">') bad.push(`base: ${bases}`);
    for (const el of document.querySelectorAll('body *, head meta[http-equiv]')) {
      const tag = el.localName;
      // The app draws no frame, plugin, MathML or inline style of its own (embeds load on demand, see below).
      if (['iframe', 'object', 'embed', 'math', 'base', 'style', 'link', 'template', 'noscript', 'foreignobject', 'animate', 'set'].includes(tag)) {
        if (!(tag === 'iframe' && el.closest('.embed__frame') && el.src.startsWith('https://'))) bad.push(`<${tag}>`);
      }
      if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || '')) bad.push('meta refresh');
      if (tag === 'script' && el.type !== 'application/ld+json' && !/^__(RESOLVED_RESOURCES|INCOMPLETE_CHUNKS)/.test(el.textContent)) bad.push('<script>');
      for (const a of el.attributes) {
        const v = a.value.replace(/[\s\u0000-\u001f]/g, '');
        if (/^on/i.test(a.name)) bad.push(`${tag}[${a.name}]`);
        if (urlAttrs.includes(a.name.toLowerCase()) && /^((javascript|vbscript):|data:(?!image\/svg\+xml,%3Csvg))/i.test(v)) bad.push(`${tag}[${a.name}=${v.slice(0, 40)}]`);
        if (a.name === 'style' && /url\(|expression|behavior/i.test(v)) bad.push(`${tag}[style=${v.slice(0, 40)}]`);
      }
    }
    return bad;
  });
}

/** Checks a view once it has settled: no sentinel, an inert DOM, the
 * expected legitimate text visible, no error. */
async function expectSafe(page, watch, label, ids = []) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
  expect(await sentinels(page, watch), `${label}: sentinels`).toEqual([]);
  expect(await domIsInert(page), `${label}: inert DOM`).toEqual([]);
  // Retried: a view the app renders (not prerendered) may still be arriving.
  await expect.poll(async () => {
    const shown = await page.evaluate(() => document.body.innerText);
    return [...new Set(ids)].filter((id) => !shown.includes(`Avant-${id}`) || !shown.includes(`Après-${id}`));
  }, { message: `${label}: legitimate text shown` }).toEqual([]);
  expect(new URL(page.url()).hostname, `${label}: still on the site`).toBe('127.0.0.1');
  expect(watch.errors, `${label}: errors`).toEqual([]);
}

/** How the bundle started: "hydrated" or "rendered". */
async function started(page) {
  await page.waitForFunction(() => window.__kiosqueStart);
  return page.evaluate(() => window.__kiosqueStart);
}

/** The ids whose text an article page of the static source shows: every
 * visible field (not alt texts, not the related cards' images, not refused embeds). */
function articleIds(a) {
  const ids = [a.title, a.standfirst, a.source, a.category.name, ...a.tags.map((t) => t.name), ...a.authors.map((x) => x.name)].flatMap(idsIn);
  if (a.image) ids.push(...idsIn(a.image.caption), ...idsIn(a.image.credit));
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'embed') return;
    for (const [k, v] of Object.entries(node)) {
      if (['alt', 'url', 'href', 'embed_url', 'sources'].includes(k)) continue;
      if (typeof v === 'string') ids.push(...idsIn(v));
      else walk(v);
    }
  };
  walk(a.body);
  return ids;
}

test.describe('static source', () => {
  let server;
  let origin;
  let report;
  let manifest;
  const read = (rel) => JSON.parse(fs.readFileSync(path.join(out, 'api', rel), 'utf8'));

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    ensureHostileDist();
    report = JSON.parse(fs.readFileSync(path.join(out, 'hostile.json'), 'utf8'));
    manifest = JSON.parse(fs.readFileSync(path.join(out, 'prerender.json'), 'utf8'));
    server = await startServer({ root: out, port: Number(process.env.E2E_HOSTILE_PORT || 0) });
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  test.afterAll(async () => {
    await new Promise((r) => (server ? server.close(r) : r()));
  });

  test('every vector is placed, and every prerendered page parses inert', async ({ browser }, testInfo) => {
    desktopOnly(testInfo);
    expect(vectors.length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(report.placed).sort()).toEqual(vectors.map((v) => v.id).sort());
    for (const a of report.articles) expect(manifest.pages, `${a} is prerendered`).toHaveProperty(`/article/${a}`);
    expect(manifest.pages).toHaveProperty(`/category/${report.category}`);
    const shell = fs.readFileSync(path.join(out, 'shell.html'), 'utf8');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [route, files] of Object.entries(manifest.pages)) {
      const file = files.html;
      const html = fs.readFileSync(path.join(out, file), 'utf8');
      // The page's data is a same-origin script file (make prerender).
      const dataText = fs.readFileSync(path.join(out, files.data), 'utf8');
      const bad = await page.evaluate(
        ([html, shell, dataText]) => {
          const doc = new DOMParser().parseFromString(html, 'text/html');
          const shellDoc = new DOMParser().parseFromString(shell, 'text/html');
          const known = new Set([...shellDoc.scripts].map((s) => s.outerHTML));
          const bad = [];
          // The data file the loader fetches: a same-origin page-data path, nothing else.
          for (const m of doc.querySelectorAll('meta[name="kiosque-data"]')) {
            if (!/^\/page-data\/data-[0-9a-f]+\.js$/.test(m.content)) bad.push(`data meta: ${m.content.slice(0, 120)}`);
          }
          // Data scripts are assignments of string literals and number lists, nothing else.
          const str = '"(?:[^"\\\\\\n]|\\\\.)*"';
          const data = new RegExp(`^(?:__[A-Z_]+(?:\\[\\d+\\])? ?= ?(?:${str}|\\[(?:\\d+,)*\\]);)+$`);
          for (const s of doc.scripts) {
            if (known.has(s.outerHTML)) continue;
            if (/^\/page-data\/data-[0-9a-f]+\.js$/.test(s.getAttribute('src') || '')) {
              for (const line of dataText.split('\n').filter(Boolean)) {
                if (!data.test(line)) bad.push(`data script: ${line.slice(0, 120)}`);
              }
              continue;
            }
            if (s.type === 'application/ld+json') {
              try {
                JSON.parse(s.textContent);
              } catch {
                bad.push(`JSON-LD does not parse: ${s.textContent.slice(0, 80)}`);
              }
            } else if (!data.test(s.textContent)) bad.push(`script: ${s.outerHTML.slice(0, 120)}`);
          }
          const urlAttrs = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc'];
          for (const el of doc.querySelectorAll('*')) {
            const tag = el.localName;
            // The header's search form and icons are the app's own; no hostile markup became elements.
            if (['iframe', 'object', 'embed', 'math', 'style', 'template', 'noscript', 'foreignObject', 'animate', 'set'].includes(tag)) bad.push(`<${tag}>`);
            if (tag === 'form' && el.getAttribute('action') !== null && !/^\/(search)?$/.test(el.getAttribute('action'))) bad.push(el.outerHTML.slice(0, 80));
            if (tag === 'base' && el.outerHTML !== '<base href="/">') bad.push(el.outerHTML);
            if (tag === 'meta' && el.hasAttribute('http-equiv') && el.getAttribute('http-equiv') !== 'Content-Security-Policy') bad.push(el.outerHTML);
            for (const a of el.attributes) {
              const v = a.value.replace(/[\s\u0000-\u001f]/g, '');
              if (/^on/i.test(a.name)) bad.push(`${tag}[${a.name}]`);
              if (urlAttrs.includes(a.name.toLowerCase()) && /^((javascript|vbscript):|data:(?!image\/svg\+xml,%3Csvg))/i.test(v)) bad.push(`${tag}[${a.name}=${v.slice(0, 40)}]`);
            }
          }
          // The text survived as text: one h1, and no vector's markup became elements.
          if (doc.querySelectorAll('h1').length !== 1) bad.push(`${doc.querySelectorAll('h1').length} h1`);
          return bad;
        },
        [html, shell, dataText],
      );
      expect(bad, `${route} (${file})`).toEqual([]);
      // The hostile text is in the page, escaped, and in the hydration data.
      if (route.startsWith('/article/hostile-')) {
        const a = read(`articles/${route.split('/').pop()}.json`);
        await page.setContent(html.replace(/<script type="module">[\s\S]*?<\/script>/, ''));
        await expect(page.locator('h1')).toHaveText(a.title);
        const ld = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t));
        expect(ld.find((d) => d['@type'] === 'NewsArticle')?.headline).toBe(a.title);
      }
    }
    await context.close();
  });

  test('prerendered views hydrate with nothing running: home, category, every hostile article', async ({ page }, testInfo) => {
    desktopOnly(testInfo);
    const watch = await arm(page);
    const home = read('home.json');
    await page.goto(`${origin}/`);
    expect(await started(page)).toBe('hydrated');
    await expectSafe(page, watch, 'home', [home.lead, ...home.latest.slice(0, 5)].flatMap((a) => idsIn(a.title)));
    const cat = read(`categories/${report.category}/page/1.json`);
    await page.goto(`${origin}/category/${report.category}`);
    expect(await started(page)).toBe('hydrated');
    await expectSafe(page, watch, 'category', [cat.kind.category.name, cat.kind.description, ...cat.articles.map((a) => a.title)].flatMap(idsIn));
    for (const slug of report.articles) {
      const a = read(`articles/${slug}.json`);
      await page.goto(`${origin}/article/${slug}`);
      expect(await started(page)).toBe('hydrated');
      // Embeds whose URLs are refused are not drawn at all; others load on demand.
      for (const button of await page.locator('.embed__load').all()) await button.click();
      await expectSafe(page, watch, slug, articleIds(a));
    }
  });

  test('client-rendered views: tags, author, page, and the search for each title and standfirst vector', async ({ page }, testInfo) => {
    desktopOnly(testInfo);
    test.setTimeout(120_000); // a page per vector: 27 s on a busy machine
    const watch = await arm(page);
    // Every public page is prerendered: these are served the shell, as a
    // page published after the prerender is.
    for (const t of report.tags) {
      const l = read(`tags/${t}/page/1.json`);
      await notPrerendered(page, `/tag/${t}`, out);
      await page.goto(`${origin}/tag/${t}`);
      expect(await started(page)).toBe('rendered');
      await expectSafe(page, watch, `tag ${t}`, [l.kind.tag.name, ...l.articles.map((a) => a.title)].flatMap(idsIn));
    }
    const au = read(`authors/${report.author}/page/1.json`).kind.author;
    await notPrerendered(page, `/author/${report.author}`, out);
    await page.goto(`${origin}/author/${report.author}`);
    await expectSafe(page, watch, 'author', [au.name, au.role, au.bio].flatMap(idsIn));
    const p = read(`pages/${report.page}.json`);
    await notPrerendered(page, `/${report.page}`, out);
    await page.goto(`${origin}/${report.page}`);
    await expectSafe(page, watch, 'page', [p.title, ...p.body.flatMap((b) => (b.content || []).flatMap((i) => [i.text, ...(i.children || []).map((c) => c.text)]))].flatMap(idsIn));
    // Each query is a whole wrapped vector; it matches the article it came
    // from, so the results line repeats it.
    const queries = report.articles.flatMap((slug) => {
      const a = read(`articles/${slug}.json`);
      return [a.title, a.standfirst];
    });
    for (const q of queries) {
      await page.goto(`${origin}/search?q=${encodeURIComponent(q)}`);
      await expect(page.locator('.search-page__count')).toBeVisible();
      await expectSafe(page, watch, `search ${idsIn(q)[0]}`, idsIn(q));
    }
  });

  test('client-side navigation through the hostile views, and the search form', async ({ page }) => {
    const watch = await arm(page);
    // From the home (prerendered, hydrated), by the links alone; the phone opens its menu first.
    await page.goto(`${origin}/`);
    await started(page);
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const menu = page.locator('summary.nav__toggle').first();
    if ((await menu.count()) && (await menu.isVisible())) await menu.click();
    await page.locator('#nav-list a[href$="/category/zone-hostile"]').click();
    await expect(page).toHaveURL(/\/category\/zone-hostile$/);
    await expect(page.locator('h1')).toContainText('Avant-');
    await expectSafe(page, watch, 'category (navigated)');
    await page.locator('main a[href^="/article/hostile-"]').first().click();
    await expect(page).toHaveURL(/\/article\/hostile-/);
    // The URL changes before the article is in: its title, not the category's h1.
    await expect(page.locator('h1.article__title')).toBeVisible();
    await expectSafe(page, watch, 'article (navigated)', idsIn(await page.locator('h1').textContent()));
    await page.locator('main a[href^="/tag/hostile-"]').first().click();
    await expect(page).toHaveURL(/\/tag\/hostile-/);
    await expectSafe(page, watch, 'tag (navigated)');
    await page.locator('main a[href^="/article/hostile-"]').first().click();
    await page.locator('main a[href^="/author/auteur-hostile"]').first().click();
    await expect(page).toHaveURL(/\/author\/auteur-hostile$/);
    await expectSafe(page, watch, 'author (navigated)');
    const q = read('articles/hostile-2.json').title;
    const search = page.locator('form[role="search"] input, input[type="search"]').first();
    if (await search.isVisible()) {
      await search.fill(q);
      await search.press('Enter');
      await expect(page).toHaveURL(/\/search\?q=/);
      await expect(page.locator('.search-page__count')).toBeVisible();
      await expectSafe(page, watch, 'search (form)', idsIn(q));
    }
    expect(await page.evaluate(() => window.__sameDocument), 'no reload').toBe(true);
  });
});

// Known, not a vulnerability: from WordPress HTML, the body converter drops the
// text around these vectors (a paragraph holding an <iframe>, <object> or
// <audio>, and the paragraphs of links or images it refuses, lose their text;
// nothing runs). Open
// finding of issue #9: remove an id here once its text survives.

test.describe('WordPress source', () => {
  let posts;

  async function wp(route) {
    const res = await fetch(`${WP}${route}`);
    expect(res.ok, `${route}: ${res.status}`).toBe(true);
    return res.json();
  }
  /** The ids whose legitimate text HTML fields carry as text, as a browser
   * parses them (WordPress's texturizer can turn a quote into an entity and
   * leave text inside an attribute: it is then not text for anyone). */
  let parser;
  const htmlIds = async (...html) => {
    const text = await parser.evaluate(
      (list) =>
        list
          .map((h) => {
            const body = new DOMParser().parseFromString(h, 'text/html').body;
            // Fallback content inside <audio>/<video> is never displayed.
            body.querySelectorAll('audio, video').forEach((e) => e.remove());
            return body.textContent;
          })
          .join(' '),
      html,
    );
    return idsIn(text).filter((id) => text.includes(`Après-${id}`));
  };

  test.beforeAll(async () => {
    posts = await wp('/wp/v2/posts?search=Avant&per_page=100&_fields=id,slug,title,excerpt,content,date&orderby=date&order=asc');
    posts = posts.filter((p) => p.slug.startsWith('wp-hostile-'));
  });
  // The bundle pointed at the test WordPress, with its own CSP
  // (scripts/prerender-wp.sh); the hostile posts are not prerendered there.
  const wpPort = Number(process.env.E2E_PORT || 4173) + 8;
  test.use({ baseURL: `http://127.0.0.1:${wpPort}` });
  let wpServer;
  test.beforeAll(async () => {
    wpServer = await startServer({ root: path.resolve(dist, '../target/dist-wp'), port: wpPort });
  });
  test.afterAll(async () => {
    await new Promise((resolve) => wpServer?.close(resolve));
  });

  test('the seed reached the REST API raw', async () => {
    expect(posts.length, 'scripts/wordpress/up.sh seeds wp-hostile-1…6').toBe(6);
    const all = posts.map((p) => p.content.rendered).join('\n');
    for (const v of vectors) expect(all, v.id).toContain(`Avant-${v.id}`);
    expect(all).toContain("<script>window.__xss='scr1'</script>");
    const [cat] = await wp('/wp/v2/categories?slug=zone-hostile');
    expect(cat.name).toMatch(/<script>/);
    const [user] = await wp('/wp/v2/users?slug=auteur-hostile');
    expect(user.name).toMatch(/<IMG /);
    // Out of the way of the other tests: not in the latest posts, not in the navigation.
    const latest = await wp('/wp/v2/posts?per_page=20&_fields=slug');
    expect(latest.map((p) => p.slug).filter((s) => s.startsWith('wp-hostile-'))).toEqual([]);
    expect(cat.parent).toBeGreaterThan(0);
  });

  test('articles, category, tags, author, page and searches render inert', async ({ page, browser }, testInfo) => {
    desktopOnly(testInfo);
    // About thirty page loads, each checked: 41 s on an idle machine, past the default 45 s on a busy one.
    test.setTimeout(150_000);
    const context = await browser.newContext({ javaScriptEnabled: false });
    parser = await context.newPage();
    const watch = await arm(page);
    for (const p of posts) {
      await page.goto(`/article/${p.slug}`);
      await expect(page.locator('h1')).toContainText('Avant-');
      await expectSafe(page, watch, p.slug, await htmlIds(p.title.rendered, p.excerpt.rendered, p.content.rendered));
    }
    const [cat] = await wp('/wp/v2/categories?slug=zone-hostile');
    await page.goto('/category/zone-hostile');
    await expect(page.locator('.card__title').first()).toBeVisible();
    await expectSafe(page, watch, 'category', await htmlIds(cat.name, cat.description, ...posts.map((p) => p.title.rendered)));
    for (const slug of ['hostile-1', 'hostile-2', 'hostile-3']) {
      const [t] = await wp(`/wp/v2/tags?slug=${slug}`);
      await page.goto(`/tag/${slug}`);
      await expect(page.locator('.card__title').first()).toBeVisible();
      await expectSafe(page, watch, `tag ${slug}`, await htmlIds(t.name));
    }
    const [user] = await wp('/wp/v2/users?slug=auteur-hostile');
    await page.goto('/author/auteur-hostile');
    await expect(page.locator('.card__title').first()).toBeVisible();
    await expectSafe(page, watch, 'author', await htmlIds(user.name, user.description));
    const [pg] = await wp('/wp/v2/pages?slug=page-hostile');
    await page.goto('/page-hostile');
    await expect(page.locator('h1')).toContainText('Avant-');
    await expectSafe(page, watch, 'page', await htmlIds(pg.title.rendered, pg.content.rendered));
    // Queries: one vector of each category, as typed in the URL.
    const seen = new Set();
    for (const v of vectors.filter((x) => !seen.has(x.category) && seen.add(x.category))) {
      const q = `Avant-${v.id} ${v.payload} Après-${v.id}`;
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      await expect(page.locator('main h1')).toBeVisible();
      await page.waitForLoadState('networkidle');
      const echoed = await page.locator('.search-page__count').count();
      await expectSafe(page, watch, `search ${v.id}`, echoed ? [v.id] : []);
    }
    await context.close();
  });

  test('client-side navigation from a hostile article', async ({ page }) => {
    const watch = await arm(page);
    await page.goto(`/article/${posts[0].slug}`);
    await started(page);
    await expectSafe(page, watch, 'article');
    await page.locator('main a[href^="/author/auteur-hostile"]').first().click();
    await expect(page).toHaveURL(/\/author\/auteur-hostile$/);
    await expectSafe(page, watch, 'author (navigated)');
    await page.locator('main a[href^="/article/wp-hostile-"]').first().click();
    await expect(page).toHaveURL(/\/article\/wp-hostile-/);
    await expectSafe(page, watch, 'article (navigated)');
  });
});
