package site

import "time"

// Token scopes: what a token may do.
const (
	ScopeAdmin   = "admin"   // the admin page and the insights API
	ScopeTickets = "tickets" // ticket ingestion
	ScopePublish = "publish" // POST /api/v1/reload, a git host's push webhook
)

// ValidScope reports whether scope is one of the token scopes.
func ValidScope(scope string) bool {
	return scope == ScopeAdmin || scope == ScopeTickets || scope == ScopePublish
}

// CheckScope returns nil when scope is one of the token scopes, else an
// EINVALID error naming them; an empty scope is told as not given (the
// --scope of guichet token create).
func CheckScope(scope string) error {
	switch {
	case ValidScope(scope):
		return nil
	case scope == "":
		return Errorf(EINVALID, "a token needs a scope: give --scope admin, tickets or publish")
	}
	return Errorf(EINVALID, "scope must be admin, tickets or publish, not %q", scope)
}

// Token describes a stored API token; its secret is never stored, only a
// hash of it.
type Token struct {
	ID        string
	Name      string
	Scope     string
	CreatedAt time.Time
	RevokedAt *time.Time // nil while the token is live
}

// DailySearch is one day (UTC, "2006-01-02") of a normalised query's
// searches, as kept after retention deleted the raw rows.
type DailySearch struct {
	Day         string
	Searches    int
	Visitors    int
	ZeroResults int
}
