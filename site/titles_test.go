package site

import (
	"strings"
	"testing"
	"time"
)

// TestPageTitle: pages of one locale that share a title are told apart by
// their categories, nearest first, as many as it takes; a title nobody
// else in the locale has, a translation's, a draft's or an empty
// category's does not count.
func TestPageTitle(t *testing.T) {
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	cat := func(id, locale, title, parent string) *Category {
		prefix := "/"
		if locale != "en" {
			prefix = "/" + locale + "/"
		}
		return &Category{ID: id, Locale: locale, Title: title, ParentID: parent, URL: prefix + id + "/"}
	}
	art := func(id, locale, title string) *Article {
		prefix := "/"
		if locale != "en" {
			prefix = "/" + locale + "/"
		}
		section := id[:strings.LastIndex(id, "/")]
		top, _, _ := strings.Cut(section, "/")
		return &Article{ID: id, Locale: locale, Title: title, URL: prefix + id, CategoryID: top, SectionID: section}
	}
	draft := art("mail/online/draft", "en", "Sign-in")
	draft.Draft = true
	lib := &Library{
		Config: Config{DefaultLocale: "en", Locales: []string{"en", "fr"}},
		Categories: []*Category{
			cat("mail", "en", "Mail", ""),
			cat("mail/online", "en", "Online", "mail"),
			cat("mail/online/admin", "en", "Administration", "mail/online"),
			cat("mail/server", "en", "Server", "mail"),
			cat("mail/server/admin", "en", "Administration", "mail/server"),
			cat("chat", "en", "Chat", ""),
			cat("chat/online", "en", "Online", "chat"),
			cat("chat/online/admin", "en", "Administration", "chat/online"),
			cat("chat/empty", "en", "Server", "chat"),
			cat("mail", "fr", "Mail", ""),
			cat("mail/online", "fr", "Online", "mail"),
			cat("mail/online/admin", "fr", "Administration", "mail/online"),
		},
		Articles: []*Article{
			art("mail/online/admin/quota", "en", "Mailbox quota"),
			art("mail/server/admin/quota", "en", "Mailbox quota"),
			art("chat/online/admin/users", "en", "Add users"),
			art("mail/online/sign-in", "en", "Sign-in"),
			art("chat/online/sign-in", "en", "SIGN-IN"),
			art("mail/online/admin/same", "en", "Twice"),
			art("mail/online/admin/same-again", "en", "Twice"),
			art("mail/server/unique", "en", "Only here"),
			art("mail/online/admin/quota", "fr", "Mailbox quota"),
			draft,
		},
	}
	v := NewView(lib, now, false)
	tests := []struct{ url, title, want string }{
		{"/mail/online/admin/quota", "Mailbox quota", "Mailbox quota – Administration – Online"},
		{"/mail/server/admin/quota", "Mailbox quota", "Mailbox quota – Administration – Server"},
		{"/mail/online/admin/", "Administration", "Administration – Online – Mail"},
		{"/chat/online/admin/", "Administration", "Administration – Online – Chat"},
		{"/mail/server/admin/", "Administration", "Administration – Server"},
		{"/mail/online/", "Online", "Online – Mail"},
		{"/chat/online/", "Online", "Online – Chat"},
		{"/mail/server/", "Server", "Server"}, // chat/empty has no article: not a page
		{"/mail/online/sign-in", "Sign-in", "Sign-in – Online – Mail"},
		{"/chat/online/sign-in", "SIGN-IN", "SIGN-IN – Online – Chat"},
		{"/mail/online/admin/same", "Twice", "Twice – Administration – Online – Mail"},
		{"/mail/server/unique", "Only here", "Only here"},
		{"/fr/mail/online/admin/quota", "Mailbox quota", "Mailbox quota"}, // alone in its locale
		{"/fr/mail/online/admin/", "Administration", "Administration"},
	}
	for _, tt := range tests {
		if got := v.PageTitle(tt.url, tt.title); got != tt.want {
			t.Errorf("PageTitle(%s) = %q, want %q", tt.url, got, tt.want)
		}
	}
}
