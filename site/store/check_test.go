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
		// "/", "?" or "#" left as they are in a password: the parser ends
		// the host there; Go's errors quoted the password's first letters
		// ("invalid port \":se\"") or, when the rest parsed, the driver
		// read it as host, port and database, shown whole.
		{"postgres://guichet:zq#cret@db:5432/guichet", "write it %23"},
		{"postgres://guichet:zq/cret@db:5432/guichet", "write it %2F"},
		{"postgres://guichet:zq?cret@db:5432/guichet", "write it %3F"},
		{"postgres://guichet:1234/secret@db:5432/guichet", "write it %2F"},
		{"postgres://guichet:#secret@db/guichet", "write it %23"},
		{"postgres://guichet:zq%ZZcret@db/guichet", "write \"@\" %40"},
		{"postgres://guichet:zq%2Fc%23ret@db:5432/guichet", ""},
		// An "@" and then "/", "?" or "#" in the password: the parser takes
		// the text between them for the host, and the rest for a path.
		{"postgres://guichet:zq@cret/x@db:5432/guichet?sslmode=disable", "write it %40 and %2F"},
		{"postgres://guichet:zq@sec?ret@db:5432/guichet", "write it %40 and %3F"},
		{"postgres://guichet:zq@se#cret@db/guichet", "write it %40 and %23"},
		{"postgres://guichet:zq@se/c?r#et@db/guichet", `holds "@" and "/" and "?" and "#"`},
		// An "@" in a parameter's value, the password escaped: as written.
		{"postgres://guichet:zq%40cret@db/guichet?application_name=a@b", ""},
		// A parameter the driver refuses: said before anything is opened,
		// naming the parameter (exit 2 for a command).
		{"postgres://guichet:zqsecret@127.0.0.1:5432/g?sslmode=disable&connect_timeout=abc", "invalid connect_timeout"},
		{"postgres://guichet:zqsecret@db/g?sslmode=bogus", "sslmode is invalid"},
	} {
		err := store.Check(tt.database)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("Check(%q): %v", tt.database, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("Check(%q) = %v, want an error saying %q", tt.database, err, tt.want)
		case err != nil && (strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "cret") || strings.Contains(err.Error(), "zq") || strings.Contains(err.Error(), "1234")):
			t.Errorf("Check(%q): the password shows in %v", tt.database, err)
		}
	}
}
