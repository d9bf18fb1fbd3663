package content

import (
	"io/fs"
	"slices"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"gopkg.in/yaml.v3"
)

// Config defaults.
const (
	defaultTitle   = "Help Center"
	defaultLocale  = "en"
	defaultBaseURL = "http://localhost:8080"
)

// configKeys are the keys guichet.yaml may hold, by mapping.
func configKeys() []string {
	return []string{"title", "description", "base_url", "default_locale", "locales", "theme",
		"contact_url", "edit_url", "brand_color", "logo", "logo_dark", "favicon", "allow_html", "widget", "faq", "tickets", "check", "contact", "links"}
}

// translatableKeys are the settings that take a string or a map by locale.
func translatableKeys() []string { return []string{"title", "description", "contact_url"} }

// readTranslated reads a setting written as a map by locale
// ({en: Help, de: Hilfe}) into cfg.Translated, reporting keys that are not
// locale codes and values that are not strings.
func readTranslated(cfg *site.Config, f field) []site.Problem {
	var probs []site.Problem
	m := map[string]string{}
	lines := map[string]int{} // locale → the line setting it
	for i := 0; i+1 < len(f.value.Content); i += 2 {
		k, v := f.value.Content[i], f.value.Content[i+1]
		loc, _, ok := i18n.Canonical(k.Value)
		switch {
		case !ok:
			probs = append(probs, errorAt(site.KindConfig, configFile, k.Line, f.name, "%s: %q is not a locale code like %s", f.name, k.Value, localeExamples))
		case lines[loc] != 0:
			// {pt-br: …, pt-BR: …}: one locale spelt two ways.
			probs = append(probs, errorAt(site.KindConfig, configFile, k.Line, f.name, "%s: %s is already set on line %d; this value is not used", f.name, loc, lines[loc]))
		case v.Kind != yaml.ScalarNode:
			probs = append(probs, errorAt(site.KindConfig, configFile, k.Line, f.name, "%s.%s must be a string", f.name, k.Value))
		default:
			m[loc] = strings.TrimSpace(v.Value)
			lines[loc] = k.Line
		}
	}
	if cfg.Translated == nil {
		cfg.Translated = map[string]map[string]string{}
	}
	cfg.Translated[f.name] = m
	return probs
}

// subKeys are the keys of the config sections that are mappings.
func subKeys(section string) []string {
	switch section {
	case "widget":
		return []string{"allowed_origins"}
	case "faq":
		return []string{"size", "include", "window_days", "half_life_days"}
	case "tickets":
		return []string{"min_confidence"}
	case "check":
		return []string{"ignore_fields"}
	case "contact":
		return []string{"to", "webhook"}
	case "links":
		return []string{"root"}
	}
	return nil
}

// defaultConfig is the configuration of a content folder without
// guichet.yaml.
func defaultConfig() site.Config {
	cfg := site.Config{Title: defaultTitle, DefaultLocale: defaultLocale, BaseURL: defaultBaseURL, Theme: defaultThemeDir}
	checkFAQ(&cfg, nil)
	return cfg
}

// ConfigLine returns the line of key at the top level of the content
// folder's guichet.yaml, for problems found after loading that name a
// setting (locales: de has no articles); 0 when the file, or the key, is
// absent or the file does not parse.
func ConfigLine(fsys fs.FS, key string) int {
	data, err := fs.ReadFile(fsys, configFile)
	if err != nil {
		return 0
	}
	fields, _ := parseYAMLMapping(data, configFile, 0, configFile)
	return lineOf(fields, key)
}

