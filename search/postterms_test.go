package search

import (
	"context"
	"reflect"
	"slices"
	"testing"
)

// TestPostTermsSameAnalysis checks that the gap report's analysis, which
// tokenises a query once and stems word by word (postTerms), reads every
// query as the full text analysis does, in every kind of locale, and that
// it is used in each (a change of the analyzers that broke "text is plain
// followed by word filters" would quietly double the report's work).
func TestPostTermsSameAnalysis(t *testing.T) {
	lib := worldLibrary()
	lib.Config.Locales = append(lib.Config.Locales, "fr")
	lib.Articles = append(lib.Articles,
		art("reset", "fr", "help", "Réinitialiser le mot de passe", "", nil, sec("", "", "Choisissez un nouveau mot de passe sur la page de connexion.")))
	ix, err := Build(context.Background(), testView(lib), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	queries := map[string][]string{
		"en": {"the customer's invoices were not arriving", "wi-fi keeps dropping", "e mail not working", "can't sign-in after updating!!", "Réservations annulées", "how do i reset my password?", "password password passwords"},
		"fr": {"l'application ne s'ouvre pas", "réinitialiser mes mots de passe", "j'ai oublié l'e-mail", "Qu'est-ce que c'est ?"},
		"de": {"Passwörter zurücksetzen", "wie kann ich mein Passwort ändern", "WLAN-Verbindung bricht ab"},
		"es": {"¿Cómo restablezco mi contraseña?", "descargar las facturas"},
		"ar": {"كيف أعيد تعيين كلمة المرور", "الفواتير"},
		"ru": {"Как сбросить пароль", "скачать счета в PDF"},
		"ja": {"パスワードを忘れました", "請求書 ダウンロード"},
		"zh": {"如何重置密码", "下载发票"},
		"sw": {"Nimesahau nenosiri langu"},
	}
	an := ix.Analyzer()
	for loc, qs := range queries {
		r := an.locales[loc]
		if r == nil {
			t.Fatalf("%s: no analysis", loc)
		}
		if r.post == nil {
			t.Errorf("%s: the text analysis is not the plain one followed by word filters: every phrasing is tokenised twice", loc)
			continue
		}
		full := &Analyzer{defaultLocale: an.defaultLocale, locales: map[string]*queryReader{}}
		cp := *r
		cp.post = nil
		full.locales[loc] = &cp
		// Two words joined, as compounds tries them: the short path
		// (filters only) gives what the full analysis gives.
		words := []string{"e", "mails", "wi", "fi", "log", "in", "sign", "ups", "check", "out", "the", "se", "a", "no", "show", "mot", "passe", "pass", "wort", "re", "set"}
		for _, q := range qs {
			for _, tok := range r.an.plain.Analyze([]byte(q)) {
				words = append(words, string(tok.Term))
			}
		}
		for _, a := range words {
			for _, b := range words {
				got, ok := r.post.joined(a + b)
				if !ok {
					continue
				}
				var want []string
				for _, tok := range r.an.text.Analyze([]byte(a + b)) {
					want = append(want, string(tok.Term))
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s %q joined: got %q, want %q", loc, a+b, got, want)
				}
			}
		}
		for _, q := range qs {
			for range 2 { // the second time from the words kept
				got, want := an.Analyze(loc, q), full.Analyze(loc, q)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s %q:\n got %+v\nwant %+v", loc, q, got, want)
				}
			}
		}
	}
}
