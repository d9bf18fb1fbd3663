// Package themes embeds Guichet's built-in themes. Each theme folder holds
// templates/ (html/template files) and assets/ (CSS, images).
package themes

import "embed"

// FS holds the built-in themes; "default" is the one Guichet ships.
//
//go:embed default
var FS embed.FS
