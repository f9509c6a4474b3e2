<?php
// Seeds issue 19's site-structure cases (item 4) for the adapter tests and
// tests/e2e/structure.spec.mjs:
// - a 3-level category chain under "monde" (Sciences › Génétique ›
//   Épigénétique), posts in the deepest only, so its two parents count none;
// - an empty top-level category (no posts, no children);
// - a category and a tag description with HTML, one with a hostile vector
//   from tests/hostile/vectors.json (evt1) in it;
// - an author with an HTML biography and posts, one with an HTML biography
//   and none;
// - a parent page with two children (menu order 2 then 1) and a grandchild;
// - an Arabic-slug category (with a post) and an Arabic-slug page.
//
// Out of the way of the other tests: posts dated 2020 (off the home's first
// pages), categories under "monde" (the navigation lists top-level ones).
//
// Usage: php seed-structure.php http://127.0.0.1:8081
// Idempotent: terms, users and pages are keyed by slug, posts by seed key.

require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';

kses_remove_filters();
$admin = get_user_by('login', 'admin');
if ($admin) {
    wp_set_current_user($admin->ID);
}

function structure_fail(string $s): void
{
    fwrite(STDERR, "seed-structure: $s\n");
    exit(1);
}

/** A term by slug (created once; its parent and description kept up to date). */
function structure_term(string $taxonomy, string $slug, string $name, int $parent = 0, string $description = ''): int
{
    $t = get_term_by('slug', $slug, $taxonomy);
    $args = ['slug' => $slug, 'parent' => $parent, 'description' => $description];
    $r = $t ? wp_update_term($t->term_id, $taxonomy, $args + ['name' => $name]) : wp_insert_term($name, $taxonomy, $args);
    if (is_wp_error($r)) {
        structure_fail("$taxonomy $slug: " . $r->get_error_message());
    }
    return (int) $r['term_id'];
}

/** A user by login, with an HTML biography. */
function structure_user(string $login, string $name, string $bio): int
{
    $u = get_user_by('login', $login);
    $arr = [
        'user_login' => $login,
        'display_name' => $name,
        'user_nicename' => $login,
        'description' => $bio,
        'role' => 'author',
        'user_email' => "$login@example.invalid",
    ];
    if ($u) {
        $arr['ID'] = $u->ID;
        $r = wp_update_user(wp_slash($arr));
    } else {
        $arr['user_pass'] = wp_generate_password(24);
        $r = wp_insert_user(wp_slash($arr));
    }
    if (is_wp_error($r)) {
        structure_fail("user $login: " . $r->get_error_message());
    }
    return (int) $r;
}

/** A post or page by seed key, dated 2020. */
function structure_post(string $key, array $arr): int
{
    static $n = 0;
    $n++;
    $type = $arr['post_type'] ?? 'post';
    $id = kq_seeded_id("structure:$key", $type);
    $date = sprintf('2020-03-10 09:%02d:00', $n);
    $arr += [
        'post_type' => 'post',
        'post_status' => 'publish',
        'post_date' => $date,
        'post_date_gmt' => $date,
        'post_excerpt' => '',
    ];
    $arr['meta_input'] = ['_kiosque_seed' => "structure:$key"];
    if ($id) {
        $arr['ID'] = $id;
    }
    $r = $id ? wp_update_post(wp_slash($arr), true) : wp_insert_post(wp_slash($arr), true);
    if (is_wp_error($r)) {
        structure_fail("$key: " . $r->get_error_message());
    }
    return (int) $r;
}

function para(string $text): string
{
    return "<!-- wp:paragraph -->\n<p>$text</p>\n<!-- /wp:paragraph -->";
}

$monde = get_term_by('slug', 'monde', 'category');
if (!$monde) {
    structure_fail('no "monde" category: run seed.php first');
}
$vectors = json_decode((string) file_get_contents(__DIR__ . '/../../tests/hostile/vectors.json'), true);
$hostile = '';
foreach ($vectors['vectors'] ?? [] as $v) {
    if ($v['id'] === 'evt1') {
        $hostile = $v['payload'];
    }
}
if ($hostile === '') {
    structure_fail('no vector evt1 in tests/hostile/vectors.json');
}

