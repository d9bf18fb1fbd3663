package insights

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/guichet/guichet/site/textnorm"
)

// MaxComments is how many of the newest votes with a reason or comment
// Feedback reads.
const MaxComments = 5000

// Reason counts the "not helpful" votes on an article that gave a reason.
type Reason struct {
	ArticleID string `json:"article_id"`
	Locale    string `json:"locale"`
	Reason    string `json:"reason"`
	Count     int    `json:"count"`
}

// Feedback is what "not helpful" voters said in a period.
type Feedback struct {
	// Comments are grouped: the same words on the same article (case,
	// accents, punctuation and spacing aside: textnorm.Key) are one Comment with the number of votes that wrote
	// it, in the words of the first to write it; most written first, then
	// newest.
	Comments []Comment `json:"comments"`
	// Reasons count the reasons given, per article, most given first.
	Reasons []Reason `json:"reasons"`
}

// Feedback groups the comments and reasons of the "not helpful" votes of p.
func (s Service) Feedback(ctx context.Context, p Period) (Feedback, error) {
	raw, err := s.Store.VoteComments(ctx, p.From, p.To, p.Locale, MaxComments)
	if err != nil {
		return Feedback{}, fmt.Errorf("insights feedback: %w", err)
	}
	return GroupFeedback(raw), nil
}

// GroupFeedback groups votes, newest first, as Feedback does.
func GroupFeedback(raw []Comment) Feedback {
	type key struct{ id, locale, text string }
	comments := map[key]int{}
	reasons := map[key]int{}
	var out Feedback
	for _, c := range raw {
		if c.Reason != "" {
			k := key{c.ArticleID, c.Locale, c.Reason}
			i, ok := reasons[k]
			if !ok {
				i = len(out.Reasons)
				reasons[k] = i
				out.Reasons = append(out.Reasons, Reason{ArticleID: c.ArticleID, Locale: c.Locale, Reason: c.Reason})
			}
			out.Reasons[i].Count++
		}
		k := key{c.ArticleID, c.Locale, textnorm.Key(c.Comment)}
		if k.text == "" {
			// No words ("???", an emoji): the same signs, spacing aside.
			k.text = strings.Join(strings.Fields(c.Comment), " ")
		}
		if k.text == "" {
			continue
		}
		i, ok := comments[k]
		if !ok {
			i = len(out.Comments)
			comments[k] = i
			c.Count, c.Reason = 0, ""
			out.Comments = append(out.Comments, c)
		}
		g := &out.Comments[i]
		g.Count++
		if c.Last.After(g.Last) {
			g.Last = c.Last
		} else {
			g.Comment = c.Comment // votes come newest first: keep the first words
		}
	}
	sort.SliceStable(out.Comments, func(i, j int) bool {
		if out.Comments[i].Count != out.Comments[j].Count {
			return out.Comments[i].Count > out.Comments[j].Count
		}
		return out.Comments[i].Last.After(out.Comments[j].Last)
	})
	sort.SliceStable(out.Reasons, func(i, j int) bool { return out.Reasons[i].Count > out.Reasons[j].Count })
	return out
}
