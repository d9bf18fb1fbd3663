package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestJapaneseQuestionPhrases: a Japanese question ends with how it is
// asked ("教えてください", please tell me; "どうすればいいですか", what
// should I do?), written without a space, so no stop word drops it:
// indexed in pairs of signs, its pairs were words no article has.
// "除石灰の方法を教えてください" (please tell me how to descale) was
// answered as related articles only and suggested nothing, and
// "除石灰について教えてください" listed the payment article first. They
// are answered as what they ask; a question of such phrases only stays
// as typed.
func TestJapaneseQuestionPhrases(t *testing.T) {
	lib := helpLibrary("ja-asks",
		art("descale", "ja", "care", "除石灰の方法", "二か月ごとに除石灰します。", nil,
			sec("", "", "タンクに除石灰剤を入れて除石灰を始めます。")),
		art("water", "ja", "care", "給水タンク", "新しい水を入れます。", nil,
			sec("", "", "除石灰の前にタンクを空にします。")),
		art("pay", "ja", "care", "支払い方法を変更する", "カードを変更します。", nil,
			sec("", "", "設定から新しいカードを登録してください。")),
	)
	lib.Config.DefaultLocale, lib.Config.Locales = "ja", []string{"ja"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"除石灰の方法を教えてください", "descale"},
		{"すみません、除石灰の方法を教えてください。", "descale"},
		{"除石灰するにはどうすればいいですか？", "descale"},
		{"除石灰について教えてください", "descale"},
		{"支払い方法を変更したいです", "pay"},
	} {
		r := search(t, ix, tt.q, "ja")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first || r.Weak {
			t.Errorf("Search(%q) = %v, weak %v; want %s first, answered", tt.q, ids(r), r.Weak, tt.first)
		}
		if s := suggest(t, ix, tt.q, "ja"); len(s.Hits) == 0 || s.Hits[0].ID != tt.first {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.q, ids(s), tt.first)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"除石灰の方法を教えてください", "除石灰の方法"},
		{"教えてください", "教えてください"}, // nothing else asked
		{"ですか", "ですか"},
		{"how to descale", "how to descale"},
	} {
		if got := trimJapaneseAsks(tt.in); got != tt.want {
			t.Errorf("trimJapaneseAsks(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLinkJapaneseQuestionPhrases: ticket linking reads a Japanese
// subject's question phrases as search does: "除石灰の方法を教えてください"
// linked the payment article at 0.29, whose "方法" was the one pair of
// signs the phrase left to match, and links the descaling article.
func TestLinkJapaneseQuestionPhrases(t *testing.T) {
	lib := helpLibrary("ja-asks-link",
		art("descale", "ja", "care", "除石灰の方法", "二か月ごとに除石灰します。", nil,
			sec("", "", "タンクに除石灰剤を入れて除石灰を始めます。")),
		art("water", "ja", "care", "給水タンク", "新しい水を入れます。", nil,
			sec("", "", "除石灰の前にタンクを空にします。")),
		art("pay", "ja", "care", "支払い方法を変更する", "カードを変更します。", nil,
			sec("", "", "設定から新しいカードを登録してください。")),
		art("delete", "ja", "care", "アカウントを削除する", "退会。", nil,
			sec("", "", "設定から削除します。")),
	)
	lib.Config.DefaultLocale, lib.Config.Locales = "ja", []string{"ja"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ subject, id string }{
		{"除石灰の方法を教えてください", "descale"},
		{"除石灰について教えてください", "descale"},
		{"支払い方法を変更したいです", "pay"},
	} {
		id, c, err := ix.Link(context.Background(), "ja", tt.subject, "")
		if err != nil {
			t.Fatal(err)
		}
		if id != tt.id || c < site.DefaultTicketConfidence {
			t.Errorf("Link(%q) = %s at %.2f, want %s at %.2f or more", tt.subject, id, c, tt.id, site.DefaultTicketConfidence)
		}
	}
}

// TestJapaneseCourtesyAndWishes: the phrases that open and close a Japanese
// question include the courtesy of a business mail, which most tickets and
// many searches are written as: "よろしくお願いいたします" (its usual
// closing; only "よろしくお願いします" was read, leaving "よろしく"),
// "ありがとうございます" after the question, "お世話になっております"
// before it, and how a wish or a doubt is said ("知りたいです", I would
// like to know; "わかりません", I do not understand). Each left words no
// article has and made "除石灰の方法…" weak.
func TestJapaneseCourtesyAndWishes(t *testing.T) {
	lib := helpLibrary("ja-courtesy",
		art("descale", "ja", "care", "除石灰の方法", "二か月ごとに除石灰します。", nil,
			sec("", "", "タンクに除石灰剤を入れて除石灰を始めます。")),
		art("pay", "ja", "care", "支払い方法を変更する", "カードを変更します。", nil,
			sec("", "", "設定から新しいカードを登録してください。")),
	)
	lib.Config.DefaultLocale, lib.Config.Locales = "ja", []string{"ja"}
	ix := buildLib(t, lib, "")
	for _, q := range []string{
		"除石灰の方法を教えてください。よろしくお願いいたします。",
		"除石灰の方法についてよろしくお願い致します",
		"除石灰の方法を教えてください。ありがとうございます",
		"お世話になっております。除石灰の方法を教えてください",
		"除石灰の方法を知りたいです",
		"除石灰の方法がわかりません",
		"除石灰の方法を教えてもらえませんか",
	} {
		if got := trimJapaneseAsks(q); got != "除石灰の方法" {
			t.Errorf("trimJapaneseAsks(%q) = %q, want 除石灰の方法", q, got)
		}
		r := search(t, ix, q, "ja")
		if len(r.Hits) == 0 || r.Hits[0].ID != "descale" || r.Weak {
			t.Errorf("Search(%q) = %v, weak %v; want descale first, answered", q, ids(r), r.Weak)
		}
	}
	if got := trimJapaneseAsks("よろしくお願いいたします"); got != "よろしくお願いいたします" {
		t.Errorf("a courtesy alone: %q, want it as typed", got)
	}
}
