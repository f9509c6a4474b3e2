// Prerendered pages (`make prerender`, run by `make test` before this suite):
// readable with JavaScript off, hydrated in place with no DOM change, safe when
// stale, revalidated after hydration, and the same against the test WordPress.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test, expect, api, dist, eager, watchErrors } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { test as plainTest } from '@playwright/test';
import { baseConfig, routeConfig } from './fault-helpers.mjs';

const root = path.resolve(dist, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'prerender.json'), 'utf8'));
const routes = Object.keys(manifest.pages);
const articleRoutes = routes.filter((r) => r.startsWith('/article/'));
const categoryRoute = routes.find((r) => r.startsWith('/category/'));

/** Plain text of a block's inline content. */
function inlineText(nodes) {
  return (nodes || []).map((n) => (typeof n.text === 'string' ? n.text : inlineText(n.children || n.content))).join('');
}
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Checks what a reader without JavaScript (or a crawler) gets. */
async function expectReadable(page, { title, author, firstParagraph }) {
  await expect(page.locator('h1')).toHaveText(title);
  await expect(page.locator('.article__header .byline')).toContainText(author);
  const first = squash(await page.locator('.article .prose > p').first().textContent());
  expect(first).toBe(squash(firstParagraph));
  const lds = await page.locator('script[type="application/ld+json"]').allTextContents();
  const article = lds.map((t) => JSON.parse(t)).find((d) => d['@type'] === 'NewsArticle');
  expect(article?.headline).toBe(title);
  expect(article?.author?.[0]?.name).toBe(author);
  await expect(page.locator('head title')).toHaveCount(1);
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(1);
  // The page carries the policy; its data is a same-origin script, not inline.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  const inline = await page.locator('script:not([src]):not([type="application/ld+json"])').count();
  expect(inline).toBe(2); // the theme script and the speculation rules, whose hashes the policy lists
}

/** Records DOM mutations from the end of parsing: element nodes added or
 * removed, attribute values that really changed, and text changes outside
 * the relative times that are filled in after hydration by design. The
 * title's text node may be rewritten with the same text (leptos_meta): the
 * title itself is compared. */
async function watchMutations(page) {
  await page.addInitScript(() => {
    const log = (window.__mutations = []);
    const describe = (n) => `${n.nodeName}${n.className && typeof n.className === 'string' ? '.' + n.className : ''}`;
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      window.__initialTitle = document.title;
      new MutationObserver((list) => {
        for (const m of list) {
          if (m.type === 'childList') {
            // The loader adds the page's data script to the head (start.js), outside the hydrated body.
            const loaderData = (n) => n.nodeName === 'SCRIPT' && m.target === document.head && /\/page-data\//.test(n.src);
            for (const n of m.addedNodes) if (n.nodeType === 1 && !loaderData(n)) log.push(`+${describe(n)} in ${describe(m.target)}`);
            // The app drops the speculation rules when it starts (boot.rs): the head, not the hydrated body.
            const rules = (n) => n.nodeName === 'SCRIPT' && n.type === 'speculationrules' && m.target === document.head;
            for (const n of m.removedNodes) if (n.nodeType === 1 && !rules(n)) log.push(`-${describe(n)} in ${describe(m.target)}`);
            for (const n of [...m.addedNodes, ...m.removedNodes]) {
              const exempt = m.target.closest?.('.reltime') || m.target.nodeName === 'TITLE';
              if (n.nodeType === 3 && !exempt) log.push(`text in ${describe(m.target)}`);
            }
          } else if (m.type === 'attributes') {
            const now = m.target.getAttribute(m.attributeName);
            // <html data-app>: the app's own signal that it runs (boot.rs), outside the hydrated body.
            const started = m.target === document.documentElement && m.attributeName === 'data-app';
            if (now !== m.oldValue && !started) log.push(`@${m.attributeName}=${now} on ${describe(m.target)}`);
          } else if (m.type === 'characterData' && !m.target.parentElement?.closest('.reltime')) {
            log.push(`text "${m.target.data}"`);
          }
        }
      }).observe(document, {
        subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true,
      });
    });
  });
}

