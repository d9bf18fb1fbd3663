package publish

import (
	"context"

	"github.com/guichet/guichet/site"
)

// once runs fn as the store's job for key when the store coordinates
// replicas (site.Jobs): replicas publishing the same content run it once
// between them, the others waiting for it to end. Without site.Jobs, fn
// runs. fn must return ctx.Err() when it stopped early, so that an
// unfinished job is not recorded as done.
func (p *Publisher) once(ctx context.Context, job, key string, fn func(ctx context.Context) error) error {
	jobs, ok := p.opts.Store.(site.Jobs)
	if !ok {
		return fn(ctx)
	}
	_, err := jobs.Once(ctx, job, key, fn)
	return err
}
