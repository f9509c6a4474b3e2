<?php
// Loads WordPress for a command-line seed or tool as a request to the test
// site's origin (its host and port pick Debian's config file and the URLs
// WordPress writes). Required at the top level of the script, so the globals
// wp-load.php defines stay global. The origin is $origin when the script set
// it first, else its first argument, else http://127.0.0.1:8081.

$origin = rtrim($origin ?? ($argv[1] ?? 'http://127.0.0.1:8081'), '/');
$parts = parse_url($origin);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['SERVER_NAME'] = $parts['host'];
// The site's own path: on a multisite network it picks the subsite.
$_SERVER['REQUEST_URI'] = rtrim($parts['path'] ?? '', '/') . '/';
require '/usr/share/wordpress/wp-load.php';
