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

// TestSnippetMarksIdeographsTyped: in Japanese and Chinese, written
// without spaces, a snippet marks the signs the query matched, not the
// whole clause around them: "除石灰" marked "<mark>除石灰剤を0</mark>.5" and
// "お手入れ" the whole "お手入れボタンを3秒間押し続けます" (a "word" from one
// punctuation mark to the next); a clause holding only a pair of a longer
// word of the query ("石灰" of "除石灰") is neither marked nor counted for
// the choice of the passage.
func TestSnippetMarksIdeographsTyped(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "ja", Locales: []string{"ja", "zh"}},
		Hash:       "ideographs",
		Categories: []*site.Category{{ID: "care", Locale: "ja", Title: "お手入れ"}, {ID: "care", Locale: "zh", Title: "保养"}},
	}
	lib.Articles = []*site.Article{
		art("descale", "ja", "care", "コーヒーメーカーの手順", "機械の手順。", nil,
			sec("手順", "steps", "給水タンクを空にして、除石灰剤を0.5リットル入れます。\nお手入れボタンを3秒間押し続けます。\n画面に CALC 01 と表示されます。"),
			sec("頻度", "often", "どのマシンにも石灰がたまります。水の硬度に応じて除石灰してください。")),
		art("invoice", "zh", "care", "下载发票", "账户。", nil,
			sec("", "", "打开我的账户，点击发票即可下载PDF文件。")),
	}
	ix := buildLib(t, lib, "")
	for _, c := range []struct{ q, locale, want, not string }{
		{"除石灰剤", "ja", "<mark>除石灰剤</mark>を0.5", "<mark>除石灰剤を"},
		{"除石灰", "ja", "<mark>除石灰</mark>", "<mark>どのマシン"},
		{"硬度 石灰", "ja", "どのマシンにも<mark>石灰</mark>がたまります。水の<mark>硬度</mark>に応じて除<mark>石灰</mark>して", ""},
		{"お手入れ", "ja", "<mark>お手入れ</mark>ボタンを", "押し続けます</mark>"},
		{"ボタン 3秒", "ja", "<mark>ボタン</mark>を<mark>3秒</mark>間", "続けます</mark>"},
		{"calc", "ja", "<mark>CALC</mark> 01", ""},
		{"发票", "zh", "点击<mark>发票</mark>即可", "<mark>点击"},
	} {
		r := search(t, ix, c.q, c.locale)
		if len(r.Hits) == 0 {
			t.Errorf("%s: no results", c.q)
			continue
		}
		s := string(r.Hits[0].Snippet)
		if !strings.Contains(s, c.want) || c.not != "" && strings.Contains(s, c.not) {
			t.Errorf("%s: snippet %q, want %q marked alone", c.q, s, c.want)
		}
	}
}