// parseConfig reads guichet.yaml. Unknown keys are warnings; bad YAML or
// values of the wrong type are errors, and the defaults stand in for them.
func parseConfig(data []byte) (site.Config, []site.Problem) {
	cfg := defaultConfig()
	fields, probs := parseYAMLMapping(data, configFile, 0, configFile)
	for _, p := range probs {
		if p.Severity == site.SeverityError && p.Field == "" {
			// Nothing could be read: not even which origins may embed the
			// widget, so that list fails closed.
			cfg.Broken, cfg.Widget.Invalid = true, true
			return cfg, probs
		}
	}

	// The title is the file's: without one, TitleSet stays false and pages
	// and e-mails name the site "Help Center" in their own language, not
	// the English default (which made a Portuguese site's home "Help
	// Center", marked lang="pt-BR" on its Dutch pages).
	cfg.Title = ""
	for _, f := range fields {
		if !contains(configKeys(), f.name) {
			probs = append(probs, unknownField(configFile, f, configKeys(), false))
			continue
		}
		if keys := subKeys(f.name); keys != nil && f.value.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(f.value.Content); i += 2 {
				k := f.value.Content[i]
				if !contains(keys, k.Value) {
					probs = append(probs, unknownField(configFile, field{name: f.name + "." + k.Value, line: k.Line}, keys, false))
				}
			}
		}
		if contains(translatableKeys(), f.name) && f.value.Kind == yaml.MappingNode {
			probs = append(probs, readTranslated(&cfg, f)...)
			continue
		}
		// Decode each key alone so that one bad value keeps its default
		// without losing the others.
		var one site.Config
		single := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: f.name}, f.value}}
		if err := single.Decode(&one); err != nil {
			// The value at fault is named by its own line and key
			// ("faq.size" on line 4), not by the section's.
			ye, line, name := ExplainYAML(data, err), f.line, f.name
			if ye.Line > 0 {
				line = ye.Line
			}
			if f.value.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(f.value.Content); i += 2 {
					if k, v := f.value.Content[i], f.value.Content[i+1]; k.Line == line || v.Line == line {
						name = f.name + "." + k.Value
					}
				}
			}
			probs = append(probs, errorAt(site.KindConfig, configFile, line, name, "%s: %s", name, ye.Text()))
			if f.name == "widget" {
				cfg.Widget.Invalid = true // unreadable: fail closed
			}
			continue
		}
		mergeConfig(&cfg, &one, f.name)
	}
	probs = append(probs, settleTranslated(&cfg, fields)...)
	cfg.Title = strings.TrimSpace(cfg.Title)
	cfg.TitleSet = cfg.Title != ""
	if cfg.Title == "" {
		cfg.Title = defaultTitle
	}
	cfg.BaseURL = strings.TrimRight(strings.TrimSpace(cfg.BaseURL), "/")
	if cfg.BaseURL == "" {
		cfg.BaseURL = defaultBaseURL
	} else if _, err := site.CheckURL(cfg.BaseURL, site.WebSchemes); err != nil {
		probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, "base_url"), "base_url", "base_url %v; %s is used instead", err, defaultBaseURL))
		cfg.BaseURL = defaultBaseURL
	} else {
		// The default stands in when the key is absent: only a written
		// base_url is set.
		cfg.BaseURLSet = lineOf(fields, "base_url") > 0
	}
	if c := strings.TrimSpace(cfg.ContactURL); c != "" {
		if _, err := site.CheckURL(c, site.LinkSchemes); err != nil {
			probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, "contact_url"), "contact_url", "contact_url %v; no contact link is shown", err))
			c = ""
		}
		cfg.ContactURL = c
	}
	if e := strings.TrimSpace(cfg.EditURL); e != "" {
		if _, err := site.CheckURL(e, []string{"http", "https"}); err != nil {
			probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, "edit_url"), "edit_url", "edit_url %v; no edit link is shown", err))
			e = ""
		}
		cfg.EditURL = e
	}
	if loc, _, ok := i18n.Canonical(cfg.DefaultLocale); ok {
		cfg.DefaultLocale = loc
	} else {
		probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, "default_locale"), "default_locale",
			"default_locale %q is not a locale code like %s", cfg.DefaultLocale, localeExamples))
		cfg.DefaultLocale = defaultLocale
	}
	locales := cfg.Locales[:0:0]
	for _, l := range cfg.Locales {
		loc, _, ok := i18n.Canonical(l)
		if !ok {
			probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, "locales"), "locales", "locale %q is not a locale code like %s", l, localeExamples))
			continue
		}
		if !slices.Contains(locales, loc) {
			locales = append(locales, loc)
		}
	}
	cfg.Locales = locales
	probs = append(probs, checkBrand(&cfg, fields)...)
	probs = append(probs, checkFAQ(&cfg, fields)...)
	probs = append(probs, checkWidget(&cfg, fields)...)
	probs = append(probs, checkContact(&cfg, fields)...)
	probs = append(probs, checkLinks(&cfg, fields)...)
	for _, p := range probs {
		cfg.Broken = cfg.Broken || p.Severity == site.SeverityError
	}
	return cfg, probs
}

