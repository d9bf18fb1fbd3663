package site

import (
	"strings"
	"testing"
	"time"
)

func TestCheckEmail(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"ana@example.com", "ana@example.com", true},
		{"  ana.b+tag@sub.example.co.uk ", "ana.b+tag@sub.example.co.uk", true},
		{"élodie@exemple.fr", "élodie@exemple.fr", true},
		{"", "", false},
		{"ana", "", false},
		{"ana@localhost", "", false},
		{"Ana <ana@example.com>", "", false},
		{"ana@example.com, bob@example.com", "", false},
		{"ana@example.com\r\nBcc: all@example.com", "", false},
		{"ana@example.com\nBcc: all@example.com", "", false},
		{"ana@[127.0.0.1]", "", false},
		{strings.Repeat("a", 250) + "@example.com", "", false},
	} {
		got, err := CheckEmail("email", c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("CheckEmail(%q) = %q, %v; want %q ok=%v", c.in, got, err, c.want, c.ok)
		}
		if err != nil && (ErrorCode(err) != EINVALID || !strings.HasPrefix(ErrorMessage(err), "email: ")) {
			t.Errorf("CheckEmail(%q): %v: want EINVALID naming the field", c.in, err)
		}
	}
}

func TestContactRequestValidate(t *testing.T) {
	good := func() ContactRequest {
		return ContactRequest{Subject: "  Refund  not received ", Description: "Line one\r\n\r\n\r\n\r\nLine two\x1b[31m", Email: "ana@example.com", Locale: "en"}
	}
	r := good()
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	if r.Subject != "Refund not received" || r.Description != "Line one\n\n\nLine two[31m" {
		t.Errorf("cleaned: %q %q", r.Subject, r.Description)
	}
	for _, c := range []struct {
		field string
		edit  func(*ContactRequest)
	}{
		{"subject", func(r *ContactRequest) { r.Subject = "Refund\r\nBcc: all@example.com" }},
		{"subject", func(r *ContactRequest) { r.Subject = "Refund\u2028Bcc: x" }},
		{"subject", func(r *ContactRequest) { r.Subject = "   " }},
		{"subject", func(r *ContactRequest) { r.Subject = strings.Repeat("a", MaxContactSubject+1) }},
		{"description", func(r *ContactRequest) { r.Description = " \n\t " }},
		// Invisible characters alone are as blank as spaces alone.
		{"subject", func(r *ContactRequest) { r.Subject = "\u200b" }},
		{"subject", func(r *ContactRequest) { r.Subject = " \u200b\u200d \ufeff\u00ad\u2060" }},
		{"description", func(r *ContactRequest) { r.Description = "\u200b\u200d" }},
		{"description", func(r *ContactRequest) { r.Description = "\ufeff\n\u200c\n\t\u00ad" }},
		{"description", func(r *ContactRequest) { r.Description = strings.Repeat("a", MaxContactDescription+1) }},
		{"description", func(r *ContactRequest) { r.Description = "\xff" }},
		{"email", func(r *ContactRequest) { r.Email = "ana@example.com\r\nX: y" }},
		{"context", func(r *ContactRequest) { r.Context = strings.Repeat("k", MaxContextKey+1) }},
		{"context", func(r *ContactRequest) { r.Context = "check\nout" }}, // ContextKey's own rule
		{"path", func(r *ContactRequest) { r.Path = "https://evil.example/" }},
		{"search_id", func(r *ContactRequest) { r.SearchID = "nope" }},
	} {
		r := good()
		c.edit(&r)
		if probs := r.Problems(); len(probs) != 1 || !strings.HasPrefix(ErrorMessage(probs[0]), c.field+": ") {
			t.Errorf("%s: Problems() = %v, want one naming %s", c.field, probs, c.field)
		}
		err := r.Validate()
		if ErrorCode(err) != EINVALID || !strings.HasPrefix(ErrorMessage(err), c.field+": ") {
			t.Errorf("%s: %v, want a 400 naming %s", c.field, err, c.field)
		}
	}
	// Every field refused at once, in the form's order.
	bad := ContactRequest{Subject: " ", Description: "", Email: "nope", SearchID: "x"}
	var fields []string
	for _, e := range bad.Problems() {
		f, _, _ := strings.Cut(ErrorMessage(e), ":")
		fields = append(fields, f)
	}
	if got := strings.Join(fields, ","); got != "subject,description,email,search_id" || bad.Subject != " " {
		t.Errorf("Problems() named %s (subject left %q), want subject,description,email,search_id and the request unchanged", got, bad.Subject)
	}
	if r := good(); r.Problems() != nil {
		t.Errorf("a good request has problems %v", r.Problems())
	}
}

func TestSubscriptionRequestValidate(t *testing.T) {
	r := SubscriptionRequest{Query: " export to csv ", Email: "ana@example.com"}
	if err := r.Validate(); err != nil || r.Query != "export to csv" {
		t.Fatalf("%v %q", err, r.Query)
	}
	// As long as it is meant: 200 "é" typed with combining accents, and
	// zero-width spaces, which are left out.
	r = SubscriptionRequest{Query: strings.Repeat("e\u0301\u200b", 200), Email: "ana@example.com"}
	if err := r.Validate(); err != nil || r.Query != strings.Repeat("e\u0301", 200) {
		t.Fatalf("%v %q", err, r.Query)
	}
	for _, bad := range []SubscriptionRequest{
		{Query: "", Email: "ana@example.com"},
		{Query: "a\nb", Email: "ana@example.com"},
		{Query: "q", Email: "ana@example.com\nBcc: x@example.com"},
		{Query: strings.Repeat("q", MaxQueryLen+1), Email: "ana@example.com"},
	} {
		if err := bad.Validate(); ErrorCode(err) != EINVALID {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}

// TestBySubject: a request's article is where the customer came from only
// when it is the page the request was sent from; one its subject named is
// marked so (the team must not read it as the page).
func TestBySubject(t *testing.T) {
	now := time.Now()
	v := NewView(viewLibrary(now), now, false)
	for _, c := range []struct {
		name, path, article string
		want                bool
	}{
		{"sent from the article", "/billing/refund", "billing/refund", false},
		{"sent from its translation", "/fr/billing/refund", "billing/refund", false},
		{"no page, named by the subject", "", "billing/refund", true},
		{"another page", "/billing/card", "billing/refund", true},
		{"a host app's screen", "/checkout/pay", "billing/refund", true},
		{"no article", "/billing/refund", "", false},
	} {
		r := ContactRequest{Path: c.path, ArticleID: c.article}
		if got := r.BySubject(v); got != c.want {
			t.Errorf("%s: BySubject = %v, want %v", c.name, got, c.want)
		}
	}
}
