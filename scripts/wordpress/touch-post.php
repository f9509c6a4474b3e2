<?php
// Edits one post of the test WordPress the way an editor's update shows in
// the REST API (new title, modification time now), and puts it back exactly
// (title and both modification times), for the export test
// (scripts/export-wp.sh). Writes the posts table directly: no revision, no
// hook, nothing else changes.
//
// Usage: php touch-post.php ORIGIN SLUG edit SAVE_FILE   (saves the original, then edits)
//        php touch-post.php ORIGIN SLUG restore SAVE_FILE

[$origin, $slug, $action, $file] = array_slice($argv, 1) + [null, null, null, null];
if (!$origin || !$slug || !in_array($action, ['edit', 'restore'], true) || !$file) {
    fwrite(STDERR, "usage: php touch-post.php ORIGIN SLUG edit|restore SAVE_FILE\n");
    exit(2);
}
$parts = parse_url($origin);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';

global $wpdb;
$post = get_page_by_path($slug, OBJECT, 'post');
if (!$post) {
    fwrite(STDERR, "no post $slug\n");
    exit(1);
}
$fields = ['post_title', 'post_modified', 'post_modified_gmt'];
if ($action === 'edit') {
    if (!file_exists($file)) { // a second edit must not save the edited state
        $saved = [];
        foreach ($fields as $f) {
            $saved[$f] = $post->$f;
        }
        file_put_contents($file, json_encode(['id' => $post->ID] + $saved));
    }
    $wpdb->update($wpdb->posts, [
        'post_title' => $post->post_title . ' (mis à jour)',
        'post_modified' => current_time('mysql'),
        'post_modified_gmt' => current_time('mysql', true),
    ], ['ID' => $post->ID]);
} else {
    $saved = json_decode((string) file_get_contents($file), true);
    if (!is_array($saved) || (int) ($saved['id'] ?? 0) !== $post->ID) {
        fwrite(STDERR, "nothing saved for $slug in $file\n");
        exit(1);
    }
    $wpdb->update($wpdb->posts, array_intersect_key($saved, array_flip($fields)), ['ID' => $post->ID]);
    unlink($file);
}
clean_post_cache($post->ID);
echo "$action $slug ({$post->ID})\n";
