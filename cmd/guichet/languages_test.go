package main

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
)

// bikeHelpCenter writes a small help center of a bike-sharing app in
// English, German and Arabic into dir, with translated settings, a logo
// and its dark variant, and a footer of its own in theme/.
func bikeHelpCenter(t *testing.T, dir string) {
	t.Helper()
	writeFile(t, dir, "guichet.yaml", `title:
  en: Spoke Help
  de: Spoke-Hilfe
  ar: مساعدة سبوك
description:
  en: Riding, unlocking and paying for Spoke bikes.
  de: Fahren, Entsperren und Bezahlen der Spoke-Räder.
  ar: ركوب دراجات سبوك وفتحها والدفع.
default_locale: en
locales: [en, de, ar]
brand_color: "#1f6f43"
logo: brand/logo.svg
logo_dark: brand/logo-dark.svg
`)
	writeFile(t, dir, "brand/logo.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="24"><circle cx="12" cy="12" r="9" fill="#1f6f43"/></svg>`)
	writeFile(t, dir, "brand/logo-dark.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="24"><circle cx="12" cy="12" r="9" fill="#9fe0b8"/></svg>`)
	writeFile(t, dir, "theme/templates/footer.html", `{{define "footer"}}<footer class="site-footer"><div class="wrap"><p class="spoke-address">Spoke Mobility, 12 Wheel Lane</p></div></footer>{{end}}`)
	for name, body := range map[string]string{
		"billing/_index.md":    "---\ntitle: Payments\n---\n",
		"billing/_index.de.md": "---\ntitle: Zahlungen\n---\n",
		"billing/_index.ar.md": "---\ntitle: الدفع\n---\n",
		"riding/_index.md":     "---\ntitle: Riding\n---\n",
		"riding/_index.de.md":  "---\ntitle: Fahren\n---\n",
		"riding/_index.ar.md":  "---\ntitle: الركوب\n---\n",
		"billing/refunds.md":   "---\ntitle: Getting your money back for a ride\nupdated: 2026-09-14\n---\nOpen the ride in your history and ask for a refund; we answer within two days.\n",
		"billing/refunds.de.md": "---\ntitle: Geld für eine Fahrt zurückbekommen\nupdated: 2026-09-14\n---\n" +
			"Öffnen Sie die Fahrt im Verlauf und beantragen Sie eine Rückerstattung; wir antworten innerhalb von zwei Tagen.\n",
		"billing/refunds.ar.md": "---\ntitle: استرداد ثمن رحلة\nupdated: 2026-09-14\n---\nافتح الرحلة في السجل واطلب استرداد المبلغ، وسنرد خلال يومين.\n",
		"riding/battery.md":     "---\ntitle: E-bike battery and range\n---\nA full battery assists you for about 60 km; our team swaps batteries every night.\n",
		"riding/battery.de.md": "---\ntitle: E-Bike-Akku und Reichweite\n---\n" +
			"Ein voller Akku unterstützt Sie etwa 60 km; unser Team tauscht die Akkus jede Nacht.\n",
		"riding/battery.ar.md": "---\ntitle: بطارية الدراجة الكهربائية\n---\nتساعدك البطارية المشحونة لمسافة 60 كيلومترًا، ويستبدل فريقنا البطاريات كل ليلة.\n",
		"riding/unlock.md":     "---\ntitle: Unlocking a bike\n---\nScan the QR code on the handlebar; the lock on the rear wheel opens.\n",
		"riding/unlock.de.md": "---\ntitle: Ein Fahrrad entsperren\n---\n" +
			"Scannen Sie den QR-Code am Lenker; das Fahrradschloss am Hinterrad öffnet sich.\n",
		"riding/unlock.ar.md": "---\ntitle: فتح قفل الدراجة\n---\nامسح رمز QR على المقود فينفتح القفل على العجلة الخلفية.\n",
	} {
		writeFile(t, dir, name, body)
	}
}

// TestHelpCenterInThreeLanguages serves a help center in English, German
// and Arabic as the issue judges one: queries per language (inflections,
// umlauts typed or not, Arabic spellings), suggestions in the page's
// language only, right-to-left Arabic pages, the translated title in
// <title>, the header, feeds and JSON-LD, the logo on pages and in the
// widget, the content's own footer, and Arabic dates in Arabic digits.
func TestHelpCenterInThreeLanguages(t *testing.T) {
	dir := t.TempDir()
	bikeHelpCenter(t, dir)
	m := openMain(t, dir, false)

	for _, tt := range []struct{ locale, query, want string }{
		{"de", "Rückerstattung", "billing/refunds"},
		{"de", "ruckerstattung", "billing/refunds"}, // umlaut not typed
		{"de", "Akkus", "riding/battery"},           // plural of Akku
		{"de", "fahrradschloß", "riding/unlock"},    // old spelling of ss
		{"ar", "البطارية", "riding/battery"},
		{"ar", "بطاريه", "riding/battery"}, // ta marbuta typed as ha
		{"ar", "استرداد", "billing/refunds"},
		{"en", "batteries", "riding/battery"},
	} {
		var res struct {
			Results []struct{ ID, Locale string }
		}
		if err := json.Unmarshal([]byte(mustGet(t, m, "/api/v1/search?locale="+tt.locale+"&q="+url.QueryEscape(tt.query))), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Results) == 0 || res.Results[0].ID != tt.want || res.Results[0].Locale != tt.locale {
			t.Errorf("%s %q: %+v, want %s first", tt.locale, tt.query, res.Results, tt.want)
		}
	}
	for _, tt := range []struct{ locale, prefix, want string }{
		{"de", "rück", "/de/billing/refunds"}, {"ar", "بطا", "/ar/riding/battery"}, {"en", "unl", "/riding/unlock"},
	} {
		var res struct {
			Results []struct{ URL, Locale string }
		}
		if err := json.Unmarshal([]byte(mustGet(t, m, "/api/v1/suggest?locale="+tt.locale+"&q="+url.QueryEscape(tt.prefix))), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Results) == 0 || res.Results[0].URL != tt.want {
			t.Errorf("suggest %s %q: %+v, want %s", tt.locale, tt.prefix, res.Results, tt.want)
		}
		for _, r := range res.Results {
			if r.Locale != tt.locale {
				t.Errorf("suggest %s %q offers a %s article: %s", tt.locale, tt.prefix, r.Locale, r.URL)
			}
		}
	}

	for _, tt := range []struct{ path, lang, dir, title string }{
		{"/", "en", "ltr", "Spoke Help"},
		{"/de/", "de", "ltr", "Spoke-Hilfe"},
		{"/ar/", "ar", "rtl", "مساعدة سبوك"},
		{"/ar/riding/battery", "ar", "rtl", "بطارية الدراجة الكهربائية – مساعدة سبوك"},
		{"/de/search?q=Akku", "de", "ltr", "Suchergebnisse für „Akku“ – Spoke-Hilfe"},
	} {
		d := webtest.Parse(t, mustGet(t, m, tt.path))
		if got := d.Attr("html", "lang") + " " + d.Attr("html", "dir"); got != tt.lang+" "+tt.dir {
			t.Errorf("%s: lang and dir %q", tt.path, got)
		}
		if got := d.Text("title"); got != tt.title {
			t.Errorf("%s: <title> %q, want %q", tt.path, got, tt.title)
		}
		_, site, ok := strings.Cut(tt.title, " – ")
		if !ok {
			site = tt.title
		}
		if got := d.Attr("header .brand img", "alt"); got != site {
			t.Errorf("%s: logo alt %q, want %q", tt.path, got, site)
		}
		if got := d.Attr("header .brand img", "src"); got != "/_content/brand/logo.svg" {
			t.Errorf("%s: logo %q", tt.path, got)
		}
		if got := d.Attr("header .brand source", "srcset"); got != "/_content/brand/logo-dark.svg" {
			t.Errorf("%s: dark logo %q", tt.path, got)
		}
		if got := d.Text("footer .spoke-address"); got != "Spoke Mobility, 12 Wheel Lane" {
			t.Errorf("%s: the content's footer is not served: %q", tt.path, got)
		}
		if d.Count("footer .powered") != 0 {
			t.Errorf("%s: the default footer is still there", tt.path)
		}
	}
	home := webtest.Parse(t, mustGet(t, m, "/ar/"))
	if got := home.Text("h1"); got != "مساعدة سبوك" {
		t.Errorf("Arabic hero: %q", got)
	}
	if ld := strings.Join(home.Texts(`script[type="application/ld+json"]`), ""); !strings.Contains(ld, `"name":"مساعدة سبوك"`) || !strings.Contains(ld, `"inLanguage":"ar"`) {
		t.Errorf("Arabic JSON-LD: %s", ld)
	}
	if got := webtest.Parse(t, mustGet(t, m, "/ar/billing/refunds")).Text("time"); got != "١٤ سبتمبر ٢٠٢٦" {
		t.Errorf("Arabic date: %q, want Arabic digits like the page's numbers", got)
	}
	if feed := mustGet(t, m, "/de/feed.atom"); !strings.Contains(feed, "<title>Spoke-Hilfe – ") {
		t.Errorf("German feed title: %.300s", feed)
	}
	var jf struct{ Title string }
	if err := json.Unmarshal([]byte(mustGet(t, m, "/ar/feed.json")), &jf); err != nil || !strings.HasPrefix(jf.Title, "مساعدة سبوك – ") {
		t.Errorf("Arabic JSON feed title: %q %v", jf.Title, err)
	}
	w := webtest.Parse(t, mustGet(t, m, "/widget/frame?locale=ar"))
	if w.Attr("html", "dir") != "rtl" || w.Attr("img.w-logo", "src") != "/_content/brand/logo-dark.svg" || w.Attr("img.w-logo", "alt") != "مساعدة سبوك" {
		t.Errorf("Arabic widget: dir %q, logo %q alt %q", w.Attr("html", "dir"), w.Attr("img.w-logo", "src"), w.Attr("img.w-logo", "alt"))
	}
}