// checkWidget normalises widget.allowed_origins ("https://app.example.com",
// or "*" for any) and brand_color, reporting and dropping bad values.
func checkWidget(cfg *site.Config, fields []field) []site.Problem {
	var probs []site.Problem
	if c := strings.TrimSpace(cfg.BrandColor); c != "" && !site.ValidColor(c) {
		probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, "brand_color"), "brand_color",
			"brand_color %q must be a hex colour like #0b5cad", c))
		cfg.BrandColor = ""
	}
	var origins []string
	lines := originLines(fields)
	for i, o := range cfg.Widget.AllowedOrigins {
		norm, err := site.NormalizeOrigin(o)
		if err != nil {
			// Fail closed: one bad entry allows no other origin at all,
			// and the server refuses to start on it.
			p := errorAt(site.KindConfig, configFile, lineOf(fields, "widget"), "widget.allowed_origins", "%v", err)
			if i < len(lines) {
				p.Line, p.Column = lines[i][0], lines[i][1]
			}
			probs = append(probs, p)
			cfg.Widget.Invalid = true
			continue
		}
		if !slices.Contains(origins, norm) {
			origins = append(origins, norm)
		}
	}
	cfg.Widget.AllowedOrigins = origins
	return probs
}

// checkContact checks contact.to (one e-mail address) and contact.webhook
// (an http or https URL), reporting and dropping bad values: a request is
// never sent where the team did not mean.
func checkContact(cfg *site.Config, fields []field) []site.Problem {
	var probs []site.Problem
	c := &cfg.Contact
	if c.To = strings.TrimSpace(c.To); c.To != "" {
		to, err := site.CheckEmail("contact.to", c.To)
		if err != nil {
			probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, "contact"), "contact.to", "%s; contact requests are not sent by e-mail", site.ErrorMessage(err)))
		}
		c.To = to
	}
	if c.Webhook = strings.TrimSpace(c.Webhook); c.Webhook != "" {
		u, err := site.CheckURL(c.Webhook, site.WebSchemes)
		if err != nil {
			probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, "contact"), "contact.webhook", "contact.webhook %v; contact requests are not sent to a webhook", err))
		}
		c.Webhook = u
	}
	return probs
}

// checkLinks checks links.root: the address of a site (http or https),
// without query or fragment, since links are written after it. A bad one
// is reported and dropped: the links it would lead away stay broken.
func checkLinks(cfg *site.Config, fields []field) []site.Problem {
	written := cfg.Links.Root
	r := strings.TrimRight(strings.TrimSpace(written), "/")
	cfg.Links.Root = ""
	if r == "" {
		return nil
	}
	bad := func(format string, args ...any) []site.Problem {
		return []site.Problem{errorAt(site.KindConfig, configFile, lineOf(fields, "links"), "links.root",
			format+"; root-absolute links that match no page of the help center stay broken", args...)}
	}
	if _, err := site.CheckURL(r, site.WebSchemes); err != nil {
		return bad("links.root %v", err)
	}
	if strings.ContainsAny(r, "?#") {
		return bad("links.root %q has a query or fragment: write the address links are written after, like https://learn.microsoft.com/en-us", written)
	}
	cfg.Links.Root = r
	return nil
}

// originLines returns the line and column of each widget.allowed_origins
// entry in guichet.yaml, in order (nil when the list cannot be found).
func originLines(fields []field) [][2]int {
	for _, f := range fields {
		if f.name != "widget" || f.value == nil || f.value.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(f.value.Content); i += 2 {
			if f.value.Content[i].Value != "allowed_origins" || f.value.Content[i+1].Kind != yaml.SequenceNode {
				continue
			}
			var out [][2]int
			for _, item := range f.value.Content[i+1].Content {
				out = append(out, [2]int{item.Line + f.offset, item.Column})
			}
			return out
		}
	}
	return nil
}

