package i18n

import (
	"strings"
	"time"

	"github.com/go-playground/locales"
	ar "github.com/go-playground/locales/ar"
	bg "github.com/go-playground/locales/bg"
	ca "github.com/go-playground/locales/ca"
	ckb_ "github.com/go-playground/locales/ckb"
	cs "github.com/go-playground/locales/cs"
	da "github.com/go-playground/locales/da"
	de "github.com/go-playground/locales/de"
	el "github.com/go-playground/locales/el"
	en "github.com/go-playground/locales/en"
	es "github.com/go-playground/locales/es"
	eu "github.com/go-playground/locales/eu"
	fa "github.com/go-playground/locales/fa"
	fi "github.com/go-playground/locales/fi"
	fr "github.com/go-playground/locales/fr"
	ga "github.com/go-playground/locales/ga"
	gl "github.com/go-playground/locales/gl"
	he "github.com/go-playground/locales/he"
	hi "github.com/go-playground/locales/hi"
	hr "github.com/go-playground/locales/hr"
	hu "github.com/go-playground/locales/hu"
	hy "github.com/go-playground/locales/hy"
	id_ "github.com/go-playground/locales/id"
	it_ "github.com/go-playground/locales/it"
	ja "github.com/go-playground/locales/ja"
	ko "github.com/go-playground/locales/ko"
	nb "github.com/go-playground/locales/nb"
	nl "github.com/go-playground/locales/nl"
	nn "github.com/go-playground/locales/nn"
	pl "github.com/go-playground/locales/pl"
	pt "github.com/go-playground/locales/pt"
	ro "github.com/go-playground/locales/ro"
	ru "github.com/go-playground/locales/ru"
	sv "github.com/go-playground/locales/sv"
	th "github.com/go-playground/locales/th"
	tr "github.com/go-playground/locales/tr"
	uk "github.com/go-playground/locales/uk"
	ur "github.com/go-playground/locales/ur"
	vi "github.com/go-playground/locales/vi"
	zh "github.com/go-playground/locales/zh"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/message"
)

// calendars returns the CLDR date formats (go-playground/locales, generated
// from CLDR) of the languages Guichet ships strings or a search analyzer
// for; other languages get ISO dates.
func calendar(lang string) locales.Translator {
	switch lang {
	case "ar":
		return ar.New()
	case "bg":
		return bg.New()
	case "ca":
		return ca.New()
	case "cs":
		return cs.New()
	case "da":
		return da.New()
	case "de":
		return de.New()
	case "el":
		return el.New()
	case "en":
		return en.New()
	case "es":
		return es.New()
	case "eu":
		return eu.New()
	case "fa":
		return fa.New()
	case "fi":
		return fi.New()
	case "fr":
		return fr.New()
	case "ga":
		return ga.New()
	case "gl":
		return gl.New()
	case "he":
		return he.New()
	case "hi":
		return hi.New()
	case "hr":
		return hr.New()
	case "hu":
		return hu.New()
	case "hy":
		return hy.New()
	case "id":
		return id_.New()
	case "it":
		return it_.New()
	case "ja":
		return ja.New()
	case "ko":
		return ko.New()
	case "nb":
		return nb.New()
	case "nl":
		return nl.New()
	case "nn":
		return nn.New()
	case "pl":
		return pl.New()
	case "pt":
		return pt.New()
	case "ro":
		return ro.New()
	case "ru":
		return ru.New()
	case "sv":
		return sv.New()
	case "th":
		return th.New()
	case "tr":
		return tr.New()
	case "uk":
		return uk.New()
	case "ur":
		return ur.New()
	case "vi":
		return vi.New()
	case "zh":
		return zh.New()
	case "ckb":
		return ckb_.New()
	case "no":
		return nb.New()
	case "in":
		return id_.New()
	case "iw":
		return he.New()
	}
	return nil
}

// Date writes t as a date the way readers of locale expect, in CLDR's long
// format ("30. November 2026", "30 novembre 2026", "November 30, 2026"); a
// language without CLDR data here gets the ISO date 2026-11-30.
func Date(locale string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	if tr := calendar(Language(locale)); tr != nil {
		return localDigits(locale, tr.FmtDateLong(t))
	}
	return t.Format("2006-01-02")
}

// localDigits writes the ASCII digits of s in the locale's own digits, the
// ones Number writes ("30 نوفمبر 2026" → "٣٠ نوفمبر ٢٠٢٦" in Arabic, whose
// CLDR numbering system is arab), so that one page never mixes two kinds.
func localDigits(locale, s string) string {
	tag, err := language.Parse(locale)
	if err != nil {
		return s
	}
	p := message.NewPrinter(tag)
	var digits [10]rune
	for i := range digits {
		r := []rune(p.Sprintf("%d", i))
		if len(r) != 1 {
			return s
		}
		digits[i] = r[0]
	}
	if digits[0] == '0' {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return digits[r-'0']
		}
		return r
	}, s)
}

// Number writes n the way readers of locale expect (CLDR digits and
// grouping: "1,234", "1.234", "1 234", "١٬٢٣٤").
func Number(locale string, n int) string {
	tag, err := language.Parse(locale)
	if err != nil {
		tag = language.English
	}
	return message.NewPrinter(tag).Sprintf("%d", n)
}

// nameIn is CLDR's name of locale in the language of in, or fallback's
// answer for locale when either is unknown to CLDR.
func nameIn(locale, in string, fallback func(string) string) string {
	tag, err := language.Parse(locale)
	if err != nil {
		return fallback(locale)
	}
	reader, err := language.Parse(in)
	if err != nil {
		return fallback(locale)
	}
	if namer := display.Tags(reader); namer != nil {
		if n := namer.Name(tag); n != "" {
			return n
		}
	}
	return fallback(locale)
}

// nativeName is CLDR's name of a locale in its own language.
func nativeName(locale string) string {
	tag, err := language.Parse(locale)
	if err != nil {
		return locale
	}
	if n := display.Self.Name(tag); n != "" {
		return n
	}
	return locale
}
