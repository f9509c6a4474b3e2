<?php
// Installs WordPress without a browser (wp_install) and sets the options
// Kiosque's test site needs. Idempotent. Usage: php install.php http://127.0.0.1:8081
// Run by up.sh; needs /etc/wordpress/config-<host>.php (written by up.sh).

$origin = $argv[1] ?? 'http://127.0.0.1:8081';
$parts = parse_url($origin);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['SERVER_NAME'] = $parts['host'];
// The site's own path: on a multisite network it picks the subsite.
$_SERVER['REQUEST_URI'] = rtrim($parts['path'] ?? '', '/') . '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

add_filter('pre_wp_mail', '__return_false'); // no sendmail here: skip the welcome mail
if (!is_blog_installed()) {
    $result = wp_install(
        'Kiosque Actu',
        'admin',
        'admin@example.invalid',
        true,
        '',
        wp_generate_password(24),
        ''
    );
    if (is_wp_error($result)) {
        fwrite(STDERR, 'install: ' . $result->get_error_message() . "\n");
        exit(1);
    }
    fwrite(STDERR, "install: WordPress installed\n");
}

update_option('blogname', 'Kiosque Actu');
update_option('blogdescription', 'L’actualité du Maghreb, de l’Afrique et du monde, chaque jour.');
update_option('timezone_string', 'Africa/Casablanca');
update_option('gmt_offset', '');
update_option('posts_per_page', 6);
update_option('default_comment_status', 'open');
update_option('comment_moderation', 0);
update_option('comment_previously_approved', 0);
update_option('require_name_email', 0);
update_option('blog_public', 1);
update_option('WPLANG', '');
// Flat uploads/: media URLs do not depend on the month the site was seeded.
update_option('uploads_use_yearmonth_folders', 0);

global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%postname%/');
$wp_rewrite->set_category_base('');
$wp_rewrite->set_tag_base('');
flush_rewrite_rules(false);

// WordPress's own sample content is not part of the newsroom.
foreach ([['hello-world', 'post'], ['sample-page', 'page']] as [$slug, $type]) {
    $p = get_page_by_path($slug, OBJECT, $type);
    if ($p) {
        wp_delete_post($p->ID, true);
    }
}
