<?php
/*
 * Plugin Name: Kiosque preview link
 * Description: WordPress's "Preview" button opens the draft in Kiosque
 *   (docs/previews.md): <origin>/preview/<post ID>, <origin>/preview/page/<page ID>.
 *
 * The Kiosque origin (and base path, for a site under a sub-path) comes from
 * the KIOSQUE_PREVIEW_ORIGIN constant (wp-config.php), else the
 * `kiosque_preview_origin` option; without either, WordPress's own preview
 * link is kept, as it is for other post types (Kiosque previews posts and
 * pages). The path shapes are Kiosque's `Route::Preview`
 * (crates/core/src/routes/mod.rs): keep the two in step.
 *
 * WordPress's own `preview_id`/`preview_nonce` parameters are dropped: the
 * nonce only works with WordPress's login cookie, which Kiosque never sees.
 * Kiosque reads the post, or a published post's newest autosave, through
 * the REST API with the editor's application password instead.
 */

add_filter('preview_post_link', function ($link, $post) {
    $origin = defined('KIOSQUE_PREVIEW_ORIGIN') ? KIOSQUE_PREVIEW_ORIGIN : get_option('kiosque_preview_origin');
    if (!is_string($origin) || !preg_match('#^https?://[^/?\#\s]+(/[^?\#\s]*)?$#', $origin)) {
        return $link;
    }
    $kinds = ['post' => '/preview/', 'page' => '/preview/page/'];
    if (!isset($kinds[$post->post_type])) {
        return $link;
    }
    return rtrim($origin, '/') . $kinds[$post->post_type] . (int) $post->ID;
}, 10, 2);