/** How the bundle started: "hydrated" or "rendered" (client-side). */
async function started(page) {
  await page.waitForFunction(() => window.__kiosqueStart);
  return page.evaluate(() => window.__kiosqueStart);
}

/** Opens a prerendered page and waits for hydration and the background
 * revalidation that follows it. */
async function gotoAndHydrate(page, url) {
  await page.goto(url);
  expect(await started(page)).toBe('hydrated');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every prerendered article shows its title, byline, first paragraph and JSON-LD', async ({ page }, testInfo) => {
    test.setTimeout(120_000); // a page load per article: 28 s on a busy machine, and it grows with the content
    const list = testInfo.project.name === 'phone' ? articleRoutes.slice(0, 3) : articleRoutes;
    expect(list.length).toBeGreaterThan(0);
    for (const route of list) {
      const a = api(`articles/${route.split('/').pop()}.json`);
      const paragraph = a.body.find((b) => b.type === 'paragraph');
      await page.goto(route);
      await expectReadable(page, { title: a.title, author: a.authors[0].name, firstParagraph: inlineText(paragraph.content) });
    }
  });

  test('the home and the categories carry their lists, the sitemaps list the pages', async ({ page, request }) => {
    const home = api('home.json');
    await page.goto('/');
    await expect(page.locator('.card--lead .card__title')).toHaveText(home.lead.title);
    await page.goto(categoryRoute);
    await expect(page.locator('.grid .card').first()).toBeVisible();
    // sitemap.xml is an index: the URLs are in its children.
    const index = await (await request.get('/sitemap.xml')).text();
    expect(index).toContain('<sitemapindex');
    const children = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(children.length).toBeGreaterThan(0);
    let sitemap = '';
    for (const child of children) sitemap += await (await request.get(child)).text();
    for (const route of routes) expect(sitemap).toContain(`${route === '/' ? '/' : route}</loc>`);
    expect((await request.get('/robots.txt')).ok()).toBe(true);
    expect(await (await request.get('/feed.xml')).text()).toContain(`<title>${home.lead.title.replace(/&/g, '&amp;').replace(/'/g, '&apos;')}</title>`);
  });
});

