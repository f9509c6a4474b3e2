<?php
// Seeds the terms, author and page the SEO-plugin head of listings and pages
// is tested with (issue 20 item 1; tests/e2e/seo.spec.mjs, the fixtures in
// crates/core/tests/fixtures/wordpress/seo-terms/), read through
// mu-plugins/kiosque-seo-emulation.php:
//   - the category "referencement" (seed-seo.php's) gets a Yoast head written by the editors;
//   - the tag "seo-etiquette-cachee", Yoast `noindex`, on seed-seo.php's noindex post;
//   - the tag "seo-etiquette-rank-math", a Rank Math head, on seed-seo.php's Rank Math post;
//   - the author "redaction-seo" (a new user), a Yoast head, with one post of its own dated 2020;
//   - the page "seo-page-rank-math", a Rank Math head.
// Run after seed-seo.php. Idempotent, keyed by slug / login / `_kiosque_seed`.
//
// Usage: php seed-seo-terms.php http://127.0.0.1:8081

require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';

$admin = get_user_by('login', 'admin');
if ($admin) {
    wp_set_current_user($admin->ID);
}
$json = fn (array $o) => wp_slash(wp_json_encode($o));

$post_id = function (string $slug): int {
    $ids = get_posts(['post_type' => 'post', 'post_status' => 'any', 'numberposts' => 1, 'fields' => 'ids',
                      'meta_key' => '_kiosque_seed', 'meta_value' => "seo:$slug"]);
    return (int) ($ids[0] ?? 0) ?: kq_fail("run seed-seo.php first: no post $slug");
};

$cat = get_term_by('slug', 'referencement', 'category') ?: kq_fail('run seed-seo.php first: no category referencement');
update_term_meta($cat->term_id, '_kiosque_seo', $json([
    'plugin' => 'yoast',
    'title' => 'Référencement : nos fiches pratiques | Édition test',
    'description' => 'Toutes les fiches pratiques de la rédaction sur le référencement.',
    'og_title' => 'Les fiches référencement',
]));

$tag = function (string $slug, string $name, array $seo, string $post) use ($json, $post_id): void {
    $t = get_term_by('slug', $slug, 'post_tag');
    $id = $t ? $t->term_id : (wp_insert_term($name, 'post_tag', ['slug' => $slug])['term_id'] ?? 0);
    if (!$id) {
        kq_fail("tag $slug");
    }
    update_term_meta($id, '_kiosque_seo', $json($seo));
    wp_set_post_terms($post_id($post), [$id], 'post_tag', true);
};
$tag('seo-etiquette-cachee', 'Étiquette cachée', ['plugin' => 'yoast', 'index' => 'noindex'], 'seo-yoast-noindex');
$tag('seo-etiquette-rank-math', 'Étiquette Rank Math', [
    'plugin' => 'rankmath',
    'title' => 'Étiquette décrite par Rank Math',
    'description' => 'Description Rank Math de l’étiquette.',
], 'seo-rankmath-redaction');

$user = get_user_by('login', 'redaction-seo');
$uid = $user ? $user->ID : wp_insert_user([
    'user_login' => 'redaction-seo', 'user_nicename' => 'redaction-seo', 'display_name' => 'Rédaction SEO',
    'user_email' => 'redaction-seo@example.org', 'user_pass' => wp_generate_password(24), 'role' => 'author',
    'description' => 'La cellule référencement de la rédaction.',
]);
if (is_wp_error($uid)) {
    kq_fail('user redaction-seo: ' . $uid->get_error_message());
}
update_user_meta($uid, '_kiosque_seo', $json([
    'plugin' => 'yoast',
    'title' => 'Rédaction SEO, auteur de fiches | Édition test',
    'description' => 'Les articles de la cellule référencement.',
]));
$existing = get_posts(['post_type' => 'post', 'post_status' => 'any', 'numberposts' => 1, 'fields' => 'ids',
                       'meta_key' => '_kiosque_seed', 'meta_value' => 'seo-terms:seo-auteur-fiche']);
$arr = [
    'post_type' => 'post', 'post_status' => 'publish', 'post_name' => 'seo-auteur-fiche',
    'post_title' => 'Fiche pratique : une page d’auteur bien décrite', 'post_author' => $uid,
    'post_content' => "<!-- wp:paragraph -->\n<p>Cet article donne une page d'auteur aux essais du référencement.</p>\n<!-- /wp:paragraph -->",
    'post_date' => '2020-03-10 09:00:00', 'post_date_gmt' => '2020-03-10 09:00:00',
    'post_category' => [$cat->term_id], 'meta_input' => ['_kiosque_seed' => 'seo-terms:seo-auteur-fiche'],
];
if ($existing) {
    $arr['ID'] = $existing[0];
}
$pid = $existing ? wp_update_post(wp_slash($arr), true) : wp_insert_post(wp_slash($arr), true);
if (is_wp_error($pid)) {
    kq_fail('seo-auteur-fiche: ' . $pid->get_error_message());
}

$page = get_page_by_path('seo-page-rank-math');
$arr = [
    'post_type' => 'page', 'post_status' => 'publish', 'post_name' => 'seo-page-rank-math',
    'post_title' => 'Page décrite par Rank Math',
    'post_content' => "<!-- wp:paragraph -->\n<p>Cette page sert aux essais du référencement des pages.</p>\n<!-- /wp:paragraph -->",
];
if ($page) {
    $arr['ID'] = $page->ID;
}
$id = $page ? wp_update_post(wp_slash($arr), true) : wp_insert_post(wp_slash($arr), true);
if (is_wp_error($id)) {
    kq_fail('seo-page-rank-math: ' . $id->get_error_message());
}
update_post_meta($id, '_kiosque_seo', $json([
    'plugin' => 'rankmath',
    'title' => 'Page Rank Math choisie par la rédaction',
    'description' => 'Description Rank Math de la page.',
]));
fwrite(STDERR, "seed-seo-terms: a category, two tags, an author and a page with SEO-plugin heads\n");
