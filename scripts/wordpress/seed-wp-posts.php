<?php
// Seeds the post-level cases of issue #19 (item 3) into the test WordPress:
// a three-page post (<!--nextpage-->), a password-protected post (password
// "kiosque"), one post per post format, a post with the more tag, a post with
// 30 categories and 30 tags, a long-title / unbroken-word post, posts whose
// featured images have extreme aspect ratios, and a post with comments,
// pingbacks and trackbacks.
//
// Kept out of the way of the other tests: every post is dated 2020 (never on
// the home page's first pages), not sticky, in "cas-wordpress", a child
// category of "monde" (the navigation lists top-level categories only), with
// words no other test searches for.
//
// Usage: php seed-wp-posts.php http://127.0.0.1:8081
// Idempotent: every object carries a `_kiosque_seed` key ("wp-posts:…"); a
// rerun updates in place (comments and images are keyed the same way).

require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

$admin = get_user_by('login', 'admin');
if ($admin) {
    wp_set_current_user($admin->ID);
}

function say(string $s): void
{
    fwrite(STDERR, "seed-wp-posts: $s\n");
}

function fail(string $s): void
{
    say($s);
    exit(1);
}


function term(string $taxonomy, string $slug, string $name, int $parent = 0): int
{
    $t = get_term_by('slug', $slug, $taxonomy);
    if ($t) {
        return (int) $t->term_id;
    }
    $r = wp_insert_term($name, $taxonomy, ['slug' => $slug, 'parent' => $parent]);
    if (is_wp_error($r)) {
        fail("$taxonomy $slug: " . $r->get_error_message());
    }
    return (int) $r['term_id'];
}

/** Inserts or updates a post by seed key; dates in 2020, one minute apart. */
function post(string $key, array $arr): int
{
    static $n = 0;
    $n++;
    $id = kq_seeded_id("wp-posts:$key", 'post');
    $date = sprintf('2020-06-15 10:%02d:00', $n);
    $arr += [
        'post_type' => 'post',
        'post_status' => 'publish',
        'post_author' => $GLOBALS['admin'] ? $GLOBALS['admin']->ID : 1,
        'post_date' => $date,
        'post_date_gmt' => $date,
        'post_name' => $key,
        'post_excerpt' => '',
        'post_password' => '',
    ];
    $arr['meta_input'] = ['_kiosque_seed' => "wp-posts:$key"];
    if ($id) {
        $arr['ID'] = $id;
    }
    $r = $id ? wp_update_post(wp_slash($arr), true) : wp_insert_post(wp_slash($arr), true);
    if (is_wp_error($r)) {
        fail("$key: " . $r->get_error_message());
    }
    return (int) $r;
}

/** A solid-colour JPEG of the given size, attached once per seed key. */
function image(string $key, int $w, int $h, int $parent): int
{
    $id = kq_seeded_id("wp-posts:$key", 'attachment');
    if ($id) {
        return $id;
    }
    $im = imagecreatetruecolor($w, $h);
    imagefill($im, 0, 0, imagecolorallocate($im, 40, 90, 140));
    $up = wp_upload_dir('2020/06');
    $file = $up['path'] . "/wp-posts-$key.jpg";
    wp_mkdir_p($up['path']);
    imagejpeg($im, $file, 70);
    imagedestroy($im);
    $id = wp_insert_attachment([
        'post_mime_type' => 'image/jpeg',
        'post_title' => "Image {$w}×{$h}",
        'post_status' => 'inherit',
        'meta_input' => ['_kiosque_seed' => "wp-posts:$key", '_wp_attachment_image_alt' => "Aplat bleu de $w sur $h pixels"],
    ], $file, $parent, true);
    if (is_wp_error($id)) {
        fail("$key: " . $id->get_error_message());
    }
    wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $file));
    return (int) $id;
}

$monde = get_term_by('slug', 'monde', 'category');
$cat = term('category', 'cas-wordpress', 'Cas WordPress', $monde ? (int) $monde->term_id : 0);
$p = fn (string $s): string => "<!-- wp:paragraph -->\n<p>$s</p>\n<!-- /wp:paragraph -->";

// 1. Three pages.
post('article-en-trois-pages', [
    'post_title' => 'Un récit ferroviaire en trois pages',
    'post_category' => [$cat],
    'post_content' => implode("\n\n", [
        $p('Première page du récit ferroviaire : le train quitte la gare de Sfax avant l’aube.'),
        "<!-- wp:nextpage -->\n<!--nextpage-->\n<!-- /wp:nextpage -->",
        $p('Deuxième page du récit ferroviaire : la traversée des oliveraies sous un ciel blanc.'),
        "<!-- wp:nextpage -->\n<!--nextpage-->\n<!-- /wp:nextpage -->",
        $p('Troisième page du récit ferroviaire : l’arrivée à Gabès et le marché du soir.'),
    ]),
]);

