package content

import (
	"path"
	"strings"

	"github.com/guichet/guichet/site"
)

// defaultThemeDir is the content folder's theme folder when guichet.yaml
// names none.
const defaultThemeDir = "theme"

// settleTranslated resolves the settings given by locale: the default
// locale's value becomes the setting itself (what pages of a locale
// without its own value show), and each contact URL is checked.
func settleTranslated(cfg *site.Config, fields []field) []site.Problem {
	var probs []site.Problem
	for _, key := range translatableKeys() {
		m := cfg.Translated[key]
		if m == nil {
			continue
		}
		if key == "contact_url" {
			for loc, u := range m {
				if _, err := site.CheckURL(u, site.LinkSchemes); err != nil || u == "" {
					probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, key), key, "contact_url.%s %v; no contact link is shown in %s", loc, err, loc))
					m[loc] = ""
				}
			}
		}
		def, ok := m[cfg.DefaultLocale]
		if !ok {
			def = m[i18nLanguage(cfg.DefaultLocale)]
		}
		switch key {
		case "title":
			cfg.Title = def
		case "description":
			cfg.Description = def
		case "contact_url":
			cfg.ContactURL = def
		}
	}
	return probs
}

// i18nLanguage is a locale's base language ("pt" for "pt-BR").
func i18nLanguage(locale string) string {
	lang, _, _ := strings.Cut(locale, "-")
	return lang
}

// checkBrand checks the brand settings: the theme folder's name and the
// logo and favicon paths (files of the content folder, checked to exist
// once the folder is read, see checkBrandFiles).
func checkBrand(cfg *site.Config, fields []field) []site.Problem {
	var probs []site.Problem
	theme := strings.Trim(strings.TrimSpace(cfg.Theme), "/")
	if theme == "" {
		theme = defaultThemeDir
	}
	if clean := path.Clean(theme); clean != theme || strings.HasPrefix(theme, "..") || strings.HasPrefix(theme, "/") || strings.Contains(theme, "\\") {
		probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, "theme"), "theme",
			"theme %q must name a folder inside the content folder, like theme; %s is used", cfg.Theme, defaultThemeDir))
		theme = defaultThemeDir
	}
	cfg.Theme = theme
	for _, f := range []struct {
		key string
		v   *string
	}{{"logo", &cfg.Logo}, {"logo_dark", &cfg.LogoDark}, {"favicon", &cfg.Favicon}} {
		p := strings.TrimPrefix(strings.TrimSpace(*f.v), "/")
		if p == "" {
			*f.v = ""
			continue
		}
		if path.Clean(p) != p || strings.HasPrefix(p, "..") || !site.IsImage(p) {
			probs = append(probs, errorAt(site.KindConfig, configFile, lineOf(fields, f.key), f.key,
				"%s %q must be an image file of the content folder (SVG, PNG, JPEG, WebP, GIF or ICO), like images/logo.svg", f.key, *f.v))
			*f.v = ""
			continue
		}
		*f.v = p
	}
	if cfg.LogoDark != "" && cfg.Logo == "" {
		probs = append(probs, warningAt(site.KindConfig, configFile, lineOf(fields, "logo_dark"), "logo_dark", "logo_dark is shown in dark mode only in place of logo, which is not set"))
	}
	return probs
}

// categoryIcon resolves a category's icon: an image file, relative to its
// folder, is published with it; anything else longer than an emoji or two
// is reported and dropped.
func (l *loader) categoryIcon(c *site.Category) {
	if c.Icon == "" {
		return
	}
	if site.IsImage(c.Icon) {
		p := path.Join(path.Dir(c.SourcePath), c.Icon)
		if !l.assets[p] || strings.HasPrefix(p, "..") {
			l.probs = append(l.probs, errorAt(site.KindImage, c.SourcePath, 0, "icon", "icon %s: no such image in the content folder", c.Icon))
			c.Icon = ""
			return
		}
		c.IconURL = "/_content/" + p
		c.Files = append(c.Files, p)
		return
	}
	if n := len([]rune(c.Icon)); n > 8 {
		l.probs = append(l.probs, warningAt(site.KindFrontMatter, c.SourcePath, 0, "icon", "icon %q is neither an image file nor an emoji: it is not shown", c.Icon))
		c.Icon = ""
	}
}
