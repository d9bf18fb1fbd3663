package publish

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/tickets"
	"github.com/guichet/guichet/themes"
)

// OpenTickets is tickets.OpenFile for an import into the content folder
// dir: what was asked (format, time zone, date order) is checked first, a
// usage error whatever the folders, then the folder (content.CheckDir),
// then the file is read, so that a missing content folder is said before
// the note on how the file is read, not after.
func OpenTickets(dir, path, format, timezone, dateOrder string) (rd *tickets.Reader, note string, closeFile func() error, err error) {
	if err := tickets.CheckOptions(format, timezone, dateOrder); err != nil {
		return nil, "", nil, err
	}
	if err := content.CheckDir(dir); err != nil {
		return nil, "", nil, err
	}
	return tickets.OpenFile(path, format, timezone, dateOrder)
}

// Load loads the content folder dir as published at now and indexes it in
// memory, for the commands that need the content without a server. Close
// the index when done.
func Load(ctx context.Context, dir string, now time.Time) (*site.View, *search.Index, error) {
	if err := content.CheckDir(dir); err != nil {
		return nil, nil, err
	}
	fsys, closer, err := content.OpenDir(dir)
	if err != nil {
		return nil, nil, err
	}
	defer closer.Close()
	lib, err := content.Load(ctx, fsys, content.Options{Dir: dir})
	if err != nil {
		return nil, nil, fmt.Errorf("load content: %w", err)
	}
	view := site.NewView(lib, now, false)
	idx, err := search.Build(ctx, view, "")
	if err != nil {
		return nil, nil, fmt.Errorf("build search index: %w", err)
	}
	return view, idx, nil
}

// GapReport loads the content folder dir and returns the gap report on
// store, grouped with the content's analysis and synonyms as the server
// groups it (retention as --retention-days), what its drafts read of the
// site (its default locale and interface strings), and the function that
// closes the index when done.
func GapReport(ctx context.Context, dir string, store gaps.Store, retention time.Duration) (*gaps.Service, gaps.DraftSite, func() error, error) {
	view, idx, err := Load(ctx, dir, time.Now().UTC())
	if err != nil {
		return nil, gaps.DraftSite{}, nil, err
	}
	svc := &gaps.Service{Store: store, Retention: retention, Locales: view.Lib.Locales()}
	svc.SetAnalyzer(idx.Analyzer())
	to := gaps.DraftSite{DefaultLocale: view.Lib.Config.DefaultLocale}
	if ui := Wording(dir, view.Lib); ui != nil {
		to.UI = ui
	}
	return svc, to, idx.Close, nil
}

// Wording returns the interface strings the site is written with: the
// default theme's, under the content folder's theme folder's, under the
// content's own (i18n/), as the server resolves them; nil when the theme's
// cannot be read.
func Wording(dir string, lib *site.Library) *i18n.Catalog {
	theme := themes.Default(false)
	if t := lib.Config.Theme; t != "" {
		if st, err := os.Stat(filepath.Join(dir, t)); err == nil && st.IsDir() {
			theme = themes.Overlay(os.DirFS(filepath.Join(dir, t)), theme)
		}
	}
	strs, errs := i18n.ReadDir(theme)
	if len(errs) > 0 && strs == nil {
		return nil
	}
	return i18n.New(strs, lib.Strings, lib.Config.DefaultLocale, lib.Locales())
}

// LoadIngester loads the content folder dir and returns the ticket
// ingester on store that links with it as the server does, and the
// function that closes the index when done.
func LoadIngester(ctx context.Context, dir string, store Store) (*tickets.Ingester, func() error, error) {
	view, idx, err := Load(ctx, dir, time.Now().UTC())
	if err != nil {
		return nil, nil, err
	}
	in, err := NewIngester(ctx, store, view, idx, time.Now)
	if err != nil {
		idx.Close()
		return nil, nil, err
	}
	return in, idx.Close, nil
}
