package sqlite

import (
	"context"
	"testing"
	"time"
)

// TestReadersOfOlderRollUps: a rolled-up day without readers (as a
// release before migration 0022 wrote it) counts its views as readers; a
// day rolled up since keeps its readers.
func TestReadersOfOlderRollUps(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if _, err := db.writer.ExecContext(ctx, `
		INSERT INTO insight_rollups (day, rolled_at) VALUES ('2026-11-20', 0), ('2026-11-21', 0);
		INSERT INTO insight_article_days (day, article_id, locale, views, helpful, not_helpful, contacts_after_reading)
			VALUES ('2026-11-20', 'lost', 'en', 6, 0, 1, 0);
		INSERT INTO insight_article_days (day, article_id, locale, views, readers, helpful, not_helpful, contacts_after_reading)
			VALUES ('2026-11-21', 'lost', 'en', 6, 1, 0, 1, 0)`); err != nil {
		t.Fatal(err)
	}
	arts, err := db.ArticleTotals(ctx, time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	if err != nil || len(arts) != 1 || arts[0].Views != 12 || arts[0].Readers != 7 {
		t.Errorf("article totals %+v, %v; want 12 views, 7 readers (6 for the older roll-up, 1)", arts, err)
	}
}
