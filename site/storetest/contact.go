package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/recorder"
)

// testDeliveries: a contact request is stored with its deliveries; a claim
// leases them (a second worker gets nothing), an attempt's outcome is kept
// and a retry is due after its backoff; the contact form's figures count
// a deflection.
func testDeliveries(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	mailD, err := delivery.NewMail(delivery.PurposeContact, "r1", delivery.Mail{To: "support@acme.test", ReplyTo: "ana@example.com", Subject: "Refund", Text: "Where is it?"})
	if err != nil {
		t.Fatal(err)
	}
	hook := delivery.NewWebhook(delivery.PurposeContact, "r1", "https://desk.example/hook", []byte(`{"id":"r1"}`))
	deflected, sent := site.NewID(), site.NewID()
	req := site.ContactRequest{ID: "r1", Subject: "Refund", Description: "Where is it?", Locale: "en", Path: "/billing/refund",
		SearchID: sent, ArticleID: "billing/refund", CreatedAt: t0}
	if err := s.SaveContact(ctx, req, []delivery.Delivery{mailD, hook}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ClaimDeliveries(ctx, t0, time.Minute, 10)
	if err != nil || len(got) != 2 || got[0].Target != "support@acme.test" || string(got[1].Payload) != `{"id":"r1"}` {
		t.Fatalf("claim: %+v %v", got, err)
	}
	if again, _ := s.ClaimDeliveries(ctx, t0, time.Minute, 10); len(again) != 0 {
		t.Errorf("claimed twice: %+v", again)
	}
	m, h := got[0], got[1]
	m.State, m.Attempts = delivery.StateDelivered, 1
	h.Attempts, h.LastError, h.NextAt = 1, "webhook: connection refused", t0.Add(10*time.Second)
	if err := s.FinishAttempt(ctx, m, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishAttempt(ctx, h, t0); err != nil {
		t.Fatal(err)
	}
	reqs, err := s.ContactRequests(ctx, time.Time{}, time.Time{}, "", 10)
	if err != nil || len(reqs) != 1 || reqs[0].Subject != "Refund" || reqs[0].ArticleID != "billing/refund" || len(reqs[0].Deliveries) != 2 {
		t.Fatalf("requests %+v %v", reqs, err)
	}
	// Those of a period and a locale, as the admin page lists them.
	if in, err := s.ContactRequests(ctx, t0, t0.Add(time.Hour), "en", 10); err != nil || len(in) != 1 {
		t.Errorf("requests of the hour in en: %+v %v", in, err)
	}
	if none, _ := s.ContactRequests(ctx, t0, time.Time{}, "fr", 10); len(none) != 0 {
		t.Errorf("requests in fr: %+v", none)
	}
	if none, _ := s.ContactRequests(ctx, t0.Add(-time.Hour), t0, "", 10); len(none) != 0 {
		t.Errorf("requests of the hour before: %+v", none)
	}
	if d := reqs[0].Deliveries; d[0].State != delivery.StateDelivered || d[1].State != delivery.StatePending || d[1].Attempts != 1 || d[1].LastError == "" {
		t.Errorf("delivery states %+v", d)
	}
	if due, _ := s.ClaimDeliveries(ctx, t0.Add(5*time.Second), time.Minute, 10); len(due) != 0 {
		t.Errorf("retried before its backoff: %+v", due)
	}
	if due, _ := s.ClaimDeliveries(ctx, t0.Add(2*time.Minute), time.Minute, 10); len(due) != 1 || due[0].ID != h.ID {
		t.Errorf("retry not due: %+v", due)
	}

	// Two subjects typed in the form, both with a suggestion opened: one
	// was sent anyway (its search is the request's), one is a deflection.
	no := site.SourceContact
	record(t, s, func(r *recorder.Recorder) {
		for _, id := range []string{deflected, sent} {
			r.RecordSearch(site.SearchEvent{ID: id, Query: "refund", Locale: "en", Results: 1, Hits: []string{"billing/refund"}, Source: no, Visitor: "v-" + id, Time: t0})
			r.RecordEvent(site.Event{Type: site.EventClick, SearchID: id, ArticleID: "billing/refund", Locale: "en", Position: 1, Source: no, Visitor: "v-" + id, Time: t0.Add(time.Second)})
		}
	})
	st, err := s.ContactStats(ctx, t0.Add(-time.Hour), t0.Add(time.Hour), "")
	if err != nil || st != (contact.Stats{Sessions: 2, Opened: 2, Deflected: 1, Requests: 1}) {
		t.Errorf("contact stats %+v %v", st, err)
	}
	// The dashboard's period ends, and its locale filters: a period that
	// ended before, or French, saw no subject typed and no request.
	if st, err := s.ContactStats(ctx, t0.Add(-2*time.Hour), t0.Add(-time.Hour), ""); err != nil || st != (contact.Stats{}) {
		t.Errorf("contact stats of a period that ended before: %+v %v", st, err)
	}
	if st, err := s.ContactStats(ctx, t0.Add(-time.Hour), t0.Add(time.Hour), "fr"); err != nil || st != (contact.Stats{}) {
		t.Errorf("French contact stats: %+v %v", st, err)
	}
	if st, err := s.ContactStats(ctx, t0.Add(-time.Hour), t0.Add(time.Hour), "en"); err != nil || st.Sessions != 2 || st.Requests != 1 {
		t.Errorf("English contact stats: %+v %v", st, err)
	}
	if reqs, _ := s.ContactRequests(ctx, time.Time{}, time.Time{}, "", 10); len(reqs[0].Opened) != 1 || reqs[0].Opened[0] != "billing/refund" {
		t.Errorf("opened suggestions %+v", reqs[0].Opened)
	}
}

// testSubscriptions: one subscription per address and query however often
// asked; confirmed, it is a person waiting in the gap records; notified,
// it waits no more and its delivery deletes it; unconfirmed ones expire.
func testSubscriptions(t *testing.T, open Opener) {
	t0 := start()
	s := open(t, fixed(t0))
	ctx := context.Background()
	sub := site.Subscription{ID: site.NewID(), Email: "ana@example.com", Locale: "en", Query: "export to csv", Normalized: "export to csv",
		Visitor: "v1", Results: 0, Source: site.SourceSite, CreatedAt: t0}
	confirm, _ := delivery.NewMail(delivery.PurposeConfirm, sub.ID, delivery.Mail{To: sub.Email, Subject: "Confirm", Text: "link"})
	if created, err := s.Subscribe(ctx, sub, "hash-1", "dedupe-1", confirm); err != nil || !created {
		t.Fatalf("subscribe: %v %v", created, err)
	}
	twice := sub
	twice.ID = site.NewID()
	if created, err := s.Subscribe(ctx, twice, "hash-2", "dedupe-1", confirm); err != nil || created {
		t.Fatalf("the same request again: created %v %v", created, err)
	}
	sentConfirm, _ := s.ClaimDeliveries(ctx, t0, time.Minute, 10)
	if len(sentConfirm) != 1 || sentConfirm[0].Purpose != delivery.PurposeConfirm {
		t.Fatalf("one confirmation: %+v", sentConfirm)
	}
	sentConfirm[0].State, sentConfirm[0].Attempts = delivery.StateDelivered, 1
	if err := s.FinishAttempt(ctx, sentConfirm[0], t0); err != nil {
		t.Fatal(err)
	}
	waiting := func() []string {
		var out []string
		if err := s.GapRecords(ctx, t0.Add(-time.Hour), func(r gaps.Record) error {
			if r.Waiting != "" {
				out = append(out, r.Waiting)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	if w := waiting(); len(w) != 0 {
		t.Errorf("unconfirmed subscription waiting: %v", w)
	}
	if _, err := s.ConfirmSubscription(ctx, "no-such-hash", t0); site.ErrorCode(err) != site.ENOTFOUND {
		t.Errorf("unknown token: %v", err)
	}
	got, err := s.ConfirmSubscription(ctx, "hash-1", t0.Add(time.Hour))
	if err != nil || got.ID != sub.ID || got.ConfirmedAt == nil || got.Email != sub.Email {
		t.Fatalf("confirm: %+v %v", got, err)
	}
	if w := waiting(); len(w) != 1 || w[0] != sub.ID {
		t.Errorf("waiting %v", w)
	}
	if ws, err := s.WaitingSubscriptions(ctx, []string{sub.ID, "other"}); err != nil || len(ws) != 1 || ws[0].Query != "export to csv" {
		t.Errorf("waiting subscriptions %+v %v", ws, err)
	}
	note, _ := delivery.NewMail(delivery.PurposeNotify, sub.ID, delivery.Mail{To: sub.Email, Subject: "Answered", Text: "url"})
	if err := s.QueueNotifications(ctx, []contact.Notification{{Delivery: note, TokenHash: "hash-3"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.QueueNotifications(ctx, []contact.Notification{{Delivery: note, TokenHash: "hash-4"}}); err != nil {
		t.Fatal(err)
	}
	if w := waiting(); len(w) != 0 {
		t.Errorf("still waiting once notified: %v", w)
	}
	due, _ := s.ClaimDeliveries(ctx, t0.Add(time.Hour), time.Minute, 10)
	if len(due) != 1 || due[0].Purpose != delivery.PurposeNotify {
		t.Fatalf("one notification: %+v", due)
	}
	due[0].State, due[0].Attempts = delivery.StateDelivered, 1
	if err := s.FinishAttempt(ctx, due[0], t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.Unsubscribe(ctx, "hash-3"); site.ErrorCode(err) != site.ENOTFOUND {
		t.Errorf("the address was not deleted after its notification: %v", err)
	}

	// Unsubscribing before the notification is sent deletes the
	// subscription and the e-mail waiting for it; the address is gone.
	gone := site.Subscription{ID: site.NewID(), Email: "cy@example.com", Locale: "en", Query: "export to csv", Normalized: "export to csv", CreatedAt: t0}
	goneConfirm, _ := delivery.NewMail(delivery.PurposeConfirm, gone.ID, delivery.Mail{To: gone.Email, Subject: "Confirm", Text: "link"})
	if _, err := s.Subscribe(ctx, gone, "hash-6", "dedupe-6", goneConfirm); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ConfirmSubscription(ctx, "hash-6", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	note.Ref = gone.ID
	if err := s.QueueNotifications(ctx, []contact.Notification{{Delivery: note, TokenHash: "hash-7"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Unsubscribe(ctx, "hash-7"); err != nil {
		t.Fatalf("unsubscribe with a notification pending: %v", err)
	}
	due, _ = s.ClaimDeliveries(ctx, t0.Add(2*time.Hour), time.Minute, 10)
	for _, d := range due {
		if d.Ref == gone.ID {
			t.Errorf("unsubscribed, and its %s e-mail still to be sent", d.Purpose)
		}
	}
	if ws, _ := s.WaitingSubscriptions(ctx, []string{gone.ID}); len(ws) != 0 {
		t.Errorf("unsubscribed address kept: %+v", ws)
	}

	// An unconfirmed subscription expires; a confirmed one is deleted at
	// the latest after the maximum age.
	late := site.Subscription{ID: site.NewID(), Email: "bo@example.com", Locale: "en", Query: "q", Normalized: "q", CreatedAt: t0}
	if _, err := s.Subscribe(ctx, late, "hash-5", "dedupe-5", confirm); err != nil {
		t.Fatal(err)
	}
	if n, err := s.PruneSubscriptions(ctx, t0.Add(-time.Hour), t0.Add(-site.SubscriptionMaxAge)); err != nil || n != 0 {
		t.Errorf("pruned %d (%v) too early", n, err)
	}
	if n, err := s.PruneSubscriptions(ctx, t0.Add(time.Hour), t0.Add(-site.SubscriptionMaxAge)); err != nil || n != 1 {
		t.Errorf("pruned %d (%v), want the unconfirmed one", n, err)
	}
	if err := s.Unsubscribe(ctx, "hash-5"); site.ErrorCode(err) != site.ENOTFOUND {
		t.Errorf("expired subscription still there: %v", err)
	}

	// Someone typing a stranger's address with one question after
	// another: at most SubscriptionPendingPerAddress confirmation e-mails
	// while none is confirmed; once one is, the next question is taken.
	flood := func(i int, email string, at time.Time) bool {
		f := site.Subscription{ID: site.NewID(), Email: email, Locale: "en", Query: fmt.Sprintf("question %d", i), Normalized: fmt.Sprintf("question %d", i), CreatedAt: at}
		c, _ := delivery.NewMail(delivery.PurposeConfirm, f.ID, delivery.Mail{To: f.Email, Subject: "Confirm", Text: "link"})
		created, err := s.Subscribe(ctx, f, fmt.Sprintf("flood-%d", i), fmt.Sprintf("flood-dedupe-%d", i), c)
		if err != nil {
			t.Fatal(err)
		}
		return created
	}
	t1 := t0.Add(3 * time.Hour)
	for i := range site.SubscriptionPendingPerAddress + 3 {
		email := "victim@example.com"
		if i%2 == 1 {
			email = "Victim@Example.COM"
		}
		if created := flood(i, email, t1); created != (i < site.SubscriptionPendingPerAddress) {
			t.Errorf("question %d for an address with %d pending: created %v", i+1, i, created)
		}
	}
	if created := flood(100, "other@example.com", t1); !created {
		t.Error("another address refused")
	}
	if _, err := s.ConfirmSubscription(ctx, "flood-0", t1.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if created := flood(101, "victim@example.com", t1.Add(2*time.Minute)); !created {
		t.Error("an address that confirmed a subscription refused")
	}
	// Expired requests no longer count.
	if created := flood(102, "late@example.com", t1); !created {
		t.Fatal("first request refused")
	}
	for i := 103; i < 103+site.SubscriptionPendingPerAddress; i++ {
		flood(i, "late@example.com", t1)
	}
	if created := flood(200, "late@example.com", t1.Add(site.SubscriptionConfirmWindow+time.Minute)); !created {
		t.Error("an address whose requests expired refused")
	}
}