test.describe('with JavaScript', () => {
  for (const which of ['home', 'category', 'article']) {
    test(`the ${which} hydrates in place with no DOM change, then navigates client-side`, async ({ page }, testInfo) => {
      test.skip(testInfo.project.name === 'phone' && which !== 'article', 'one view is enough at 360 px');
      const url = { home: '/', category: categoryRoute, article: articleRoutes[0] }[which];
      const errors = watchErrors(page);
      const pageData = [];
      page.on('request', (r) => { if (/\/api\/(articles|categories|home)/.test(r.url())) pageData.push(r.url()); });
      await watchMutations(page);
      await gotoAndHydrate(page, url);
      expect(await page.evaluate(() => window.__mutations)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.dataset.app)).toBe('hydrated');
      expect(await page.evaluate(() => document.title === window.__initialTitle)).toBe(true);
      // Data came with the page; the only request for it is the one revalidation.
      expect(pageData.length).toBeLessThanOrEqual(1);
      // Hydrated: handlers work, links route client-side (no reload).
      await page.evaluate(() => { window.__sameDocument = true; });
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'auto');
      const before = await theme();
      await page.locator('.theme-toggle').click();
      await expect.poll(theme).not.toBe(before);
      const link = page.locator('main a[href^="/article/"]').first();
      const href = await link.getAttribute('href');
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      await expect(page.locator('main h1')).toBeVisible();
      expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  test('a corrected article shows its correction after hydration', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'viewport-independent');
    const route = articleRoutes[1];
    const a = api(`articles/${route.split('/').pop()}.json`);
    await page.route(`**/api/articles/${route.split('/').pop()}.json`, async (r) => {
      const json = await (await r.fetch()).json();
      await r.fulfill({ json: { ...json, title: `Rectificatif : ${json.title}` } });
    });
    const errors = watchErrors(page);
    await page.goto(route);
    await expect(page.locator('main h1')).toHaveText(`Rectificatif : ${a.title}`);
    await expect(page.locator('header.site-header')).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  const stale = {
    'config.json was edited': async (page) => {
      await page.route('**/config.json', async (r) => r.fulfill({ response: await r.fetch(), body: `${await (await r.fetch()).text()}\n` }));
      return articleRoutes[0];
    },
    'the page was rendered for another route': async (page) => {
      const other = fs.readFileSync(path.join(dist, manifest.pages[articleRoutes[1]].html), 'utf8');
      await page.route(`**${articleRoutes[0]}`, (r) => r.fulfill({ contentType: 'text/html', body: other }));
      return articleRoutes[0];
    },
    'its data script did not load': async (page) => {
      await page.route('**/page-data/**', (r) => r.abort('connectionrefused'));
      return articleRoutes[0];
    },
    'the page came from another build': async (page) => {
      const html = fs.readFileSync(path.join(dist, manifest.pages[articleRoutes[0]].html), 'utf8')
        .replace(/(name="kiosque-prerender" content=")[^ ]+/, '$1deadbeef0000');
      await page.route(`**${articleRoutes[0]}`, (r) => r.fulfill({ contentType: 'text/html', body: html }));
      return articleRoutes[0];
    },
  };
  // Plain Playwright `test`: the blocked requests are the point here.
  plainTest('a config.json pointed at another API after the prerender: the console says to re-run it', async ({ page }, testInfo) => {
    plainTest.skip(testInfo.project.name === 'phone', 'viewport-independent');
    await eager(page.context());
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    const config = baseConfig();
    await routeConfig(page, { ...config, api: { ...config.api, base_url: 'https://news-api.example/api' } });
    await page.goto(articleRoutes[0]);
    expect(await started(page)).toBe('rendered');
    await expect.poll(() => warnings.join('\n')).toContain('connect-src https://news-api.example');
    expect(warnings.join('\n')).toContain('make prerender');
  });

  for (const [why, arrange] of Object.entries(stale)) {
    test(`a stale page is discarded and rendered client-side when ${why}`, async ({ page }, testInfo) => {
      test.skip(testInfo.project.name === 'phone', 'viewport-independent');
      const errors = watchErrors(page);
      const route = await arrange(page);
      const a = api(`articles/${route.split('/').pop()}.json`);
      await page.goto(route);
      expect(await started(page)).toBe('rendered');
      await expect(page.locator('main h1')).toHaveText(a.title);
      await expect(page.locator('header.site-header')).toHaveCount(1);
      await expect(page.locator('main')).toHaveCount(1);
      await expect(page.locator('head title')).toHaveCount(1);
      await expect(page.locator('link[rel="canonical"]')).toHaveCount(1);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', a.title);
      expect(errors).toEqual([]);
    });
  }
});

// The same command against the test WordPress (scripts/prerender-wp.sh).
test.describe('prerendered from WordPress', () => {
  const WP = process.env.KIOSQUE_WP_URL || 'http://127.0.0.1:8081/wp-json';
  const out = path.join(root, 'target/dist-wp');
  let server;
  let origin;
  let wpManifest;

  test.beforeAll(async () => {
    // Written by scripts/prerender-wp.sh (a `make test` layer).
    wpManifest = JSON.parse(fs.readFileSync(path.join(out, 'prerender.json'), 'utf8'));
    server = await startServer({ root: out, port: 0 });
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  test.afterAll(async () => { await new Promise((r) => server?.close(r)); });

  test('each prerendered post reads without JavaScript', async ({ browser }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'viewport-independent');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // Page 1 of each article (`/article/<slug>`; later pages and comment pages
    // are `/article/<slug>/…`).
    const posts = Object.keys(wpManifest.pages).filter((r) => /^\/article\/[^/]+$/.test(r));
    expect(posts.length).toBeGreaterThan(5);
    for (const route of posts.slice(0, 12)) {
      const [post] = await (await fetch(`${WP}/wp/v2/posts?slug=${encodeURIComponent(route.split('/').pop())}&_embed=author`)).json();
      // A password-protected post has no text to read before its password
      // (wp-posts.spec.mjs covers it).
      if (post.content.protected) continue;
      const title = await page.evaluate((html) => new DOMParser().parseFromString(html, 'text/html').body.textContent, post.title.rendered);
      const firstParagraph = await page.evaluate(
        (html) => new DOMParser().parseFromString(html, 'text/html').querySelector('p')?.textContent ?? '',
        post.content.rendered,
      );
      await page.goto(`${origin}${route}`);
      await expectReadable(page, { title, author: post._embedded.author[0].name, firstParagraph });
    }
    await context.close();
  });

  test('a prerendered post hydrates with no DOM change', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'viewport-independent');
    const errors = watchErrors(page);
    const route = Object.keys(wpManifest.pages).find((r) => r.startsWith('/article/'));
    await watchMutations(page);
    await gotoAndHydrate(page, `${origin}${route}`);
    expect(await page.evaluate(() => window.__mutations)).toEqual([]);
    const link = page.locator('main a[href^="/article/"]').first();
    await link.click();
    await expect(page.locator('main h1')).toBeVisible();
    expect(errors).toEqual([]);
  });
});

// A config.json that names no language nor date format: the prerender takes
// the source's (here site.json's, as an export from WordPress writes them)
// and the app starts in the same ones from the page's <meta name="kiosque-locale">
// and <meta name="kiosque-date-format">.
test.describe('prerendered in the source language', () => {
  const out = path.join(root, 'target/dist-locale');
  let server;
  let origin;

  test.beforeAll(async ({}, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'viewport-independent (and one copy at a time)');
    test.setTimeout(180_000);
    fs.rmSync(out, { recursive: true, force: true });
    // The bundle and the API; the images hard-linked (nothing writes them,
    // and the server serves no symbolic link out of its root).
    fs.cpSync(dist, out, { recursive: true, filter: (src) => src !== path.join(dist, 'media') });
    execFileSync('cp', ['-al', path.join(dist, 'media'), path.join(out, 'media')]);
    const edit = (file, f) => {
      const v = JSON.parse(fs.readFileSync(path.join(out, file), 'utf8'));
      f(v);
      fs.writeFileSync(path.join(out, file), JSON.stringify(v));
    };
    edit('config.json', (c) => { delete c.site.locale; c.prerender = { latest: 2 }; });
    edit('api/site.json', (s) => { s.locale = 'ar'; s.date_format = 'd/m/Y'; });
    server = await startServer({ root: out, port: 0 });
    origin = `http://127.0.0.1:${server.address().port}`;
    execFileSync('cargo', ['run', '--quiet', '-p', 'kiosque-cli', '--', 'prerender', '--dist', out, '--site-url', origin],
      { cwd: root, stdio: 'inherit' });
  });
  test.afterAll(async () => { if (server) await new Promise((r) => server.close(r)); });

  test('a page prerendered in Arabic hydrates in Arabic with no DOM change, and the app goes on in Arabic', async ({ page }) => {
    const errors = watchErrors(page);
    await watchMutations(page);
    const pages = JSON.parse(fs.readFileSync(path.join(out, 'prerender.json'), 'utf8')).pages;
    await gotoAndHydrate(page, `${origin}${Object.keys(pages).find((r) => r.startsWith('/article/'))}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    expect(await page.evaluate(() => window.__mutations)).toEqual([]);
    // The site's date format, prerendered and kept by hydration (no mutation above).
    await expect(page.locator('.article__meta time').first()).toHaveText(/\d\d\/\d\d\/\d{4}/);
    // Hydration keeps the prerendered text whatever the app's language: the
    // next page, which the app renders itself, shows the language it runs in.
    // The home as prerendered (in Arabic): its first section's title.
    const prerendered = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const latest = prerendered.match(/class="section-title">([^<]+)/)[1];
    expect(latest).not.toBe('À la une');
    await page.evaluate(() => { window.__samePage = true; });
    await page.locator('.breadcrumb a').first().click();
    await expect(page.locator('.section-title').first()).toHaveText(latest);
    expect(await page.evaluate(() => window.__samePage), 'a client-side navigation').toBe(true);
    // The app, rendering the home itself, writes dates in the same format.
    await expect(page.locator('.card__date').first()).toHaveText(/^\d\d\/\d\d\/\d{4}$/);
    expect(errors).toEqual([]);
  });
});
