package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/guichet/guichet/site"
)

// NotHelpful returns the articles with at least one "No" vote since the
// given time, highest share of "No" first, with reasons and comments.
func (db *DB) NotHelpful(ctx context.Context, since time.Time, limit int) ([]site.ArticleFeedback, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT article_id, locale, sum(helpful = 1), sum(helpful = 0)
		FROM events WHERE type = 'vote' AND created_at >= ?
		GROUP BY article_id, locale HAVING sum(helpful = 0) > 0
		ORDER BY 1.0 * sum(helpful = 0) / count(*) DESC, sum(helpful = 0) DESC, article_id
		LIMIT ?`, millis(since), recentLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("not helpful articles: %w", err)
	}
	var out []site.ArticleFeedback
	for rows.Next() {
		f := site.ArticleFeedback{Reasons: map[string]int{}, Comments: []string{}}
		if err := rows.Scan(&f.ArticleID, &f.Locale, &f.Yes, &f.No); err != nil {
			rows.Close()
			return nil, fmt.Errorf("not helpful articles: %w", err)
		}
		out = append(out, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("not helpful articles: %w", err)
	}
	for i := range out {
		f := &out[i]
		r, err := db.reader.QueryContext(ctx, `
			SELECT reason, comment FROM events
			WHERE type = 'vote' AND helpful = 0 AND article_id = ? AND locale = ? AND created_at >= ?
			ORDER BY created_at DESC`, f.ArticleID, f.Locale, millis(since))
		if err != nil {
			return nil, fmt.Errorf("not helpful articles: %w", err)
		}
		for r.Next() {
			var reason, comment string
			if err := r.Scan(&reason, &comment); err != nil {
				r.Close()
				return nil, fmt.Errorf("not helpful articles: %w", err)
			}
			if reason != "" {
				f.Reasons[reason]++
			}
			if comment != "" && len(f.Comments) < 10 {
				f.Comments = append(f.Comments, comment)
			}
		}
		r.Close()
	}
	return out, nil
}