// checkFAQ fills the FAQ and ticket defaults and replaces values out of
// range by them, reporting each.
func checkFAQ(cfg *site.Config, fields []field) []site.Problem {
	var probs []site.Problem
	bad := func(key, format string, args ...any) {
		section, _, _ := strings.Cut(key, ".")
		probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, section), key, format, args...))
	}
	// days: 0 takes the default, anything outside lo..hi is reported.
	days := func(v *int, key string, def, lo, hi int) {
		switch {
		case *v == 0:
			*v = def
		case *v < lo || *v > hi:
			bad(key, "%s %d must be from %d to %d", key, *v, lo, hi)
			*v = def
		}
	}
	f := &cfg.FAQ
	days(&f.Size, "faq.size", site.DefaultFAQSize, 1, 100)
	days(&f.WindowDays, "faq.window_days", site.DefaultFAQWindow, 1, 365)
	days(&f.HalfLifeDays, "faq.half_life_days", site.DefaultFAQHalfLife, 1, 365)
	switch f.Include {
	case "":
		f.Include = site.FAQIncludeAll
	case site.FAQIncludeAll, site.FAQIncludeMarked:
	default:
		bad("faq.include", "faq.include %q must be %s or %s", f.Include, site.FAQIncludeAll, site.FAQIncludeMarked)
		f.Include = site.FAQIncludeAll
	}
	t := &cfg.Tickets
	switch {
	case t.MinConfidence == 0:
		t.MinConfidence = site.DefaultTicketConfidence
	case t.MinConfidence < 0 || t.MinConfidence > 1:
		bad("tickets.min_confidence", "tickets.min_confidence %g must be from 0 to 1", t.MinConfidence)
		t.MinConfidence = site.DefaultTicketConfidence
	}
	return probs
}

// mergeConfig copies the key name decoded into one over cfg.
func mergeConfig(cfg, one *site.Config, name string) {
	switch name {
	case "title":
		cfg.Title = one.Title
	case "description":
		cfg.Description = one.Description
	case "base_url":
		cfg.BaseURL = one.BaseURL
	case "default_locale":
		cfg.DefaultLocale = one.DefaultLocale
	case "locales":
		cfg.Locales = one.Locales
	case "theme":
		cfg.Theme = one.Theme
	case "logo":
		cfg.Logo = one.Logo
	case "logo_dark":
		cfg.LogoDark = one.LogoDark
	case "favicon":
		cfg.Favicon = one.Favicon
	case "contact_url":
		cfg.ContactURL = one.ContactURL
	case "edit_url":
		cfg.EditURL = one.EditURL
	case "brand_color":
		cfg.BrandColor = one.BrandColor
	case "allow_html":
		cfg.AllowHTML = one.AllowHTML
	case "widget":
		cfg.Widget = one.Widget
	case "faq":
		cfg.FAQ = one.FAQ
	case "tickets":
		cfg.Tickets = one.Tickets
	case "check":
		cfg.Check = one.Check
	case "contact":
		cfg.Contact = one.Contact
	case "links":
		cfg.Links = one.Links
	}
}

func lineOf(fields []field, name string) int {
	for _, f := range fields {
		if f.name == name {
			return f.line
		}
	}
	return 0
}

// parseSynonyms reads synonyms.yaml: locale → list of groups of terms.
// Terms are lower-cased; groups of fewer than two terms are dropped.
func parseSynonyms(data []byte) (map[string][][]string, []site.Problem) {
	fields, probs := parseYAMLMapping(data, synonymsFile, 0, synonymsFile)
	out := map[string][][]string{}
	for _, f := range fields {
		loc, _, ok := i18n.Canonical(f.name)
		if !ok {
			probs = append(probs, errorAt(site.KindConfig, synonymsFile, f.line, f.name, "%q is not a locale code like %s", f.name, localeExamples))
			continue
		}
		if f.value.Kind != yaml.SequenceNode {
			probs = append(probs, errorAt(site.KindConfig, synonymsFile, f.line, f.name, "synonyms for %s must be a list of groups like [refund, money back]", f.name))
			continue
		}
		for _, g := range f.value.Content {
			var terms []string
			if g.Kind == yaml.SequenceNode {
				for _, t := range g.Content {
					if t.Kind == yaml.ScalarNode && strings.TrimSpace(t.Value) != "" {
						terms = append(terms, strings.ToLower(strings.TrimSpace(t.Value)))
					}
				}
			} else if g.Kind == yaml.ScalarNode {
				// "refund, money back" written as one string.
				for _, t := range strings.Split(g.Value, ",") {
					if t = strings.TrimSpace(t); t != "" {
						terms = append(terms, strings.ToLower(t))
					}
				}
			}
			if len(terms) < 2 {
				probs = append(probs, warningAt(site.KindConfig, synonymsFile, g.Line, f.name, "a synonym group needs at least two terms"))
				continue
			}
			out[loc] = append(out[loc], terms)
		}
	}
	return out, probs
}

// synonymLines returns the line of each locale key of synonyms.yaml, by
// its locale as parseSynonyms names it (the first, for a locale written
// twice).
func synonymLines(data []byte) map[string]int {
	fields, _ := parseYAMLMapping(data, synonymsFile, 0, synonymsFile)
	lines := map[string]int{}
	for _, f := range fields {
		if loc, _, ok := i18n.Canonical(f.name); ok && lines[loc] == 0 {
			lines[loc] = f.line
		}
	}
	return lines
}

