// Command gencontent writes a synthetic help center of many articles, for
// benchmarks and load tests at a scale the sample content does not reach:
//
//	go run ./cmd/gencontent -n 10000 -out /tmp/content10k
//
// Articles use a Zipf-distributed vocabulary of common help-center words and
// made-up ones, with headings, lists, a table now and then and front matter
// (description, tags, keywords), spread over 20 categories of 5 sections.
// The output is deterministic for a given -n and -seed.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var helpWords = strings.Fields(`account password refund invoice ticket cancel order payment card billing
subscription plan upgrade downgrade email address login sign settings profile notification delete export
import report team member invite role permission admin security two factor authentication device app mobile
desktop browser cookie session error message problem issue support contact help guide start setup install
update version release feature integration api key token webhook calendar event booking reservation
schedule transfer share download upload file document attachment storage limit quota price discount coupon
tax receipt currency bank delay shipping delivery return exchange warranty product catalog search
filter sort page language translation privacy data backup restore sync offline connection network reset
change remove add edit create manage configure enable disable verify confirm approve reject close open`)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	out := flag.String("out", "", "output folder (created; must not exist or be empty)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: gencontent -n N -out DIR")
		os.Exit(2)
	}
	if err := generate(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencontent:", err)
		os.Exit(1)
	}
}

type gen struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

func newGen(seed uint64) *gen {
	r := rand.New(rand.NewPCG(seed, 2))
	syll := strings.Fields("ka ro mi ne tu sa li po ve da gri on al ber tis cor man tel pri sen ver lo qua zen")
	vocab := append([]string{}, helpWords...)
	seen := map[string]bool{}
	for _, w := range vocab {
		seen[w] = true
	}
	for len(vocab) < 12000 {
		var b strings.Builder
		for k := 2 + r.IntN(3); k > 0; k-- {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	return &gen{r: r, zipf: rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1)), vocab: vocab}
}

var stop = strings.Fields("the a to of and in your you is for on with can")

func (g *gen) words(k int, stops bool) string {
	out := make([]string, k)
	for i := range out {
		if stops && g.r.IntN(3) == 0 {
			out[i] = stop[g.r.IntN(len(stop))]
		} else {
			out[i] = g.vocab[g.zipf.Uint64()]
		}
	}
	return strings.Join(out, " ")
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func generate(dir string, n int, seed uint64) error {
	g := newGen(seed)
	write := func(p, body string) error {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, []byte(body), 0o644)
	}
	if err := write("guichet.yaml", "title: Synthetic Help Center\ndefault_locale: en\nlocales: [en]\n"); err != nil {
		return err
	}
	for c := range 20 {
		if err := write(fmt.Sprintf("cat%02d/_index.md", c), fmt.Sprintf("---\ntitle: %s\ndescription: %s.\nweight: %d\n---\n", capital(g.words(2, false)), capital(g.words(8, true)), c)); err != nil {
			return err
		}
	}
	for i := range n {
		var b strings.Builder
		title := capital(g.words(3+g.r.IntN(5), true))
		fmt.Fprintf(&b, "---\ntitle: %q\ndescription: %q\ntags: [%s]\nkeywords: [%s]\n---\n",
			title, capital(g.words(8+g.r.IntN(10), true))+".", strings.Join(strings.Fields(g.words(1+g.r.IntN(2), false)), ", "),
			strings.Join(strings.Fields(g.words(g.r.IntN(3), false)), ", "))
		fmt.Fprintf(&b, "%s.\n\n", capital(g.words(30+g.r.IntN(60), true)))
		for s := range 2 + g.r.IntN(4) {
			fmt.Fprintf(&b, "## %s\n\n%s.\n\n", capital(g.words(2+g.r.IntN(3), false)), capital(g.words(40+g.r.IntN(80), true)))
			switch s % 3 {
			case 0:
				for k := 1; k <= 3; k++ {
					fmt.Fprintf(&b, "%d. %s.\n", k, capital(g.words(6, true)))
				}
				b.WriteString("\n")
			case 1:
				fmt.Fprintf(&b, "| %s | %s |\n|---|---|\n| %s | %s |\n\n", g.words(1, false), g.words(1, false), g.words(2, false), g.words(2, false))
			}
		}
		p := fmt.Sprintf("cat%02d/sec%d/article-%05d.md", i%20, (i/20)%5, i)
		if err := write(p, b.String()); err != nil {
			return err
		}
	}
	return nil
}
