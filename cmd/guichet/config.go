package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
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
}

// flagDef describes one flag and the environment variable behind it; ptr
// is a *string, *bool, *int or *float64 field of the Config.
type flagDef struct {
	name, env, usage string
	ptr              any
}

// newFlagSet declares the flags of a sub-command on cfg with defaults and
// environment values applied (a flag on the command line wins); usage and
// parse errors go to stderr. A bad environment value is returned as the
// error, the flag set ready all the same.
func newFlagSet(cmd string, cfg *Config, stderr io.Writer, names ...string) (*flag.FlagSet, error) {
	fs := flag.NewFlagSet("guichet "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	defs := []flagDef{
		{"content", "GUICHET_CONTENT", "content folder (Markdown and guichet.yaml)", &cfg.Content},
		{"data", "GUICHET_DATA", "data folder for the SQLite file and the search index", &cfg.Data},
		{"database", "GUICHET_DATABASE", "postgres://user:password@host:port/name URL of a PostgreSQL database shared by replicas; empty: the SQLite file in --data", &cfg.Database},
		{"addr", "GUICHET_ADDR", "address to listen on", &cfg.Addr},
		{"base-url", "GUICHET_BASE_URL", "public URL of the site, overrides base_url in guichet.yaml", &cfg.BaseURL},
		{"dev", "GUICHET_DEV", "reload content and templates on change, show drafts", &cfg.Dev},
		{"watch", "GUICHET_WATCH", "publish the content again when its files change (drafts stay hidden)", &cfg.Watch},
		{"git-pull", "GUICHET_GIT_PULL", "run git pull --ff-only in the content folder before a publication asked by SIGHUP or POST /api/v1/reload", &cfg.GitPull},
		{"log-format", "GUICHET_LOG_FORMAT", "log lines as text or json", &cfg.LogFormat},
		{"trusted-proxies", "GUICHET_TRUSTED_PROXIES", "comma-separated CIDRs of reverse proxies whose X-Forwarded-For is trusted (loopback is always trusted)", &cfg.TrustedProxies},
		{"record-rate", "GUICHET_RECORD_RATE", "searches and events recorded per second per client; beyond it searches are answered but not recorded and event posts get 429", &cfg.RecordRate},
		{"record-burst", "GUICHET_RECORD_BURST", "burst of the recording budget", &cfg.RecordBurst},
		{"request-rate", "GUICHET_REQUEST_RATE", "requests per second per client before 429", &cfg.RequestRate},
		{"request-burst", "GUICHET_REQUEST_BURST", "burst of the request limit", &cfg.RequestBurst},
		{"auth-failures", "GUICHET_AUTH_FAILURES", "failed token checks or sign-ins per minute per client before a minute's lockout", &cfg.AuthFailures},
		{"retention-days", "GUICHET_RETENTION_DAYS", "days raw searches and events are kept before only daily totals remain", &cfg.RetentionDays},
		{"format", "GUICHET_FORMAT", "output format: text or json", &cfg.Format},
		{"verbose", "GUICHET_VERBOSE", "list every problem, not only the summary", &cfg.Verbose},
	}
	var bad error
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for _, d := range defs {
		if !want[d.name] {
			continue
		}
		usage := d.usage + " (env " + d.env + ")"
		switch p := d.ptr.(type) {
		case *string:
			fs.StringVar(p, d.name, *p, usage)
		case *bool:
			fs.BoolVar(p, d.name, *p, usage)
		case *int:
			fs.IntVar(p, d.name, *p, usage)
		case *float64:
			fs.Float64Var(p, d.name, *p, usage)
		}
		if env, set := os.LookupEnv(d.env); set {
			if err := fs.Set(d.name, strings.TrimSpace(env)); err != nil && bad == nil {
				bad = fmt.Errorf("environment %s: %q: %w", d.env, env, err)
			}
		}
	}
	return fs, bad
}

// defaultConfig returns the embedded defaults.
func defaultConfig() Config {
	return Config{Content: "./content", Data: "./data", Addr: "127.0.0.1:8080", LogFormat: "text", RecordRate: 10, RecordBurst: 30, RequestRate: 50, RequestBurst: 100, AuthFailures: 10, RetentionDays: 90, Format: "text"}
}

// validate checks the configuration once, after all sources are applied.
func (c *Config) validate() error {
	var errs []error
	if c.Content == "" {
		errs = append(errs, errors.New("--content must not be empty"))
	}
	if c.Data == "" {
		errs = append(errs, errors.New("--data must not be empty"))
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
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
	for _, v := range []struct {
		name string
		ok   bool
	}{
		{"--record-rate", c.RecordRate > 0}, {"--record-burst", c.RecordBurst >= 1},
		{"--request-rate", c.RequestRate > 0}, {"--request-burst", c.RequestBurst >= 1},
		{"--auth-failures", c.AuthFailures >= 1},
	} {
		if !v.ok {
			errs = append(errs, fmt.Errorf("%s must be positive", v.name))
		}
	}
	return errors.Join(errs...)
}

// logger returns the process's logger on w in the configured format.
func (c *Config) logger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if c.LogFormat == "json" {
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

// newCommand declares the Config flags names of sub-command name.
func newCommand(name string, stderr io.Writer, names ...string) *command {
	c := &command{cfg: defaultConfig()}
	c.fs, c.err = newFlagSet(name, &c.cfg, stderr, names...)
	return c
}

// parse applies args, flags anywhere, and returns the positional
// arguments; with max >= 0, more than max of them is an error.
func (c *command) parse(args []string, max int) ([]string, error) {
	if c.err != nil {
		return nil, c.err
	}
	pos, err := parseInterspersed(c.fs, args)
	if err == nil && max >= 0 && len(pos) > max {
		err = fmt.Errorf("%s: unexpected argument %q (see %s -h)", c.fs.Name(), pos[max], c.fs.Name())
	}
	return pos, err
}

// parseInterspersed parses flags that may come before, between or after
// positional arguments, and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
