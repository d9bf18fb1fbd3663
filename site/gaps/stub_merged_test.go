package gaps_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestWriteStubKnowsTheMergedGapsDraft: a gap that got its draft ("graines
// bio"), then merged by the team into another gap asking the same
// ("origine des graines"), is that gap now: `gaps stub` of the gap it
// joined, and `gaps --stub`, wrote a second draft, graines-bio-2.md,
// beside the first, for one question. The merged gap's draft is the
// gap's draft, named and kept.
func TestWriteStubKnowsTheMergedGapsDraft(t *testing.T) {
	dir := t.TempDir()
	merged := gaps.Gap{ID: "76340d5e089e", Kind: gaps.KindSearch, Locale: "fr", Query: "graines bio", Visitors: 3,
		Variants: []gaps.Variant{{Query: "graines bio", Searches: 3}}}
	rel, err := gaps.WriteStub(dir, "drafts", gaps.DraftSite{DefaultLocale: "fr"}, merged)
	if err != nil {
		t.Fatal(err)
	}
	into := gaps.Gap{ID: "19008f39cf9d", Kind: gaps.KindSearch, Locale: "fr", Query: "graines bio", Visitors: 4,
		Merged:   []string{merged.ID},
		Variants: []gaps.Variant{{Query: "graines bio", Searches: 3}, {Query: "origine des graines", Searches: 3}}}
	got, err := gaps.WriteStub(dir, "drafts", gaps.DraftSite{DefaultLocale: "fr"}, into)
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), rel) || !strings.Contains(err.Error(), merged.ID) {
		t.Errorf("stub of the gap merged into: %q, %v; want the merged gap's draft %s named and nothing written", got, err, rel)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "drafts")); len(entries) != 1 {
		t.Errorf("drafts/ holds %d files, want only the merged gap's draft", len(entries))
	}
}

// TestWriteStubKnowsItsDraftUnderItsEarlierID: a gap of tickets got its
// draft, then a ticket imported with an older date became its first
// phrasing and gave it another ID (the ID it had still names it): `gaps
// stub` of its new ID wrote where-is-my-gift-card-2.en.md beside its
// draft. The draft written under the ID a phrasing of the gap gives it is
// its draft.
func TestWriteStubKnowsItsDraftUnderItsEarlierID(t *testing.T) {
	dir := t.TempDir()
	s := newServiceSite(t)
	ctx := context.Background()
	ticket := func(id, topic string, ago time.Duration) site.StoredTicket {
		return site.StoredTicket{Ticket: site.Ticket{ExternalID: id, Subject: topic, Locale: "en", Source: "zendesk",
			CreatedAt: s.now.Add(-ago)}, Topic: topic, Key: "k1"}
	}
	if _, err := s.db.WriteTickets(ctx, []site.StoredTicket{ticket("1", "Where is my gift card?", 24*time.Hour), ticket("2", "Where is my gift card?", 23*time.Hour)}); err != nil {
		t.Fatal(err)
	}
	before, ok := gapOf(s.report(gaps.Options{}), "Where is my gift card?")
	if !ok {
		t.Fatal("no gap")
	}
	rel, err := gaps.WriteStub(dir, "drafts", gaps.DraftSite{DefaultLocale: "en"}, before)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.WriteTickets(ctx, []site.StoredTicket{ticket("3", "Gift card never received", 30*24*time.Hour)}); err != nil {
		t.Fatal(err)
	}
	after, ok := gapOf(s.report(gaps.Options{}), "Where is my gift card?")
	if !ok || after.ID == before.ID {
		t.Fatalf("the earlier ticket did not rename the gap: %+v", after)
	}
	got, err := gaps.WriteStub(dir, "drafts", gaps.DraftSite{DefaultLocale: "en"}, after)
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), rel) {
		t.Errorf("stub of the renamed gap: %q, %v; want its draft %s named and nothing written", got, err, rel)
	}
}
