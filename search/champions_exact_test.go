package search

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/testrun"
)

// Hostile tests of champion lists (champions.go): every answer through
// them is compared with the answer of the same index scoring every
// article (li.broad set to math.MaxInt), on help centers in several
// languages, with synonyms, hyphenated compounds, typos, Verbatim, limits
// and offsets, a locale without articles and a locale mixing in the
// default one.

// championWords are the words of each locale's generated articles, real
// words first (the frequent ones), stop words apart.
var championWords = map[string]struct{ words, stops string }{
	"en": {`account password refund invoice bill receipt ticket cancel order payment card e-mail wi-fi sign-in
log login settings profile notification delete export import security device two-factor calendar
sync booking schedule transfer download upload privacy backup restore checkout`, `the a to of and in your you is for on how`},
	"fr": {`compte mot passe remboursement facture note billet annuler commande paiement carte abonnement
paramètres profil notification supprimer exporter sécurité appareil e-mail courriel connexion
réinitialiser télécharger événement données confidentialité sauvegarde reçu été`, `le la les de des du un une et à pour mon ma mes vos votre l' d'`},
	"de": {`Konto Passwort Rückerstattung Rechnung Beleg Ticket stornieren Bestellung Zahlung Karte
Abonnement Einstellungen Profil Benachrichtigung löschen exportieren Sicherheit Gerät E-Mail Anmeldung
zurücksetzen herunterladen Passwortänderung Kontoeinstellungen Zwei-Faktor-Authentifizierung Datenschutz
Straße Größe`, `der die das und in mit für ein eine mein ich wie`},
	"ar": {`الحساب كلمة المرور استرداد الفاتورة فاتورة إيصال التذكرة إلغاء الطلب الدفع البطاقة الاشتراك
الإعدادات الملف الإشعارات حذف تصدير الأمان الجهاز التطبيق البريد الإلكتروني تسجيل الدخول إعادة تعيين
تحميل الفواتير`, `في من على إلى عن مع هذا`},
	"es": {`cuenta contraseña reembolso factura billete cancelar pedido pago tarjeta`, `el la de y en mi`},
}

// championCorpus generates a help center in en (the default locale, n
// articles), fr, de and ar (n/2 each), es (a handful: its answers are
// completed from English) and it (configured, no article).
func championCorpus(n int) *site.Library {
	r := rand.New(rand.NewPCG(7, 11))
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "fr", "de", "ar", "es", "it"}},
		Hash:   fmt.Sprintf("champions-%d", n),
		Synonyms: map[string][][]string{
			"en": {{"invoice", "bill", "receipt"}, {"sign in", "log in", "login"}},
			"fr": {{"facture", "note"}},
			"de": {{"Rechnung", "Beleg"}},
			"ar": {{"فاتورة", "إيصال"}},
		},
	}
	for _, loc := range []string{"en", "fr", "de", "ar", "es"} {
		cw := championWords[loc]
		vocab := strings.Fields(cw.words)
		stops := strings.Fields(cw.stops)
		// A long tail of made-up words of the locale's script.
		syll := strings.Fields("ka ro mi ne tu sa li po ve da gri on al ber tis")
		if loc == "ar" {
			syll = strings.Fields("كا رو مي نا تو سا لي بو في دا")
		}
		for range 800 {
			var b strings.Builder
			for k := 2 + r.IntN(3); k > 0; k-- {
				b.WriteString(syll[r.IntN(len(syll))])
			}
			vocab = append(vocab, b.String())
		}
		zipf := rand.NewZipf(r, 1.2, 2, uint64(len(vocab)-1))
		words := func(k int) string {
			out := make([]string, k)
			for i := range out {
				if r.IntN(4) == 0 {
					out[i] = stops[r.IntN(len(stops))]
				} else {
					out[i] = vocab[zipf.Uint64()]
				}
			}
			return strings.Join(out, " ")
		}
		count := n / 2
		switch loc {
		case "en":
			count = n
		case "es":
			count = 4
		}
		lib.Categories = append(lib.Categories, &site.Category{ID: "help", Locale: loc, Title: "Help"})
		for i := range count {
			a := art(fmt.Sprintf("a%d", i), loc, "help", words(2+r.IntN(5)), words(6+r.IntN(6)),
				strings.Fields(words(r.IntN(3))), sec("", "", words(30+r.IntN(40))+"."),
				sec(words(2), "s", words(20+r.IntN(30))+"."))
			lib.Articles = append(lib.Articles, a)
		}
	}
	// Articles no visitor may see: never suggested, by any path.
	lib.Articles = append(lib.Articles,
		art("draft", "en", "help", "Account password account password", "account password", []string{"account"},
			sec("", "", strings.Repeat("account password ", 50))))
	lib.Articles[len(lib.Articles)-1].Draft = true
	return lib
}

// championQueries are one-word queries of a locale, as typed key by key,
// in full, in capitals, with a typo; and queries of several words.
func championQueries(loc string) (one, several []string) {
	cw := championWords[loc]
	vocab := strings.Fields(cw.words)
	stops := strings.Fields(cw.stops)
	for i, w := range vocab {
		rs := []rune(w)
		for k := 1; k <= len(rs); k++ {
			one = append(one, string(rs[:k]))
		}
		one = append(one, w+" ", strings.ToUpper(w))
		if len(rs) > 5 {
			typo := append([]rune{}, rs...)
			typo[2], typo[3] = typo[3], typo[2]
			one = append(one, string(typo), string(typo)+" ", string(typo[:len(typo)-1]))
		}
		next := vocab[(i+1)%len(vocab)]
		several = append(several,
			stops[i%len(stops)]+" "+w, // a stop word, then the word being typed
			stops[i%len(stops)]+" "+string(rs[:1]),
			w+" "+string([]rune(next)[:min(3, len([]rune(next)))]),
			w+" "+next+" ",
			w+" "+stops[i%len(stops)]+" "+next)
	}
	return one, several
}

