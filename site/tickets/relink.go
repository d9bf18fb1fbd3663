package tickets

import (
	"context"
	"fmt"

	"github.com/guichet/guichet/site"
)

// RelinkStore is where stored tickets are relinked (site/sqlite implements
// it).
type RelinkStore interface {
	// TicketsToRelink returns up to limit stored tickets linked on content
	// other than key, in external ID order after the ID after ("" first).
	TicketsToRelink(ctx context.Context, key, after string, limit int) ([]site.StoredTicket, error)
	// SetTicketLinks replaces the topic, link and key of stored tickets.
	SetTicketLinks(ctx context.Context, tickets []site.StoredTicket) error
}

// relinkBatch is how many stored tickets are relinked per transaction.
const relinkBatch = 1000

// Relink recomputes with l the links of every stored ticket linked on
// other content or rules than l's (a new article claims old tickets; a
// removed one gives them up), a batch per transaction. It returns how many
// tickets it relinked and how many of them changed article. It stops early
// when ctx ends (a newer publication starts its own run).
func Relink(ctx context.Context, store RelinkStore, l *Linker) (total, moved int, err error) {
	key, after := l.Key(), ""
	for {
		if err := ctx.Err(); err != nil {
			return total, moved, err
		}
		list, err := store.TicketsToRelink(ctx, key, after, relinkBatch)
		if err != nil {
			return total, moved, fmt.Errorf("relink tickets: %w", err)
		}
		if len(list) == 0 {
			return total, moved, nil
		}
		for i := range list {
			t := &list[i]
			link, err := l.Link(ctx, &t.Ticket)
			if err != nil {
				return total, moved, fmt.Errorf("relink ticket %q: %w", t.ExternalID, err)
			}
			if link.ArticleID != t.Link.ArticleID {
				moved++
			}
			t.Topic, t.Link, t.Key = TicketTopic(t.Ticket), link, key
		}
		if err := store.SetTicketLinks(ctx, list); err != nil {
			return total, moved, fmt.Errorf("relink tickets: %w", err)
		}
		total += len(list)
		after = list[len(list)-1].ExternalID
	}
}
