package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/cli"
	"github.com/guichet/guichet/site/mail"
	"github.com/guichet/guichet/site/store"
	"github.com/guichet/guichet/site/web"
)

// Config is the whole configuration of a guichet process: defaults, then
// GUICHET_* environment variables, then command-line flags (a flag given on
// the command line wins); each field is described by its flag in
// newFlagSet. Site settings (title, locales…) live in the content folder's
// guichet.yaml instead.
type Config struct {
	Content, Data, Addr, BaseURL, Database string
	Dev, Watch, GitPull                    bool
	LogFormat, TrustedProxies              string
	RecordRate, RequestRate                float64 // web.Limits
	RecordBurst, RequestBurst              int
	AuthFailures, RetentionDays            int
	Format                                 string
	Verbose                                bool
	// SMTP and MailFrom send e-mail (site/mail); WebhookSecret, from
	// GUICHET_WEBHOOK_SECRET only, signs the contact webhook.
	SMTP, MailFrom, WebhookSecret string
}

// newFlagSet declares the flags of a sub-command on cfg with defaults and
// environment values applied (a flag on the command line wins), those it
// read recorded in ctx's cli.Sources; usage and parse errors go to
// stderr. A bad environment value is returned as the error, the flag set
// ready all the same.
func newFlagSet(ctx context.Context, cmd string, cfg *Config, stderr io.Writer, names ...string) (*flag.FlagSet, error) {
	return cli.NewFlagSet(ctx, cmd, flagDefs(cfg), stderr, names...)
}

// flagDefs is every flag of Config, with its environment variable.
func flagDefs(cfg *Config) []cli.Flag {
	return []cli.Flag{
		{Name: "content", Env: "GUICHET_CONTENT", Usage: "content folder (Markdown and guichet.yaml)", Ptr: &cfg.Content},
		{Name: "data", Env: "GUICHET_DATA", Usage: "data folder for the SQLite file and the search index", Ptr: &cfg.Data},
		{Name: "database", Env: "GUICHET_DATABASE", Usage: "postgres://user:password@host:port/name URL of a PostgreSQL database shared by replicas; empty: the SQLite file in --data", Ptr: &cfg.Database},
		{Name: "addr", Env: "GUICHET_ADDR", Usage: "address to listen on", Ptr: &cfg.Addr},
		{Name: "base-url", Env: "GUICHET_BASE_URL", Usage: "public URL of the site, overrides base_url in guichet.yaml", Ptr: &cfg.BaseURL},
		{Name: "dev", Env: "GUICHET_DEV", Usage: "reload content and templates on change, show drafts", Ptr: &cfg.Dev},
		{Name: "watch", Env: "GUICHET_WATCH", Usage: "publish the content again when its files change (drafts stay hidden)", Ptr: &cfg.Watch},
		{Name: "git-pull", Env: "GUICHET_GIT_PULL", Usage: "run git pull --ff-only in the content folder before a publication asked by SIGHUP or POST /api/v1/reload", Ptr: &cfg.GitPull},
		{Name: "log-format", Env: "GUICHET_LOG_FORMAT", Usage: "log lines as text or json", Ptr: &cfg.LogFormat},
		{Name: "trusted-proxies", Env: "GUICHET_TRUSTED_PROXIES", Usage: "comma-separated CIDRs of reverse proxies whose X-Forwarded-For is trusted (loopback is always trusted)", Ptr: &cfg.TrustedProxies},
		{Name: "record-rate", Env: "GUICHET_RECORD_RATE", Usage: "searches and events recorded per second per client; beyond it searches are answered but not recorded and event posts get 429", Ptr: &cfg.RecordRate},
		{Name: "record-burst", Env: "GUICHET_RECORD_BURST", Usage: "burst of the recording budget", Ptr: &cfg.RecordBurst},
		{Name: "request-rate", Env: "GUICHET_REQUEST_RATE", Usage: "requests per second per client before 429", Ptr: &cfg.RequestRate},
		{Name: "request-burst", Env: "GUICHET_REQUEST_BURST", Usage: "burst of the request limit", Ptr: &cfg.RequestBurst},
		{Name: "auth-failures", Env: "GUICHET_AUTH_FAILURES", Usage: "failed token checks or sign-ins per minute per client before a minute's lockout", Ptr: &cfg.AuthFailures},
		{Name: "retention-days", Env: "GUICHET_RETENTION_DAYS", Usage: "days raw searches and events are kept before only daily totals remain", Ptr: &cfg.RetentionDays},
		{Name: "smtp", Env: "GUICHET_SMTP", Usage: "SMTP server for the contact form and subscriptions: smtp://[user:pass@]host:port (STARTTLS when offered) or smtps:// (implicit TLS)", Ptr: &cfg.SMTP},
		{Name: "mail-from", Env: "GUICHET_MAIL_FROM", Usage: "sender address of the e-mails (with --smtp)", Ptr: &cfg.MailFrom},
		{Name: "format", Env: "GUICHET_FORMAT", Usage: "output format: text or json", Ptr: &cfg.Format},
		{Name: "verbose", Env: "GUICHET_VERBOSE", Usage: "list every problem, not only the summary", Ptr: &cfg.Verbose},
	}
}

