<?php
// Seeds the test WordPress with Kiosque's own demo newsroom (content/):
// the 6 categories, the 6 authors (role author, bio as description), tags,
// all articles as posts (Markdown rendered to block HTML, internal links as WP
// permalinks, featured image = public/media/<slug>-1200.jpg with caption and
// alt, body figures imported too, so WordPress generates every size), the 2
// pages, a few comments, one sticky post, plus what must never be shown: a
// draft, a private post and a scheduled post.
//
// Usage: KIOSQUE_MEDIA_DIR=public/media php seed.php http://127.0.0.1:8081 content
// Idempotent: everything it creates carries a `_kiosque_seed` key; a rerun
// updates in place and never duplicates.

require __DIR__ . '/seed-lib.php';

$origin = rtrim($argv[1] ?? 'http://127.0.0.1:8081', '/');
$content = rtrim($argv[2] ?? dirname(__DIR__, 2) . '/content', '/');
$media_dir = rtrim(getenv('KIOSQUE_MEDIA_DIR') ?: dirname(__DIR__, 2) . '/public/media', '/');
require __DIR__ . '/wp-boot.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/post.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

kses_remove_filters(); // keep the map <iframe>s: an editor with unfiltered_html would
wp_defer_term_counting(true);
$admin = get_user_by('login', 'admin');
if ($admin) {
    wp_set_current_user($admin->ID);
}

function say(string $s): void
{
    fwrite(STDERR, "seed: $s\n");
}


/** [local 'Y-m-d H:i:s' in the site's zone, gmt 'Y-m-d H:i:s'] of an RFC 3339 time. */
function wp_dates(string $rfc3339): array
{
    $gmt = (new DateTimeImmutable($rfc3339))->setTimezone(new DateTimeZone('UTC'))->format('Y-m-d H:i:s');
    return [get_date_from_gmt($gmt), $gmt];
}

/** Inserts or updates a post-like object by seed key. Returns its ID. */
function upsert_post(string $key, array $arr, ?string $modified = null): int
{
    global $wpdb;
    $id = kq_seeded_id($key, $arr['post_type']);
    $arr['meta_input'] = ($arr['meta_input'] ?? []) + ['_kiosque_seed' => $key];
    if ($id) {
        $arr['ID'] = $id;
    }
    $id = $id ? wp_update_post(wp_slash($arr), true) : wp_insert_post(wp_slash($arr), true);
    if (is_wp_error($id)) {
        say("$key: " . $id->get_error_message());
        exit(1);
    }
    // An update stamps "now": keep the content's own dates.
    [$mod, $mod_gmt] = $modified ? wp_dates($modified) : [$arr['post_date'], $arr['post_date_gmt']];
    $wpdb->update($wpdb->posts, ['post_modified' => $mod, 'post_modified_gmt' => $mod_gmt], ['ID' => $id]);
    clean_post_cache($id);
    return (int) $id;
}

/** Imports an image once (WordPress generates its sizes). Returns the attachment ID or 0. */
function import_image(string $key, string $file, string $title, string $alt, string $caption, string $when): int
{
    [$date, $date_gmt] = wp_dates($when);
    $id = kq_seeded_id($key, 'attachment');
    if (!$id) {
        if (!is_file($file)) {
            say("no image $file: skipped");
            return 0;
        }
        $tmp = wp_tempnam(basename($file));
        copy($file, $tmp);
        $id = media_handle_sideload(['name' => basename($file), 'tmp_name' => $tmp], 0, $title);
        if (is_wp_error($id)) {
            say("$file: " . $id->get_error_message());
            return 0;
        }
        update_post_meta($id, '_kiosque_seed', $key);
    }
    // The article's date, not the seeding time: re-recorded fixtures stay stable.
    wp_update_post(wp_slash([
        'ID' => $id,
        'post_title' => $title,
        'post_excerpt' => $caption,
        'post_date' => $date,
        'post_date_gmt' => $date_gmt,
    ]));
    $GLOBALS['wpdb']->update($GLOBALS['wpdb']->posts, ['post_modified' => $date, 'post_modified_gmt' => $date_gmt], ['ID' => $id]);
    clean_post_cache($id);
    update_post_meta($id, '_wp_attachment_image_alt', wp_slash($alt));
    return (int) $id;
}

