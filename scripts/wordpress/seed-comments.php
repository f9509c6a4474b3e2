<?php
// Seeds comments for tests/e2e/comments.spec.mjs and the comment fixtures
// (crates/core/tests/fixtures/wordpress/comments/):
// - "debat-commentaires-seed": open for comments, dated 2020 (off the home
//   page's first pages), with 55 top-level comments (more than one page of
//   WordPress's default 50), a thread 4 deep, comments whose bodies carry the
//   hostile corpus's first vectors, a pingback and a trackback (never shown),
//   and an unapproved comment (never shown);
// - "commentaires-fermes-seed": comments closed, one old approved comment;
// - for posting (tests/e2e/comment-post.spec.mjs, the compost fixtures):
//   "commenter-ici-seed", open and empty, where a first-time commenter's
//   comment is held (WordPress's `comment_previously_approved`), and
//   "lectrice-fidele-seed", open, with one approved comment by "Lectrice
//   fidèle" <fidele@example.org>, whose next comments WordPress approves;
// - the must-use plugin that lets anonymous readers post through the REST API
//   (the two lines docs/comments.md shows).
//
// Usage: php seed-comments.php http://127.0.0.1:8081 tests/hostile/vectors.json
// Idempotent: the posts are keyed by slug, the comments by their
// `_kiosque_seed` comment meta; a rerun updates in place.

$origin = rtrim($argv[1] ?? 'http://127.0.0.1:8081', '/');
$vectors_file = $argv[2] ?? dirname(__DIR__, 2) . '/tests/hostile/vectors.json';
require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';

function say(string $s): void
{
    fwrite(STDERR, "seed-comments: $s\n");
}

kses_remove_filters();
kq_as_admin();

// 1. The must-use plugin: anonymous REST comments.
$mu = WP_CONTENT_DIR . '/mu-plugins';
if (!is_dir($mu)) {
    mkdir($mu, 0755, true);
}
file_put_contents(
    "$mu/kiosque-anonymous-comments.php",
    "<?php\n// Lets readers post comments through the REST API without an account.\n"
    . "add_filter('rest_allow_anonymous_comments', '__return_true');\n"
);

// 2. Site options a news theme keeps: threads 5 deep, 50 a page, oldest first,
//    no moderation of known authors' comments beyond WordPress's default.
update_option('thread_comments', 1);
update_option('thread_comments_depth', 5);
update_option('page_comments', 1);
update_option('comments_per_page', 50);
update_option('default_comments_page', 'oldest');
update_option('comment_order', 'asc');
// Posting: name and e-mail required, a first-time commenter held for
// moderation, a known one approved (WordPress's defaults, set explicitly).
update_option('require_name_email', 1);
update_option('comment_moderation', 0);
update_option('comment_previously_approved', 1);

// Their own child category of "monde": a child's posts stay out of the
// navigation and of the parent's listing (as seed-hostile.php does).
$monde = get_term_by('slug', 'monde', 'category');
if (!$monde) {
    say('no "monde" category: run seed.php first');
    exit(1);
}
$cat = get_term_by('slug', 'zone-commentaires', 'category');
$cat_id = $cat ? (int) $cat->term_id
    : (int) wp_insert_term('Zone commentaires', 'category', ['slug' => 'zone-commentaires', 'parent' => $monde->term_id])['term_id'];

function seeded_post(string $slug, string $title, string $status, string $date): int
{
    global $cat_id;
    $found = get_posts(['name' => $slug, 'post_type' => 'post', 'post_status' => 'any', 'numberposts' => 1]);
    $args = [
        'post_name' => $slug,
        'post_title' => $title,
        'post_content' => "<p>$title : un article pour les tests des commentaires.</p>",
        'post_status' => 'publish',
        'post_date' => $date,
        'post_date_gmt' => get_gmt_from_date($date),
        'comment_status' => $status,
        'ping_status' => 'open',
        'post_category' => [$cat_id],
    ];
    if ($found) {
        $args['ID'] = $found[0]->ID;
    }
    $id = wp_insert_post($args, true);
    if (is_wp_error($id)) {
        say("$slug: " . $id->get_error_message());
        exit(1);
    }
    return (int) $id;
}

/** A comment keyed by `$key`, created or updated in place. */
function seeded_comment(string $key, int $post, int $parent, array $fields): int
{
    $ids = get_comments(['meta_key' => '_kiosque_seed', 'meta_value' => $key, 'fields' => 'ids', 'status' => 'all', 'type' => 'all']);
    $data = $fields + [
        'comment_post_ID' => $post,
        'comment_parent' => $parent,
        'comment_type' => 'comment',
        'comment_approved' => 1,
        'comment_author_email' => '',
        'comment_author_url' => '',
    ];
    if ($ids) {
        $data['comment_ID'] = $ids[0];
        wp_update_comment($data);
        return (int) $ids[0];
    }
    $id = wp_insert_comment($data);
    add_comment_meta($id, '_kiosque_seed', $key, true);
    return (int) $id;
}

