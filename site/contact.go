package site

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// ContactRequest is what a customer sends through the contact form (the
// page, the widget or POST /api/v1/contact): it becomes a ticket in the
// store and is delivered to the helpdesk by the delivery queue.
type ContactRequest struct {
	ID          string `json:"id"` // NewID
	Subject     string `json:"subject"`
	Description string `json:"description"`
	// Email is the customer's address, the Reply-To of the delivered
	// e-mail; it is erased from the store once every delivery is done.
	Email  string `json:"email"`
	Locale string `json:"locale"`
	// Context says where the form was opened: a widget context key, or
	// "article", "search" (see ContactContext); Path is the page's path
	// (an article's URL, a host app's screen).
	Context string `json:"context,omitempty"`
	Path    string `json:"path,omitempty"`
	// SearchID is the search of the subject's suggestions: a suggestion
	// opened from it and no request sent is a deflection.
	SearchID string `json:"search_id,omitempty"`
	// ArticleID is the article the request is about: the one it was sent
	// from, else the one its subject links to (decided by the server).
	ArticleID string    `json:"article_id,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	// Visitor is the sender's visitor hash of the day (set by the
	// server, never sent): the request is the contact of the sender's
	// visit in the insights, which then is no deflection.
	Visitor string `json:"-"`
}

// BySubject reports whether the request's article was found by its
// subject (as an imported ticket's is) rather than being the page the
// request was sent from (Path): the team must not read it as where the
// customer came from. False when there is no article.
func (r ContactRequest) BySubject(v *View) bool {
	if r.ArticleID == "" {
		return false
	}
	a, err := v.ArticleByURL(r.Path)
	return r.Path == "" || err != nil || a.ID != r.ArticleID
}

// Contact form limits, in characters.
const (
	MaxContactSubject     = 200
	MaxContactDescription = 5000
	MaxEmailLen           = 254 // RFC 5321's path limit
)

// Validate checks and cleans a request as the customer sent it: a subject
// of 1 to MaxContactSubject characters on one line, a description of 1 to
// MaxContactDescription characters, a plain e-mail address (see
// CheckEmail), a context and a path of the forms ContextKey and HostPath
// accept. Errors are EINVALID and start with the field's name. Control
// characters in the description other than line breaks and tabs are
// removed; a line break in the subject or the address is refused (mail
// header injection), never repaired.
func (r *ContactRequest) Validate() error {
	if errs := r.check(); len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// Problems returns the error of every field Validate would refuse, in its
// order (subject, description, email, then the fields a page sets): what a
// form shows at once, rather than one per attempt. The request itself is
// left as it is. Nil when Validate accepts it.
func (r ContactRequest) Problems() []error { return r.check() }

// check is Validate, going on past the first field refused.
func (r *ContactRequest) check() []error {
	var errs []error
	if subject, err := oneLine("subject", r.Subject, MaxContactSubject); err != nil {
		errs = append(errs, err)
	} else if subject == "" {
		errs = append(errs, Errorf(EINVALID, "subject: say in a few words what you need"))
	} else {
		r.Subject = subject
	}
	switch {
	case !utf8.ValidString(r.Description):
		errs = append(errs, Errorf(EINVALID, "description: not valid UTF-8"))
	default:
		r.Description = CleanMultiline(r.Description)
		if r.Description == "" {
			errs = append(errs, Errorf(EINVALID, "description: describe your question or problem"))
		} else if n := utf8.RuneCountInString(r.Description); n > MaxContactDescription {
			errs = append(errs, Errorf(EINVALID, "description: %d characters, at most %d", n, MaxContactDescription))
		}
	}
	if email, err := CheckEmail("email", r.Email); err != nil {
		errs = append(errs, err)
	} else {
		r.Email = email
	}
	if k, err := ContextKey(r.Context); err != nil {
		errs = append(errs, Errorf(EINVALID, "context: %s", ErrorMessage(err)))
	} else {
		r.Context = k
	}
	if p, err := HostPath(r.Path); err != nil {
		errs = append(errs, Errorf(EINVALID, "path: %s", ErrorMessage(err)))
	} else {
		r.Path = p
	}
	if r.SearchID != "" && !ValidID(r.SearchID) {
		errs = append(errs, Errorf(EINVALID, "search_id: not a search_id returned by this help center"))
	}
	return errs
}

// CheckEmail returns the address s as a plain addr-spec
// ("ana@example.com"), or an EINVALID error starting with field: a
// display name, several addresses, line breaks or other control
// characters, more than MaxEmailLen characters, or a domain without a dot
// are refused.
func CheckEmail(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", Errorf(EINVALID, "%s: an e-mail address is required", field)
	}
	if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "", Errorf(EINVALID, "%s: line breaks and control characters are not allowed", field)
	}
	if utf8.RuneCountInString(s) > MaxEmailLen {
		return "", Errorf(EINVALID, "%s: at most %d characters", field, MaxEmailLen)
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return "", Errorf(EINVALID, "%s: %q is not an e-mail address like ana@example.com", field, s)
	}
	_, domain, _ := strings.Cut(a.Address, "@")
	if !strings.Contains(strings.Trim(domain, "."), ".") || strings.HasPrefix(domain, "[") {
		return "", Errorf(EINVALID, "%s: %q is not an e-mail address like ana@example.com", field, s)
	}
	return a.Address, nil
}

// oneLine checks a one-line field: valid UTF-8, no line break (refused:
// it would end a mail header), other control characters made spaces,
// spaces trimmed, at most max characters.
func oneLine(field, s string, max int) (string, error) {
	if !utf8.ValidString(s) {
		return "", Errorf(EINVALID, "%s: not valid UTF-8", field)
	}
	if strings.ContainsAny(s, "\r\n\u0085\u2028\u2029") {
		return "", Errorf(EINVALID, "%s: line breaks are not allowed", field)
	}
	s = CleanText(strings.TrimSpace(s))
	if n := utf8.RuneCountInString(s); n > max {
		return "", Errorf(EINVALID, "%s: %d characters, at most %d", field, n, max)
	}
	return s, nil
}

// CleanMultiline is CleanText for text of several lines: line breaks
// (as \n) and tabs are kept, other control characters and bidirectional
// overrides are removed, lines are trimmed at their end and more than two
// blank lines in a row become two. Text with nothing visible is "", as
// CleanText makes it.
func CleanMultiline(s string) string {
	if !visible(s) {
		return ""
	}
	s = strings.ReplaceAll(strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(strings.Map(func(r rune) rune {
			switch {
			case r == '\t':
				return r
			case r < 0x20 || r >= 0x7f && r < 0xa0, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
				return -1
			}
			return r
		}, l), " \t")
		if l == "" {
			blank++
			if blank > 2 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.Trim(strings.Join(out, "\n"), "\n")
}

// SubscriptionRequest is a visitor's "Tell me when this is answered": the
// query they did not find an answer to and where to write. The address is
// kept only to send the confirmation and the one notification, and for at
// most SubscriptionMaxAge.
type SubscriptionRequest struct {
	Query  string `json:"query"`
	Email  string `json:"email"`
	Locale string `json:"locale"`
}

// Subscription lifetimes: an unconfirmed request is deleted after
// SubscriptionConfirmWindow, any subscription after SubscriptionMaxAge.
const (
	SubscriptionConfirmWindow = 48 * time.Hour
	SubscriptionMaxAge        = 180 * 24 * time.Hour
)

// SubscriptionPendingPerAddress is the most unconfirmed subscriptions, and
// so confirmation e-mails, an address that has confirmed none gets within
// SubscriptionConfirmWindow: anyone may type an address, so without it
// the help center's mail server would send one e-mail per question a
// stranger typed with someone else's address.
const SubscriptionPendingPerAddress = 3

// Validate checks and cleans a subscription request: a query of 1 to
// MaxQueryLen characters on one line and a plain address (CheckEmail).
// Errors are EINVALID and start with the field's name.
func (r *SubscriptionRequest) Validate() error {
	// One line, as typed in a search box, then the search rules.
	q, err := oneLine("query", r.Query, MaxQueryBytes)
	if err == nil {
		q, err = NormalQuery("query", q)
	}
	if err != nil {
		return err
	}
	if q == "" {
		return Errorf(EINVALID, "query: the question to be told about is required")
	}
	r.Query = q
	r.Email, err = CheckEmail("email", r.Email)
	return err
}

// Subscription is a stored "Tell me when this is answered": a visitor's
// query (personal data redacted), the address to write to, and where it
// stands. Confirmed subscriptions count as people waiting in the gap
// report.
type Subscription struct {
	ID         string
	Email      string
	Locale     string
	Query      string
	Normalized string // textnorm.Key(Query)
	// Visitor is the visitor hash of the day it was made, so the person
	// counts once with their searches; Results what search found then;
	// Source where it was made (site, widget, contact).
	Visitor     string
	Results     int
	Source      string
	CreatedAt   time.Time
	ConfirmedAt *time.Time
}