function md_files(string $dir): array
{
    $out = [];
    foreach (glob("$dir/*.md") as $f) {
        [$meta, $body] = kq_front_matter(file_get_contents($f));
        $out[basename($f, '.md')] = ['meta' => $meta, 'body' => $body];
    }
    ksort($out);
    return $out;
}

// Site and categories.
$site = kq_toml(file_get_contents("$content/site.toml"));
$cat_ids = [];
foreach ($site['categories'] ?? [] as $c) {
    $term = get_term_by('slug', $c['slug'], 'category');
    $args = ['slug' => $c['slug'], 'description' => $c['description'] ?? ''];
    $r = $term ? wp_update_term($term->term_id, 'category', $args + ['name' => $c['name']])
        : wp_insert_term($c['name'], 'category', $args);
    if (is_wp_error($r)) {
        say("category {$c['slug']}: " . $r->get_error_message());
        exit(1);
    }
    $cat_ids[$c['slug']] = (int) $r['term_id'];
}
say(count($cat_ids) . ' categories');

// Authors.
$user_ids = [];
foreach (md_files("$content/authors") as $slug => $a) {
    $name = $a['meta']['name'] ?? $slug;
    $names = explode(' ', $name, 2);
    $arr = [
        'user_login' => $slug,
        'user_nicename' => $slug,
        'display_name' => $name,
        'nickname' => $name,
        'first_name' => $names[0],
        'last_name' => $names[1] ?? '',
        'description' => kq_plain($a['body']),
        'user_email' => "$slug@example.invalid",
        'role' => 'author',
    ];
    $u = get_user_by('login', $slug);
    $r = $u ? wp_update_user(['ID' => $u->ID] + $arr) : wp_insert_user($arr + ['user_pass' => wp_generate_password(24)]);
    if (is_wp_error($r)) {
        say("author $slug: " . $r->get_error_message());
        exit(1);
    }
    $user_ids[$slug] = (int) $r;
}
say(count($user_ids) . ' authors');

// Articles, oldest first.
$articles = md_files("$content/articles");
uasort($articles, fn ($a, $b) => strcmp(
    (new DateTimeImmutable($a['meta']['published']))->format('U'),
    (new DateTimeImmutable($b['meta']['published']))->format('U')
));
$published = [];
foreach ($articles as $slug => $a) {
    $published[$slug] = $a['meta']['published'];
}
// Titles as an editor types them (ASCII quotes): WordPress texturizes them
// into &#8217; &#8220; &#038;, which the adapter must decode.
$title_overrides = [
    'energie-hydrogene-vert-partenariats-nord-sud' => 'Énergie : l\'hydrogène vert, "nouvelle monnaie" des partenariats Nord & Sud',
    'ports-course-terminaux-verts-rotterdam-singapour' => 'Ports & climat : la course aux terminaux verts s\'accélère de Rotterdam à Singapour',
];
// One post also links to a category, a tag, an author and a date-style permalink.
$extra_links = [
    'inflation-tunisie-menages-reinventent-panier-de-rentree' => "\n\nPour aller plus loin : [la rubrique Économie](/category/economie),"
        . " [le mot-clé Tunisie](/tag/tunisie), [les articles de Leïla Benali](/author/leila-benali)"
        . " et [notre reportage sur les bus électriques d’Agadir](wpdate:maroc-agadir-reseau-bus-electriques).\n",
];
$link = function (string $href) use ($origin, $published): string {
    if (preg_match('#^/article/([\w-]+)$#', $href, $m)) {
        return "$origin/{$m[1]}/";
    }
    if (preg_match('#^/(category|tag|author)/([\w-]+)$#', $href, $m)) {
        return "$origin/{$m[1]}/{$m[2]}/";
    }
    if (preg_match('#^wpdate:([\w-]+)$#', $href, $m) && isset($published[$m[1]])) {
        $d = (new DateTimeImmutable($published[$m[1]]))->format('Y/m/d');
        return "$origin/$d/{$m[1]}/";
    }
    return str_starts_with($href, '/') ? $origin . $href : $href;
};