// 2. Password-protected ("kiosque"); its text must never leave WordPress unasked.
post('article-protege', [
    'post_title' => 'Note réservée aux abonnés du kiosque',
    'post_category' => [$cat],
    'post_password' => 'kiosque',
    'post_excerpt' => '',
    'post_content' => $p('Texte confidentiel : le mot-témoin zanzibarite ne doit jamais apparaître sans mot de passe.'),
]);

// 3. One post per format.
$formats = [
    'aside' => ['', 'Une brève sans titre, comme une note en marge du fil.'],
    'status' => ['', 'Statut : la rédaction passe à l’heure d’été ce soir.'],
    'link' => ['Un lien vers la météo marine', 'Voir <a href="https://example.org/meteo-marine">le bulletin de météo marine</a> avant de sortir en mer.'],
    'quote' => ['Une citation', '</p><blockquote class="wp-block-quote"><p>La mer ne se raconte pas, elle se traverse.</p><cite>Un vieux pêcheur</cite></blockquote><p>'],
    'image' => ['Une image seule', 'Une image, et rien d’autre à dire.'],
    'gallery' => ['Une galerie de format', 'Quelques vues du port au format galerie.'],
    'video' => ['Une vidéo de format', 'Une vidéo du port, au format vidéo.'],
    'audio' => ['Un son de format', 'Le bruit du port, au format audio.'],
    'chat' => ['Une conversation', 'Alia : tu as vu le bateau ?<br>Sami : pas encore, il est en retard.'],
];
foreach ($formats as $format => [$title, $text]) {
    $id = post("format-$format", [
        'post_title' => $title,
        'post_category' => [$cat],
        'post_content' => $p($text),
    ]);
    set_post_format($id, $format);
}

// 4. The more tag: the listing text is what comes before it.
post('article-balise-more', [
    'post_title' => 'Un article coupé par la balise more',
    'post_category' => [$cat],
    'post_content' => implode("\n\n", [
        $p('Avant la coupure : ce chapeau écrit par la rédaction annonce la suite.'),
        "<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->",
        $p('Après la coupure : le corps de l’article, que les listes ne montrent pas.'),
    ]),
]);

// 5. Thirty categories and thirty tags.
$cats = [$cat];
$tags = [];
for ($i = 1; $i <= 30; $i++) {
    $cats[] = term('category', "cas-rubrique-$i", "Rubrique de cas $i", $cat);
    $tags[] = "cas-etiquette-$i";
}
post('article-soixante-termes', [
    'post_title' => 'Un article rangé dans soixante termes',
    'post_category' => $cats,
    'tags_input' => $tags,
    'post_content' => $p('Cet article porte trente rubriques et trente étiquettes.'),
]);

// 6. Long title, unbroken word.
post('article-titre-tres-long', [
    'post_title' => 'Un titre extrêmement long qui ne finit pas et contient un mot sans espace '
        . str_repeat('Anticonstitutionnellement', 4),
    'post_category' => [$cat],
    'post_content' => $p('Un mot insécable : ' . str_repeat('abcdefghij', 20) . ' puis la suite.'),
]);

// 7. Extreme featured images.
foreach (['image-bandeau' => [3000, 100], 'image-colonne' => [100, 3000]] as $key => [$w, $h]) {
    $id = post("article-$key", [
        'post_title' => "Une image à la une de $w sur $h",
        'post_category' => [$cat],
        'post_content' => $p("L’image à la une de cet article mesure $w sur $h pixels."),
    ]);
    set_post_thumbnail($id, image($key, $w, $h, $id));
}

// 8. Comments, pingbacks, trackbacks: the count shows the 2 comments only.
$id = post('article-retroliens', [
    'post_title' => 'Un article cité par d’autres sites',
    'post_category' => [$cat],
    'post_content' => $p('Deux commentaires, un pingback et un trackback.'),
]);
$existing = get_comments(['post_id' => $id, 'type' => 'all', 'status' => 'all', 'fields' => 'ids']);
if (count($existing) !== 4) {
    foreach ($existing as $c) {
        wp_delete_comment($c, true);
    }
    foreach ([['comment', 'Lectrice', 'Merci pour cet article.'], ['comment', 'Lecteur', 'Très instructif.'],
        ['pingback', 'Un blog ami', '[…] cité dans notre revue […]'], ['trackback', 'Un autre blog', 'Trackback : repris ici.']] as $i => [$type, $author, $text]) {
        wp_insert_comment([
            'comment_post_ID' => $id,
            'comment_type' => $type,
            'comment_author' => $author,
            'comment_author_url' => $type === 'comment' ? '' : 'https://example.org/blog',
            'comment_content' => $text,
            'comment_approved' => 1,
            'comment_date' => "2020-06-16 09:0$i:00",
            'comment_date_gmt' => "2020-06-16 09:0$i:00",
        ]);
    }
}
say('done');
