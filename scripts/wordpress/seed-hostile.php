<?php
// Seeds the hostile corpus (tests/hostile/vectors.json) into the test
// WordPress, for tests/e2e/hostile.spec.mjs: posts whose titles, excerpts,
// bodies, featured-image captions and alt texts carry the vectors, an author
// with hostile name and bio, a category and tags with hostile names, and a
// page. Every vector reaches the REST API as written: titles, excerpts and
// bodies are stored with kses off (what an administrator with unfiltered_html
// can do), and names and bios, which WordPress escapes or strips even for
// administrators, are written to the database directly.
//
// Kept out of the way of the other tests: the posts are dated 2001 (never in
// the latest lists), not sticky, in a child category of "monde" (the
// navigation lists top-level categories only, and WordPress does not count a
// child's posts in its parent's listing), with their own tags and author, and
// none of the words the other tests search for.
//
// Usage: KIOSQUE_MEDIA_DIR=public/media php seed-hostile.php http://127.0.0.1:8081 tests/hostile/vectors.json
// Idempotent: every object carries a `_kiosque_seed` key ("hostile:…"); a rerun
// updates in place.

$origin = rtrim($argv[1] ?? 'http://127.0.0.1:8081', '/');
$vectors_file = $argv[2] ?? dirname(__DIR__, 2) . '/tests/hostile/vectors.json';
$media_dir = rtrim(getenv('KIOSQUE_MEDIA_DIR') ?: dirname(__DIR__, 2) . '/public/media', '/');
require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

kses_remove_filters();
kq_as_admin();

function say(string $s): void
{
    fwrite(STDERR, "seed-hostile: $s\n");
}

function fail(string $s): void
{
    say($s);
    exit(1);
}

$vectors = json_decode(file_get_contents($vectors_file), true)['vectors'] ?? [];
if (count($vectors) < 50) {
    fail("$vectors_file: expected at least 50 vectors");
}
$wrap = fn (array $v): string => "Avant-{$v['id']} {$v['payload']} Après-{$v['id']}";
// Fields other than bodies take the vectors in turn.
$turn = 0;
$next = function () use (&$turn, $vectors, $wrap): string {
    return $wrap($vectors[$turn++ % count($vectors)]);
};


/** A term by slug, created if missing, with its raw (unescaped) name. */
function hostile_term(string $taxonomy, string $slug, string $name, array $args = []): int
{
    global $wpdb;
    $term = get_term_by('slug', $slug, $taxonomy);
    $r = $term ? ['term_id' => $term->term_id] : wp_insert_term($slug, $taxonomy, ['slug' => $slug] + $args);
    if (is_wp_error($r)) {
        fail("$taxonomy $slug: " . $r->get_error_message());
    }
    $id = (int) $r['term_id'];
    if ($args) {
        wp_update_term($id, $taxonomy, $args);
    }
    // WordPress strips and escapes term names, even an administrator's.
    $wpdb->update($wpdb->terms, ['name' => $name], ['term_id' => $id]);
    if (isset($args['description'])) {
        $wpdb->update($wpdb->term_taxonomy, ['description' => $args['description']], ['term_id' => $id, 'taxonomy' => $taxonomy]);
    }
    clean_term_cache($id, $taxonomy);
    return $id;
}

/** Inserts or updates a post by seed key, then stores its texts raw. */
function hostile_post(string $key, array $arr): int
{
    global $wpdb;
    $id = kq_seeded_id($key, $arr['post_type']);
    $raw = array_intersect_key($arr, array_flip(['post_title', 'post_excerpt', 'post_content']));
    $arr['meta_input'] = ['_kiosque_seed' => $key];
    if ($id) {
        $arr['ID'] = $id;
    }
    $id = $id ? wp_update_post(wp_slash($arr), true) : wp_insert_post(wp_slash($arr), true);
    if (is_wp_error($id)) {
        fail("$key: " . $id->get_error_message());
    }
    $wpdb->update($wpdb->posts, $raw + ['post_modified' => $arr['post_date'], 'post_modified_gmt' => $arr['post_date_gmt']], ['ID' => $id]);
    clean_post_cache($id);
    return (int) $id;
}

