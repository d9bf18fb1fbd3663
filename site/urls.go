package site

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// URL schemes a configuration value may use.
var (
	// WebSchemes are the schemes of pages: base_url, redirect targets on
	// another site.
	WebSchemes = []string{"http", "https"}
	// LinkSchemes are the schemes of links shown to visitors: contact_url.
	LinkSchemes = []string{"http", "https", "mailto", "tel"}
)

// CheckURL validates a URL written in the configuration and returns it
// trimmed. It must be absolute with one of schemes; http and https URLs
// need a host and no user name or password. It refuses what browsers read
// differently from servers: backslashes (a "/\host" path is another host to
// a browser), control and space characters, invalid UTF-8, and any other
// scheme (javascript:, data:, file:…). The error says what is wrong in
// words a writer understands.
func CheckURL(raw string, schemes []string) (string, error) {
	s := strings.TrimSpace(raw)
	if err := unsafeURLText(s); err != nil {
		return "", err
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return "", fmt.Errorf("%q is not an absolute URL: write it like %s", raw, example(schemes))
	}
	sch := strings.ToLower(u.Scheme)
	if !slices.Contains(schemes, sch) {
		return "", fmt.Errorf("%q uses the scheme %q: only %s are allowed", raw, sch, strings.Join(schemes, ", "))
	}
	switch sch {
	case "http", "https":
		if u.Host == "" || u.Hostname() == "" || u.Opaque != "" {
			return "", fmt.Errorf("%q has no host: write it like https://help.example.com", raw)
		}
		if p := u.Port(); p != "" {
			if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
				return "", fmt.Errorf("%q has a port out of range (1 to 65535)", raw)
			}
		} else if strings.HasSuffix(u.Host, ":") {
			return "", fmt.Errorf("%q has an empty port", raw)
		}
		if u.User != nil {
			return "", fmt.Errorf("%q holds a user name or password: remove it", raw)
		}
	case "mailto", "tel":
		if u.Opaque == "" {
			return "", fmt.Errorf("%q has nothing after its scheme %s", raw, sch)
		}
	}
	return s, nil
}

// CheckPath validates a site path written in the configuration (a redirect
// target on this site): it must start with one "/" (not "//", another
// host to a browser) and hold no backslash, control or space character.
func CheckPath(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if err := unsafeURLText(s); err != nil {
		return "", err
	}
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") {
		return "", fmt.Errorf("%q is not a path of this site: write it like /billing/refund", raw)
	}
	return s, nil
}

// unsafeURLText refuses the characters browsers treat differently from
// servers in URLs.
func unsafeURLText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%q is not valid UTF-8", s)
	}
	for _, r := range s {
		switch {
		case r == '\\':
			return fmt.Errorf("%q holds a backslash, which browsers read as \"/\": use \"/\"", s)
		case unicode.IsControl(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
			return fmt.Errorf("%q holds a space or an invisible character: remove it or write it as %%20", s)
		}
	}
	return nil
}

func example(schemes []string) string {
	if slices.Contains(schemes, "mailto") {
		return "https://example.com/contact or mailto:help@example.com"
	}
	return "https://help.example.com"
}

// ReservedSegment reports whether seg, the first segment of a URL path,
// belongs to the site's own pages and endpoints (the routes table in
// site/web/routes.go): a category of the default locale named so would be
// hidden by them, so content cannot take it. Search, FAQ, contact,
// subscribe, feeds and sitemaps are not reserved: their URLs have no trailing slash, and a
// category's always has one.
func ReservedSegment(seg string) bool {
	switch strings.ToLower(seg) {
	case "admin", "api", "static", "_content", "_dev", "widget", "widget.js",
		"metrics", "healthz", "readyz", "subscriptions":
		return true
	}
	return false
}

var kvPassword = regexp.MustCompile(`(?i)(password\s*=\s*)('[^']*'|\S*)`)

// RedactURL returns a server URL (postgres://, smtp://…) for messages and
// logs, its password replaced by "xxxxx", in the user information or as
// a password= parameter. A URL that does not parse (a bad
// port, an unescaped character in the password), or parses only by taking
// a password that holds "/", "?" or "#" (after an "@" or not) for a host,
// port or path, keeps
// nothing of what is between "://" and its last "@", shown as "…", since
// the password may be anywhere in it.
func RedactURL(raw string) string {
	if !strings.Contains(raw, "://") {
		// Not a server URL, given by mistake: "user:password@host/name", or
		// a key=value connection string ("host=db password=…").
		if at := strings.LastIndex(raw, "@"); at >= 0 {
			raw = "…" + raw[at:]
		}
		return kvPassword.ReplaceAllString(raw, "${1}xxxxx")
	}
	u, err := url.Parse(raw)
	if err == nil && userinfoSpill(raw) == "" {
		return queryPassword.ReplaceAllString(u.Redacted(), "${1}xxxxx")
	}
	if i, at := strings.Index(raw, "://"), strings.LastIndex(raw, "@"); i >= 0 && at > i {
		raw = raw[:i+3] + "…" + raw[at:]
	}
	return queryPassword.ReplaceAllString(raw, "${1}xxxxx")
}

