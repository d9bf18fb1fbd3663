package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/guichet/guichet/site/store"
	"github.com/guichet/guichet/site/web"
)

// printBanner tells a newcomer what is running and what to do next (site, admin token, widget, data, edits).
func printBanner(w io.Writer, m *Main) {
	site, tw := m.ListenURL+"/", tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "Guichet is serving the help center at %s\n", site)
	if cfg := m.Server.View().Lib.Config; cfg.BaseURL+"/" != site {
		fmt.Fprintf(tw, "  Public URL\t%s/\t(canonical links, feeds and the widget tag use it)\n", cfg.BaseURL)
	} else if !cfg.BaseURLSet && web.AllInterfaces(m.Config.Addr) {
		fmt.Fprintf(tw, "  Public URL\tnot set\tother machines reach this server, but links in e-mails, feeds, the sitemap and webhooks say %s: set base_url in guichet.yaml or --base-url\n", site)
	}
	fmt.Fprintf(tw, "  Admin page\t%sadmin/\tsign in with a token: %s token create --scope admin %s\n", site, selfCommand(), store.CommandFlags(m.Config.storeOptions(false)))
	fmt.Fprintf(tw, "  Widget demo\t%swidget/demo\tthe in-app help panel on a fake app\n", site)
	fmt.Fprintf(tw, "  Content\t%s\t%s\n", m.Config.Content, editHint(m.Config))
	fmt.Fprintf(tw, "  Data\t%s\t%s\n", m.Config.Data, store.DataHint(m.Config.storeOptions(false), selfCommand()))
	tw.Flush()
	fmt.Fprintln(w, "Stop with Ctrl-C.")
}

// editHint says how edits of the content reach the site in this mode; the PID is this process, not go run's (which SIGHUP ends).
func editHint(c Config) string {
	switch {
	case c.Dev:
		return "edits show up within a second (--dev; drafts shown)"
	case c.Watch:
		return "edits are published within a second (--watch)"
	}
	return fmt.Sprintf("edits are published by kill -HUP %d or POST /api/v1/reload; --dev reloads on every save", os.Getpid())
}

// selfCommand is how to run this program again: "go run ./cmd/guichet" under go run, else "guichet".
func selfCommand() string {
	exe, err := os.Executable()
	if err == nil && strings.Contains(filepath.ToSlash(exe), "/go-build") {
		return "go run ./cmd/guichet"
	}
	return "guichet"
}
