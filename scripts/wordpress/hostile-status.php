<?php
// Hides or shows the hostile corpus (seed-hostile.php) in the test WordPress:
// `hide` makes its posts and page drafts, `show` publishes them again.
// record.sh hides them while it records the adapter's fixtures, whose
// expectations (totals, pages) describe the demo newsroom alone; the hostile
// e2e tests need them published, so record.sh shows them again on exit.
//
// Usage: php hostile-status.php hide|show [origin]

$mode = $argv[1] ?? '';
if ($mode !== 'hide' && $mode !== 'show') {
    fwrite(STDERR, "usage: php hostile-status.php hide|show [origin]\n");
    exit(2);
}
$origin = rtrim($argv[2] ?? 'http://127.0.0.1:8081', '/');
$parts = parse_url($origin);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';

global $wpdb;
$ids = $wpdb->get_col(
    "SELECT p.ID FROM {$wpdb->posts} p JOIN {$wpdb->postmeta} m ON m.post_id = p.ID
     WHERE m.meta_key = '_kiosque_seed' AND m.meta_value LIKE 'hostile:%'
       AND p.post_type IN ('post', 'page')"
);
$status = $mode === 'hide' ? 'draft' : 'publish';
foreach ($ids as $id) {
    // wp_update_post keeps the post's date when it has one (no new date on publish).
    $r = wp_update_post(['ID' => (int) $id, 'post_status' => $status], true);
    if (is_wp_error($r)) {
        fwrite(STDERR, "hostile-status: post $id: " . $r->get_error_message() . "\n");
        exit(1);
    }
}
fwrite(STDERR, "hostile-status: " . count($ids) . " hostile posts and pages now $status\n");
