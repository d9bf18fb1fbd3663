// Package static embeds the site's JavaScript and images, served under
// /static/ with fingerprinted URLs.
package static

import "embed"

// FS holds the static files (js/, img/).
//
//go:embed js img
var FS embed.FS