// The chain: Monde › Sciences › Génétique › Épigénétique.
$sciences = structure_term('category', 'structure-sciences', 'Sciences', (int) $monde->term_id);
$genetique = structure_term(
    'category',
    'structure-genetique',
    'Génétique',
    $sciences,
    '<p>La <strong>génétique</strong> étudie l’<em>hérédité</em>. '
        . '<a href="https://fr.wikipedia.org/wiki/G%C3%A9n%C3%A9tique">En savoir plus</a>.</p>' . $hostile
);
$epi = structure_term('category', 'structure-epigenetique', 'Épigénétique', $genetique);
structure_term('category', 'structure-vide', 'Rubrique vide');
$arabe = structure_term('category', 'ثقافة-عربية', 'ثقافة عربية', (int) $monde->term_id);
$tag = structure_term(
    'post_tag',
    'structure-adn',
    'ADN',
    0,
    '<p>L’<abbr title="acide désoxyribonucléique">ADN</abbr> porte l’information <strong>génétique</strong>.</p>'
);

$author = structure_user(
    'structure-auteur',
    'Inès Structure',
    'Biologiste et <strong>journaliste</strong>. <a href="https://example.org/ines">Son site</a>.' . $hostile
);
structure_user('structure-sans-articles', 'Omar Sans-Articles', 'Un <em>auteur</em> qui n’a rien publié.');

structure_post('epigenetique-1', [
    'post_title' => 'La mémoire des cellules',
    'post_name' => 'structure-memoire-des-cellules',
    'post_content' => para('Les marques épigénétiques se transmettent d’une cellule à ses filles.'),
    'post_category' => [$epi],
    'tags_input' => ['structure-adn'],
    'post_author' => $author,
]);
structure_post('epigenetique-2', [
    'post_title' => 'Des gènes allumés ou éteints',
    'post_name' => 'structure-genes-allumes',
    'post_content' => para('Un gène peut être présent sans être lu : tout dépend de son environnement.'),
    'post_category' => [$epi],
    'post_author' => $author,
]);
structure_post('arabe-1', [
    'post_title' => 'مقال في الثقافة',
    'post_name' => 'مقال-في-الثقافة',
    'post_content' => para('نص قصير لمقال في قسم باسم عربي.'),
    'post_category' => [$arabe],
    'post_author' => $author,
]);

// Pages: Guide › (Archives [1], Abonnement [2]); Archives › Anciens numéros.
$guide = structure_post('page-guide', [
    'post_type' => 'page',
    'post_title' => 'Guide du lecteur',
    'post_name' => 'structure-guide',
    'post_content' => para('Tout ce qu’il faut savoir pour lire le journal.'),
]);
structure_post('page-abonnement', [
    'post_type' => 'page',
    'post_title' => 'Abonnement',
    'post_name' => 'structure-abonnement',
    'post_parent' => $guide,
    'menu_order' => 2,
    'post_content' => para('Comment s’abonner.'),
]);
$archives = structure_post('page-archives', [
    'post_type' => 'page',
    'post_title' => 'Archives',
    'post_name' => 'structure-archives',
    'post_parent' => $guide,
    'menu_order' => 1,
    'post_content' => para('Les numéros passés.'),
]);
structure_post('page-anciens', [
    'post_type' => 'page',
    'post_title' => 'Anciens numéros',
    'post_name' => 'structure-anciens-numeros',
    'post_parent' => $archives,
    'post_content' => para('Les numéros d’avant 2000.'),
]);
structure_post('page-arabe', [
    'post_type' => 'page',
    'post_title' => 'من نحن',
    'post_name' => 'من-نحن',
    'post_content' => para('صفحة تعريفية باسم عربي.'),
]);
echo "seed-structure: done\n";
