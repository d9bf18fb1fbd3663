package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestSnippetSentencesInEveryScript: a snippet of a Japanese, Chinese or
// Arabic article reads its sentences as the article wrote them: a
// sentence closed with "。", "？" or "؟" is no block "without final
// punctuation" given a "." ("入れます。. お手入れ"), Japanese sentences,
// written without spaces between them, are sentences (a paragraph was one
// sentence, cut by words), and a Japanese list item without a stop is
// closed with "。", not ".".
func TestSnippetSentencesInEveryScript(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
	}{
		{"石灰がたまります。水の硬度に応じて除石灰してください。約25分お待ちください！",
			[]string{"石灰がたまります。", "水の硬度に応じて除石灰してください。", "約25分お待ちください！"}},
		{"请先关机。然后清洗水箱？好的", []string{"请先关机。", "然后清洗水箱？", "好的"}},
		{"彼は「はい。」と言った。次に進みます。", []string{"彼は「はい。」と言った。", "次に進みます。"}},
		{"０．５リットル入れます。", []string{"０．５リットル入れます。"}},
		{"كم مرة؟ أزل الترسبات كل شهر.", []string{"كم مرة؟", "أزل الترسبات كل شهر."}},
		{"यह आसान है। फिर बटन दबाएँ।", []string{"यह आसान है।", "फिर बटन दबाएँ।"}},
		{"Use e.g. vinegar. Then rinse! Done", []string{"Use e.g. vinegar.", "Then rinse!", "Done"}},
		{"Pour 0.5 l in.", []string{"Pour 0.5 l in."}},
	} {
		if got := sentences(c.line); !slices.Equal(got, c.want) {
			t.Errorf("sentences(%q) = %q, want %q", c.line, got, c.want)
		}
	}
	for _, s := range []string{"入れます。", "ですか？", "「はい。」", "هل يمكنني؟", "है।", "Done.", "as follows:", "التالي؛", "次の通り："} {
		if !endsSentence(s) {
			t.Errorf("endsSentence(%q) = false", s)
		}
	}
	for _, s := range []string{"給水タンク", "Done", "بدون"} {
		if endsSentence(s) {
			t.Errorf("endsSentence(%q) = true", s)
		}
	}

	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "ja", Locales: []string{"ja", "ar"}},
		Hash:       "scripts",
		Categories: []*site.Category{{ID: "care", Locale: "ja", Title: "お手入れ"}, {ID: "care", Locale: "ar", Title: "العناية"}},
	}
	lib.Articles = []*site.Article{
		art("descale", "ja", "care", "除石灰の方法", "除石灰の手順。", nil,
			sec("手順", "steps", "給水タンクを空にして、除石灰剤を入れます。\nお手入れボタンを3秒間押し続けます。\n画面の表示を確認\n約25分お待ちください。")),
		art("descale", "ar", "care", "إزالة الكلس", "الخطوات.", nil,
			sec("الخطوات", "steps", "هل الخزان فارغ؟\nأضف مزيل الكلس\nاضغط على زر العناية.")),
	}
	ix := buildLib(t, lib, "")
	r := search(t, ix, "お手入れボタン", "ja")
	if len(r.Hits) == 0 {
		t.Fatal("お手入れボタン: no results")
	}
	s := string(r.Hits[0].Snippet)
	for _, bad := range []string{"。.", "。 ", "確認."} {
		if strings.Contains(s, bad) {
			t.Errorf("Japanese snippet %q has %q", s, bad)
		}
	}
	if !strings.Contains(s, "確認。") {
		t.Errorf("Japanese snippet %q: want the list item without a stop closed with 。", s)
	}
	r = search(t, ix, "مزيل الكلس", "ar")
	if len(r.Hits) == 0 {
		t.Fatal("مزيل الكلس: no results")
	}
	if s := string(r.Hits[0].Snippet); strings.Contains(s, "؟.") || !strings.Contains(s, "الكلس</mark>.") {
		t.Errorf("Arabic snippet %q: want no period after ؟, one after the item without a stop", s)
	}
}
