package web_test

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/themes"
)

// TestBrazilianInterface: a help center in Brazilian Portuguese (pt-BR)
// speaks Brazilian Portuguese: "Mostrando resultados para", "Fale com o
// suporte", "Nossa equipe", where the theme's Portuguese (pt.yaml, from
// Portugal) says "A mostrar resultados para", "Contactar o suporte", "A
// nossa equipa" (a newcomer, rv19d); a European Portuguese site keeps
// those. The strings pt-BR does not change come from pt.yaml.
func TestBrazilianInterface(t *testing.T) {
	site := func(locale string) fstest.MapFS {
		return fstest.MapFS{
			"guichet.yaml":      {Data: []byte("title: Patinete\nbase_url: https://ajuda.patinete.test\ndefault_locale: " + locale + "\nlocales: [" + locale + "]\ncontact_url: https://patinete.test/contato\n")},
			"conta/_index.md":   {Data: []byte("---\ntitle: Conta\n---\n")},
			"conta/cancel.md":   {Data: []byte("---\ntitle: Cancelar a assinatura\n---\nToque em Assinatura e depois em Cancelar.\n")},
			"conta/capacete.md": {Data: []byte("---\ntitle: Preciso usar capacete?\n---\nO capacete é recomendado.\n")},
		}
	}
	for _, c := range []struct {
		locale      string
		want, never []string
	}{
		{"pt-BR", []string{"Mostrando resultados para", "Fale com o suporte", "Nossa equipe de suporte", "Pesquisar na central de ajuda"},
			[]string{"A mostrar", "Contactar", "equipa"}},
		{"pt", []string{"A mostrar resultados para", "Contactar o suporte", "A nossa equipa de suporte"}, []string{"Mostrando", "Fale com"}},
	} {
		e := newWorldOf(t, site(c.locale))
		page := e.page(t, "/search?q=capacte") + e.page(t, "/search?q=zeppelin")
		for _, w := range c.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: no %q on the search pages", c.locale, w)
			}
		}
		for _, w := range c.never {
			if strings.Contains(page, w) {
				t.Errorf("%s: %q on the search pages", c.locale, w)
			}
		}
	}
	// Every string of pt-BR.yaml is one of the theme's, with its
	// placeholders.
	theme, _ := fs.Sub(themes.FS, "default")
	strs, errs := i18n.ReadDir(theme)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	placeholders := regexp.MustCompile(`\{[a-z_]+\}`)
	for key, msg := range strs["pt-BR"] {
		ref, ok := strs["en"][key]
		if !ok {
			t.Errorf("pt-BR.yaml: %s is no string of the theme", key)
			continue
		}
		for form, text := range msg {
			got := placeholders.FindAllString(text, -1)
			want := placeholders.FindAllString(ref["other"], -1)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(slices.Compact(got), slices.Compact(want)) && !(form == "one" && len(got) < len(want)) {
				t.Errorf("pt-BR.yaml: %s.%s has placeholders %v, want %v", key, form, got, want)
			}
		}
	}
}
