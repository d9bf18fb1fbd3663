package insights

import "time"

// LiveDays returns the starts of the UTC days in [oldest's day, to) that
// are not in rolled (by YYYY-MM-DD): the days a store tallies from raw
// rows, oldest being its first raw row in the span (zero: none).
func LiveDays(oldest, to time.Time, rolled map[string]bool) []time.Time {
	if oldest.IsZero() {
		return nil
	}
	var live []time.Time
	for t := oldest.UTC().Truncate(day); t.Before(to); t = t.Add(day) {
		if !rolled[t.Format(time.DateOnly)] {
			live = append(live, t)
		}
	}
	return live
}

// ArticleSums sums article figures by article and locale across days.
type ArticleSums map[[2]string]*ArticleDay

// Add adds one article's figures.
func (s ArticleSums) Add(a ArticleDay) {
	k := [2]string{a.ArticleID, a.Locale}
	sum := s[k]
	if sum == nil {
		sum = &ArticleDay{ArticleID: a.ArticleID, Locale: a.Locale}
		s[k] = sum
	}
	sum.Views += a.Views
	sum.Readers += a.Readers
	sum.Helpful += a.Helpful
	sum.NotHelpful += a.NotHelpful
	sum.ContactsAfterReading += a.ContactsAfterReading
}

// List returns the sums sorted (Totals.Sort), Day empty.
func (s ArticleSums) List() []ArticleDay {
	out := make([]ArticleDay, 0, len(s))
	for _, a := range s {
		out = append(out, *a)
	}
	t := Totals{Articles: out}
	t.Sort()
	return t.Articles
}
