<?php
// Turns an installed WordPress into a subdirectory multisite network and
// adds a subsite, without wp-cli or a browser (the steps of Tools → Network
// Setup). Run by scripts/wordpress-configs.sh, each step in its own process
// because the MULTISITE constants only exist once the network does:
//
//   php network.php network http://127.0.0.4:4298       tables + network row
//   php network.php subsite http://127.0.0.4:4298/actu  the subsite (idempotent)
//
// The config file turns MULTISITE on when the network step has written its
// marker (the path in KIOSQUE_WP_NETWORK_MARKER). Names are prefixed: loading
// a network sets the globals $domain and $path.

$step = $argv[1] ?? '';
$origin = rtrim($argv[2] ?? '', '/');
$parts = parse_url($origin);
if (!in_array($step, ['network', 'subsite'], true) || empty($parts['host'])) {
    fwrite(STDERR, "usage: php network.php network|subsite <origin>\n");
    exit(2);
}
$net_domain = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$site_path = rtrim($parts['path'] ?? '', '/') . '/';

if ($step === 'network') {
    define('WP_INSTALLING_NETWORK', true);
}
$origin = ($parts['scheme'] ?? 'http') . '://' . $net_domain; // boot as the main site
$_SERVER['REMOTE_ADDR'] = '127.0.0.1'; // a new site's log row reads it
require __DIR__ . '/wp-boot.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if ($step === 'network') {
    if (is_multisite()) {
        exit(0);
    }
    // Network Setup names the network tables before making them: $wpdb
    // only knows them on a site that is already a network.
    foreach ($wpdb->tables('ms_global') as $table => $prefixed) {
        $wpdb->$table = $prefixed;
    }
    install_network();
    // populate_network() reads the admin's address from the main site.
    $result = populate_network(1, $net_domain, get_option('admin_email'), 'Kiosque test network', '/', false);
    if (is_wp_error($result) && $result->get_error_code() !== 'siteid_exists') {
        fwrite(STDERR, 'network: ' . $result->get_error_message() . "\n");
        exit(1);
    }
    if (!$wpdb->get_var("SELECT id FROM {$wpdb->site} WHERE id = 1")) {
        fwrite(STDERR, "network: no network row after populate_network\n");
        exit(1);
    }
    $marker = getenv('KIOSQUE_WP_NETWORK_MARKER');
    if ($marker) {
        file_put_contents($marker, "$net_domain\n");
    }
    fwrite(STDERR, "network: installed on $net_domain\n");
    exit(0);
}

if (!is_multisite()) {
    fwrite(STDERR, "subsite: $net_domain is not a network yet\n");
    exit(1);
}
$site = get_site_by_path($net_domain, $site_path);
if ($site && $site->path === $site_path) {
    exit(0);
}
$admin = get_user_by('login', 'admin');
$id = wp_insert_site([
    'domain' => $net_domain,
    'path' => $site_path,
    'title' => 'Kiosque Actu',
    'user_id' => $admin ? $admin->ID : 1,
]);
if (is_wp_error($id)) {
    fwrite(STDERR, 'subsite: ' . $id->get_error_message() . "\n");
    exit(1);
}
// wp_insert_site sanitizes the domain as a user name, which drops a port's
// colon (a network on port 80 never meets it): put the port back.
$wpdb->update($wpdb->blogs, ['domain' => $net_domain], ['blog_id' => $id]);
clean_blog_cache($id);
$home = ($parts['scheme'] ?? 'http') . '://' . $net_domain . rtrim($site_path, '/');
update_blog_option($id, 'home', $home);
update_blog_option($id, 'siteurl', $home);
fwrite(STDERR, "subsite: $home is site $id\n");
