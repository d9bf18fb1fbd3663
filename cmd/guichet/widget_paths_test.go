package main

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// TestWidgetPathsCleaned: a host path is cleaned as a browser resolves
// it wherever it is read: "//contracts//55/sign" posted directly was a
// 400, "/contracts/55/sign/../../admin" stored and listed as its own screen
// (a newcomer, left21a); the context API reads them the same way.
func TestWidgetPathsCleaned(t *testing.T) {
	m, _ := widgetSite(t)
	for _, path := range []string{"//contracts//55/sign", "/contracts/56/sign/", "/contracts/55/sign/../../admin", "/contracts/./admin"} {
		w := serve(m, "POST", "/api/v1/events", `{"type":"open","source":"widget","path":"`+path+`"}`)
		if w.Code != 202 || !strings.Contains(w.Body.String(), `"matched":false`) {
			t.Errorf("open on %s: %d %s", path, w.Code, w.Body)
		}
	}
	ctx := context.Background()
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	var paths []string
	if err := m.DB.GapRecords(ctx, time.Now().Add(-time.Hour), func(r gaps.Record) error {
		if r.Kind == gaps.NoHelp {
			paths = append(paths, r.Path)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(paths)
	if want := []string{"/contracts/55/sign", "/contracts/56/sign/", "/contracts/admin", "/contracts/admin"}; !slices.Equal(paths, want) {
		t.Errorf("stored paths %q, want %q", paths, want)
	}
	rep, err := m.Gaps.Report(ctx, gaps.Options{Since: time.Now().Add(-time.Hour), MinVisitors: 1})
	if err != nil {
		t.Fatal(err)
	}
	var screens []string
	for _, g := range rep.Gaps {
		if g.Kind == gaps.NoHelp {
			screens = append(screens, g.Key)
		}
	}
	slices.Sort(screens)
	if want := []string{"/contracts/*/sign", "/contracts/admin"}; !slices.Equal(screens, want) {
		t.Errorf("screens with no help %q, want %q", screens, want)
	}
	// The context API: the screen /settings/billing/cards as events read it.
	for _, u := range []string{"/settings/billing/x/../cards", "https://app.acme.example//settings//billing/cards", "/settings/billing/%2e%2e/billing/cards"} {
		var body struct{ Matched bool }
		w := serve(m, "GET", "/api/v1/context?url="+strings.NewReplacer("%", "%25", "/", "%2F").Replace(u), "")
		if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &body) != nil || !body.Matched {
			t.Errorf("context of %s: %d %s, want matched", u, w.Code, w.Body)
		}
	}
}
