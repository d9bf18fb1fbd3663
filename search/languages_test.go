package search

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// otherLanguagesLibrary is a help center in German, Spanish, Russian,
// Greek, Turkish, Japanese and Chinese.
// Each locale has two articles, so a search must pick the right one.
func otherLanguagesLibrary() *site.Library {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "de", Locales: []string{"de", "es", "ru", "el", "tr", "ja", "zh-TW"}},
		Hash:   "languages",
	}
	add := func(id, locale, title, body string) {
		lib.Articles = append(lib.Articles, art(id, locale, "help", title, "", nil, sec("", "", body)))
		lib.Categories = append(lib.Categories, &site.Category{ID: "help", Locale: locale, Title: "Help"})
	}
	add("password", "de", "Passwort zurücksetzen", "Öffnen Sie die Anmeldeseite und wählen Sie „Passwort vergessen“. Die Größe des Schlüssels ist egal.")
	add("invoice", "de", "Rechnung herunterladen", "Die Rechnung finden Sie unter Bestellungen als PDF.")
	add("password", "es", "Restablecer la contraseña", "Abre la página de inicio de sesión y elige «¿Olvidaste tu contraseña?».")
	add("invoice", "es", "Descargar una factura", "Encontrarás la factura en tus pedidos, en PDF. Añadir el número de identificación fiscal.")
	add("password", "ru", "Сброс пароля", "Откройте страницу входа и нажмите «Забыли пароль?». Ёлка.")
	add("invoice", "ru", "Скачать счёт", "Счёт доступен в разделе заказов в формате PDF.")
	add("password", "el", "Επαναφορά κωδικού πρόσβασης", "Ανοίξτε τη σελίδα σύνδεσης και επιλέξτε Ξεχάσατε τον κωδικό.")
	add("invoice", "el", "Λήψη τιμολογίου", "Το τιμολόγιο βρίσκεται στις παραγγελίες σας.")
	add("password", "tr", "Şifrenizi sıfırlayın", "Giriş sayfasını açın ve Şifremi unuttum bağlantısını seçin.")
	add("invoice", "tr", "Fatura indirme", "Faturanızı siparişlerinizde PDF olarak bulabilirsiniz.")
	add("password", "ja", "パスワードをリセットする", "ログインページを開き、パスワードを忘れた場合を選択してください。")
	add("invoice", "ja", "請求書をダウンロードする", "請求書は注文履歴からPDFでダウンロードできます。")
	add("password", "zh-TW", "重設密碼", "打開登入頁面，然後選擇忘記密碼。")
	add("invoice", "zh-TW", "下載發票", "您可以在訂單中找到PDF格式的發票。")
	return lib
}

// TestOtherLanguagesSearch: in every language search folds case and accents the same way on both sides, and
// finds the article in the visitor's locale.
func TestOtherLanguagesSearch(t *testing.T) {
	ix, err := Build(context.Background(), site.NewView(otherLanguagesLibrary(), time.Now(), false), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, c := range []struct {
		locale, query, want string
	}{
		{"de", "passwort", "password"},
		{"de", "PASSWORT ZURUCKSETZEN", "password"}, // umlaut typed without its dots
		{"de", "grösse", "password"},                // ö typed as o with accent kept
		{"de", "rechnung", "invoice"},
		{"es", "contrasena", "password"}, // ñ typed as n
		{"es", "Contraseña", "password"},
		{"es", "añadir", "invoice"},
		{"es", "FACTURA", "invoice"},
		{"ru", "ПАРОЛЬ", "password"},
		{"ru", "пароля", "password"},
		{"ru", "СЧЁТ", "invoice"},
		{"el", "ΚΩΔΙΚΟΥ", "password"},   // Greek capitals carry no accents
		{"el", "κωδικου", "password"},   // typed without the tonos
		{"el", "ΞΕΧΑΣΑΤΕ", "password"},  // Ξεχάσατε in capitals
		{"el", "τιμολογιου", "invoice"}, // τιμολογίου without the tonos
		{"el", "τιμολόγιο", "invoice"},
		{"tr", "şifrenizi", "password"},
		{"tr", "FATURA", "invoice"},
		{"ja", "パスワード", "password"},
		{"ja", "請求書", "invoice"},
		{"zh-TW", "密碼", "password"},
		{"zh-TW", "發票", "invoice"},
	} {
		res, err := ix.Search(context.Background(), site.SearchRequest{Query: c.query, Locale: c.locale, Limit: 5})
		if err != nil {
			t.Errorf("%s %q: %v", c.locale, c.query, err)
			continue
		}
		if len(res.Hits) == 0 || res.Hits[0].ID != c.want || res.Hits[0].Locale != c.locale {
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.Locale+":"+h.ID)
			}
			t.Errorf("%s %q: hits %v, want %s:%s first", c.locale, c.query, got, c.locale, c.want)
		}
	}
}

// TestOtherLanguagesAnalyzers: the plain analyzer (query words,
// autocomplete) of every language folds case and accents and keeps every
// word, stop words of English and French included; stemming and the
// language's own stop words are the full-text analyzer's (see
// TestEveryLanguage).
func TestOtherLanguagesAnalyzers(t *testing.T) {
	for _, c := range []struct {
		locale, text string
		want         []string
	}{
		{"de", "Größe ÄNDERN", []string{"grosse", "andern"}},
		{"el", "ΚΩΔΙΚΟΣ Πρόσβασης", []string{"κωδικοσ", "προσβασησ"}},
		{"es", "¿Dónde está mi pedido?", []string{"donde", "esta", "mi", "pedido"}},
		{"pt-BR", "Não consigo", []string{"nao", "consigo"}},
		{"ru", "Где мой Заказ", []string{"где", "мой", "заказ"}},
		{"it", "the not on", []string{"the", "not", "on"}},
		{"nl", "e-mail", []string{"e", "email", "mail"}},
	} {
		m, err := newMapping(c.locale)
		if err != nil {
			t.Fatal(err)
		}
		an, err := loadAnalyzers(m)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tok := range an.plain.Analyze([]byte(c.text)) {
			got = append(got, string(tok.Term))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %q → %q, want %q", c.locale, c.text, got, c.want)
		}
	}
}
