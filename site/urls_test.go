package site

import "testing"

func TestCheckURL(t *testing.T) {
	for _, c := range []struct {
		in      string
		schemes []string
		ok      bool
	}{
		{"https://help.example.com", WebSchemes, true},
		{" http://localhost:8080 ", WebSchemes, true},
		{"https://help.example.com/docs?x=1", WebSchemes, true},
		{"mailto:help@example.com", LinkSchemes, true},
		{"tel:+33123456789", LinkSchemes, true},
		{"https://example.com/contact", LinkSchemes, true},
		{"javascript:alert(1)", LinkSchemes, false},
		{"JavaScript:alert(1)", LinkSchemes, false},
		{"data:text/html,<script>alert(1)</script>", LinkSchemes, false},
		{"vbscript:msgbox", LinkSchemes, false},
		{"file:///etc/passwd", LinkSchemes, false},
		{"mailto:help@example.com", WebSchemes, false},
		{"/\\evil.example", WebSchemes, false},
		{"https:/\\evil.example", WebSchemes, false},
		{"https://help.example.com\\@evil.example", WebSchemes, false},
		{"//evil.example", WebSchemes, false},
		{"help.example.com", WebSchemes, false},
		{"https://", WebSchemes, false},
		{"https://user:pw@help.example.com", WebSchemes, false},
		{"https://help.example.com/\x00", WebSchemes, false},
		{"https://help.exa mple.com", WebSchemes, false},
		{"https://help.example.com/\u200b", WebSchemes, false},
		{"java\tscript:alert(1)", LinkSchemes, false},
		{"mailto:", LinkSchemes, false},
		{"https://\xff", WebSchemes, false},
		{"https://help.example.com:99999", WebSchemes, false},
		{"https://help.example.com:0", WebSchemes, false},
		{"https://help.example.com:", WebSchemes, false},
		{"http://localhost:8080", WebSchemes, true},
	} {
		_, err := CheckURL(c.in, c.schemes)
		if (err == nil) != c.ok {
			t.Errorf("CheckURL(%q, %v): %v, want ok=%v", c.in, c.schemes, err, c.ok)
		}
	}
	for _, c := range []struct {
		in string
		ok bool
	}{
		{"/billing/refund", true}, {"/fr/", true}, {"//evil.example", false}, {"/\\evil.example", false},
		{"billing", false}, {"/a b", false}, {"/\t/evil", false},
	} {
		if _, err := CheckPath(c.in); (err == nil) != c.ok {
			t.Errorf("CheckPath(%q): %v, want ok=%v", c.in, err, c.ok)
		}
	}
}

// TestRedactURL: a server URL's password never shows, whether the URL
// parses or not.
func TestRedactURL(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"postgres://guichet:secret@db:5432/guichet?sslmode=require", "postgres://guichet:xxxxx@db:5432/guichet?sslmode=require"},
		{"smtp://mail.example.com:587", "smtp://mail.example.com:587"},
		{"smtp://user:secret@mail.example.com:xx", "smtp://…@mail.example.com:xx"},
		{"postgres://u:se%zzcret@db/x", "postgres://…@db/x"},
		{"postgres://u:p@ss@db:bad/x", "postgres://…@db:bad/x"},
		// A password holding "/", "?" or "#" as it is parses, as a host
		// and port with the password's end in the path, query or fragment.
		{"postgres://guichet:1234/sec@db:5432/guichet", "postgres://…@db:5432/guichet"},
		{"smtp://mailer:12/sec@mail.example.com", "smtp://…@mail.example.com"},
		{"postgres://guichet:#sec@db/guichet", "postgres://…@db/guichet"},
		{"postgres://guichet:?sec=1@db/guichet", "postgres://…@db/guichet"},
		{"postgres://guichet:s%40c@db/guichet?application_name=a@b", "postgres://guichet:xxxxx@db/guichet?application_name=a@b"},
		// An "@" and then "/", "?" or "#" in the password: what parses as
		// host and path is the password's.
		{"postgres://guichet:p@ss/w@db:5432/guichet", "postgres://…@db:5432/guichet"},
		{"postgres://guichet:p@ss?w@db:5432/guichet", "postgres://…@db:5432/guichet"},
		{"smtp://mailer:p@ss#w@mail.example.com", "smtp://…@mail.example.com"},
		// A password as a parameter, as libpq and the driver take it.
		{"postgres://guichet@db/guichet?sslmode=disable&password=secret", "postgres://guichet@db/guichet?sslmode=disable&password=xxxxx"},
		{"postgres://guichet@db/guichet?PASSWORD=secret&sslmode=require", "postgres://guichet@db/guichet?PASSWORD=xxxxx&sslmode=require"},
		{"postgres://guichet@db/guichet?sslpassword=secret", "postgres://guichet@db/guichet?sslpassword=xxxxx"},
		{"postgres://guichet:p@ss@db:bad/x?password=secret", "postgres://…@db:bad/x?password=xxxxx"},
		{"", ""},
		// Not URLs, given by mistake to --database: a libpq key=value
		// string and a URL without its scheme.
		{"host=db port=5432 user=guichet password=secret dbname=g", "host=db port=5432 user=guichet password=xxxxx dbname=g"},
		{"host=db password = 'se cret' dbname=g", "host=db password = xxxxx dbname=g"},
		{"guichet:secret@db:5432/guichet", "…@db:5432/guichet"},
	} {
		if got := RedactURL(tt.in); got != tt.want {
			t.Errorf("RedactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// An absolute link is a URI: its path percent-encoded, its query as given.
func TestAbsoluteURL(t *testing.T) {
	for _, c := range []struct{ base, path, want string }{
		{"https://help.example.com", "/billing/refund", "https://help.example.com/billing/refund"},
		{"https://help.example.com/", "/", "https://help.example.com/"},
		{"https://help.example.com", "/seguranca/capacete-para-criança", "https://help.example.com/seguranca/capacete-para-crian%C3%A7a"},
		{"https://help.example.com/help", "/nl/ritten/beëindigen", "https://help.example.com/help/nl/ritten/be%C3%ABindigen"},
		{"https://help.example.com", "/subscriptions/confirm?token=a%2Bb&locale=pt-BR", "https://help.example.com/subscriptions/confirm?token=a%2Bb&locale=pt-BR"},
	} {
		if got := AbsoluteURL(c.base, c.path); got != c.want {
			t.Errorf("AbsoluteURL(%q, %q) = %q, want %q", c.base, c.path, got, c.want)
		}
	}
}
