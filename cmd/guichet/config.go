package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web"
)

// Config is the whole configuration of a guichet process: defaults, then
// GUICHET_* environment variables, then command-line flags (a flag given on
// the command line wins). Site settings (title, locales…) live in the
// content folder's guichet.yaml instead.
type Config struct {
	Content        string // content folder
	Data           string // data folder: SQLite file and search index
	Addr           string // listen address
	BaseURL        string // overrides base_url of guichet.yaml when set
	Dev            bool   // live reload, drafts visible
	Watch          bool   // publish on content file changes (no drafts)
	GitPull        bool   // git pull --ff-only in the content folder before a SIGHUP or API publication
	LogFormat      string // text or json
	TrustedProxies string // comma-separated CIDRs whose X-Forwarded-For is believed
	// RecordRate/RecordBurst: per-client recording budget; RequestRate/
	// RequestBurst: per-client protection limit; AuthFailures: failed
	// authentications per minute before a minute's lockout (web.Limits).
	RecordRate    float64
	RecordBurst   int
	RequestRate   float64
	RequestBurst  int
	AuthFailures  int
	RetentionDays int    // raw events older than this are rolled up and deleted
	Format        string // check: text or json
	Verbose       bool   // check: every problem instead of the summary
}

// flagDef describes one flag and the environment variable behind it.
type flagDef struct {
	name, env, usage string
	str              *string
	boolean          *bool
	float            *float64
	integer          *int
}

// newFlagSet declares the flags of a sub-command on cfg with defaults and
// environment values applied.
func newFlagSet(cmd string, cfg *Config, names ...string) (*flag.FlagSet, error) {
	fs := flag.NewFlagSet("guichet "+cmd, flag.ContinueOnError)
	defs := []flagDef{
		{name: "content", env: "GUICHET_CONTENT", usage: "content folder (Markdown and guichet.yaml)", str: &cfg.Content},
		{name: "data", env: "GUICHET_DATA", usage: "data folder for the SQLite file and the search index", str: &cfg.Data},
		{name: "addr", env: "GUICHET_ADDR", usage: "address to listen on", str: &cfg.Addr},
		{name: "base-url", env: "GUICHET_BASE_URL", usage: "public URL of the site, overrides base_url in guichet.yaml", str: &cfg.BaseURL},
		{name: "dev", env: "GUICHET_DEV", usage: "reload content and templates on change, show drafts", boolean: &cfg.Dev},
		{name: "watch", env: "GUICHET_WATCH", usage: "publish the content again when its files change (drafts stay hidden)", boolean: &cfg.Watch},
		{name: "git-pull", env: "GUICHET_GIT_PULL", usage: "run git pull --ff-only in the content folder before a publication asked by SIGHUP or POST /api/v1/reload", boolean: &cfg.GitPull},
		{name: "log-format", env: "GUICHET_LOG_FORMAT", usage: "log lines as text or json", str: &cfg.LogFormat},
		{name: "trusted-proxies", env: "GUICHET_TRUSTED_PROXIES", usage: "comma-separated CIDRs of reverse proxies whose X-Forwarded-For is trusted (loopback is always trusted)", str: &cfg.TrustedProxies},
		{name: "record-rate", env: "GUICHET_RECORD_RATE", usage: "searches and events recorded per second per client; beyond it searches are answered but not recorded and event posts get 429", float: &cfg.RecordRate},
		{name: "record-burst", env: "GUICHET_RECORD_BURST", usage: "burst of the recording budget", integer: &cfg.RecordBurst},
		{name: "request-rate", env: "GUICHET_REQUEST_RATE", usage: "requests per second per client before 429", float: &cfg.RequestRate},
		{name: "request-burst", env: "GUICHET_REQUEST_BURST", usage: "burst of the request limit", integer: &cfg.RequestBurst},
		{name: "auth-failures", env: "GUICHET_AUTH_FAILURES", usage: "failed token checks or sign-ins per minute per client before a minute's lockout", integer: &cfg.AuthFailures},
		{name: "retention-days", env: "GUICHET_RETENTION_DAYS", usage: "days raw searches and events are kept before only daily totals remain", integer: &cfg.RetentionDays},
		{name: "format", env: "GUICHET_FORMAT", usage: "output format: text or json", str: &cfg.Format},
		{name: "verbose", env: "GUICHET_VERBOSE", usage: "list every problem, not only the summary", boolean: &cfg.Verbose},
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for _, d := range defs {
		if !want[d.name] {
			continue
		}
		env, set := os.LookupEnv(d.env)
		switch {
		case d.str != nil:
			if set {
				*d.str = env
			}
			fs.StringVar(d.str, d.name, *d.str, d.usage+" (env "+d.env+")")
		case d.boolean != nil:
			if set {
				v, err := parseBool(env)
				if err != nil {
					return nil, fmt.Errorf("environment %s: %w", d.env, err)
				}
				*d.boolean = v
			}
			fs.BoolVar(d.boolean, d.name, *d.boolean, d.usage+" (env "+d.env+")")
		case d.float != nil:
			if set {
				var v float64
				if _, err := fmt.Sscan(env, &v); err != nil {
					return nil, fmt.Errorf("environment %s: %q is not a number", d.env, env)
				}
				*d.float = v
			}
			fs.Float64Var(d.float, d.name, *d.float, d.usage+" (env "+d.env+")")
		case d.integer != nil:
			if set {
				v, err := strconv.Atoi(strings.TrimSpace(env))
				if err != nil {
					return nil, fmt.Errorf("environment %s: %q is not a whole number", d.env, env)
				}
				*d.integer = v
			}
			fs.IntVar(d.integer, d.name, *d.integer, d.usage+" (env "+d.env+")")
		}
	}
	return fs, nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "on":
		return true, nil
	case "", "0", "false", "no", "off":
		return false, nil
	}
	return false, fmt.Errorf("%q is not a boolean", s)
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
	if c.Format != "text" && c.Format != "json" {
		errs = append(errs, fmt.Errorf("--format %q: want text or json", c.Format))
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("--log-format %q: want text or json", c.LogFormat))
	}
	if c.RetentionDays < 1 {
		errs = append(errs, fmt.Errorf("--retention-days must be at least 1"))
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
	var out []*net.IPNet
	for _, s := range strings.Split(c.TrustedProxies, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !strings.Contains(s, "/") {
			if strings.Contains(s, ":") {
				s += "/128"
			} else {
				s += "/32"
			}
		}
		_, n, err := net.ParseCIDR(s)
		if err != nil {
			return nil, fmt.Errorf("--trusted-proxies: %q is not an IP or CIDR", s)
		}
		out = append(out, n)
	}
	return out, nil
}

// shutdownGrace is how long in-flight requests get on SIGINT/SIGTERM.
const shutdownGrace = 10 * time.Second

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
