package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// scriptsLibrary is a help center in Russian, Greek, Arabic, Turkish,
// Polish and German: a password article and an invoice article each.
func scriptsLibrary() *site.Library {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "ru", "el", "ar", "tr", "pl", "de"}},
		Hash:   "scripts",
	}
	add := func(loc, id, title, desc, text string) {
		lib.Articles = append(lib.Articles, art(id, loc, "help", title, desc, nil, sec("", "", text)))
	}
	add("en", "password", "Change your password", "How to change your password.", "Open the settings and choose a new password.")
	add("en", "invoice", "Download invoices", "Invoices and payments.", "An invoice is sent by email every month.")
	add("ru", "password", "Как изменить пароль", "Изменение пароля учётной записи.", "Откройте настройки и выберите новый пароль для вашей учётной записи.")
	add("ru", "invoice", "Счета и оплата", "Где найти счета.", "Каждый месяц счёт отправляется по электронной почте.")
	add("el", "password", "Αλλαγή κωδικού πρόσβασης", "Πώς να αλλάξετε τον κωδικό πρόσβασης.", "Ανοίξτε τις ρυθμίσεις και επιλέξτε νέο κωδικό πρόσβασης για τον λογαριασμό σας.")
	add("el", "invoice", "Τιμολόγια και πληρωμές", "Πού θα βρείτε τα τιμολόγια.", "Κάθε μήνα στέλνεται ένα τιμολόγιο με ηλεκτρονικό ταχυδρομείο.")
	add("ar", "password", "تغيير كلمة المرور", "كيفية تغيير كلمة المرور.", "افتح الإعدادات واختر كلمة مرور جديدة لحسابك.")
	add("ar", "invoice", "الفواتير والمدفوعات", "أين تجد الفواتير.", "كل شهر يتم إرسال فاتورة عبر البريد الإلكتروني.")
	add("tr", "password", "Şifrenizi değiştirin", "Şifre nasıl değiştirilir.", "Ayarları açın ve hesabınız için yeni bir şifre seçin.")
	add("tr", "invoice", "Faturaları indirin", "Faturalar ve ödemeler.", "Her ay e-posta ile bir fatura gönderilir.")
	add("pl", "password", "Jak zmienić hasło", "Zmiana hasła do konta.", "Otwórz ustawienia i wybierz nowe hasło dla swojego konta.")
	add("pl", "invoice", "Faktury i płatności", "Gdzie znaleźć faktury.", "Co miesiąc faktura jest wysyłana pocztą elektroniczną.")
	add("de", "password", "Passwort ändern", "So ändern Sie Ihr Passwort.", "Öffnen Sie die Einstellungen und wählen Sie ein neues Passwort für die Straße.")
	add("de", "invoice", "Rechnungen herunterladen", "Rechnungen und Zahlungen.", "Jeden Monat wird eine Rechnung per E-Mail gesendet.")
	return lib
}

// TestTyposInEveryScript checks that a typo is corrected in search ("did
// you mean") and forgiven in autocomplete whatever the script: letters
// are substituted and inserted from the locale's own letters, not only
// a–z (before, a Cyrillic, Greek or Arabic word was forgiven only a
// letter added or two swapped). Latin scripts fold to a–z and were
// already forgiven: Turkish, Polish and German are checked as guards.
func TestTyposInEveryScript(t *testing.T) {
	ix := buildLib(t, scriptsLibrary(), "")
	ctx := context.Background()
	tests := []struct {
		locale, query, want, dym string // dym: "" for no "did you mean"
		suggest                  bool   // also suggested while typed
	}{
		{"ru", "пороль", "password", "пароль", true},                       // a wrong letter
		{"ru", "изменить парль", "password", "изменить пароль", true},      // a letter left out
		{"ru", "счта", "invoice", "счета", false},                          // short: corrected since nothing matches
		{"ru", "пароль", "password", "", true},                             // as typed: no correction
		{"el", "κωδκό", "password", "κωδικό", true},                        // a letter left out (not "κωδικς": σ for ο is no slip, see TestRealWordsAreNotTyposInEveryScript)
		{"el", "αλλαγη κωδικιυ", "password", "αλλαγη κωδικού", true},       // a wrong letter
		{"el", "τημολόγια", "invoice", "τιμολόγια", true},                  // a wrong letter
		{"ar", "تغيبر كلمة المرور", "password", "تغيير كلمة المرور", true}, // a wrong letter
		{"ar", "الفواتر", "invoice", "الفواتير", true},                     // a letter left out, after the article
		{"ar", "كلمة مرور جدبدة", "password", "كلمة مرور جديدة", true},     // a wrong letter
		{"tr", "değiştrin", "password", "değiştirin", true},
		{"tr", "faturlar", "invoice", "", true}, // the stemmer reads it as faturalar
		{"pl", "hsało", "password", "hasło", true},
		{"pl", "haslo", "password", "", true}, // ł typed l: no typo
		{"de", "paswort ändern", "password", "passwort ändern", true},
		{"de", "strase", "password", "straße", true},
	}
	for _, tt := range tests {
		r, err := ix.Search(ctx, site.SearchRequest{Query: tt.query, Locale: tt.locale, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.want || r.Hits[0].Locale != tt.locale {
			t.Errorf("search %s %q: %v, want %s first", tt.locale, tt.query, ids(r), tt.want)
		}
		if r.DidYouMean != tt.dym {
			t.Errorf("search %s %q: did you mean %q, want %q", tt.locale, tt.query, r.DidYouMean, tt.dym)
		}
		if !tt.suggest {
			continue
		}
		r, err = ix.Suggest(ctx, site.SearchRequest{Query: tt.query, Locale: tt.locale, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.want || r.Hits[0].Locale != tt.locale {
			t.Errorf("suggest %s %q: %v, want %s first", tt.locale, tt.query, ids(r), tt.want)
		}
	}
}

// TestAlphabet checks the letters typo variants try: the vocabulary's, in
// the scripts of the word typed; a–z for Latin words whatever else the
// content writes.
func TestAlphabet(t *testing.T) {
	ix := buildLib(t, scriptsLibrary(), "")
	for _, tt := range []struct {
		locale, word string
		has, lacks   string
	}{
		{"ru", "пороль", "аоплрьзё", "abzαب"}, // ь only in the title: stems lose it
		{"ru", "password", "abcxyz", "аоαب"},
		{"el", "κωδικς", "αοωικσ", "abаبςή"}, // final sigma and accents folded
		{"ar", "تغيبر", "يرتغ", "abаα"},
		{"en", "pasword", "abcdefghijklmnopqrstuvwxyz", "аαب"},
	} {
		letters := string(ix.locales[tt.locale].alphabet(tt.word))
		for _, r := range tt.has {
			if !containsRune(letters, r) {
				t.Errorf("%s %q: %q lacks %q", tt.locale, tt.word, letters, r)
			}
		}
		for _, r := range tt.lacks {
			if containsRune(letters, r) {
				t.Errorf("%s %q: %q has %q", tt.locale, tt.word, letters, r)
			}
		}
	}
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}
