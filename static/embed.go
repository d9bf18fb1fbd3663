// Package static embeds the site's JavaScript and images, served under
// /static/ with fingerprinted URLs.
package static

import (
	"embed"
	"io/fs"
	"os"
)

// FS holds the static files (js/, img/).
//
//go:embed js img
var FS embed.FS

// Files returns the static files: the embedded ones, or, in dev mode when
// run from a checkout (static/js exists in the working directory), the
// files on disk, so edits show up on reload.
func Files(dev bool) fs.FS {
	if dev {
		if st, err := os.Stat("static/js"); err == nil && st.IsDir() {
			return os.DirFS("static")
		}
	}
	return FS
}
