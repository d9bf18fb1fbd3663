package publish

import (
	"fmt"
	"log/slog"

	"github.com/guichet/guichet/site"
)

// warnLoopbackMail logs one WARN line when e-mails are sent and the public
// URL their links are made of is on the loopback (localhost, 127.0.0.1):
// every link in them would open the reader's own computer. It names the
// two settings and where the URL came from (flag set by --base-url). Not
// called with --dev: a writer previewing on their own machine sends test
// e-mails that are meant to open it.
func warnLoopbackMail(log *slog.Logger, cfg site.Config, flag bool) {
	if !site.LoopbackURL(cfg.BaseURL) {
		return
	}
	from := "neither --base-url nor base_url in guichet.yaml is set: the address the server listens on"
	switch {
	case flag:
		from = "--base-url"
	case cfg.BaseURLSet:
		from = "base_url in guichet.yaml"
	}
	log.Warn(fmt.Sprintf("--smtp is set but the public URL is %s (%s), a loopback address: links in the e-mails sent would open the reader's own computer; set --base-url, or base_url in guichet.yaml, to the address customers reach the site at", cfg.BaseURL, from))
}
