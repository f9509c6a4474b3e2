// Posting comments to the test WordPress (scripts/wordpress/seed-comments.php:
// "commenter-ici-seed", where a first-time commenter is held, and
// "lectrice-fidele-seed", whose known author is approved) from the release
// bundle prerendered from it (target/dist-wp, with `api.anonymous_comments`
// on: scripts/prerender-wp.sh). Each post is checked in WordPress's database
// (php over wp-load, as the seeds do); the posted comments are deleted before
// and after (scripts/wordpress/comment-post-cleanup.php). WordPress refuses a
// second comment from one address within 15 s of the last one it finds in its
// comments table, so each posting test first deletes the earlier ones.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  test, readerTest, expect, dist, expectAccessible, holdRequests, holdsFor, serveSpec, snap, watchErrors, viewportIndependent,
} from './helpers.mjs';

const ORIGIN = process.env.KIOSQUE_WP_ORIGIN || 'http://127.0.0.1:8081';
const WP = `${ORIGIN}/wp-json`;
serveSpec();
const repo = path.resolve(dist, '..');
const cleanup = path.join(repo, 'scripts/wordpress/comment-post-cleanup.php');
const HERE = 'commenter-ici-seed';
const LOYAL = 'lectrice-fidele-seed';

/** Comments readers posted on the two posting posts, held ones included. */
const posted = () => Number(execFileSync('php', [cleanup, ORIGIN, 'count']).toString().trim());
/** Deletes the comments readers posted: WordPress's flood check (15 s since
 * this address's last comment) then finds none, and the test need not wait. */
const clearPosted = () => execFileSync('php', [cleanup, ORIGIN]);

test.beforeAll(() => {
  clearPosted();
});
test.afterAll(() => {
  clearPosted();
});

async function open(page, slug) {
  await page.goto(`/article/${slug}`);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
  const form = page.locator('form.comment-form');
  await expect(form).toBeVisible();
  return form;
}

test('a new commenter is held for moderation; a double click posts once; the same text again is a duplicate', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  clearPosted();
  const form = await open(page, HERE);
  const key = `Avis e2e ${testInfo.project.name} ${Date.now()}`;
  const before = posted();
  const headerCount = await page.locator('.article__comments').textContent();
  await form.getByLabel('Commentaire', { exact: true }).fill(key);
  await form.getByLabel('Nom', { exact: true }).fill('Nouveau lecteur');
  await form.getByLabel('Adresse e-mail', { exact: true }).fill(`e2e-${Date.now()}@example.org`);
  let sent = 0;
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/wp/v2/comments') && sent++);
  await form.getByRole('button', { name: 'Publier le commentaire' }).dblclick();
  await expect(form.getByRole('status')).toHaveText('Merci ! Votre commentaire est en attente de modération.');
  expect(sent).toBe(1);
  expect(posted()).toBe(before + 1);
  // Held: not public, so not in the threads.
  await expect(page.locator('.comments__list')).not.toContainText(key);
  // …nor counted.
  await expect(page.locator('.article__comments')).toHaveText(headerCount);
  await expect(form.getByLabel('Commentaire', { exact: true })).toHaveValue('');

  // Filled again as a password manager or a paste extension may: the value
  // set, no input event. What the field shows is what is sent.
  await form.getByLabel('Commentaire', { exact: true }).evaluate((field, text) => (field.value = text), key);
  await form.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(form.getByRole('alert')).toHaveText('Vous avez déjà publié ce commentaire.');
  await expect(form.getByLabel('Commentaire', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Commentaire', { exact: true })).toBeFocused();
  expect(posted()).toBe(before + 1);
  await form.scrollIntoViewIfNeeded();
  await expectAccessible(page);
  await snap(page, testInfo, 'comment-post-duplicate');
  await page.locator('#comments').screenshot({ path: path.join(repo, `tests/e2e/artifacts/comment-form-${testInfo.project.name}.png`) });
  expect(errors).toEqual([]);
});

test('keyboard-only reply; a network failure keeps the text; the retry posts; a known author is shown at once', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  clearPosted();
  const form = await open(page, LOYAL);
  const count = async (sel) => Number((await page.locator(sel).first().textContent()).match(/\d+/)?.[0] ?? 0);
  const [header, heading] = [await count('.article__comments'), await count('.comments__count')];
  const reply = page.locator('.comments__reply').first();
  await reply.focus();
  await page.keyboard.press('Enter');
  await expect(form.locator('h3')).toHaveText('Répondre à « Lectrice fidèle »');
  await expect(form.getByLabel('Commentaire', { exact: true })).toBeFocused();
  // Cancel gives focus back to the reply button; reply again.
  await form.getByRole('button', { name: 'Annuler la réponse' }).focus();
  await page.keyboard.press('Enter');
  await expect(reply).toBeFocused();
  await expect(form.locator('h3')).toHaveText('Laisser un commentaire');
  await page.keyboard.press('Enter');
  const key = `Réponse e2e ${testInfo.project.name} ${Date.now()}`;
  await page.keyboard.type(key);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Lectrice fidèle');
  await page.keyboard.press('Tab');
  await page.keyboard.type('fidele@example.org');

  // The connection drops (the browser is offline): no request reaches
  // WordPress. An interception by URL (page.route) let the POST through in
  // one CI run; going offline leaves nothing to match.
  await page.context().setOffline(true);
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toContainText('Connexion impossible');
  await expect(form.getByRole('alert')).toContainText('Votre texte est conservé');
  await expect(form.getByLabel('Commentaire', { exact: true })).toHaveValue(key);
  await expect(form.locator('h3')).toHaveText('Répondre à « Lectrice fidèle »');
  await page.context().setOffline(false);
  await form.getByRole('button', { name: 'Réessayer' }).click();
  await expect(form.getByRole('status')).toHaveText('Merci ! Votre commentaire est publié.');
  // In its place: nested under the comment it answers, not above the form;
  // both counts follow without a reload.
  const parent = page.locator('.comments__list > .comments__item').first();
  await expect(parent.locator('.comments__replies .comments__item').last()).toContainText(key);
  await expect(page.locator('.comment-form').locator('.comments__item')).toHaveCount(0);
  await expect.poll(() => count('.article__comments')).toBe(header + 1);
  await expect.poll(() => count('.comments__count')).toBe(heading + 1);
  // In WordPress, public, as a reply to the seeded comment.
  const [post] = await (await fetch(`${WP}/wp/v2/posts?slug=${LOYAL}&_fields=id`)).json();
  const list = await (await fetch(`${WP}/wp/v2/comments?post=${post.id}&_fields=id,parent,content`)).json();
  const mine = list.find((c) => c.content.rendered.includes(key));
  expect(mine?.parent).toBeGreaterThan(0);
  await expectAccessible(page);
  await snap(page, testInfo, 'comment-post-approved');
});

