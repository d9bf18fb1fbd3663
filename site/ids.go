package site

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// NewID returns a new random identifier: 16 bytes from crypto/rand as 32
// lower-case hex digits. Searches (their search_id), tokens and sessions
// take theirs from it.
func NewID() string {
	var b [16]byte
	rand.Read(b[:]) // never returns an error; crashes the program if randomness fails
	return hex.EncodeToString(b[:])
}

// ValidID reports whether id looks like one NewID made, so a client cannot
// have arbitrary text stored as an identifier.
func ValidID(id string) bool {
	if len(id) != 32 {
		return false
	}
	_, err := hex.DecodeString(id)
	return err == nil
}

// ParseSince reads the start of a reporting period as people write it: a
// number of days ("30d" or "30D", at most 3650), a duration ("12h", "90m"), or a
// date ("2026-11-01", read as UTC midnight) or RFC 3339 time. Empty means
// def before now. The error (EINVALID) says what is accepted; the caller
// names the flag or parameter.
func ParseSince(s string, now time.Time, def time.Duration) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return now.Add(-def), nil
	}
	if n, ok := strings.CutSuffix(strings.ToLower(s), "d"); ok {
		if d, err := strconv.Atoi(n); err == nil && d >= 0 && d <= 3650 {
			return now.Add(-time.Duration(d) * 24 * time.Hour), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, Errorf(EINVALID, "%q is not a period start: write a number of days like 30d, a duration like 12h, or a date like 2026-11-01", s)
}