// defaultConfig returns the embedded defaults.
func defaultConfig() Config {
	return Config{Content: "./content", Data: "./data", Addr: "127.0.0.1:8080", LogFormat: "text", RecordRate: 10, RecordBurst: 30, RequestRate: 50, RequestBurst: 100, AuthFailures: 10, RetentionDays: 90, Format: "text"}
}

// validate checks the configuration once, after all sources are applied:
// what it finds is a usage error.
func (c *Config) validate() error {
	var errs []error
	if err := web.CheckAddr(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("--addr %q: %w", c.Addr, err))
	}
	if c.BaseURL != "" {
		if _, err := site.CheckURL(c.BaseURL, site.WebSchemes); err != nil {
			errs = append(errs, fmt.Errorf("--base-url %w", err))
		}
	}
	if _, err := c.proxies(); err != nil {
		errs = append(errs, err)
	}
	if _, err := c.mailer(); err != nil {
		errs = append(errs, err)
	}
	if err := store.Check(c.Database); err != nil {
		errs = append(errs, err)
	}
	if c.Format != "text" && c.Format != "json" {
		errs = append(errs, fmt.Errorf("--format %q: want text or json", c.Format))
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("--log-format %q: want text or json", c.LogFormat))
	}
	if c.RetentionDays < 1 || c.RetentionDays > 36500 {
		errs = append(errs, fmt.Errorf("--retention-days must be from 1 to 36500 (a hundred years)"))
	}
	const positive, given = "must be positive", "must not be empty"
	for _, v := range []struct {
		name, want string
		ok         bool
	}{
		{"--content", given, c.Content != ""}, {"--data", given, c.Data != ""},
		{"--record-rate", positive, c.RecordRate > 0}, {"--record-burst", positive, c.RecordBurst >= 1},
		{"--request-rate", positive, c.RequestRate > 0}, {"--request-burst", positive, c.RequestBurst >= 1},
		{"--auth-failures", positive, c.AuthFailures >= 1},
		// GUICHET_DEV left set where --watch publishes: drafts served.
		{"--dev", "and --watch are one or the other: --dev also serves drafts and scheduled articles", !c.Dev || !c.Watch},
	} {
		if !v.ok {
			errs = append(errs, fmt.Errorf("%s %s", v.name, v.want))
		}
	}
	return cli.Usage(errors.Join(errs...))
}

// logger returns the process's logger on w in the configured format.
func (c *Config) logger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if c.LogFormat == "json" {
		opts.ReplaceAttr = site.ReadableDurations
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// limits is the per-client policy of the public endpoints.
func (c *Config) limits() web.Limits {
	return web.Limits{
		RecordRate: c.RecordRate, RecordBurst: c.RecordBurst,
		RequestRate: c.RequestRate, RequestBurst: c.RequestBurst,
		AuthFailures: c.AuthFailures, AuthWindow: time.Minute,
	}
}

// mailer returns the SMTP sender of --smtp and --mail-from, nil without
// --smtp.
func (c *Config) mailer() (*mail.Sender, error) {
	if c.SMTP == "" {
		return nil, nil
	}
	return mail.New(c.SMTP, c.MailFrom)
}

// proxies parses TrustedProxies.
func (c *Config) proxies() ([]*net.IPNet, error) {
	n, err := web.ParseNetworks(c.TrustedProxies)
	if err != nil {
		return nil, fmt.Errorf("--trusted-proxies: %w", err)
	}
	return n, nil
}

// storeOptions says which events store the configuration names.
func (c *Config) storeOptions(existing bool) store.Options {
	return store.Options{Database: c.Database, Data: c.Data, Existing: existing, Application: "guichet"}
}

// openStore opens the events store: --database, or the SQLite file of the
// data folder. existing asks for one a server already made (commands that
// read what was recorded): its absence is an error, not a new database.
func openStore(ctx context.Context, cfg Config, existing bool) (store.Store, error) {
	return store.Open(ctx, cfg.storeOptions(existing))
}

// shutdownGrace is how long in-flight requests get on SIGINT/SIGTERM.
const shutdownGrace = 10 * time.Second

// command is the flags of a sub-command: the Config flags it takes, with
// their environment variables, and its own, declared on fs before parse.
type command struct {
	cfg Config
	fs  *flag.FlagSet
	err error // a bad environment value, returned by parse
}

// newCommand declares the Config flags names of sub-command name; those
// read from the environment are recorded in ctx's cli.Sources, which run
// names in the command's error.
func newCommand(ctx context.Context, name string, stderr io.Writer, names ...string) *command {
	c := &command{cfg: defaultConfig()}
	c.fs, c.err = newFlagSet(ctx, name, &c.cfg, stderr, names...)
	return c
}

// parse applies args, flags anywhere, and returns the positional
// arguments; with max >= 0, more than max of them is an error. A command
// that takes --database has it checked here, as serve's validate does: a
// value the driver would misread is a usage error (exit 2), said before
// the command opens any file.
func (c *command) parse(args []string, max int) ([]string, error) {
	if c.err != nil {
		return nil, c.err
	}
	pos, err := cli.ParseInterspersed(c.fs, args)
	if err == nil && max >= 0 && len(pos) > max {
		err = cli.Typedf("%s: unexpected argument %q (see %s -h)", c.fs.Name(), pos[max], c.fs.Name())
	}
	if err == nil && c.fs.Lookup("database") != nil {
		if cerr := store.Check(c.cfg.Database); cerr != nil {
			err = cli.Usage(cerr)
		}
	}
	return pos, err
}
