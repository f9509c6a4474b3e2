<?php
/*
 * Plugin Name: Kiosque test site: menu locations
 * Description: For the test WordPress only. Its theme (twentytwentythree, a block theme, kept for `make bench`)
 *   registers no classic menu locations, while most news themes do ("primary", "footer"). This registers the two
 *   a classic theme would, so WordPress's REST routes `wp/v2/menu-locations` and `wp/v2/menu-items` answer as on
 *   such a site (to a logged-in editor of theme options only, as WordPress does). seed-menus.php fills them.
 */

add_action('after_setup_theme', function () {
    register_nav_menus([
        'primary' => 'Primary menu',
        'footer' => 'Footer menu',
    ]);
}, 20);