$open = seeded_post('debat-commentaires-seed', 'Débat : la place des lecteurs', 'open', '2020-03-02 09:00:00');
$closed = seeded_post('commentaires-fermes-seed', 'Commentaires fermés : archives', 'closed', '2020-03-01 09:00:00');

// 55 top-level comments a minute apart; the first carries an author link.
$minute = fn (int $i): string => date('Y-m-d H:i:s', strtotime('2020-03-02 10:00:00') + 60 * $i);
$top = [];
for ($i = 1; $i <= 55; $i++) {
    $top[$i] = seeded_comment("top:$i", $open, 0, [
        'comment_author' => "Lecteur $i",
        'comment_author_url' => $i === 1 ? 'https://example.org/lecteur-1' : ($i === 2 ? 'javascript:alert(1)' : ''),
        'comment_content' => "Commentaire numéro $i : <strong>avis</strong> sur le débat.",
        'comment_date' => $minute($i),
        'comment_date_gmt' => get_gmt_from_date($minute($i)),
    ]);
}
// A thread 6 deep under the first comment (WordPress shows at most 5 levels).
$parent = $top[1];
for ($d = 1; $d <= 5; $d++) {
    $parent = seeded_comment("reply:$d", $open, $parent, [
        'comment_author' => "Réponse niveau $d",
        'comment_content' => "Réponse de niveau $d.",
        'comment_date' => $minute(100 + $d),
        'comment_date_gmt' => get_gmt_from_date($minute(100 + $d)),
    ]);
}
// Hostile bodies under the second comment (WordPress escapes some on output:
// what reaches the REST API goes through the body converter either way).
$vectors = json_decode((string) file_get_contents($vectors_file), true)['vectors'] ?? [];
// The first vector of each category (script, event handler, javascript: URL…).
$firsts = [];
foreach ($vectors as $v) {
    $firsts[$v['category']] ??= $v;
}
foreach (array_values($firsts) as $n => $v) {
    seeded_comment("hostile:{$v['id']}", $open, $top[2], [
        'comment_author' => "Hostile {$v['id']}",
        'comment_content' => "Avant-{$v['id']} {$v['payload']} Après-{$v['id']}",
        'comment_date' => $minute(200 + $n),
        'comment_date_gmt' => get_gmt_from_date($minute(200 + $n)),
    ]);
}
// Hostile comments of an earlier vector choice go (a rerun matches the corpus).
$keep = array_map(fn ($v) => "hostile:{$v['id']}", array_values($firsts));
foreach (get_comments(['post_id' => $open, 'status' => 'all', 'meta_key' => '_kiosque_seed', 'meta_compare' => 'LIKE', 'meta_value' => 'hostile:']) as $c) {
    if (!in_array(get_comment_meta($c->comment_ID, '_kiosque_seed', true), $keep, true)) {
        wp_delete_comment($c->comment_ID, true);
    }
}
// Never shown: a pingback, a trackback, a comment awaiting moderation.
foreach (['pingback', 'trackback'] as $n => $type) {
    seeded_comment("type:$type", $open, 0, [
        'comment_type' => $type,
        'comment_author' => "Un blog ($type)",
        'comment_author_url' => 'https://example.org/blog',
        'comment_content' => "[…] $type vers le débat […]",
        'comment_date' => $minute(300 + $n),
        'comment_date_gmt' => get_gmt_from_date($minute(300 + $n)),
    ]);
}
seeded_comment('held:1', $open, 0, [
    'comment_author' => 'En attente',
    'comment_content' => 'Ce commentaire attend la modération.',
    'comment_approved' => 0,
    'comment_date' => $minute(400),
    'comment_date_gmt' => get_gmt_from_date($minute(400)),
]);
seeded_comment('closed:1', $closed, 0, [
    'comment_author' => 'Ancien lecteur',
    'comment_content' => 'Un commentaire d’avant la fermeture.',
    'comment_date' => '2020-03-01 10:00:00',
    'comment_date_gmt' => get_gmt_from_date('2020-03-01 10:00:00'),
]);
// For posting: an empty open post, and one whose author is known.
$post_here = seeded_post('commenter-ici-seed', 'Commenter ici : à vous la parole', 'open', '2020-02-15 09:00:00');
$loyal = seeded_post('lectrice-fidele-seed', 'Lectrice fidèle : un habitué', 'open', '2020-02-14 09:00:00');
seeded_comment('loyal:1', $loyal, 0, [
    'comment_author' => 'Lectrice fidèle',
    'comment_author_email' => 'fidele@example.org',
    'comment_content' => 'Un premier commentaire, approuvé.',
    'comment_date' => '2020-02-14 10:00:00',
    'comment_date_gmt' => get_gmt_from_date('2020-02-14 10:00:00'),
]);
foreach ([$open, $closed, $post_here, $loyal] as $id) {
    wp_update_comment_count_now($id);
}
say("post $open (open), post $closed (closed), posts $post_here and $loyal (posting) seeded");
