package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// worldLibrary is a help center in English, German, Spanish, Arabic,
// Russian, Japanese, Chinese and Swahili (no analyzer in bleve): two
// articles each, so each query has a wrong answer to avoid.
func worldLibrary() *site.Library {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "de", "es", "ar", "ru", "ja", "zh", "sw"}},
		Hash:   "world",
		Synonyms: map[string][][]string{
			"de": {{"Rechnung", "Beleg"}},
			"ar": {{"فاتورة", "إيصال"}},
		},
	}
	add := func(loc, id, title, text string) {
		lib.Articles = append(lib.Articles, art(id, loc, "help", title, "", nil, sec("", "", text)))
	}
	add("en", "reset", "Reset your password", "Choose a new password from the sign-in page.")
	add("en", "invoice", "Download an invoice", "Open your orders and download the PDF.")
	add("de", "reset", "Passwort zurücksetzen", "Wählen Sie auf der Anmeldeseite ein neues Passwort.")
	add("de", "invoice", "Rechnungen herunterladen", "Öffnen Sie Ihre Bestellungen und laden Sie die Rechnung als PDF herunter.")
	add("es", "reset", "Restablecer la contraseña", "Elige una contraseña nueva en la página de inicio de sesión.")
	add("es", "invoice", "Descargar una factura", "Abre tus pedidos y descarga las facturas en PDF.")
	add("ar", "reset", "إعادة تعيين كلمة المرور", "اختر كلمة مرور جديدة من صفحة تسجيل الدخول.")
	add("ar", "invoice", "تنزيل الفواتير", "افتح طلباتك ونزّل الفاتورة بصيغة PDF.")
	add("ru", "reset", "Сброс пароля", "Выберите новый пароль на странице входа.")
	add("ru", "invoice", "Скачать счета", "Откройте заказы и скачайте счёт в формате PDF.")
	add("ja", "reset", "パスワードを再設定する", "ログインページで新しいパスワードを選択してください。")
	add("ja", "invoice", "請求書をダウンロードする", "注文を開いて請求書をPDFでダウンロードします。")
	add("zh", "reset", "如何重置密码", "在登录页面选择新密码。")
	add("zh", "invoice", "下载发票", "打开订单并下载PDF格式的发票。")
	add("sw", "reset", "Weka upya nenosiri", "Chagua nenosiri jipya kwenye ukurasa wa kuingia.")
	add("sw", "invoice", "Pakua ankara", "Fungua maagizo yako na upakue ankara.")
	return lib
}

// TestEveryLanguage checks, per language, what English and French search
// already does: stemming, accent folding, stop words, typos, synonyms and
// prefix suggestions; CJK text found by words inside unspaced sentences.
func TestEveryLanguage(t *testing.T) {
	ix, err := Build(context.Background(), testView(worldLibrary()), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		name, locale, query, want string
		suggest                   bool
	}{
		{"de stemming", "de", "Passwörter", "reset", false},
		{"de plural to singular", "de", "Rechnung", "invoice", false},
		{"de accents folded", "de", "passwort zurucksetzen", "reset", false},
		{"de stop words", "de", "wie kann ich mein Passwort zurücksetzen", "reset", false},
		{"de typo", "de", "Pasword", "reset", false},
		{"de umlaut written ae", "de", "Passwoerter", "reset", false},
		{"de synonym", "de", "Beleg", "invoice", false},
		{"de prefix", "de", "Rechn", "invoice", true},
		{"es stemming and accents", "es", "contrasenas", "reset", false},
		{"es stop words", "es", "como puedo descargar la factura", "invoice", false},
		{"es prefix", "es", "factu", "invoice", true},
		{"ar stemming", "ar", "الفاتورة", "invoice", false},
		{"ar definite article", "ar", "كلمة مرور", "reset", false},
		{"ar synonym", "ar", "إيصال", "invoice", false},
		{"ar prefix", "ar", "الفوات", "invoice", true},                                    // prefixes of words as written, article included
		{"ar prefix without the article", "ar", "فوا", "invoice", true},                   // the title says الفواتير
		{"ar prefix of a body word, article typed", "ar", "الفات", "invoice", true},       // the body says الفاتورة
		{"ar prefix, article typed, title word without it", "ar", "المرو", "reset", true}, // the title says مرور
		{"ru stemming", "ru", "пароли", "reset", false},
		{"ru prefix", "ru", "пар", "reset", true},
		{"ja word in sentence", "ja", "請求書", "invoice", false},
		{"ja katakana", "ja", "パスワード", "reset", false},
		{"zh word in sentence", "zh", "密码", "reset", false},
		{"zh invoice", "zh", "发票", "invoice", false},
		{"sw standard analysis", "sw", "nenosiri", "reset", false},
		{"sw prefix", "sw", "ankar", "invoice", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := site.SearchRequest{Query: tt.query, Locale: tt.locale, Limit: 3}
			find := ix.Search
			if tt.suggest {
				find = ix.Suggest
			}
			r, err := find(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Hits) == 0 || r.Hits[0].ID != tt.want || r.Hits[0].Locale != tt.locale {
				var got []string
				for _, h := range r.Hits {
					got = append(got, h.Locale+":"+h.ID)
				}
				t.Fatalf("%q in %s = %v, want %s:%s first", tt.query, tt.locale, got, tt.locale, tt.want)
			}
		})
	}
}

func TestHasAnalyzer(t *testing.T) {
	for loc, want := range map[string]bool{"en": true, "fr-CA": true, "de": true, "pt-BR": true, "ar": true, "ja": true, "nb": true, "sw": false, "vi": false} {
		if got := HasAnalyzer(loc); got != want {
			t.Errorf("HasAnalyzer(%s) = %v, want %v", loc, got, want)
		}
	}
}