$post_ids = [];
foreach ($articles as $slug => $a) {
    $m = $a['meta'];
    $img = $m['image'] ?? [];
    $caption = trim(($img['caption'] ?? '') . (isset($img['credit']) ? ' — ' . $img['credit'] : ''));
    $featured = import_image(
        "media:$slug",
        "$media_dir/$slug-1200.jpg",
        wp_strip_all_tags($m['title']),
        $img['alt'] ?? '',
        $caption,
        $m['published']
    );
    $figure = function (int $n, string $alt, string $title) use ($slug, $media_dir, $m): string {
        $id = import_image("fig:$slug:$n", "$media_dir/fig/$slug-$n-1200.jpg", $alt, $alt, $title, $m['published']);
        if (!$id) {
            return '';
        }
        $src = wp_get_attachment_image_src($id, 'large');
        return "<!-- wp:image {\"id\":$id,\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n"
            . '<figure class="wp-block-image size-large"><img src="' . esc_url($src[0]) . '" alt="' . kq_esc($alt)
            . "\" class=\"wp-image-$id\"/><figcaption class=\"wp-element-caption\">" . kq_esc($title)
            . "</figcaption></figure>\n<!-- /wp:image -->";
    };
    $html = kq_markdown($a['body'] . ($extra_links[$slug] ?? ''), $link, $figure);
    [$date, $date_gmt] = wp_dates($m['published']);
    $author = $m['authors'][0] ?? '';
    $id = upsert_post("post:$slug", [
        'post_type' => 'post',
        'post_status' => 'publish',
        'post_name' => $slug,
        'post_title' => $title_overrides[$slug] ?? str_replace('’', "'", $m['title']),
        'post_excerpt' => $m['standfirst'] ?? '',
        'post_content' => $html,
        'post_author' => $user_ids[$author] ?? 1,
        'post_date' => $date,
        'post_date_gmt' => $date_gmt,
        'post_category' => [$cat_ids[$m['category']] ?? 1],
        'tags_input' => $m['tags'] ?? [],
        'comment_status' => 'open',
        'meta_input' => ['kiosque_views' => (int) ($m['views'] ?? 0)],
    ], $m['modified'] ?? null);
    if ($featured) {
        set_post_thumbnail($id, $featured);
        wp_update_post(['ID' => $featured, 'post_parent' => $id]);
    }
    $post_ids[$slug] = $id;
}
say(count($post_ids) . ' published posts');

// The sticky post: the newest featured article that is not the newest article,
// so "sticky leads the home" is visible.
$newest = array_key_last($articles);
$sticky = null;
foreach (array_reverse($articles, true) as $slug => $a) {
    if (!empty($a['meta']['featured']) && $slug !== $newest) {
        $sticky = $slug;
        break;
    }
}
update_option('sticky_posts', $sticky ? [$post_ids[$sticky]] : []);
say("sticky: $sticky");

// Never public: a draft, a private post, a scheduled post.
$hidden = [
    ['brouillon-enquete-ports', 'draft', 'Brouillon : l\'enquête sur les ports n\'est pas terminée', '2026-11-20T09:00:00+01:00'],
    ['note-interne-planning-redaction', 'private', 'Note interne : le planning de la rédaction', '2026-11-21T09:00:00+01:00'],
    ['a-paraitre-bilan-annuel', 'future', 'À paraître : le bilan de l\'année', '2027-12-28T09:00:00+01:00'],
];
foreach ($hidden as [$slug, $status, $title, $when]) {
    [$date, $date_gmt] = wp_dates($when);
    upsert_post("post:$slug", [
        'post_type' => 'post',
        'post_status' => $status,
        'post_name' => $slug,
        'post_title' => $title,
        'post_excerpt' => 'Ce contenu ne doit jamais apparaître sur le site public.',
        'post_content' => "<!-- wp:paragraph -->\n<p>Ce contenu ne doit jamais apparaître sur le site public.</p>\n<!-- /wp:paragraph -->",
        'post_author' => $user_ids['thomas-reynaud'] ?? 1,
        'post_date' => $date,
        'post_date_gmt' => $date_gmt,
        'post_category' => [$cat_ids['economie'] ?? 1],
        'tags_input' => ['Tunisie'],
    ]);
}
say('3 hidden posts (draft, private, future)');

