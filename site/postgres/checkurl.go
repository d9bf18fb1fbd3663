package postgres

import (
	"crypto/x509"
	"errors"
	"fmt"
	"io/fs"
	neturl "net/url"
	"os"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// CheckURL checks that the driver reads the parameters of url (sslmode,
// connect_timeout…), as Open would, without connecting and without
// reading the files it names (sslrootcert, sslcert, sslkey): a value it
// refuses is the operator's to fix, said before anything is opened (a
// usage error). A file that cannot be read is Open's error (CheckFiles),
// as a content folder or a tickets file missing is: a failure while
// running. The error names what is wrong ("invalid connect_timeout: …")
// and holds neither the URL nor its password.
func CheckURL(url string) error {
	_, err := pgx.ParseConfig(withoutFiles(url))
	if err == nil {
		return nil
	}
	return readable(url, err)
}

// readable is the driver's error err about url without the driver's
// prefix, which holds the URL, and without the password.
func readable(url string, err error) error {
	msg := err.Error()
	var pe *pgconn.ParseConfigError
	if errors.As(err, &pe) {
		// The driver's text is "cannot parse `URL`: what: why"; the URL
		// is the operator's own, shown (redacted) by the caller.
		prefix := pgconn.NewParseConfigError(pe.ConnString, "", nil).Error()
		prefix = strings.TrimSuffix(prefix, ": ")
		msg = strings.TrimPrefix(strings.TrimPrefix(msg, prefix), ": ")
	}
	if u, perr := neturl.Parse(url); perr == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok && pw != "" {
			msg = strings.ReplaceAll(msg, pw, "xxxxx")
		}
	}
	return errors.New(msg)
}

// fileParams are the parameters of a URL that name a file the driver
// reads, with the variable the driver reads when the URL has none.
var fileParams = [...]struct{ name, env string }{{"sslrootcert", "PGSSLROOTCERT"}, {"sslcert", "PGSSLCERT"}, {"sslkey", "PGSSLKEY"}}

// withoutFiles returns url with its file parameters empty, so that the
// driver reads none (an empty one also hides the PGSSL* variable): the
// rest is checked as it is. sslrootcert=system, the system's CAs, is no
// file and stays; sslcert without sslkey (or the reverse) stays, so that
// the driver says both are needed.
func withoutFiles(url string) string {
	u, err := neturl.Parse(url)
	if err != nil {
		return url // the driver says what is wrong with it
	}
	q := u.Query()
	if q.Get("sslrootcert") != "system" {
		q.Set("sslrootcert", "")
	}
	if (q.Get("sslcert") == "") == (q.Get("sslkey") == "") {
		q.Set("sslcert", "")
		q.Set("sslkey", "")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// CheckFiles reads the files url's parameters name (or the PGSSL*
// variables, for a parameter the URL lacks), as the driver will: the
// first that cannot be read, or whose sslrootcert holds no PEM
// certificate, is returned as an error naming the parameter and the file
// ("sslrootcert /etc/guichet/ca.pem cannot be read: no such file or
// directory"; a path holding a newline or another control character is
// quoted, so the message stays one line); nil when all can.
func CheckFiles(url string) error {
	u, err := neturl.Parse(url)
	if err != nil {
		return nil // CheckURL's to say
	}
	q := u.Query()
	for _, p := range fileParams {
		file, given := q.Get(p.name), q.Has(p.name)
		if !given {
			file = os.Getenv(p.env)
		}
		if file == "" || p.name == "sslrootcert" && file == "system" {
			continue
		}
		from := "--database's " + p.name
		if !given {
			from = p.env
		}
		b, err := os.ReadFile(file)
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is said once
		}
		if q := strconv.Quote(file); q[1:len(q)-1] != file {
			file = q // a newline or control character would split the line
		}
		switch {
		case err != nil:
			return fmt.Errorf("%s %s cannot be read: %w", from, file, err)
		case p.name == "sslrootcert" && !x509.NewCertPool().AppendCertsFromPEM(b):
			return fmt.Errorf("%s %s holds no PEM certificate (-----BEGIN CERTIFICATE-----): give the file of the CA that signed the server's certificate", from, file)
		}
	}
	return nil
}