// The category (a child of "monde"), the tags, the author.
$monde = get_term_by('slug', 'monde', 'category');
if (!$monde) {
    fail('no "monde" category: run seed.php first');
}
$cat = hostile_term('category', 'zone-hostile', $next(), ['parent' => $monde->term_id, 'description' => $next()]);
$tags = [];
foreach ([1, 2, 3] as $n) {
    $tags[] = hostile_term('post_tag', "hostile-$n", $next(), ['description' => $next()]);
}
$user = get_user_by('login', 'auteur-hostile');
$uid = $user ? $user->ID : wp_insert_user([
    'user_login' => 'auteur-hostile',
    'user_nicename' => 'auteur-hostile',
    'user_email' => 'auteur-hostile@example.invalid',
    'user_pass' => wp_generate_password(24),
    'role' => 'author',
]);
if (is_wp_error($uid)) {
    fail('author: ' . $uid->get_error_message());
}
$author_name = $next();
$wpdb->update($wpdb->users, ['display_name' => $author_name, 'user_nicename' => 'auteur-hostile'], ['ID' => $uid]);
update_user_meta($uid, 'nickname', $author_name);
update_user_meta($uid, 'description', $next() . "\n\n" . $next());
clean_user_cache($uid);

// One featured image with a hostile caption and alt text.
$image_key = 'hostile:media';
$image = kq_seeded_id($image_key, 'attachment');
if (!$image) {
    $files = glob("$media_dir/*-1200.jpg") ?: [];
    if (!$files) {
        fail("no image in $media_dir");
    }
    $tmp = wp_tempnam('hostile.jpg');
    copy($files[0], $tmp);
    $image = media_handle_sideload(['name' => 'hostile.jpg', 'tmp_name' => $tmp], 0, 'hostile');
    if (is_wp_error($image)) {
        fail('image: ' . $image->get_error_message());
    }
    update_post_meta($image, '_kiosque_seed', $image_key);
}
$wpdb->update($wpdb->posts, [
    'post_title' => 'hostile',
    'post_excerpt' => $next(),
    'post_date' => '2001-01-01 10:00:00',
    'post_date_gmt' => '2001-01-01 09:00:00',
    'post_modified' => '2001-01-01 10:00:00',
    'post_modified_gmt' => '2001-01-01 09:00:00',
], ['ID' => $image]);
update_post_meta($image, '_wp_attachment_image_alt', $next());
clean_post_cache($image);
$image_url = wp_get_attachment_image_src($image, 'large')[0] ?? '';

// Posts: every vector in a body, wrapped in legitimate text.
$count = 6;
$per_post = (int) ceil(count($vectors) / $count);
for ($i = 0; $i < $count; $i++) {
    $n = $i + 1;
    $html = '';
    foreach (array_slice($vectors, $i * $per_post, $per_post) as $v) {
        $html .= "<!-- wp:html -->\n<p>" . $wrap($v) . "</p>\n<!-- /wp:html -->\n\n";
    }
    $html .= "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>" . $next() . '</p><cite>' . $next()
        . "</cite></blockquote>\n<!-- /wp:quote -->\n\n";
    $html .= "<!-- wp:image -->\n<figure class=\"wp-block-image size-large\"><img src=\"$image_url\" alt=\"hostile\"/>"
        . '<figcaption class="wp-element-caption">' . $next() . "</figcaption></figure>\n<!-- /wp:image -->\n\n";
    $html .= "<!-- wp:list -->\n<ul><li>" . $next() . '</li><li><strong>' . $next() . "</strong></li></ul>\n<!-- /wp:list -->\n\n";
    $html .= "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>" . $next()
        . '</td></tr></tbody></table><figcaption class="wp-element-caption">' . $next() . "</figcaption></figure>\n<!-- /wp:table -->";
    $day = sprintf('%02d', 10 - $i);
    $id = hostile_post("hostile:post:$n", [
        'post_type' => 'post',
        'post_status' => 'publish',
        'post_name' => "wp-hostile-$n",
        'post_title' => $next(),
        'post_excerpt' => $next(),
        'post_content' => $html,
        'post_author' => $uid,
        'post_date' => "2001-01-$day 10:00:00",
        'post_date_gmt' => "2001-01-$day 09:00:00",
        'post_category' => [$cat],
        'comment_status' => 'closed',
    ]);
    wp_set_post_terms($id, [$tags[$i % 3], $tags[($i + 1) % 3]], 'post_tag');
    set_post_thumbnail($id, $image);
}
say("$count posts");

hostile_post('hostile:page', [
    'post_type' => 'page',
    'post_status' => 'publish',
    'post_name' => 'page-hostile',
    'post_title' => $next(),
    'post_content' => "<!-- wp:html -->\n<p>" . $next() . "</p>\n<!-- /wp:html -->",
    'post_author' => 1,
    'post_date' => '2001-01-01 10:00:00',
    'post_date_gmt' => '2001-01-01 09:00:00',
    'comment_status' => 'closed',
]);

// Stickiness stays what seed.php set; term counts follow the posts.
wp_update_term_count_now($tags, 'post_tag');
wp_update_term_count_now([$cat], 'category');
say('done (' . count($vectors) . ' vectors)');
