package main

import (
	"encoding/json"
	"net/url"
	"testing"
)

// TestTyposOutsideLatinThroughAPI serves a help center in Russian, Greek
// and Arabic and checks through the API that a wrong or missing letter is
// corrected in search ("did you mean") and forgiven in autocomplete:
// before, only the letters a–z were tried.
func TestTyposOutsideLatinThroughAPI(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Help\ndefault_locale: en\nlocales: [en, ru, el, ar]\n")
	for name, body := range map[string]string{
		"account/password.md":    "---\ntitle: Change your password\n---\nChoose a new password in the settings.\n",
		"account/password.ru.md": "---\ntitle: Как изменить пароль\n---\nВыберите новый пароль в настройках.\n",
		"account/password.el.md": "---\ntitle: Αλλαγή κωδικού πρόσβασης\n---\nΕπιλέξτε νέο κωδικό στις ρυθμίσεις.\n",
		"account/password.ar.md": "---\ntitle: تغيير كلمة المرور\n---\nاختر كلمة مرور جديدة من الإعدادات.\n",
		"account/invoices.md":    "---\ntitle: Download invoices\n---\nAn invoice is sent every month.\n",
		"account/invoices.ru.md": "---\ntitle: Счета и оплата\n---\nСчёт отправляется каждый месяц.\n",
		"account/invoices.el.md": "---\ntitle: Τιμολόγια και πληρωμές\n---\nΈνα τιμολόγιο στέλνεται κάθε μήνα.\n",
		"account/invoices.ar.md": "---\ntitle: الفواتير والمدفوعات\n---\nيتم إرسال فاتورة كل شهر.\n",
	} {
		writeFile(t, dir, name, body)
	}
	m := openMain(t, dir, false)
	for _, tt := range []struct{ locale, query, want, dym string }{
		{"ru", "пороль", "account/password", "пароль"},
		{"el", "κωδκό", "account/password", "κωδικό"}, // a letter left out (σ for ο is no slip: TestRealWordsAreNotTyposInEveryScript)
		{"ar", "تغيبر كلمة المرور", "account/password", "تغيير كلمة المرور"},
	} {
		var res struct {
			DidYouMean string `json:"did_you_mean"`
			Results    []struct{ ID, Locale string }
		}
		if err := json.Unmarshal([]byte(mustGet(t, m, "/api/v1/search?locale="+tt.locale+"&q="+url.QueryEscape(tt.query))), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Results) == 0 || res.Results[0].ID != tt.want || res.Results[0].Locale != tt.locale || res.DidYouMean != tt.dym {
			t.Errorf("search %s %q: %+v, did you mean %q; want %s, %q", tt.locale, tt.query, res.Results, res.DidYouMean, tt.want, tt.dym)
		}
		res.Results = nil
		if err := json.Unmarshal([]byte(mustGet(t, m, "/api/v1/suggest?locale="+tt.locale+"&q="+url.QueryEscape(tt.query))), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Results) == 0 || res.Results[0].ID != tt.want || res.Results[0].Locale != tt.locale {
			t.Errorf("suggest %s %q: %+v, want %s", tt.locale, tt.query, res.Results, tt.want)
		}
	}
}