// parseRedirects reads redirects.yaml: either a list of {from, to} or a
// mapping from: to. An empty to, or "gone", means 410 Gone.
// lines holds the line of each redirect, for later reports.
func parseRedirects(data []byte) (redirects []site.Redirect, lines []int, probs []site.Problem) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		if p, ok := redirectFieldUnindented(data); ok {
			return nil, nil, []site.Problem{p}
		}
		if p, ok := redirectNotListed(data); ok {
			return nil, nil, []site.Problem{p}
		}
		return nil, nil, []site.Problem{yamlProblem(redirectsFile, 0, redirectsFile, ExplainYAML(data, err))}
	}
	if len(root.Content) == 0 {
		return nil, nil, nil
	}
	var out []site.Redirect
	add := func(from, to string, line int) {
		r := site.Redirect{From: normalizePath(from)}
		if r.From == "" {
			probs = append(probs, errorAt(site.KindRedirect, redirectsFile, line, "from", "redirect without a from path"))
			return
		}
		if _, err := site.CheckPath(r.From); err != nil || strings.ContainsAny(r.From, "?#") {
			probs = append(probs, errorAt(site.KindRedirect, redirectsFile, line, "from", "redirect from %q: a from path is a path of this site without query or fragment, like /billing/old-plans; the redirect is ignored", from))
			return
		}
		to = strings.TrimSpace(to)
		var err error
		switch {
		case to == "" || strings.EqualFold(to, "gone"):
		case scheme(to) != "":
			r.To, err = site.CheckURL(to, site.WebSchemes)
		default:
			if !strings.HasPrefix(to, "/") {
				to = "/" + to
			}
			r.To, err = site.CheckPath(to)
		}
		if err != nil {
			probs = append(probs, errorAt(site.KindRedirect, redirectsFile, line, "to", "redirect from %s: %v; the redirect is ignored", r.From, err))
			return
		}
		out = append(out, r)
		lines = append(lines, line)
	}
	switch n := root.Content[0]; n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Value == "from" || k.Value == "to" {
				// A list item whose `- ` was left out reads as the
				// mapping of from: to, redirecting /from and /to: the
				// file is broken, as one that does not parse is, and the
				// redirects being served stay.
				p := errorAt(site.KindYAML, redirectsFile, k.Line, "",
					"`%s:` outside a list item reads as a redirect from /%s: each redirect is a list item; add `- ` before `from:` and indent `to:` under it (- from: /old-page, then   to: /new-page)", k.Value, k.Value)
				p.Column = k.Column
				return nil, nil, []site.Problem{p}
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Kind == yaml.SequenceNode {
				// `redirects:` over the list, as other tools' files nest it.
				probs = append(probs, errorAt(site.KindRedirect, redirectsFile, k.Line, k.Value, "`%s:` holds a list: redirects.yaml is the list itself; remove the `%s:` line and start each item's `- ` at the start of its line; its redirects are ignored", k.Value, k.Value))
				continue
			}
			if v.Kind != yaml.ScalarNode {
				probs = append(probs, errorAt(site.KindRedirect, redirectsFile, k.Line, k.Value, "redirect target must be a path, a URL or gone"))
				continue
			}
			add(k.Value, nullAsEmpty(v), k.Line)
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			var r struct {
				From string `yaml:"from"`
				To   string `yaml:"to"`
			}
			if k, v := secondFrom(item); k != nil {
				// `  from: /c` under an item: a redirect of its own whose
				// `- ` was left out, indented as the item's fields are.
				p := errorAt(site.KindRedirect, redirectsFile, k.Line, "from",
					"a second `from:` in the redirect of line %d: it starts a redirect of its own; write `- from: %s` with its `- ` where the other items' starts, and its `to:` under it; the redirect of line %d is ignored until then", item.Line, v.Value, item.Line)
				p.Column = k.Column
				probs = append(probs, p)
				continue
			}
			if item.Kind != yaml.MappingNode || item.Decode(&r) != nil {
				probs = append(probs, errorAt(site.KindRedirect, redirectsFile, item.Line, "", "each redirect must be a mapping {from: /old, to: /new}"))
				continue
			}
			add(r.From, r.To, item.Line)
		}
	default:
		if !isNull(n) {
			probs = append(probs, errorAt(site.KindRedirect, redirectsFile, n.Line, "", "%s must be a list of {from, to} or a mapping of from: to", redirectsFile))
		}
	}
	return out, lines, probs
}

