// Command gentickets writes a synthetic helpdesk export in Guichet's
// generic CSV format (id,subject,body,tags,created_at,locale), for import
// benchmarks at scales no sample reaches:
//
//	go run ./cmd/gentickets -n 100000 -content content > /tmp/tickets.csv
//
// Subjects are built the way customers write them: a phrase from an
// article of the content folder (a keyword, a search test, the title, with
// a typo now and then) inside one of many openings and endings, an order
// number in some, and a share of tickets about things no article covers.
// A fifth carry a ticket tag of the content. Dates spread over 120 days.
// With -locale=false the locale column is left empty, as in the exports
// that carry no language (the import then guesses it from the text). The
// output is deterministic for a given -n and -seed.
package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
)

var (
	openings = []string{"", "", "Help: ", "Question about ", "Problem with ", "Urgent - ", "Re: ", "Can't figure out ",
		"How do I ", "Issue: ", "Need help with ", "Still waiting: ", "[Order %d] ", "Fwd: "}
	endings = []string{"", "", "", "?", "!!", " please", " (order %d)", " - account %d", " not working", " since yesterday",
		" again", " on iPhone", " for my team"}
	offTopic = strings.Fields(`printer fax invoice-from-supplier partnership job application press interview
		weather lunch parking coupon-code-from-newsletter trademark lawsuit domain-transfer chargeback-dispute
		hardware-warranty office-move sponsorship`)
	bodies = []string{"", "", "Hi team, %s. Thanks!", "Hello, I tried everything: %s. Regards, Sam",
		"%s. This is blocking my whole team, please call me back.", "Bonjour, %s. Merci d'avance."}
)

func main() {
	n := flag.Int("n", 100000, "number of tickets")
	dir := flag.String("content", "content", "content folder the subjects are drawn from")
	seed := flag.Uint64("seed", 1, "random seed")
	withLocale := flag.Bool("locale", true, "write each ticket's locale (false: an empty column)")
	flag.Parse()
	if err := run(os.Stdout, *dir, *n, *seed, *withLocale); err != nil {
		fmt.Fprintln(os.Stderr, "gentickets:", err)
		os.Exit(1)
	}
}

func run(out io.Writer, dir string, n int, seed uint64, withLocale bool) error {
	lib, err := content.Load(context.Background(), os.DirFS(dir), content.Options{Dir: dir})
	if err != nil {
		return err
	}
	var arts []*site.Article
	for _, a := range lib.Articles {
		if !a.Draft {
			arts = append(arts, a)
		}
	}
	if len(arts) == 0 {
		return fmt.Errorf("no article in %s", dir)
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	bw := bufio.NewWriterSize(out, 1<<20)
	w := csv.NewWriter(bw)
	w.Write([]string{"id", "subject", "body", "tags", "created_at", "locale"})
	end := time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		// A few articles draw most tickets, as in real helpdesks.
		a := arts[int(float64(len(arts))*r.Float64()*r.Float64()*r.Float64())]
		var phrase, tags string
		switch x := r.IntN(100); {
		case x < 12:
			phrase = offTopic[r.IntN(len(offTopic))]
		case x < 40 && len(a.Keywords) > 0:
			phrase = a.Keywords[r.IntN(len(a.Keywords))]
		case x < 55 && len(a.SearchTests) > 0:
			phrase = a.SearchTests[r.IntN(len(a.SearchTests))]
		default:
			phrase = a.Title
		}
		if r.IntN(10) == 0 {
			phrase = typo(r, phrase)
		}
		if r.IntN(5) == 0 && len(a.TicketTags) > 0 {
			tags = a.TicketTags[r.IntN(len(a.TicketTags))]
		}
		subject := fill(r, openings[r.IntN(len(openings))]) + phrase + fill(r, endings[r.IntN(len(endings))])
		body := fill(r, bodies[r.IntN(len(bodies))])
		if strings.Contains(body, "%s") {
			body = fmt.Sprintf(body, strings.ToLower(phrase))
		}
		at := end.Add(-time.Duration(r.Int64N(int64(120 * 24 * time.Hour))))
		locale := a.Locale
		if !withLocale {
			locale = ""
		}
		if err := w.Write([]string{"T" + strconv.Itoa(100000+i), subject, body, tags, at.Format("2006-01-02 15:04:05"), locale}); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// fill puts a random order or account number where a template has %d.
func fill(r *rand.Rand, s string) string {
	if strings.Contains(s, "%d") {
		return fmt.Sprintf(s, 10000+r.IntN(90000))
	}
	return s
}

// typo swaps two neighbouring letters of a longer word.
func typo(r *rand.Rand, s string) string {
	rs := []rune(s)
	if len(rs) < 6 {
		return s
	}
	i := 1 + r.IntN(len(rs)-3)
	rs[i], rs[i+1] = rs[i+1], rs[i]
	return string(rs)
}
