package themes

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// Overlay returns a theme whose files are over's where over has them and
// base's elsewhere: a content folder's theme/ replacing the embedded
// default theme file by file (same relative paths: templates/layout.html,
// assets/style.css). over may also add files base lacks. A translation
// file is the exception: over's i18n/de.yaml adds and rewords strings
// one by one over base's, as i18n.ReadDir reads an overlay (Layers).
func Overlay(over, base fs.FS) fs.FS { return overlay{over: over, base: base} }

type overlay struct{ over, base fs.FS }

// Layers returns the two themes of the overlay, for readers that merge
// a file's content rather than take over's whole (i18n.ReadDir).
func (o overlay) Layers() (over, base fs.FS) { return o.over, o.base }

// Open opens over's file, else base's; a folder opens as base's when base
// has it (ReadDir merges both).
func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.over.Open(name); err == nil {
		st, err := f.Stat()
		if err == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	f, err := o.base.Open(name)
	if err != nil && errors.Is(err, fs.ErrNotExist) {
		return o.over.Open(name)
	}
	return f, err
}

// ReadDir lists the files of both, over's entry standing for a name both
// have.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	over, errOver := fs.ReadDir(o.over, name)
	base, errBase := fs.ReadDir(o.base, name)
	if errOver != nil && errBase != nil {
		return nil, errBase
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range over {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		seen[e.Name()] = true
		out = append(out, e)
	}
	for _, e := range base {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
