// Package themes embeds Guichet's built-in themes. Each theme folder holds
// templates/ (html/template files) and assets/ (CSS, images).
package themes

import (
	"embed"
	"io/fs"
	"os"
)

// FS holds the built-in themes; "default" is the one Guichet ships.
//
//go:embed default
var FS embed.FS

// Default returns the default theme: the embedded files, or, in dev mode
// when run from a checkout (themes/default/templates exists in the working
// directory), the files on disk, so edits show up on reload.
func Default(dev bool) fs.FS {
	if dev {
		if st, err := os.Stat("themes/default/templates"); err == nil && st.IsDir() {
			return os.DirFS("themes/default")
		}
	}
	theme, _ := fs.Sub(FS, "default")
	return theme
}
