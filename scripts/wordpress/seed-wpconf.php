<?php
// Seeds what only the extra instances of scripts/wordpress-configs.sh hold
// (never the shared site on 8081): more than 100 non-empty categories, so a
// list of them takes two REST pages (WordPress answers 100 at most).
//
// - 110 child categories of "monde" (`rubrique-longue-001` …), out of the
//   top-level navigation;
// - then a top-level category, `derniere-rubrique`, created last: its term ID
//   puts it on the second page of `/wp/v2/categories?orderby=id`, so it is in
//   the navigation only if a reader of the list follows `X-WP-TotalPages`;
// - one post, dated 2019 (off the home's first pages), in all of them (a
//   category must hold a post to be listed: `hide_empty`).
//
// Usage: php seed-wpconf.php http://127.0.0.3:4295/blog
// Idempotent: categories by slug, the post by its `_kiosque_seed` key.

require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';

$ids = [];
for ($i = 1; $i <= 110; $i++) {
    $n = sprintf('%03d', $i);
    $ids[] = kq_child_category("rubrique-longue-$n", "Rubrique longue $n", 'monde');
}
$last = get_term_by('slug', 'derniere-rubrique', 'category');
if ($last) {
    $ids[] = (int) $last->term_id;
} else {
    $r = wp_insert_term('Dernière rubrique', 'category', ['slug' => 'derniere-rubrique']);
    if (is_wp_error($r)) {
        kq_fail('category: ' . $r->get_error_message());
    }
    $ids[] = (int) $r['term_id'];
}

$key = 'wpconf:cent-rubriques';
$id = kq_seeded_id($key, 'post');
$admin = get_user_by('login', 'admin');
$post = [
    'post_type' => 'post',
    'post_status' => 'publish',
    'post_author' => $admin ? $admin->ID : 1,
    'post_date' => '2019-03-01 09:00:00',
    'post_date_gmt' => '2019-03-01 09:00:00',
    'post_name' => 'article-dans-cent-rubriques',
    'post_title' => 'Un article classé dans plus de cent rubriques',
    'post_content' => "<!-- wp:paragraph -->\n<p>Cet article tient dans cent onze rubriques à la fois.</p>\n<!-- /wp:paragraph -->",
    'post_excerpt' => '',
    'post_category' => $ids,
    'meta_input' => ['_kiosque_seed' => $key],
];
if ($id) {
    $post['ID'] = $id;
}
$r = $id ? wp_update_post(wp_slash($post), true) : wp_insert_post(wp_slash($post), true);
if (is_wp_error($r)) {
    kq_fail('post: ' . $r->get_error_message());
}
fwrite(STDERR, 'seed-wpconf: ' . count($ids) . " categories, post $r\n");
