package search

import (
	"strings"
	"unicode"
)

// japaneseAsks are the phrases a Japanese question or request ends with
// that say how it is asked, not what, and the courtesy that closes it:
// "教えてください" (please tell me), "知りたいです" (I would like to
// know), "よろしくお願いいたします" (the closing of a business mail),
// "ありがとうございます" (thank you),
// "どうすればいいですか" (what should I do?), "お願いします" (please),
// "ですか" and "ますか" (the question's ending). Japanese writes no
// space before them, so they are no stop words the analyzer could drop:
// indexed in pairs of signs, they were words no article has, and made
// "除石灰の方法を教えてください" (please tell me how to descale) weak
// and suggest nothing. The question words and pleas of the other
// languages are stop words or courtesy (textnorm.TrimCourtesy).
var japaneseAsks = []string{
	"教えてください", "教えて下さい", "教えてくれませんか", "教えてもらえますか",
	"教えていただけますか", "教えていただけませんか", "教えてほしいです", "教えて",
	"教えてもらえませんか", "教えていただきたいです", "知りたいのですが", "知りたいです", "知りたい",
	"わかりません", "分かりません",
	"ください", "下さい", "お願いします", "お願いいたします", "お願い致します", "お願い申し上げます",
	"よろしくお願いします", "よろしくお願いいたします", "よろしくお願い致します", "よろしくお願い申し上げます",
	"ありがとうございます", "ありがとうございました",
	"どうすればいいですか", "どうすればよいですか", "どうすればいいでしょうか",
	"どうしたらいいですか", "どうしたらよいですか", "どうしたらいいでしょうか",
	"どうすればいい", "どうしたらいい", "どうすれば", "どうしたら", "どうやって",
	"できますか", "できるでしょうか", "したいのですが", "したいんですが", "したいです", "したい",
	"とは何ですか", "とはなんですか", "でしょうか", "のですか", "んですか", "ですか", "ますか", "ませんか",
}

// japaneseLinks are the particles and verb endings left at the end once
// such a phrase is taken away: "除石灰について" (about descaling),
// "除石灰するには" (to descale), "方法を" (the way, as an object).
var japaneseLinks = []string{"について", "に関して", "するには", "には", "とは", "って", "を", "は", "が", "する"}

// japaneseGreetings open a Japanese question: "すみません" (excuse me).
// "お世話になっております" (the opening of a business mail) and
// "お疲れ様です" are courtesy too.
var japaneseGreetings = []string{"すみません", "すいません", "こんにちは", "こんばんは", "おはようございます",
	"お世話になっております", "お世話になります", "いつもお世話になっております", "お疲れ様です", "お疲れさまです"}

// japanesePunct is what stands around the phrases.
const japanesePunct = " \t　、。，．,.!?！？"

// trimJapaneseAsks returns a query without the Japanese phrases that
// open (japaneseGreetings) and close (japaneseAsks, then japaneseLinks)
// it: "除石灰の方法を教えてください" is "除石灰の方法",
// "除石灰するにはどうすればいいですか" "除石灰". A query without kana, or
// of such phrases only, is returned as it is.
func trimJapaneseAsks(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Hiragana, r) }) {
		return s
	}
	out := strings.Trim(s, japanesePunct)
	for {
		t := strings.TrimLeft(out, japanesePunct)
		p := longestAffix(t, japaneseGreetings, strings.HasPrefix)
		if p == "" || p == t {
			break
		}
		out = t[len(p):]
	}
	for {
		t := strings.TrimRight(out, japanesePunct)
		p := longestAffix(t, japaneseAsks, strings.HasSuffix)
		if p == "" || p == t {
			break
		}
		t = t[:len(t)-len(p)]
		if l := longestAffix(t, japaneseLinks, strings.HasSuffix); l != "" {
			t = t[:len(t)-len(l)]
		}
		out = t
	}
	if strings.Trim(out, japanesePunct) == "" {
		return s
	}
	return strings.Trim(out, japanesePunct)
}

// longestAffix returns the longest of phrases that s has as an affix (has
// is strings.HasPrefix or strings.HasSuffix), "" for none.
func longestAffix(s string, phrases []string, has func(s, affix string) bool) string {
	best := ""
	for _, p := range phrases {
		if len(p) > len(best) && has(s, p) {
			best = p
		}
	}
	return best
}
