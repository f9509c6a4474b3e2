<?php
/*
 * Plugin Name: Kiosque test site: a custom post type
 * Description: For the test WordPress only. Registers a "video" post type in the REST API (`wp/v2/videos`), as a
 *   news site's theme or plugin would, with title, editor, excerpt, featured image and comments, and the post
 *   categories and tags, so Kiosque's `post_types` (issue 20 item 5) has a real type to read. seed-cpt.php fills it.
 */

add_action('init', function () {
    register_post_type('video', [
        'label' => 'Vidéos',
        'public' => true,
        'has_archive' => true,
        'rewrite' => ['slug' => 'video'],
        'show_in_rest' => true,
        'rest_base' => 'videos',
        'supports' => ['title', 'editor', 'excerpt', 'thumbnail', 'comments', 'author'],
        'taxonomies' => ['category', 'post_tag'],
    ]);
});
