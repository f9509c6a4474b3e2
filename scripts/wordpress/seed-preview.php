<?php
// Seeds what editor previews are tested with (docs/previews.md,
// tests/e2e/preview.spec.mjs, issue 20 item 4): a draft, a pending post and a
// published post whose newest autosave has another title and a new
// paragraph, in a child category of "monde" (out of the navigation), dated
// 2020 (never in the latest lists); an editor and a subscriber, each with an
// application password written to $KIOSQUE_WP_STATE (preview-user,
// preview-password; preview-subscriber-user, preview-subscriber-password);
// and the `kiosque_preview_origin` option mu-plugins/kiosque-preview-link.php
// points the Preview button at (KIOSQUE_PREVIEW_ORIGIN, default the e2e
// port 4291).
//
// Usage: KIOSQUE_WP_STATE=/var/lib/kiosque-wp php seed-preview.php http://127.0.0.1:8081
// Idempotent: posts carry `_kiosque_seed` = "preview:<slug>"; users are
// found by login; each run replaces the `kiosque-preview` application passwords.

require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';
require_once ABSPATH . 'wp-admin/includes/post.php'; // wp_create_post_autosave

$admin = get_user_by('login', 'admin');
if (!$admin) {
    kq_fail('no "admin" user: run install.php first');
}
wp_set_current_user($admin->ID);
$cat_id = kq_child_category('zone-apercu', 'Zone aperçu', 'monde');

/** The user `login` with `role`, created when missing. */
function kq_preview_user(string $login, string $role): WP_User
{
    $user = get_user_by('login', $login);
    if (!$user) {
        $id = wp_insert_user([
            'user_login' => $login,
            'user_pass' => wp_generate_password(24),
            'user_email' => "$login@example.org",
            'display_name' => $login === 'apercu-redaction' ? 'Rédaction aperçu' : 'Abonné aperçu',
            'role' => $role,
        ]);
        if (is_wp_error($id)) {
            kq_fail("user $login: " . $id->get_error_message());
        }
        $user = get_user_by('id', $id);
    }
    return $user;
}

$editor = kq_preview_user('apercu-redaction', 'editor');
$subscriber = kq_preview_user('apercu-abonne', 'subscriber');

$paragraph = fn (string $t) => "<!-- wp:paragraph -->\n<p>$t</p>\n<!-- /wp:paragraph -->";
$posts = [
    'apercu-brouillon-seed' => ['draft', 'Brouillon : le marché couvert rouvre ses portes', 'Un brouillon que seule la rédaction voit.'],
    'apercu-en-attente-seed' => ['pending', 'En attente : la régate des lycéens', 'Un article en attente de relecture.'],
    'apercu-publie-seed' => ['publish', 'Publié : la bibliothèque prolonge ses horaires', 'La version publiée de cet article.'],
    // A multi-page draft: its page links must stay in the preview (/preview/<id>/2).
    'apercu-en-pages-seed' => ['draft', 'Brouillon en deux pages : le carnet du festival', 'Un carnet en deux pages.',
        $paragraph('Première page du carnet, écrite le premier soir.') . "\n\n<!-- wp:nextpage -->\n<!--nextpage-->\n<!-- /wp:nextpage -->\n\n"
        . $paragraph('Seconde page : les coulisses du festival.')],
];
$ids = [];
foreach ($posts as $slug => $row) {
    [$status, $title, $text] = $row;
    $fields = [
        'post_type' => 'post',
        'post_status' => $status,
        'post_name' => $slug,
        'post_title' => $title,
        'post_excerpt' => $text,
        'post_content' => $row[3] ?? $paragraph($text) . "\n\n" . $paragraph('Deuxième paragraphe, identique dans toutes les versions.'),
        'post_author' => $editor->ID,
        'post_category' => [$cat_id],
        'post_date' => '2020-04-02 10:00:00',
        'post_date_gmt' => '2020-04-02 08:00:00',
        'comment_status' => 'closed',
    ];
    $id = kq_seeded_id("preview:$slug", 'post');
    if ($id) {
        $fields['ID'] = $id;
    }
    $id = wp_insert_post($fields, true);
    if (is_wp_error($id)) {
        kq_fail("$slug: " . $id->get_error_message());
    }
    if ($status !== 'publish') {
        // wp_insert_post empties a draft's slug; the preview reads it by ID anyway.
        global $wpdb;
        $wpdb->update($wpdb->posts, ['post_name' => $slug], ['ID' => $id]);
        clean_post_cache($id);
    }
    update_post_meta($id, '_kiosque_seed', "preview:$slug");
    $ids[$slug] = $id;
}

// A draft page (its Preview button opens /preview/page/<id>).
$page_fields = [
    'post_type' => 'page',
    'post_status' => 'draft',
    'post_title' => 'Page en préparation : la rédaction vous répond',
    'post_content' => $paragraph('Cette page dira bientôt comment joindre chaque service de la rédaction.'),
    'post_author' => $editor->ID,
];
$page_id = kq_seeded_id('preview:apercu-page-seed', 'page');
if ($page_id) {
    $page_fields['ID'] = $page_id;
}
$page_id = wp_insert_post($page_fields, true);
if (is_wp_error($page_id)) {
    kq_fail('apercu-page-seed: ' . $page_id->get_error_message());
}
update_post_meta($page_id, '_kiosque_seed', 'preview:apercu-page-seed');
$ids['apercu-page-seed'] = $page_id;

// The published post's pending changes: the editor's autosave, newer than
// the post, with another title and an added paragraph.
wp_set_current_user($editor->ID);
$published = $ids['apercu-publie-seed'];
$autosave = wp_create_post_autosave([
    'post_ID' => $published,
    'post_type' => 'post',
    'post_title' => 'Modifié : la bibliothèque ouvre aussi le dimanche',
    'post_excerpt' => 'La version publiée de cet article.',
    'post_content' => $paragraph('La version publiée de cet article.') . "\n\n"
        . $paragraph('Deuxième paragraphe, identique dans toutes les versions.') . "\n\n"
        . $paragraph('Nouveau paragraphe ajouté dans la sauvegarde automatique.'),
]);
if (is_wp_error($autosave) || !$autosave) {
    kq_fail('autosave: ' . (is_wp_error($autosave) ? $autosave->get_error_message() : 'not created'));
}
// Newer than the post, whenever the seed runs again.
global $wpdb;
$now = gmdate('Y-m-d H:i:s', time() + 60);
$wpdb->update($wpdb->posts, ['post_modified_gmt' => $now, 'post_modified' => get_date_from_gmt($now)], ['ID' => $autosave]);
clean_post_cache($autosave);

update_option('kiosque_preview_origin', getenv('KIOSQUE_PREVIEW_ORIGIN') ?: 'http://127.0.0.1:4291');

$state = getenv('KIOSQUE_WP_STATE') ?: '/var/lib/kiosque-wp';
if (is_dir($state) && class_exists('WP_Application_Passwords')) {
    foreach (['preview' => $editor, 'preview-subscriber' => $subscriber] as $file => $user) {
        foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
            if ($item['name'] === 'kiosque-preview') {
                WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
            }
        }
        $created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'kiosque-preview']);
        if (is_wp_error($created)) {
            kq_fail($created->get_error_message());
        }
        file_put_contents("$state/$file-user", $user->user_login . "\n");
        file_put_contents("$state/$file-password", $created[0] . "\n");
        chmod("$state/$file-password", 0600);
    }
}
echo 'seed-preview: ' . json_encode($ids) . " autosave $autosave\n";
