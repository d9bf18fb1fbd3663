package tickets_test

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/tickets"
)

// memStore keeps tickets by external ID.
type memStore map[string]site.StoredTicket

func (m memStore) ExistingTickets(_ context.Context, ids []string) (map[string]site.StoredTicket, error) {
	out := map[string]site.StoredTicket{}
	for _, id := range ids {
		if t, ok := m[id]; ok {
			out[id] = t
		}
	}
	return out, nil
}

func (m memStore) WriteTickets(_ context.Context, ts []site.StoredTicket) ([]string, error) {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = site.TicketCreated
		if _, ok := m[t.ExternalID]; ok {
			out[i] = site.TicketUpdated
		}
		m[t.ExternalID] = t
	}
	return out, nil
}

// TestReimportAfterTheContentChanged: the same export imported again once
// the content changed (an article published, a draft written) said "0
// created, 14 updated, 0 unchanged", and the API "changed": true, for
// tickets nothing changed in: the link was computed again on the new
// content and found the same article. A ticket whose data and link are as
// stored is unchanged; one the new content links elsewhere is updated.
func TestReimportAfterTheContentChanged(t *testing.T) {
	fsys := fstest.MapFS{
		"guichet.yaml":           {Data: []byte("locales: [fr]\ndefault_locale: fr\n")},
		"livraison/retard.md":    {Data: []byte("---\ntitle: Ma box est en retard\n---\nSuivez le transporteur sur la carte.\n")},
		"abonnement/resilier.md": {Data: []byte("---\ntitle: Résilier mon abonnement\n---\nOuvrez Mon compte, puis Abonnement.\n")},
	}
	l1, _, _ := linkerOf(t, fsys)
	store := memStore{}
	cleaner := tickets.Cleaner{DefaultLocale: "fr", Locales: []string{"fr"}}
	batch := func() []site.Ticket {
		return []site.Ticket{
			{ExternalID: "1", Subject: "Résilier mon abonnement", CreatedAt: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), Source: "zendesk"},
			{ExternalID: "2", Subject: "Graines bio ?", CreatedAt: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC), Source: "zendesk"},
			{ExternalID: "3", Subject: "Réinitialiser mon mot de passe", CreatedAt: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC), Source: "zendesk"},
		}
	}
	ctx := context.Background()
	in := &tickets.Ingester{Store: store, Linker: l1, Cleaner: cleaner}
	if _, err := in.Ingest(ctx, batch()); err != nil {
		t.Fatal(err)
	}
	// The content changes: an unrelated article is published.
	fsys["compte/mot-de-passe.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Réinitialiser mon mot de passe\n---\nCliquez sur Mot de passe oublié.\n")}
	_, v2, idx2 := linkerOf(t, fsys)
	in.Linker = tickets.NewLinker(v2, idx2, 0, "k2")
	in.Linker.SetAnalyzer(idx2.Analyzer())
	res, err := in.Ingest(ctx, batch())
	if err != nil {
		t.Fatal(err)
	}
	var sum tickets.Summary
	for _, r := range res {
		sum.Add(r)
		if r.ExternalID == "3" {
			// The article published for it takes it: that is a change.
			if r.Status != site.TicketUpdated || !r.Changed || r.Link.ArticleID != "compte/mot-de-passe" {
				t.Errorf("ticket 3, linked by the new article: %s, changed %v, %+v; want updated, changed, compte/mot-de-passe", r.Status, r.Changed, r.Link)
			}
			continue
		}
		if r.Status != site.TicketUpdated || r.Changed {
			t.Errorf("ticket %s imported again: %s, changed %v; want updated, changed false", r.ExternalID, r.Status, r.Changed)
		}
	}
	if sum.Updated != 1 || sum.Unchanged != 2 {
		t.Errorf("summary: %d updated, %d unchanged; want 1 updated, 2 unchanged", sum.Updated, sum.Unchanged)
	}
	if store["1"].Key != "k2" {
		t.Errorf("the link of ticket 1 was not recorded on the new content: key %q", store["1"].Key)
	}
}
