package postgres

import (
	"errors"
	neturl "net/url"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// CheckURL checks that the driver reads the parameters of url (sslmode,
// connect_timeout…), as Open would, without connecting: a value it
// refuses is the operator's to fix, said before anything is opened. The
// error names what is wrong ("invalid connect_timeout: …") and holds
// neither the URL nor its password.
func CheckURL(url string) error {
	_, err := pgx.ParseConfig(url)
	if err == nil {
		return nil
	}
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
