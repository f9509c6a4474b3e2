<?php
// Seeds the posts the SEO-plugin head is tested with (tests/e2e/seo.spec.mjs,
// issue 20 item 1), read through mu-plugins/kiosque-seo-emulation.php: one
// post with an editor-written Yoast head, one Yoast `noindex` post, one with
// hostile and oversized Yoast fields, and one with a Rank Math head.
//
// Kept out of the way of the other tests: dated 2020 (never in the latest
// lists), in a child category of "monde" (the navigation lists top-level
// categories only), with words no other test searches for.
//
// Usage: php seed-seo.php http://127.0.0.1:8081
// Idempotent: every post carries `_kiosque_seed` = "seo:<slug>".

require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';


$admin = get_user_by('login', 'admin');
if ($admin) {
    wp_set_current_user($admin->ID);
}
$cat_id = kq_child_category('referencement', 'Référencement', 'monde');
// Any seeded image will do as the featured image.
$image = (int) (get_posts(['post_type' => 'attachment', 'numberposts' => 1, 'fields' => 'ids', 'orderby' => 'ID', 'order' => 'ASC'])[0] ?? 0);

$long = str_repeat('Un titre interminable ', 400);
$posts = [
    'seo-yoast-redaction' => [
        'title' => 'Fiche pratique : bien choisir son titre de une',
        'seo' => [
            'plugin' => 'yoast',
            'title' => 'Titre SEO choisi par la rédaction | Édition test',
            'description' => 'Description écrite à la main pour les moteurs de recherche.',
            'og_title' => 'Titre pour les réseaux sociaux',
            'twitter_title' => 'Titre pour X',
        ],
    ],
    'seo-yoast-noindex' => [
        'title' => 'Note interne : page à ne pas référencer',
        'seo' => ['plugin' => 'yoast', 'index' => 'noindex'],
    ],
    'seo-yoast-hostile' => [
        'title' => 'Champs de référencement malveillants',
        'seo' => [
            'plugin' => 'yoast',
            'title' => '<script>window.__seo_pwned=1</script>' . $long,
            'description' => '<img src=x onerror="window.__seo_pwned=1">Description piégée',
            'canonical' => 'javascript:window.__seo_pwned=1',
            'og_image' => ['url' => 'data:image/svg+xml,<svg onload="window.__seo_pwned=1">', 'width' => 1, 'height' => 1],
            'twitter_image' => 'javascript:alert(1)',
            'schema' => [['@type' => 'Thing', 'name' => str_repeat('x', 40000)]],
        ],
    ],
    'seo-rankmath-redaction' => [
        'title' => 'Fiche pratique : la description qui donne envie',
        'seo' => [
            'plugin' => 'rankmath',
            'title' => 'Titre Rank Math choisi par la rédaction',
            'description' => 'Description Rank Math écrite à la main.',
        ],
    ],
];
$day = 1;
foreach ($posts as $slug => $p) {
    $key = "seo:$slug";
    $existing = get_posts(['post_type' => 'post', 'post_status' => 'any', 'numberposts' => 1, 'fields' => 'ids',
                           'meta_key' => '_kiosque_seed', 'meta_value' => $key]);
    $date = sprintf('2020-03-%02d 09:00:00', $day++);
    $arr = [
        'post_type' => 'post',
        'post_status' => 'publish',
        'post_name' => $slug,
        'post_title' => $p['title'],
        'post_content' => "<!-- wp:paragraph -->\n<p>Cet article sert aux essais du référencement : son en-tête vient d'une extension.</p>\n<!-- /wp:paragraph -->",
        'post_excerpt' => '',
        'post_date' => $date,
        'post_date_gmt' => $date,
        'post_category' => [$cat_id],
        'meta_input' => ['_kiosque_seed' => $key, '_kiosque_seo' => wp_slash(wp_json_encode($p['seo']))],
    ];
    if ($existing) {
        $arr['ID'] = $existing[0];
    }
    $id = $existing ? wp_update_post(wp_slash($arr), true) : wp_insert_post(wp_slash($arr), true);
    if (is_wp_error($id)) {
        kq_fail("$slug: " . $id->get_error_message());
    }
    update_post_meta($id, '_kiosque_seo', wp_slash(wp_json_encode($p['seo'])));
    if ($image) {
        set_post_thumbnail($id, $image);
    }
}
fwrite(STDERR, "seed-seo: " . count($posts) . " posts in category referencement\n");