test('a filled honeypot sends nothing and thanks alike; closed comments have no form', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  const form = await open(page, HERE);
  const before = posted();
  let sent = 0;
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/wp/v2/comments') && sent++);
  await expect(page.locator('#comment-website')).toBeHidden();
  await form.getByLabel('Commentaire', { exact: true }).fill('Achetez maintenant');
  await form.getByLabel('Nom', { exact: true }).fill('Robot');
  await form.getByLabel('Adresse e-mail', { exact: true }).fill('robot@example.org');
  // What a bot does: fill every field it finds in the HTML, here without
  // the input event a person's typing sends.
  await page.locator('#comment-website').evaluate((input) => {
    input.value = 'https://spam.example';
  });
  await form.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(form.getByRole('status')).toHaveText('Merci ! Votre commentaire est en attente de modération.');
  expect(sent).toBe(0);
  expect(posted()).toBe(before);

  await page.goto('/article/commentaires-fermes-seed');
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
  await expect(page.locator('#comments .comments__status')).toHaveText('Les commentaires sont fermés.');
  await expect(page.locator('form.comment-form, .comments__reply')).toHaveCount(0);
});

/** The posting article's title as WordPress answers it in `openBeforeApp`. */
const CORRECTED = 'Titre corrigé depuis la publication';

/** Opens the posting article in a new tab of `context` with the app's wasm
 * held (without `eager`: the app comes at the reader's intent, as on a real
 * visit); resolves to the page, its form, the function releasing the wasm
 * and `refreshed`, and collects the bodies of the comments it posts in
 * `bodies`. WordPress's answer for the article has a corrected title, as if
 * edited since the prerender: the app's refresh after hydration then has a
 * newer page to show (`refreshed` tells when that answer has been served). */
async function openBeforeApp(context, bodies) {
  const page = await context.newPage();
  const release = await holdRequests(page, '**/*.wasm');
  let served = false;
  await page.route(new RegExp(`/wp-json/wp/v2/posts\\?slug=${HERE}&`), async (route) => {
    const response = await route.fetch();
    const json = (await response.json()).map((p) => ({ ...p, title: { ...p.title, rendered: CORRECTED } }));
    await route.fulfill({ response, json });
    served = true;
  });
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/wp/v2/comments') && bodies.push(r.postDataJSON()));
  await page.goto(`/article/${HERE}`);
  const form = page.locator('form.comment-form');
  await expect(form).toBeVisible();
  await expect(page.locator('.comment-form__no-script')).toBeHidden();
  return { page, form, release, refreshed: () => served };
}
const appRuns = (page) => page.evaluate(() => document.documentElement.hasAttribute('data-app'));

