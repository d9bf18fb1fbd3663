package gaps_test

import (
	"fmt"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// typists records failed site searches in English, each typed by
// visitors of its own, an hour apart from at.
type typists struct {
	at      time.Time
	records []gaps.Record
}

// add records q typed by visitors new visitors.
func (ty *typists) add(q string, visitors int) {
	for range visitors {
		n := len(ty.records) + 1
		ty.records = append(ty.records, gaps.Record{Query: q, Locale: "en", Source: site.SourceSite,
			Visitor: fmt.Sprintf("v%d", n), Time: ty.at.Add(time.Duration(n) * time.Hour)})
	}
}

// gapOfVariant maps each variant of the report, as listed, to its gap's ID.
func gapOfVariant(rep gaps.Report) map[string]string {
	gapOf := map[string]string{}
	for _, g := range rep.Gaps {
		for _, v := range g.Variants {
			gapOf[v.Query] = g.ID
		}
	}
	return gapOf
}