// Pages.
foreach (md_files("$content/pages") as $slug => $p) {
    $when = $p['meta']['modified'] ?? '2026-11-01T10:00:00+01:00';
    [$date, $date_gmt] = wp_dates($when);
    upsert_post("page:$slug", [
        'post_type' => 'page',
        'post_status' => 'publish',
        'post_name' => $slug,
        'post_title' => $p['meta']['title'] ?? $slug,
        'post_content' => kq_markdown($p['body'], $link, fn () => ''),
        'post_author' => 1,
        'post_date' => $date,
        'post_date_gmt' => $date_gmt,
        'comment_status' => 'closed',
    ], $when);
}
say('pages');

// Comments: approved ones count, the pending one must not.
$comments = [
    [$newest, 'c1', 'Nadia B.', 'Merci pour ce reportage très complet.', 1],
    [$newest, 'c2', 'Youssef', 'Enfin un article qui explique les chiffres simplement !', 1],
    [$newest, 'c3', 'Claire', 'Et qu\'en est-il des petites villes ? J\'aimerais une suite.', 1],
    [$newest, 'c4', 'Spam', 'Achetez maintenant', 0],
    ['inflation-tunisie-menages-reinventent-panier-de-rentree', 'c1', 'Sami', 'Très juste : le panier de la rentrée pèse lourd.', 1],
    ['inflation-tunisie-menages-reinventent-panier-de-rentree', 'c2', 'Amel', 'Bravo pour le travail de terrain.', 1],
];
foreach ($comments as $i => [$slug, $key, $author, $text, $approved]) {
    $post = $post_ids[$slug] ?? 0;
    $seed_key = "comment:$slug:$key";
    $existing = get_comments(['meta_key' => '_kiosque_seed', 'meta_value' => $seed_key, 'status' => 'all', 'fields' => 'ids']);
    $gmt = gmdate('Y-m-d H:i:s', strtotime('2026-11-28 20:00:00 UTC') + 600 * $i);
    $arr = [
        'comment_post_ID' => $post,
        'comment_author' => $author,
        'comment_author_email' => '',
        'comment_content' => $text,
        'comment_approved' => $approved,
        'comment_date' => get_date_from_gmt($gmt),
        'comment_date_gmt' => $gmt,
    ];
    if ($existing) {
        wp_update_comment(['comment_ID' => $existing[0]] + $arr);
    } else {
        $cid = wp_insert_comment($arr);
        add_comment_meta($cid, '_kiosque_seed', $seed_key);
    }
    wp_update_comment_count($post);
}
say(count($comments) . ' comments');

// A reader account with an application password, so record.sh can capture
// WordPress's real 403 (an authenticated user asking for more than allowed).
$state = getenv('KIOSQUE_WP_STATE') ?: '/var/lib/kiosque-wp';
$reader = get_user_by('login', 'lecteur');
$reader_id = $reader ? $reader->ID : wp_insert_user([
    'user_login' => 'lecteur',
    'user_pass' => wp_generate_password(24),
    'user_email' => 'lecteur@example.invalid',
    'role' => 'subscriber',
]);
if (!is_wp_error($reader_id) && is_dir($state) && class_exists('WP_Application_Passwords')) {
    foreach (WP_Application_Passwords::get_user_application_passwords($reader_id) as $item) {
        WP_Application_Passwords::delete_application_password($reader_id, $item['uuid']);
    }
    $created = WP_Application_Passwords::create_new_application_password($reader_id, ['name' => 'kiosque-record']);
    if (!is_wp_error($created)) {
        file_put_contents("$state/reader-auth", "lecteur:{$created[0]}");
    }
}

wp_defer_term_counting(false);
flush_rewrite_rules(false);
say('done');
