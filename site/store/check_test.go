package store_test

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site/store"
)

// TestCheck: a --database value the driver would misread is refused with
// what to do, its password never shown.
func TestCheck(t *testing.T) {
	for _, tt := range []struct{ database, want string }{
		{"", ""},
		{"postgres://guichet:s%40cret@db:5432/guichet?sslmode=require", ""},
		{"postgres://guichet:s@cret@db:5432/guichet", "write it %40"},
		{"postgresql://guichet:s@cret@db/guichet?x=a@b", "write it %40"},
		{"postgres://guichet:s%40cret@db?options=a@b", ""},
		{"postgres://guichet:secret@db:port/guichet", "not a valid URL"},
		{"mysql://guichet:secret@db/guichet", "want a postgres://"},
	} {
		err := store.Check(tt.database)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("Check(%q): %v", tt.database, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("Check(%q) = %v, want an error saying %q", tt.database, err, tt.want)
		case err != nil && (strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "cret")):
			t.Errorf("Check(%q): the password shows in %v", tt.database, err)
		}
	}
}
