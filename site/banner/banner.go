// Package banner is what `guichet serve` prints once the help center is
// served: where it is, and what a newcomer does next (the public URL, an
// admin token, the widget demo, publishing edits, backing up the data).
package banner

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/store"
	"github.com/guichet/guichet/site/web"
)

// Server is what the banner tells of a serving process.
type Server struct {
	ListenURL string      // the URL the server was found at: "http://localhost:8080"
	Addr      string      // --addr, as given
	Site      site.Config // the published guichet.yaml, its base URL applied
	Content   string      // --content
	Store     store.Options
	Dev       bool
	Watch     bool
	PID       int // the serving process, the one SIGHUP publishes
}

// Print writes the banner of s to w.
func Print(w io.Writer, s Server) {
	home, tw := s.ListenURL+"/", tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "Guichet is serving the help center at %s\n", home)
	if s.Site.BaseURL+"/" != home {
		fmt.Fprintf(tw, "  Public URL\t%s/\t(canonical links, feeds and the widget tag use it)\n", s.Site.BaseURL)
	} else if !s.Site.BaseURLSet && web.AllInterfaces(s.Addr) {
		fmt.Fprintf(tw, "  Public URL\tnot set\tother machines reach this server, but links in e-mails, feeds, the sitemap and webhooks say %s: set base_url in guichet.yaml or --base-url\n", home)
	}
	fmt.Fprintf(tw, "  Admin page\t%sadmin/\tsign in with a token: %s token create --scope admin %s\n", home, Self(), store.CommandFlags(s.Store))
	fmt.Fprintf(tw, "  Widget demo\t%swidget/demo\tthe in-app help panel on a fake app\n", home)
	fmt.Fprintf(tw, "  Content\t%s\t%s\n", s.Content, EditHint(s.Dev, s.Watch, s.PID))
	fmt.Fprintf(tw, "  Data\t%s\t%s\n", s.Store.Data, store.DataHint(s.Store, Self()))
	tw.Flush()
	fmt.Fprintln(w, "Stop with Ctrl-C.")
}

// EditHint says how edits of the content reach the site in this mode; pid
// is the serving process, not go run's (which SIGHUP ends).
func EditHint(dev, watch bool, pid int) string {
	switch {
	case dev:
		return "edits show up within a second (--dev; drafts shown)"
	case watch:
		return "edits are published within a second (--watch)"
	}
	return fmt.Sprintf("edits are published by kill -HUP %d or POST /api/v1/reload; --dev reloads on every save", pid)
}

// Self is how to run this program again: "go run ./cmd/guichet" under go
// run, "guichet" when that name on the PATH is this program, else its path
// (a binary that go install put in a ~/go/bin the PATH lacks, one run as
// ./guichet): a command the banner suggests must work when pasted.
func Self() string {
	exe, err := os.Executable()
	if err != nil {
		return "guichet"
	}
	return self(exe, exec.LookPath)
}

func self(exe string, lookPath func(string) (string, error)) string {
	if strings.Contains(filepath.ToSlash(exe), "/go-build") {
		return "go run ./cmd/guichet"
	}
	if found, err := lookPath("guichet"); err == nil && sameFile(found, exe) {
		return "guichet"
	}
	return exe
}

// sameFile reports whether paths a and b name one file.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