// setBroad sets the count from which every locale's clauses use champion
// lists.
func setBroad(ix *Index, n int) {
	for _, li := range ix.locales {
		li.broad = n
	}
}

// suggestEveryAndChampions returns Suggest's answer scoring every article
// and its answer through champion lists (articles of broad or more).
func suggestEveryAndChampions(t *testing.T, ix *Index, req site.SearchRequest, broad int) (every, champ *site.SearchResults) {
	t.Helper()
	ctx := context.Background()
	setBroad(ix, math.MaxInt)
	every, err := ix.Suggest(ctx, req)
	if err != nil {
		t.Fatalf("Suggest(%+v) scoring every article: %v", req, err)
	}
	setBroad(ix, broad)
	champ, err = ix.Suggest(ctx, req)
	if err != nil {
		t.Fatalf("Suggest(%+v) through champion lists: %v", req, err)
	}
	return every, champ
}

func describe(r *site.SearchResults) string {
	var b strings.Builder
	fmt.Fprintf(&b, "locale %s total %d:", r.Locale, r.Total)
	for _, h := range r.Hits {
		fmt.Fprintf(&b, " %s:%s(%.4g)", h.Locale, h.ID, h.Score)
	}
	return b.String()
}

// TestChampionsExactInEveryLocale: a query of one word is answered through
// champion lists exactly as by scoring every article — the same hits in the
// same order with the same scores, snippets, total and locale — in every
// locale (French elisions, German compounds, Arabic articles, synonyms,
// hyphenated compounds, typos), for a locale without articles (the
// default one answers), for a locale completed by the default one, with
// Verbatim, and for every limit and offset (deep ones score every
// article). Queries of several words suggest as many articles (perhaps not
// the same: see champions.go), counting no more (the same when one word
// only is required), and never a draft.
func TestChampionsExactInEveryLocale(t *testing.T) {
	testrun.SerialLater(t)
	lib := championCorpus(600)
	ix := buildLib(t, lib, "")
	const broad = 25
	pages := []struct{ limit, offset int }{{8, 0}, {1, 0}, {50, 0}, {10, 30}, {10, 80}, {10, 81}, {50, 40}, {5, 1000}}
	champ := 0
	for _, loc := range []string{"en", "fr", "de", "ar", "es", "it"} {
		qloc := loc
		switch loc {
		case "it":
			qloc = "en" // no article: English answers
		case "es":
			qloc = "en" // English words typed on the Spanish site
		}
		one, several := championQueries(qloc)
		if loc == "es" {
			esOne, _ := championQueries("es")
			one = append(one, esOne...)
		}
		for i, q := range one {
			p := pages[i%len(pages)]
			req := site.SearchRequest{Query: q, Locale: loc, Limit: p.limit, Offset: p.offset, Verbatim: i%7 == 3}
			every, got := suggestEveryAndChampions(t, ix, req, broad)
			if !reflect.DeepEqual(every, got) {
				t.Errorf("%s Suggest(%q, limit %d, offset %d, verbatim %t):\n through champions %s\n scoring every     %s",
					loc, q, p.limit, p.offset, req.Verbatim, describe(got), describe(every))
			}
			if every.Total >= broad {
				champ++
			}
			for _, h := range got.Hits {
				if h.ID == "draft" {
					t.Errorf("%s Suggest(%q) suggests a draft", loc, q)
				}
			}
		}
		for i, q := range several {
			req := site.SearchRequest{Query: q, Locale: loc, Limit: 8}
			every, got := suggestEveryAndChampions(t, ix, req, broad)
			if len(got.Hits) != len(every.Hits) || got.Total > every.Total {
				t.Errorf("%s Suggest(%q) #%d:\n through champions %s\n scoring every     %s", loc, q, i, describe(got), describe(every))
			}
			// One word that carries meaning, the others in most articles:
			// the total is that word's, exactly.
			if li := ix.locales[loc]; li != nil && loc == qloc {
				qa := li.analyzeTypos(context.Background(), q, true, true)
				cl, required := li.clauses(qa, false), 0
				for _, c := range cl {
					if c.meaning {
						required++
					}
				}
				if required == 1 && got.Total != every.Total {
					t.Errorf("%s Suggest(%q), one word required: total %d through champions, %d scoring every article", loc, q, got.Total, every.Total)
				}
			}
			for _, h := range got.Hits {
				if h.ID == "draft" {
					t.Errorf("%s Suggest(%q) suggests a draft", loc, q)
				}
			}
		}
	}
	for _, loc := range []string{"en", "fr", "de", "ar"} {
		if n := len(ix.locales[loc].champions.lists); n < 20 {
			t.Errorf("%s: %d champion lists computed, want at least 20: the test no longer exercises them", loc, n)
		}
	}
	if champ < 200 {
		t.Errorf("only %d queries of one word had %d articles or more: the test no longer exercises champion lists", champ, broad)
	}
}