// queryPassword is a password given as a URL parameter, as libpq and the
// driver read it (postgres://u@db/g?password=…; sslpassword, the client
// key's): a password however it is written.
var queryPassword = regexp.MustCompile(`(?i)([?&](?:ssl)?password=)[^&#]*`)

// CheckServerURL checks that a server URL (postgres://, smtp://…) reads
// as its writer meant: the characters a URL reserves ("@", "/", "?", "#",
// "%", a space) percent-encoded in its user name and password. Left as
// they are, a parser ends the host at the first "/", "?" or "#", and takes
// what follows in the password for a port, a path or a query (then shown
// in messages as such). The error says what to write instead and never
// holds the user name or password, nor a part of them.
func CheckServerURL(raw string) error {
	if s := userinfoSpill(raw); s != "" {
		return fmt.Errorf("the user name or password holds %s: write it %s in the URL", s, percentEncoded(s))
	}
	if _, err := url.Parse(raw); err != nil {
		// Go's error quotes the URL, or the part before a "#", and the
		// faulty piece ("invalid port \":se\""): it may be the password's.
		i, at := strings.Index(raw, "://"), strings.LastIndex(raw, "@")
		if i < 0 || at < i {
			return fmt.Errorf("not a valid URL: %v", err)
		}
		if _, err := url.Parse(raw[:i+3] + raw[at+1:]); err != nil {
			return fmt.Errorf("not a valid URL: %v", err)
		}
		return errors.New(`not a valid URL: the user name or password holds a character a URL reserves: write "@" %40, ":" %3A, "/" %2F, "?" %3F, "#" %23, "%" %25 and a space %20`)
	}
	// An "@" left as it is in the password: the driver would take what
	// follows it for the host, and show it in its errors.
	i := strings.Index(raw, "://")
	if i < 0 {
		return nil
	}
	authority := raw[i+3:]
	if i := strings.IndexAny(authority, "/?#"); i >= 0 {
		authority = authority[:i]
	}
	if strings.Count(authority, "@") > 1 {
		return errors.New("the user name or password holds an @: write it %40 in the URL")
	}
	return nil
}

// userinfoSpill returns the characters among "@", "/", "?" and "#" that
// the user name or password of a server URL holds as they are ("/" and
// "#"), "" when it holds none: told by an "@" after the first "/", "?" or
// "#", where a URL's user information ends, with no "@" before it, or, after
// one ("p@ss/w@db": the parser reads host "ss" and path "/w@db"), by an
// "@" in the path, the fragment or a parameter's name, where no URL
// written as meant has one; an "@" in a parameter's value
// (?application_name=a@b) is read as written.
func userinfoSpill(raw string) string {
	i := strings.Index(raw, "://")
	if i < 0 {
		return ""
	}
	rest := raw[i+3:]
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return ""
	}
	head := rest[:at]
	j := strings.IndexAny(head, "/?#")
	if j < 0 || strings.Contains(head[:j], "@") && !strayAt(rest[j:]) {
		return ""
	}
	var found []string
	for _, c := range []string{"@", "/", "?", "#"} {
		if strings.Contains(head, c) {
			found = append(found, strconv.Quote(c))
		}
	}
	return strings.Join(found, " and ")
}

// strayAt reports whether tail, a URL from the end of its host on ("/db?x=1"),
// holds an "@" where only a password's could be: in the path, the
// fragment, or a parameter's name.
func strayAt(tail string) bool {
	path, frag, _ := strings.Cut(tail, "#")
	path, query, _ := strings.Cut(path, "?")
	if strings.Contains(path, "@") || strings.Contains(frag, "@") {
		return true
	}
	for _, param := range strings.Split(query, "&") {
		if name, _, _ := strings.Cut(param, "="); strings.Contains(name, "@") {
			return true
		}
	}
	return false
}

// percentEncoded spells the escapes of the characters userinfoSpill names.
func percentEncoded(chars string) string {
	return strings.NewReplacer(`"@"`, "%40", `"/"`, "%2F", `"?"`, "%3F", `"#"`, "%23").Replace(chars)
}

// AbsoluteURL joins a base URL (base_url) and a site path with an
// optional query ("/billing/exportação-pdf", "/subscriptions/confirm?token=…"),
// the path percent-encoded as a URI writes it (RFC 3986:
// "/billing/exporta%C3%A7%C3%A3o-pdf") and the query as given (already
// encoded by its writer). Links written outside HTML, where no template
// encodes them (the e-mails' plain text, the webhook's JSON), are made
// with it, so that a mail client that links URI characters only does not
// cut a link at its first accent.
func AbsoluteURL(base, p string) string {
	path, query, hasQuery := strings.Cut(p, "?")
	out := strings.TrimRight(base, "/") + (&url.URL{Path: path}).EscapedPath()
	if hasQuery {
		out += "?" + query
	}
	return out
}

// LoopbackURL reports whether raw's host is the machine that opens it:
// localhost, a name under .localhost, or a loopback address (127.0.0.1,
// ::1). A link to it works only on the server itself.
func LoopbackURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	return LoopbackHost(u.Hostname())
}

// LoopbackHost reports whether the host name h (without a port or
// brackets) is the machine itself: localhost, a name under .localhost (RFC
// 6761), in any case and with or without the final dot, or a loopback
// address (127.0.0.0/8, ::1).
func LoopbackHost(h string) bool {
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
