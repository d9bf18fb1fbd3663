package search

import "testing"

// TestSuggestArabicWordWithoutArticle: a word the titles write with the
// Arabic article ("الضمان", the guarantee) is suggested from every
// beginning of it typed without the article, not only from the beginnings
// of its stem ("ضم"): "ضما" suggested nothing while "ضمان" and "الضما"
// suggested the article. Likewise after the conjunction ("والإصلاح").
func TestSuggestArabicWordWithoutArticle(t *testing.T) {
	lib := helpLibrary("suggest-arabic-article",
		art("warranty", "ar", "help", "الضمان والإصلاح", "مدة الضمان سنتان.", nil,
			sec("", "", "يغطي الضمان عيوب التصنيع.")),
		art("descale", "ar", "help", "إزالة الترسبات", "كل شهر.", nil,
			sec("", "", "استخدم محلول إزالة الترسبات.")),
	)
	lib.Config.DefaultLocale, lib.Config.Locales = "ar", []string{"ar"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"ضما", "warranty"},
		{"ضمان", "warranty"},
		{"الضما", "warranty"},
		{"إصلا", "warranty"},
		{"ترسب", "descale"},
	} {
		if got := ids(suggest(t, ix, tt.q, "ar")); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.q, got, tt.first)
		}
	}
}
