package publish

import (
	"context"
	"fmt"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/tickets"
)

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
// groups it (retention as --retention-days), the content's default locale,
// and the function that closes the index when done.
func GapReport(ctx context.Context, dir string, store gaps.Store, retention time.Duration) (*gaps.Service, string, func() error, error) {
	view, idx, err := Load(ctx, dir, time.Now().UTC())
	if err != nil {
		return nil, "", nil, err
	}
	svc := &gaps.Service{Store: store, Retention: retention, Locales: view.Lib.Locales()}
	svc.SetAnalyzer(idx.Analyzer())
	return svc, view.Lib.Config.DefaultLocale, idx.Close, nil
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
