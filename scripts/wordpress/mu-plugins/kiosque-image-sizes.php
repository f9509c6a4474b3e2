<?php
/*
 * Plugin Name: Kiosque test site: a 480 px image size
 * Description: WordPress's default sizes jump from 300 px (medium) to 768 px (medium_large). A card Kiosque draws
 *   about 256 CSS px wide needs 448 device pixels on a 1.75 dppx phone, so it fetched the 768 px file (about
 *   4.5x the pixels). Registering a 480 px wide size, as news themes commonly do, gives every srcset a rendition
 *   that fits; Kiosque's adapter picks up any same-proportion size on its own. seed-image-sizes.php adds it to
 *   images uploaded before this plugin was installed. See docs/config.md ("Articles").
 */

add_action('after_setup_theme', function () {
    add_image_size('kiosque-480', 480, 0);
}, 20);
