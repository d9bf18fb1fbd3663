package publish

import (
	"context"
	"time"
)

// PopularityWindow is how far back result clicks count as popularity.
const PopularityWindow = 30 * 24 * time.Hour

// popularityEvery is how often click counts are reloaded into the index.
const popularityEvery = 10 * time.Minute

// RefreshPopularity gives the search index the recent click counts per
// article, which break ties between equally good results, and the server,
// which lists the most read articles where a search found no answer.
func (p *Publisher) RefreshPopularity(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.refreshPopularityLocked(ctx)
}

func (p *Publisher) refreshPopularityLocked(ctx context.Context) error {
	if p.index == nil || p.opts.Store == nil {
		return nil
	}
	clicks, err := p.opts.Store.ArticleClicks(ctx, p.opts.Now().Add(-PopularityWindow))
	if err != nil {
		return err
	}
	p.index.SetPopularity(clicks)
	p.opts.Server.SetArticleClicks(clicks)
	p.opts.Server.ClearResults()
	return nil
}

// RefreshPopularityEvery runs RefreshPopularity every ten minutes until ctx
// ends.
func (p *Publisher) RefreshPopularityEvery(ctx context.Context) {
	t := time.NewTicker(popularityEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := p.RefreshPopularity(ctx); err != nil {
				p.opts.Logger.Warn("load click counts for ranking", "err", err)
			}
		}
	}
}
