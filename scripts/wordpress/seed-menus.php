<?php
// Seeds the menus the header and footer are tested with (issue 20 item 2):
// a primary menu with a submenu (a category with a tag and a page under it),
// a parent without a link whose children are a post and a category, an
// external link; a footer menu with a page and an external link. Both are
// assigned to the locations mu-plugins/kiosque-menu-locations.php registers.
// WordPress shows menus only to an administrator: an application password
// for the "admin" user is written to $KIOSQUE_WP_STATE/export-user and
// export-password, which scripts/export-wp.sh gives `kiosque-publish export`.
//
// Usage: php seed-menus.php http://127.0.0.1:8081
// Idempotent: the menus are found by name and their items rebuilt.

require __DIR__ . '/wp-boot.php';

function fail(string $s): void
{
    fwrite(STDERR, "seed-menus: $s\n");
    exit(1);
}

$admin = get_user_by('login', 'admin');
if (!$admin) {
    fail('no "admin" user: run install.php first');
}
wp_set_current_user($admin->ID);

$term = function (string $slug, string $taxonomy) {
    $t = get_term_by('slug', $slug, $taxonomy);
    if (!$t) {
        fail("no $taxonomy \"$slug\": run seed.php first");
    }
    return $t;
};
$maghreb = $term('maghreb', 'category');
$economie = $term('economie', 'category');
$tags = get_terms(['taxonomy' => 'post_tag', 'number' => 1, 'orderby' => 'count', 'order' => 'DESC', 'hide_empty' => true]);
if (is_wp_error($tags) || !$tags) {
    fail('no tag with posts: run seed.php first');
}
$tag = $tags[0];
$about = get_page_by_path('a-propos');
if (!$about) {
    fail('no "a-propos" page: run seed.php first');
}
$post = get_posts(['numberposts' => 1, 'post_status' => 'publish', 'category' => $maghreb->term_id])[0] ?? null;
if (!$post) {
    fail('no published post in "maghreb"');
}

/** The menu `name`, emptied, with `items` added in order; returns its ID. */
function kq_menu(string $name, array $items): int
{
    $menu = wp_get_nav_menu_object($name);
    $id = $menu ? (int) $menu->term_id : (int) wp_create_nav_menu($name);
    if (!$id) {
        fail("could not create the menu $name");
    }
    foreach (wp_get_nav_menu_items($id, ['post_status' => 'any']) ?: [] as $old) {
        wp_delete_post($old->ID, true);
    }
    $add = function (array $item, int $parent) use ($id, &$add) {
        $args = array_merge(['menu-item-status' => 'publish', 'menu-item-parent-id' => $parent], $item['args']);
        $item_id = wp_update_nav_menu_item($id, 0, $args);
        if (is_wp_error($item_id)) {
            fail($item_id->get_error_message());
        }
        foreach ($item['children'] ?? [] as $child) {
            $add($child, (int) $item_id);
        }
    };
    foreach ($items as $item) {
        $add($item, 0);
    }
    return $id;
}
$taxonomy_item = fn ($t, string $tax) => ['menu-item-type' => 'taxonomy', 'menu-item-object' => $tax, 'menu-item-object-id' => $t->term_id];

$primary = kq_menu('Kiosque principal', [
    ['args' => $taxonomy_item($maghreb, 'category'), 'children' => [
        ['args' => $taxonomy_item($tag, 'post_tag')],
        ['args' => ['menu-item-type' => 'post_type', 'menu-item-object' => 'page', 'menu-item-object-id' => $about->ID]],
    ]],
    ['args' => $taxonomy_item($economie, 'category')],
    ['args' => ['menu-item-type' => 'custom', 'menu-item-title' => 'Dossiers', 'menu-item-url' => '#'], 'children' => [
        ['args' => ['menu-item-type' => 'post_type', 'menu-item-object' => 'post', 'menu-item-object-id' => $post->ID]],
        ['args' => $taxonomy_item($economie, 'category') + ['menu-item-title' => 'Toute l’économie']],
    ]],
    ['args' => ['menu-item-type' => 'custom', 'menu-item-title' => 'Agence partenaire', 'menu-item-url' => 'https://partenaire.example/depeches']],
]);
$footer = kq_menu('Kiosque pied de page', [
    ['args' => ['menu-item-type' => 'post_type', 'menu-item-object' => 'page', 'menu-item-object-id' => $about->ID]],
    ['args' => ['menu-item-type' => 'custom', 'menu-item-title' => 'Charte éditoriale', 'menu-item-url' => 'https://partenaire.example/charte']],
]);
$locations = get_theme_mod('nav_menu_locations') ?: [];
$locations['primary'] = $primary;
$locations['footer'] = $footer;
set_theme_mod('nav_menu_locations', $locations);

// The export's login: an application password of the administrator (the
// only role WordPress shows menus to).
$state = getenv('KIOSQUE_WP_STATE') ?: '/var/lib/kiosque-wp';
if (is_dir($state) && class_exists('WP_Application_Passwords')) {
    foreach (WP_Application_Passwords::get_user_application_passwords($admin->ID) as $item) {
        if ($item['name'] === 'kiosque-export') {
            WP_Application_Passwords::delete_application_password($admin->ID, $item['uuid']);
        }
    }
    $created = WP_Application_Passwords::create_new_application_password($admin->ID, ['name' => 'kiosque-export']);
    if (is_wp_error($created)) {
        fail($created->get_error_message());
    }
    file_put_contents("$state/export-user", "admin\n");
    file_put_contents("$state/export-password", $created[0] . "\n");
    chmod("$state/export-password", 0600);
}
echo "seed-menus: primary menu $primary, footer menu $footer\n";