readerTest('the form is there before the app: typing survives hydration and the refresh; a submit before it is held, then posted once', async ({ context }, testInfo) => {
  test.setTimeout(90_000);
  const key = `Avant l'app e2e ${testInfo.project.name} ${Date.now()}`;
  const fill = async (form, text) => {
    // Focus in a field is intent: the app is asked for (and held here).
    await form.getByLabel('Commentaire', { exact: true }).fill(text);
    await form.getByLabel('Nom', { exact: true }).fill('Lecteur pressé');
    await form.getByLabel('Adresse e-mail', { exact: true }).fill(`presse-${Date.now()}@example.org`);
  };

  // The reader types while the app arrives: the app hydrates around the text.
  clearPosted();
  let bodies = [];
  let { page, form, release, refreshed } = await openBeforeApp(context, bodies);
  const errors = watchErrors(page);
  await fill(form, key);
  expect(await appRuns(page)).toBe(false);
  release();
  await expect.poll(() => appRuns(page)).toBe(true);
  // Nor does the newer page replace the one being written in.
  await expect.poll(() => refreshed()).toBe(true);
  const title = await page.locator('h1').textContent();
  expect(title).not.toBe(CORRECTED);
  await holdsFor(1000, async () => {
    expect(await form.getByLabel('Commentaire', { exact: true }).inputValue()).toBe(key);
    expect(await page.locator('h1').textContent()).toBe(title);
  });
  // It is offered instead, for when the reader is done.
  const notice = page.locator('.update-notice');
  await expect(notice).toHaveRole('status');
  await expect(notice.locator('p')).toHaveText('Cette page a été mise à jour.');
  await form.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(form.getByRole('status')).toHaveText('Merci ! Votre commentaire est en attente de modération.');
  expect(bodies).toEqual([expect.objectContaining({ content: key, author_name: 'Lecteur pressé' })]);
  await notice.getByRole('button', { name: 'Afficher la version à jour' }).click();
  await expect(page.locator('h1')).toHaveText(CORRECTED);
  await expect(notice.locator('p')).toBeEmpty();
  await expect(notice.getByRole('button')).toHaveCount(0);
  expect(errors).toEqual([]);

  // A reader who writes nothing gets the newer page once the app has come.
  const idle = await openBeforeApp(context, []);
  idle.release();
  await idle.page.keyboard.press('Shift'); // intent
  await expect(idle.page.locator('h1')).toHaveText(CORRECTED);
  await expect(idle.page.locator('.update-notice p')).toBeEmpty();
  await expect(idle.page.locator('.update-notice').getByRole('button')).toHaveCount(0);
  await idle.page.close();

  // The reader sends before the app has come (a new tab: no intent yet).
  clearPosted();
  const before = posted();
  bodies = [];
  ({ page, form, release } = await openBeforeApp(context, bodies));
  const errors2 = watchErrors(page);
  await fill(form, `${key} (envoyé tôt)`);
  await form.getByRole('button', { name: 'Publier le commentaire' }).click();
  // Held by the loader, not a page load: the page and what was typed stay.
  await expect(form).toHaveAttribute('aria-busy', 'true');
  expect(await appRuns(page)).toBe(false);
  expect(bodies).toEqual([]);
  release();
  await expect(form.getByRole('status')).toHaveText('Merci ! Votre commentaire est en attente de modération.');
  await holdsFor(500, () => expect(bodies).toHaveLength(1));
  expect(bodies[0]).toMatchObject({ content: `${key} (envoyé tôt)` });
  expect(posted()).toBe(before + 1);
  await expect(form).not.toHaveAttribute('aria-busy');
  expect(errors2).toEqual([]);
});

test('without JavaScript the form is not offered; a sentence says why', async ({ browser }, testInfo) => {
  viewportIndependent(testInfo);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/article/${HERE}`);
  await expect(page.locator('form.comment-form')).toBeHidden();
  await expect(page.locator('.comment-form__no-script')).toHaveText('Activez JavaScript pour publier un commentaire.');
  await expect(page.locator('#comments h2')).toHaveText('Commentaires');
  // Nor a reply button: it could never do anything.
  await page.goto(`/article/${LOYAL}`);
  await expect(page.locator('.comments__item').first()).toBeVisible();
  await expect(page.locator('.comments__reply').first()).toBeHidden();
  await context.close();
});

readerTest('a reply clicked before the app is held, then aims the form at that comment once the app runs', async ({ page }) => {
  const release = await holdRequests(page, '**/*.wasm');
  await page.goto(`/article/${LOYAL}`);
  const errors = watchErrors(page);
  const reply = page.locator('.comments__reply').first();
  const form = page.locator('form.comment-form');
  await expect(reply).toBeVisible();
  await reply.click();
  await expect(reply).toHaveAttribute('aria-busy', 'true');
  await expect(form.locator('h3')).toHaveText('Laisser un commentaire');
  expect(await appRuns(page)).toBe(false);
  release();
  await expect(form.locator('h3')).toHaveText('Répondre à « Lectrice fidèle »');
  await expect(form.getByLabel('Commentaire', { exact: true })).toBeFocused();
  await expect(reply).not.toHaveAttribute('aria-busy');
  expect(errors).toEqual([]);
});
