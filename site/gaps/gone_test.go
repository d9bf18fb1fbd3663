package gaps_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// TestDecidedGapWithNoRecordsLeftSaysSo: a gap the team decided on whose
// records are all gone from the retention period (its searches aged out;
// for a gap of tickets, its tickets linked to the article published for
// it) is no report's any more, and an action on it by its ID said "No gap
// … in the records of the retention period", as for a mistyped ID: the
// support lead who marked it "new article" read that the gap never
// existed. The message names the gap the team knew, its kind and
// phrasing, and why nothing of it is left (rv22a).
func TestDecidedGapWithNoRecordsLeftSaysSo(t *testing.T) {
	ctx := context.Background()
	s := newServiceSite(t)
	s.publish(petContent, false)
	s.search("dog grooming booth", "v1", time.Hour)
	s.search("dog grooming booth", "v2", time.Hour)
	g, ok := gapOf(s.report(gaps.Options{}), "dog grooming booth")
	if !ok {
		t.Fatal("no gap")
	}
	if _, err := s.svc.Decide(ctx, g.ID, gaps.StatusNewArticle, "Ana writes it"); err != nil {
		t.Fatal(err)
	}
	s.now = s.now.Add(100 * 24 * time.Hour)
	_, err := s.svc.Decide(ctx, g.ID, gaps.StatusFixed, "")
	if site.ErrorCode(err) != site.ENOTFOUND {
		t.Fatalf("Decide on a gap with no records left = %v; want not found", err)
	}
	msg := err.Error()
	for _, want := range []string{g.ID, `"dog grooming booth"`, "a gap of failed searches", "retention period"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q; want it to say %q", msg, want)
		}
	}
	if _, err := s.svc.Gap(ctx, g.ID); err == nil || err.Error() != msg {
		t.Errorf("Gap(%s) = %v; want the same message as Decide: %q", g.ID, err, msg)
	}
	// A mistyped ID still reads as one no report lists.
	if _, err := s.svc.Gap(ctx, "0123456789ab"); err == nil || !strings.Contains(err.Error(), "No gap 0123456789ab in the records") {
		t.Errorf("Gap(mistyped) = %v", err)
	}
}

// TestGoneGapNamedAsTyped: a decided gap whose records are all gone is
// named as its visitors typed it ("Dog Grooming Booth", its Query), not by
// the normalised, lower-cased text its decision stores to match phrasings.
func TestGoneGapNamedAsTyped(t *testing.T) {
	ctx := context.Background()
	s := newServiceSite(t)
	s.publish(petContent, false)
	s.search("Dog Grooming Booth", "v1", time.Hour)
	s.search("Dog Grooming Booth", "v2", time.Hour)
	s.search("dog grooming booth", "v3", time.Hour)
	g, ok := gapOf(s.report(gaps.Options{}), "Dog Grooming Booth")
	if !ok || g.Query != "Dog Grooming Booth" {
		t.Fatalf("no gap named Dog Grooming Booth: %+v", g)
	}
	if _, err := s.svc.Decide(ctx, g.ID, gaps.StatusNewArticle, ""); err != nil {
		t.Fatal(err)
	}
	s.now = s.now.Add(100 * 24 * time.Hour)
	_, err := s.svc.Gap(ctx, g.ID)
	if msg := site.ErrorMessage(err); !strings.Contains(msg, `"Dog Grooming Booth"`) || !strings.Contains(msg, "in no report any more") {
		t.Errorf("gone gap: %q; want it named \"Dog Grooming Booth\", as its visitors typed it", msg)
	}
}