// redirectFieldUnindented finds, in a redirects.yaml that does not parse,
// a redirect's second field written where its `- ` starts (`- from: /a`
// then `to: /b`), which YAML reads as fields mixed with list items: an
// error at that field's line saying to indent it under the item's first.
func redirectFieldUnindented(data []byte) (site.Problem, bool) {
	item, fields := -1, 0 // indentation of the `- ` of the item being read (-1 outside one), and of its fields
	for i, l := range redirectLines(data) {
		t := strings.TrimLeft(l, " ")
		indent := len(l) - len(t)
		t = strings.TrimSpace(t)
		if at, col, ok := redirectItemStart(l); ok {
			item, fields = at, col
			continue
		}
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
		case indent == item && (strings.HasPrefix(t, "from:") || strings.HasPrefix(t, "to:")):
			field := t[:strings.IndexByte(t, ':')]
			p := errorAt(site.KindYAML, redirectsFile, i+1, "",
				"`%s:` starts where its redirect's `- ` does, outside the list item: indent it under the item's first field (%s%s)", field, strings.Repeat(" ", fields), t)
			p.Column = indent + 1
			return p, true
		default:
			item = -1
		}
	}
	return site.Problem{}, false
}

// redirectNotListed finds, in a redirects.yaml that does not parse, a
// redirect written without its `- ` among list items (`from: /c` at the
// start of a line, where the other redirects start with `- from:`), which
// YAML reads as a field mixed with list items: an error at that line
// saying to make it a list item. redirectFieldUnindented has found a
// second field written where its item's `- ` starts.
func redirectNotListed(data []byte) (site.Problem, bool) {
	lines := redirectLines(data)
	item, itemLine := -1, 0 // indentation and line of the first list item
	for i, l := range lines {
		if at, _, ok := redirectItemStart(l); ok {
			item, itemLine = at, i+1
			break
		}
	}
	if item < 0 {
		return site.Problem{}, false
	}
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if len(l)-len(t) != item || !strings.HasPrefix(t, "from:") && !strings.HasPrefix(t, "to:") {
			continue
		}
		t = strings.TrimSpace(t)
		p := errorAt(site.KindYAML, redirectsFile, i+1, "",
			"`%s` is not a list item, as the redirect of line %d is: write `%s- %s` and indent the redirect's other field under it (every redirect is a list item); the file is not read until then",
			t, itemLine, strings.Repeat(" ", item), t)
		p.Column = item + 1
		return p, true
	}
	return site.Problem{}, false
}

// redirectLines returns the lines of a redirects.yaml, without the byte
// order mark an editor may have written before the first (YAML skips it).
func redirectLines(data []byte) []string {
	return strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\n")
}

// redirectItemStart reports whether line l starts a redirect's list item
// however YAML lets it be written: `- from:` or `- to:`, with one space or
// more after the `- `, or the `- ` alone on its line (its fields on the
// next lines). It returns the indentation of the `- ` and that of the
// item's fields (two more than the `- `'s for a `- ` alone).
func redirectItemStart(l string) (dash, fields int, ok bool) {
	t := strings.TrimLeft(l, " ")
	dash = len(l) - len(t)
	rest, ok := strings.CutPrefix(strings.TrimRight(t, " \t\r"), "-")
	if !ok {
		return 0, 0, false
	}
	if rest == "" {
		return dash, dash + 2, true
	}
	f := strings.TrimLeft(rest, " ")
	if len(f) == len(rest) || !strings.HasPrefix(f, "from:") && !strings.HasPrefix(f, "to:") {
		return 0, 0, false
	}
	return dash, dash + 1 + len(rest) - len(f), true
}

// secondFrom returns the second `from` key of a redirect item and its
// value, nils when it has one at most.
func secondFrom(item *yaml.Node) (key, value *yaml.Node) {
	if item.Kind != yaml.MappingNode {
		return nil, nil
	}
	seen := false
	for i := 0; i+1 < len(item.Content); i += 2 {
		if k := item.Content[i]; k.Value == "from" {
			if seen {
				return k, item.Content[i+1]
			}
			seen = true
		}
	}
	return nil, nil
}

func nullAsEmpty(n *yaml.Node) string {
	if isNull(n) {
		return ""
	}
	return n.Value
}
