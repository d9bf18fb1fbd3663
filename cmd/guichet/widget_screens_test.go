package main

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// TestWidgetScreensAsRead: a screen is stored, matched and reported as
// people read its path, escapes decoded and composed (NFC), whichever
// way it reached the help center: the browser's escaped
// "/caf%C3%A9/menu", "/café/menu" as typed, its accent typed apart
// (NFD), or both. The gap report listed "/caf%C3%A9/menu" and "/café/menu"
// as two screens with no help, showing the escaped one; and an
// article's "/café/commandes" did not fit the screen sent with its
// accent apart. An e-mail address escaped in a path ("jane%40example.com")
// was stored as sent.
func TestWidgetScreensAsRead(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Fournil Help\nbase_url: https://aide.fournil.example\ndefault_locale: fr\n")
	writeFile(t, dir, "caisse/commandes.md", "---\ntitle: Préparer les commandes du café\ncontexts: [/café/commandes]\n---\nOuvrez **Commandes**.\n")
	writeFile(t, dir, "compte/mot-de-passe.md", "---\ntitle: Changer de mot de passe\nfaq: true\n---\nChoisissez *Mot de passe oublié*.\n")
	m := openMain(t, dir, false)
	const nfc, nfd = "/café/menu", "/cafe\u0301/menu"
	for _, p := range []string{"/caf%C3%A9/menu", nfc, nfd, "/cafe%CC%81/menu", "/CAF%C3%A9/../caf%c3%a9/menu/", "/clients/jane%40example.com"} {
		body, _ := json.Marshal(map[string]string{"type": "open", "source": "widget", "path": p})
		w := serve(m, "POST", "/api/v1/events", string(body))
		if w.Code != 202 || !strings.Contains(w.Body.String(), `"matched":false`) {
			t.Errorf("open on %s: %d %s", p, w.Code, w.Body)
		}
	}
	for _, p := range []string{"/cafe\u0301/commandes", "/cafe%CC%81/commandes", "/caf%C3%A9/commandes"} {
		body, _ := json.Marshal(map[string]string{"type": "open", "source": "widget", "path": p})
		if w := serve(m, "POST", "/api/v1/events", string(body)); w.Code != 202 || !strings.Contains(w.Body.String(), `"matched":true`) {
			t.Errorf("open on %s: %d %s, want matched", p, w.Code, w.Body)
		}
		var got struct{ Matched bool }
		w := serve(m, "GET", "/api/v1/context?url="+url.QueryEscape(p), "")
		if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &got) != nil || !got.Matched {
			t.Errorf("context of %s: %d %s, want matched", p, w.Code, w.Body)
		}
	}
	ctx := context.Background()
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	var stored []string
	if err := m.DB.GapRecords(ctx, time.Now().Add(-time.Hour), func(r gaps.Record) error {
		if r.Kind == gaps.NoHelp {
			stored = append(stored, r.Path)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(stored)
	// An address escaped in the path is found as read: not stored.
	if want := []string{nfc, nfc, nfc, nfc, nfc + "/", "/clients/[email]"}; !slices.Equal(stored, want) {
		t.Errorf("stored paths %+q, want %+q", stored, want)
	}
	rep, err := m.Gaps.Report(ctx, gaps.Options{Since: time.Now().Add(-time.Hour), MinVisitors: 1})
	if err != nil {
		t.Fatal(err)
	}
	var screens []string
	for _, g := range rep.Gaps {
		if g.Kind == gaps.NoHelp {
			screens = append(screens, g.Key+" shown as "+g.Query)
		}
	}
	slices.Sort(screens)
	if want := []string{nfc + " shown as " + nfc, "/clients/[email] shown as /clients/[email]"}; !slices.Equal(screens, want) {
		t.Errorf("screens with no help %+q, want %+q", screens, want)
	}
}
