package site

// ArticleFeedback sums the "Was this helpful?" votes of one article.
type ArticleFeedback struct {
	ArticleID string         `json:"article_id"`
	Locale    string         `json:"locale"`
	Yes       int            `json:"yes"`
	No        int            `json:"no"`
	Reasons   map[string]int `json:"reasons"`
	Comments  []string       `json:"comments"` // newest first, at most 10
}

// ShareNo is the share of "No" among the votes.
func (f ArticleFeedback) ShareNo() float64 {
	if f.Yes+f.No == 0 {
		return 0
	}
	return float64(f.No) / float64(f.Yes+f.No)
}
