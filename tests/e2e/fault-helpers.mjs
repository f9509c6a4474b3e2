// Helpers for the fault matrix (faults*.spec.mjs): switchable faults on
// routes, routed configs, and the checks every fault ends with.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { dist, watchErrors } from './helpers.mjs';

/** The deployed config.json, parsed. */
export const baseConfig = () => JSON.parse(fs.readFileSync(path.join(dist, 'config.json'), 'utf8'));

/** Serves `config` (an object, or raw text) as config.json. */
export async function routeConfig(page, config, { status = 200, contentType = 'application/json' } = {}) {
  const state = { on: true };
  await page.route(/\/config\.json$/, (route) => {
    if (!state.on) return route.fallback();
    const body = typeof config === 'string' ? config : JSON.stringify(config);
    return route.fulfill({ status, contentType, body });
  });
  return state;
}

/**
 * Installs `fault` on requests matching `url` until `state.on` is false;
 * then requests pass through to the real server. `state.hits` counts the
 * faulted requests.
 */
export async function faultOn(page, url, fault) {
  const state = { on: true, hits: 0 };
  await page.route(url, async (route) => {
    if (!state.on) return route.fallback();
    state.hits++;
    return fault(route);
  });
  return state;
}

/** Fulfils after `ms`; the page may have given up (aborted) by then. */
export const late = (ms, response) => async (route) => {
  await new Promise((r) => setTimeout(r, ms));
  await route.fulfill(response).catch(() => {});
};

/** Serves every page as the untouched shell: the fault matrix exercises the
 * client-rendered path (a prerendered page carries its data, and only
 * revalidates it in the background). */
export async function clientRendered(page) {
  const shell = fs.readFileSync(path.join(dist, 'shell.html'), 'utf8');
  await page.route('**/*', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: shell })
      : route.fallback(),
  );
}

/** Starts collecting page errors, panics and unexpected console errors. */
export function guard(page) {
  const errors = watchErrors(page);
  page.on('console', (m) => {
    // A wasm panic is logged by the panic hook; never allowed, at any level.
    if (m.type() !== 'error' && /panicked|unreachable/.test(m.text())) errors.push(`console ${m.type()}: ${m.text()}`);
  });
  return errors;
}

/** The error view with `message`, its heading and its retry button. */
export async function expectErrorView(page, message, { title = 'Impossible d’afficher cette page', retry = 'Réessayer' } = {}) {
  const view = page.locator('.error-view[role=alert]');
  await expect(view.locator('.error-view__title')).toHaveText(title);
  await expect(view.locator('.error-view__message')).toHaveText(message);
  await expect(view.getByRole('button', { name: retry })).toBeVisible();
  return view;
}

/** Presses the error view's retry button. */
export async function retry(page, name = 'Réessayer') {
  await page.locator('.error-view').getByRole('button', { name }).click();
}

/** The French messages of each typed error (src/i18n/strings.rs). */
export const FR = {
  offline: 'Connexion impossible. Vérifiez votre accès à Internet.',
  timeout: 'Le serveur met trop de temps à répondre.',
  notFound: 'Ce contenu est introuvable.',
  server: 'Le serveur rencontre un problème. Réessayez dans un instant.',
  badData: 'Les données reçues sont illisibles.',
};
