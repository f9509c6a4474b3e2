// The e2e suite in two halves that `make test` runs at the same time (two
// browsers on two cores: the suite is mostly waiting on pages). A spec file
// runs in one half only, both widths in turn, so the halves must not share a
// port or a piece of WordPress state:
// - wordpress: every spec that serves target/dist-wp on E2E_PORT + 1/6/7/9,
//   posts comments (comment-post) or reads what those posts change
//   (prerender.spec's WordPress hydration check), and faults-network (+ 5);
// - static: the rest, on E2E_PORT, on port 0, or (hostile) on E2E_PORT + 8;
//   but first-view (the shared server on E2E_PORT only, no state) runs in the
//   wordpress half, which evens the halves (636 s and 684 s of wall time without it).
// A new spec must be listed in one of them (tests/server/e2e-groups.test.mjs).
export const groups = {
  wordpress: [
    'comment-post', 'comments', 'cpt', 'faults-network', 'fidelity', 'images', 'layout', 'media',
    'prerender', 'preview', 'seo', 'structure', 'wordpress', 'wp-posts', 'wp-settings',
    'first-view',
  ],
  static: [
    'content', 'faults', 'hostile', 'lean', 'menus', 'offline', 'reach', 'reader',
    'slice', 'static-unlock', 'theme',
  ],
};

/** The spec files of `group`, as Playwright's `testMatch`. */
export function specGroup(group) {
  const names = groups[group];
  if (!names) throw new Error(`E2E_GROUP=${group}: expected one of ${Object.keys(groups).join(', ')}`);
  return new RegExp(`(^|/)(${names.join('|')})\\.spec\\.mjs$`);
}
