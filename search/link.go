package search

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/guichet/guichet/site/i18n"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// Linking a support ticket to the article that answers it. The index finds
// candidates (the ticket's words, any of them, ranked as a search would);
// the confidence is then how much of what the ticket says the best
// candidate covers: each distinct term of the subject weighs its inverse
// document frequency (a rare word says more about the topic than a common
// one), counts fully when the article has it in its title, keywords,
// headings, tags or description, partly when only its body has it, and not
// at all otherwise. The body is scored alone, at a discount: it holds
// greetings, order numbers and signatures as well as the problem.
const (
	linkCandidates = 5   // hits scored for coverage
	linkBodyWords  = 60  // first words of a ticket body considered
	linkBodyWeight = 0.9 // confidence factor of a link found through the body alone
	linkBodyMatch  = 0.6 // credit for a term only the article's body has
	// linkBodySupport: the share of an informative subject an article
	// must cover for the body to support it in full (less, in part).
	linkBodySupport = 0.5
	// linkUnknownBody: the weight of a body's word found in no article
	// (mostly names and signatures), relative to the rarest known word's.
	// A subject's word found in no article weighs as the rarest known
	// word does: what no article says is what the ticket may be missing
	// ("Humidity sensor?" linked the one article about a sensor at 0.667
	// when it weighed half).
	linkUnknownBody = 0.15
	linkCommon      = 0.5  // terms in more than this share of the articles carry no evidence
	linkTiePenalty  = 0.85 // confidence factor when a second article covers the ticket as well
	linkTieMargin   = 0.05
	// linkEvidence: the matched weight below which confidence shrinks, as
	// a share of the weight of a term found in a single article.
	linkEvidence = 0.6
)

// docTerms are the analysed terms of one article, split by where they
// appear.
type docTerms struct {
	strong map[string]bool // title, keywords, headings, tags, description
	body   map[string]bool
}

// Link returns the ID of the article of locale (the default locale when
// locale has no index) that best answers a ticket with this subject and
// body, and the confidence of that match, from 0 (no article) to 1 (the
// article covers every informative word of the subject). A subject too
// vague to say anything ("Question", "Order 4821") leaves the body to
// decide, at a discount; so does a weak one (one word, or only common
// words: "Question about my account") when the body clearly names another
// article than the subject's. Of articles that answer the ticket equally well,
// the one the index scores higher is chosen, then the one of smaller ID:
// the same ticket links the same way whatever order the index holds the
// articles in. Callers decide above which confidence a link is trusted.
func (ix *Index) Link(ctx context.Context, locale, subject, body string) (string, float64, error) {
	li := ix.locales[locale]
	if li == nil {
		li = ix.locales[ix.defaultLocale]
	}
	if li == nil || len(li.docs) == 0 {
		return "", 0, nil
	}
	stops := ticketStops[i18n.Language(li.locale)]
	times := ticketTimes[i18n.Language(li.locale)]
	which := ticketWhich[i18n.Language(li.locale)]
	words := make([]word, 0, maxWords)
	seen := map[string]bool{}
	// Typos are corrected in the subject only, and no word is searched
	// with two edits (fuzzy automata): linking must stay cheap enough for
	// a million tickets.
	// The error codes the subject names ("Error E13 on the lock", "error
	// 1603"; site.QueryCodes, as search and the gap report read them):
	// what the ticket is about. Each weighs at least twice as much as
	// the subject's other words together (the article holding it covers
	// two thirds of a ticket whose other words it lacks: "E21 sur mon
	// vélo électrique" was 0.5, under the 0.6 a link needs), is taken as
	// typed (no typo of another code), and an article without it is
	// linked by no body.
	var codes []string
	// The subject's terms: a body's word no article has weighs as the
	// subject's does when the subject says it too ("Humidity sensor?"
	// with the body "Is there a humidity sensor?"): the topic no article
	// answers, not a name or a signature.
	subjTerms := map[string]bool{}
	// subjAll: every term of the subject, the common words weighing
	// nothing included ("clients" of "clients qui ne viennent pas").
	subjAll := map[string]bool{}
	weigh := func(text string, unknown float64, subject bool) (tw termWeights, code bool) {
		weights := map[string]float64{}
		forms := map[string][]string{}
		qa := li.analyzeTypos(ctx, text, false, subject)
		// "E 12" is the code "E12", as search reads it; a letter and the
		// number a full stop ties to it ("H.265"), as some article writes
		// them, one word: split, the letter and the number were each left
		// out ("H.265 no sound" linked "No sound" at 1). "H 265" typed
		// apart stays two words.
		if ws := qa.pairsJoined(func(i int, c *compound) (bool, bool) {
			if join, code := qa.spacedCode(i, c); join {
				return join, code
			}
			if li.vocab[c.stem] > 0 && !c.code && c.number == "" && qa.joinedAt(i) == 2 {
				// "E-ticket", "e mail": the word the letter makes with
				// the next, as search reads it (joinedAt), not a letter
				// left out and a word every ticket says ("E-ticket"
				// alone was linked at 0).
				return true, false
			}
			return strings.Contains(c.plain, ".") && oneLetter(qa.words[i].plain) && isNumber(qa.words[i+1].plain) && li.vocab[c.stem] > 0, false
		}); len(ws) != len(qa.words) {
			qa = &queryAnalysis{words: ws}
		}
		ws := qa.words
		isCode := map[int]bool{}
		// A word that only announces a code some article writes ("code",
		// "err", "Fehler" next to "E12") is present wherever its code is,
		// as search reads it (codeMarkers): it weighs nothing of its own.
		var markers map[int]string
		if subject {
			markers = qa.codeMarkers(li)
		}
		if subject {
			plains := make([]string, len(ws))
			for i, w := range ws {
				plains[i] = w.plain
			}
			for _, k := range site.QueryCodes(plains) {
				isCode[k] = ws[k].stem != ""
			}
			for k, w := range ws {
				// "AP-409", "E 12"; and a name of letters and digits
				// some article writes, no more articles than the
				// subject's other words and at most half of them ("2FA",
				// "W-2", "4K"; search's rare tokens): what the ticket is
				// about, as a code is, more than "set up" ("How do I set
				// up 2FA?" linked "Set up recurring invoices"). A model
				// name most articles write ("C210") says where, and
				// leaves the words or the body to say what.
				isCode[k] = isCode[k] || w.code || !isNumber(w.plain) && li.rare(qa, k) && 2*li.vocab[w.stem] <= len(li.docs) ||
					identifier(w.plain) && li.vocab[w.stem] > 0 && 2*li.vocab[w.stem] <= len(li.docs)
			}
		}
		term := func(i int) string {
			w := ws[i]
			if markers[i] != "" {
				return ""
			}
			if textnorm.CourtesyWord(w.plain) && !li.titled(w.stem) {
				// A greeting or thanks of another language than the
				// ticket's, which no title, keyword or heading writes
				// (bodies say "please contact us"), however it would
				// be corrected: customers greet in English whatever
				// language they write in ("Pinchazo en la rueda -
				// hello" was unlinked, "hello" weighing as the rarest
				// word; "hola" on an English site was read as "hold").
				return ""
			}
			if which[w.plain] && !li.counts.has(fieldTitle, w.stem) && !li.counts.has(fieldKeywords, w.stem) {
				// "new", "another", "nouvelle" (ticketWhich) say which
				// one, not what, unless a title, keyword or heading
				// writes them ("New phone"): weighed even lightly, the
				// word of some article's body made "Another" a ticket
				// about that article at 1, and "Nouvelle facture" one
				// about the article whose body wrote both words.
				return ""
			}
			if f := writtenForm(li.vocab, w.stem); f != "" {
				return f // "E7" is the "E07" the articles write
			}
			if isCode[i] {
				return w.stem
			}
			if isNumber(w.plain) || stops[w.plain] || oneLetter(w.plain) {
				return ""
			}
			t := linkTerm(w)
			if li.vocab[t] == 0 && referenceLabel(ws, i) {
				// "order" in "Refund for order 5512" where no
				// article writes it: the customer's reference,
				// not what the ticket asks (it weighed as the
				// rarest word, and kept the refund ticket
				// unlinked).
				return ""
			}
			return t
		}
		// A synonyms.yaml entry of a group with an entry of several
		// words ("mobile ticket", "e-ticket" of [e-ticket, mobile
		// ticket]) is one thing the text says, had by an article that
		// writes any entry of the group, one of several words only in a
		// row (docTerms, as search reads it: writesPhrase): it weighs as
		// its heaviest word, its words not one by one. "Mobile ticket"
		// linked "Change your mobile number", and "Phone app" the
		// article writing "phone" and "app" apart, not the one on the
		// mobile app.
		inGroup := map[int]bool{}
		groups := map[string]float64{}
		for first, sp := range li.synonymSpans(ws, false) {
			gi := li.phraseGroup(sp)
			if gi < 0 {
				continue
			}
			for j := first; j < first+sp.n && j < len(ws); j++ {
				// Its words, even those a ticket says of any topic
				// ("ticket" of "mobile ticket"), find its articles.
				if ws[j].stem != "" && !isCode[j] && markers[j] == "" {
					inGroup[j] = true
					groups[groupKey(gi)] = li.groupWeight(gi)
				}
			}
		}
		labels := true // every informative word names the number after it
		for i := range ws {
			if term(i) == "" {
				continue
			}
			// A word some title writes before a number ("Android 14",
			// "iOS 17") names a version of what the article is about,
			// not a reference: it was read as "Order 4821" is, and
			// "Android 14" was linked by nothing.
			labels = labels && i+1 < len(ws) && isNumber(ws[i+1].plain) && !isCode[i+1] && !li.numbered[ws[i].stem]
		}
		if labels && subject {
			// "Order 4821", "Invoice 2026 0042": a reference, not what
			// the ticket is about; the body says that.
			return nil, false
		}
		for i, w := range ws {
			w.fuzz = 0
			t := term(i)
			if t == "" && inGroup[i] {
				t = linkTerm(w)
			}
			if t == "" {
				continue
			}
			if subject {
				subjAll[t] = true
			}
			wt := li.termWeight(t)
			if li.vocab[t] == 0 {
				if !subjTerms[t] {
					wt *= unknown
				}
				if times[w.plain] || ordinal(w.plain) {
					// "on Tuesday", "this morning", "depuis lundi": when,
					// not what, unless the articles write it; nor does
					// "the 2nd time", "3rd request", "2e fois" say what.
					wt = min(wt, li.termWeight(t)*linkUnknownBody)
				}
			}
			if inGroup[i] {
				wt = 0 // weighed as its entry (groups)
			}
			if wt == 0 && !isCode[i] && !inGroup[i] {
				continue
			}
			if !inGroup[i] {
				weights[t] = wt
			}
			if t == w.stem && len(w.forms) > 0 {
				// "devuelvo" is the "devolver" a title writes (verbForms).
				forms[t] = w.forms
			}
			if t == w.stem && len(w.heads) > 0 {
				// "Akkuladegerät" is a "Ladegerät" (headOf), and a
				// "Parkgebühr" a "Gebühr" (compoundHeads), as search reads
				// them: "Gebühr Installateur" was unlinked where search
				// found "Parkgebühr für den Installateur".
				forms[t] = append(slices.Clip(forms[t]), w.heads...)
				if m := li.unknownModifier(w.plain, w.stem); m != "" && m != t {
					// "Fußbodenheizung" where the articles write
					// "Heizung" and never "Fußboden": the floor is what
					// the ticket asks and no article has, weighed as the
					// compound is, so the holiday-mode article whose
					// description says "Heizung" covers half of it, not
					// all (a newcomer, rv23f: linked at 0.77).
					weights[m] = max(weights[m], wt)
				}
			}
			code = code || hasDigit(w.plain)
			if isCode[i] && !slices.Contains(codes, t) {
				codes = append(codes, t)
			}
			// Only terms some article has can find candidates.
			if !seen[t] && len(words) < maxWords && (li.vocab[t] > 0 || len(forms[t]) > 0) {
				seen[t] = true
				words = append(words, w)
			}
		}
		maps.Copy(weights, groups)
		if subject {
			var others float64
			for t, wt := range weights {
				if !slices.Contains(codes, t) {
					others += wt
				}
			}
			for _, t := range codes {
				weights[t] = max(weights[t], 2*others)
			}
		}
		return sortedWeights(weights, forms), code
	}
	// "除石灰の方法を教えてください" asks what "除石灰の方法" does: the
	// phrases of how it is asked, as search reads them.
	subj, code := weigh(trimJapaneseAsks(subject), 1, true)
	for _, tw := range subj {
		subjTerms[tw.term] = true
	}
	// Words of a body found in no article are mostly names and signatures.
	bodyW, _ := weigh(site.FirstWords(body, linkBodyWords), linkUnknownBody, false)
	if len(words) == 0 {
		// No word some article has that says anything ("How do I
		// synchronize my notes?" where every article writes "notes"):
		// no link, but the article search ranks first for the subject is
		// its nearest, at confidence 0, for the team to link it by hand.
		return ix.nearest(ctx, locale, subject)
	}
	qa := &queryAnalysis{words: words, noPhrases: true}
	qa.spans = li.synonymSpans(words, false)
	cl := li.clauses(qa, true)
	if len(cl) == 0 {
		return "", 0, nil
	}
	q := li.passQuery(qa, cl, pass{true, passAny})
	if q == nil {
		q = li.passQuery(qa, cl, pass{true, passAll})
	}
	if q == nil {
		return "", 0, nil
	}
	cands, err := li.linkHits(ctx, q)
	if err != nil {
		return "", 0, fmt.Errorf("link ticket %q: %w", subject, err)
	}
	need := linkEvidence * math.Log(1+float64(len(li.docs)))
	for i := range cands {
		dt := li.docTerms(cands[i].d)
		cands[i].subj, cands[i].body = dt.coverage(subj, need, codes), dt.coverage(bodyW, need, codes)
		cands[i].bodyTerms = dt.has(bodyW)
		cands[i].lacksCode = slices.ContainsFunc(codes, func(t string) bool { return !dt.strong[t] && !dt.body[t] })
		cands[i].passing = dt.passing(subj, subjAll, codes)
	}
	// A subject that says what the ticket is about (an informative word,
	// known to the articles or not) decides: the body, which holds
	// greetings, other questions and signatures as well, only supports an
	// article that covers the subject in part (in full from
	// linkBodySupport of its meaning), and never links one the subject
	// says nothing of ("Refund for my last invoice" with the body "Still
	// failing" is no ticket about the one article whose title says
	// "fails"). A vague subject leaves the body to decide.
	informative := len(subj) > 0
	// A word of the subject no article has, weighing as the rarest known
	// word (not a word saying when, which weighs little), is what the
	// ticket asks and the help center may lack ("Humidity sensor?",
	// "Kids seat" where no article writes "seat"): no article covers it,
	// and the body, whose other words some article happens to have
	// ("Can I rent a bike with a kids seat by the day?" and the helmets
	// article renting helmets for kids by the day: linked at 0.627),
	// cannot make up for it. The subject's coverage decides alone.
	missing := slices.ContainsFunc(subj, func(tw termWeight) bool {
		return li.vocab[tw.term] == 0 && len(tw.forms) == 0 && !slices.Contains(codes, tw.term) && tw.w >= li.termWeight(tw.term)
	})
	conf := func(c linkCand) float64 {
		support := 1.0
		if informative {
			support = min(1, c.subj/linkBodySupport)
		}
		if c.lacksCode || missing {
			// Another code's article, or a subject's word no article
			// has: the body cannot make it this one.
			support = 0
		}
		if c.passing {
			// One word of the subject in the article's body, and none
			// where it says what it is about: a passing mention ("We
			// recommend wearing a helmet" in the battery article), found
			// as a body finds an article, at its discount, and not made
			// more by the ticket's body ("Fwd: helmet" linked "E-bike
			// battery and range" at 0.6, the body's credit, the default
			// min_confidence).
			return linkBodyWeight * c.subj
		}
		return max(c.subj, linkBodyWeight*support*c.body)
	}
	// A weak subject names an area, not a problem ("Question about my
	// account"): it does not decide against a body that clearly names
	// another article — one with at least two of the body's informative
	// words, covering at least linkBodySupport of its meaning, while the
	// body says less than that share as much of the subject's article.
	// The body then decides, as for a vague subject. A body that also
	// speaks of the subject's article, names another by a single word
	// ("Sent from my iPhone") or says nothing leaves the subject to
	// decide.
	// A single word no article has is no area: it names what the help
	// center lacks ("Skiverleih" where no article rents skis), and a body
	// asking for it ("Kann man Ski mieten?") is no ticket of the lockers
	// article that rents lockers for skis (rv21b): missing, above.
	if informative && subj.weak(code, need) && !missing {
		a := bestCand(cands, conf)
		b := bestCand(cands, func(c linkCand) float64 { return c.body })
		if b >= 0 && b != a && cands[b].bodyTerms >= 2 && cands[b].body >= linkBodySupport &&
			(a < 0 || cands[a].body < linkBodySupport*cands[b].body) {
			conf = func(c linkCand) float64 { return linkBodyWeight * c.body }
		}
	}
	best := bestCand(cands, conf)
	if best < 0 {
		return "", 0, nil
	}
	bestConf, second := conf(cands[best]), 0.0
	for i, c := range cands {
		if i != best {
			second = max(second, conf(c))
		}
	}
	if second >= bestConf-linkTieMargin {
		bestConf *= linkTiePenalty
	}
	return cands[best].id, math.Round(bestConf*1000) / 1000, nil
}

// linkCand is an article found for a ticket.
type linkCand struct {
	d          int     // position in docs
	id         string  // document ID
	score      float32 // the index's score, rounded (see linkHits)
	subj, body float64 // coverage of the subject's and of the body's terms
	bodyTerms  int     // how many of the body's terms the article has
	lacksCode  bool    // an error code the subject names is not in the article
	passing    bool    // the article mentions the subject in passing (docTerms.passing)
}

// bestCand returns the position of the candidate of highest positive conf,
// the first of those tied (candidates are in linkHits order), or -1.
func bestCand(cands []linkCand, conf func(linkCand) float64) int {
	best, top := -1, 0.0
	for i, c := range cands {
		if v := conf(c); v > top {
			best, top = i, v
		}
	}
	return best
}

// linkHits returns the linkCandidates best hits of q, by the index's score
// then by document ID. The index breaks ties by the order it holds the
// documents in, which depends on how it was built (its batches run in
// parallel, segments are merged): the same ticket could then find, and
// link, another of two articles it matches equally from one build to the
// next. So every hit tied with the last one kept is fetched before
// choosing. Scores are compared rounded to float32: the index may add a
// query's clauses in another order, and so differ in the last bits.
func (li *localeIndex) linkHits(ctx context.Context, q query.Query) ([]linkCand, error) {
	for size := linkCandidates + 1; ; size *= 2 {
		sr, err := li.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, size, 0, false))
		if err != nil {
			return nil, err
		}
		hits := sr.Hits
		if len(hits) == size && float32(hits[size-1].Score) == float32(hits[linkCandidates-1].Score) {
			continue // more may tie with the last one kept
		}
		cands := make([]linkCand, 0, len(hits))
		for _, h := range hits {
			d, err := li.doc(h.ID)
			if err != nil {
				return nil, err
			}
			cands = append(cands, linkCand{d: d, id: h.ID, score: float32(h.Score)})
		}
		slices.SortFunc(cands, func(x, y linkCand) int {
			if c := cmp.Compare(y.score, x.score); c != 0 {
				return c
			}
			return strings.Compare(x.id, y.id)
		})
		return cands[:min(len(cands), linkCandidates)], nil
	}
}

// termWeights are the informative terms of a ticket's text with their
// weights, in term order: coverage adds them up in that order, so that
// two articles covering the same terms get the same confidence to the
// last bit (added up in map order, they differed from one run to the
// next, and so did which of them was linked).
type termWeights []termWeight

type termWeight struct {
	term string
	w    float64
	// forms are the other forms of the term's word the articles write
	// (word.forms): an article holding one has the word at formFactor.
	forms []string
}

func sortedWeights(m map[string]float64, forms map[string][]string) termWeights {
	out := make(termWeights, 0, len(m))
	for t, w := range m {
		out = append(out, termWeight{t, w, forms[t]})
	}
	slices.SortFunc(out, func(x, y termWeight) int { return strings.Compare(x.term, y.term) })
	return out
}

// nearest returns the article search ranks first for a subject in locale,
// at confidence 0, or "" when it finds none there.
func (ix *Index) nearest(ctx context.Context, locale, subject string) (string, float64, error) {
	if strings.TrimSpace(subject) == "" {
		return "", 0, nil
	}
	res, err := ix.Search(ctx, site.SearchRequest{Query: subject, Locale: locale, Limit: 1})
	if err != nil {
		return "", 0, fmt.Errorf("link ticket %q: %w", subject, err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Locale != locale {
		return "", 0, nil
	}
	return res.Hits[0].ID, 0, nil
}

// weak reports whether a subject's informative words name an area rather
// than a problem: a single word, unless it holds a digit (code: an error
// code or a version names a problem), or words so common that together
// they weigh less than the evidence a link needs (need: in a help center
// of a hundred articles, two words each in more than a third of them).
func (tw termWeights) weak(code bool, need float64) bool {
	if code {
		return false
	}
	if len(tw) == 1 {
		return true
	}
	var sum float64
	for _, t := range tw {
		sum += t.w
	}
	return sum < need
}

// has returns how many of the terms the article has, in any field.
func (dt *docTerms) has(weights termWeights) int {
	n := 0
	for _, tw := range weights {
		if dt.strong[tw.term] || dt.body[tw.term] || dt.formIn(tw, dt.strong) || dt.formIn(tw, dt.body) {
			n++
		}
	}
	return n
}

// passing reports whether the article has one of the subject's weighed
// terms, in its body only, and none of the subject's terms (the common
// words weighing nothing included) in its title, keywords, headings,
// tags or description: it mentions the subject in passing. An error code
// its body explains is no passing mention (a list of codes).
func (dt *docTerms) passing(subj termWeights, all map[string]bool, codes []string) bool {
	n := 0
	for _, tw := range subj {
		switch {
		case dt.strong[tw.term] || dt.formIn(tw, dt.strong) || slices.Contains(codes, tw.term) && dt.body[tw.term]:
			return false
		case dt.body[tw.term] || dt.formIn(tw, dt.body):
			if dt.family(tw.term) {
				return false
			}
			n++
		}
	}
	for t := range all {
		if dt.strong[t] {
			return false
		}
	}
	return n == 1
}

// family reports whether term is of the family of a word the article's
// title, keywords, headings, tags or description write: it begins with
// that word (three letters at least), or both begin alike in four
// letters at least and in all of that word but its last two (an
// infinitive's or a noun's ending), as the charger in the article on
// charging: "ladegerat" (Ladegerät) and "lad" (laden), "cargador" and
// "cargar", "caricator" and "caricar", "oplader" and "opladen".
func (dt *docTerms) family(term string) bool {
	for s := range dt.strong {
		n := 0
		for n < len(s) && n < len(term) && s[n] == term[n] {
			n++
		}
		if (n == len(s) && n >= 3 || n >= 4 && n >= len(s)-2) && utf8.ValidString(term[:n]) {
			return true
		}
	}
	return false
}

// formIn reports whether field holds another form of tw's word.
func (dt *docTerms) formIn(tw termWeight, field map[string]bool) bool {
	return slices.ContainsFunc(tw.forms, func(f string) bool { return field[f] })
}

// coverage is the weighted share of the terms the article has (fully in
// its strong fields, partly in its body; fully there too for the error
// codes among them), scaled down when the matched
// weight is below need: one common word matched is little evidence,
// however well it is covered.
func (dt *docTerms) coverage(weights termWeights, need float64, codes []string) float64 {
	var got, total float64
	for _, tw := range weights {
		total += tw.w
		switch {
		case dt.strong[tw.term]:
			got += tw.w
		case dt.body[tw.term] && slices.Contains(codes, tw.term):
			// An error code the body explains, as a list of codes
			// does ("E-05: the boiler does not answer"), is answered
			// there as much as in a title.
			got += tw.w
		case dt.formIn(tw, dt.strong):
			got += tw.w * formFactor
		case dt.body[tw.term]:
			got += tw.w * linkBodyMatch
		case dt.formIn(tw, dt.body):
			got += tw.w * linkBodyMatch * formFactor
		}
	}
	if total == 0 {
		return 0
	}
	cov := got / total
	if got < need {
		cov *= got / need
	}
	return cov
}

// ticketStops are the words of tickets that say nothing about the topic,
// by language, folded and lower-cased: the complaint words
// (i18n.ComplaintWords: "broken", "still not working", "lädt nicht
// mehr"), and greetings, thanks and the words every ticket could use
// ("question", "urgent", "need"), ticketCourtesy.
var ticketStops = func() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for lang, courtesy := range ticketCourtesy {
		m := map[string]bool{}
		for w := range courtesy {
			m[w] = true
		}
		for w := range i18n.ComplaintWords(lang) {
			m[w] = true
		}
		out[lang] = m
	}
	return out
}()

// ticketCourtesy are, by language, the greetings, thanks, forwarding
// marks and words every ticket could use, folded and lower-cased: "Problema
// con la batería" and "Problem mit dem Akku" were unlinked where "Battery
// problem" links.
var ticketCourtesy = map[string]map[string]bool{
	"en": setOf("hi", "hello", "hey", "dear", "thanks", "thank", "thx", "regards", "cheers", "best", "please", "pls",
		"request", "inquiry", "enquiry", "query", "message", "ticket", "support", "urgent", "asap", "re", "fw", "fwd",
		"team", "sir", "madam", "unable", "trying", "tried", "need", "want", "able", "asking", "asked", "longer", "yet", "there"),
	"fr": setOf("bonjour", "bonsoir", "salut", "merci", "cordialement", "cdlt", "madame", "monsieur", "svp", "stp",
		"demande", "message", "ticket", "support", "urgent", "re", "tr", "fwd", "equipe",
		"arrive", "arriver", "arrivons", "besoin", "veux", "voudrais", "souhaite"),
	"es": setOf("hola", "buenas", "buenos", "saludos", "gracias", "favor", "consulta", "solicitud", "mensaje", "ticket",
		"soporte", "urgente", "re", "rv", "fwd", "equipo"),
	"de": setOf("hallo", "guten", "danke", "dank", "vielen", "bitte", "anfrage", "nachricht", "ticket", "support",
		"dringend", "aw", "wg", "team"),
	"it": setOf("ciao", "salve", "buongiorno", "buonasera", "grazie", "saluti", "richiesta", "messaggio", "ticket",
		"supporto", "urgente", "rif"),
	"pt": setOf("ola", "obrigado", "obrigada", "cumprimentos", "mensagem", "ticket", "suporte", "urgente", "res", "enc"),
	"nl": setOf("hoi", "hallo", "beste", "bedankt", "dank", "groeten", "verzoek", "bericht", "ticket", "support",
		"dringend", "antw", "doorst"),
}

// ticketWhich are the words that say which one, not what: new, old,
// other, another, current, in the interface's languages, as folded. Such
// a word of a ticket weighs nothing unless a title, keyword or heading
// writes it ("New phone"), as a foreign greeting does: weighing as the
// rarest word, it kept "Neue Lieferadresse" unlinked at 0.5 from the
// article "Lieferadresse ändern" (rv23d), and a body that wrote it made
// "Another" a ticket about that article. German "andere" is left out: it
// is also "ändere" (I change) folded.
var ticketWhich = map[string]map[string]bool{
	"en": setOf("new", "old", "other", "another", "different", "current", "existing"),
	"fr": setOf("nouveau", "nouvel", "nouvelle", "nouveaux", "nouvelles", "ancien", "ancienne", "anciens", "anciennes",
		"autre", "autres", "actuel", "actuelle", "different", "differente"),
	"de": setOf("neu", "neue", "neuer", "neues", "neuen", "neuem", "alt", "alte", "alter", "altes", "alten", "anderer",
		"anderes", "anderen", "anderem", "aktuell", "aktuelle", "aktuellen", "bisherige", "bisherigen"),
	"es": setOf("nuevo", "nueva", "nuevos", "nuevas", "otro", "otra", "otros", "otras", "antiguo", "antigua", "actual",
		"diferente"),
	"it": setOf("nuovo", "nuova", "nuovi", "nuove", "altro", "altra", "altri", "altre", "vecchio", "vecchia", "attuale",
		"diverso", "diversa"),
	"pt": setOf("novo", "nova", "novos", "novas", "outro", "outra", "outros", "outras", "antigo", "antiga", "atual",
		"diferente"),
	"nl": setOf("nieuw", "nieuwe", "oud", "oude", "ander", "andere", "huidige"),
}

// ticketTimes are the words that say when something happened, not what
// ("on Tuesday", "this morning", "every night", "depuis lundi", "seit
// gestern", "dinsdag"), as folded: days, months, parts of the day,
// relative days and spans, in the interface's languages. A subject's or
// body's such word that no article writes weighs as a body's unknown word
// (linkUnknownBody): weighing as the rarest known word, it cost "Eco mode
// on Tuesday" a third of its confidence. One the articles write ("Night
// mode", "Monday deliveries") weighs as any word.
var ticketTimes = map[string]map[string]bool{
	"en": setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays", "tuesdays",
		"wednesdays", "thursdays", "fridays", "saturdays", "sundays", "january", "february", "march", "april", "june",
		"july", "august", "september", "october", "november", "december", "today", "yesterday", "tomorrow", "tonight",
		"morning", "mornings", "afternoon", "evening", "evenings", "night", "nights", "overnight", "weekend", "weekends",
		"week", "weeks", "month", "months", "day", "days", "hour", "hours", "minutes", "ago", "since", "every",
		"time", "times", "min", "mins", "hr", "hrs", "holiday", "holidays", "vacation", "vacations", "during", "while"),
	"fr": setOf("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "fevrier", "mars",
		"avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "aujourd", "hui",
		"hier", "demain", "matin", "soir", "soiree", "nuit", "nuits", "semaine", "semaines", "mois", "jour", "jours",
		"heure", "heures", "depuis", "chaque", "fois", "min", "vacances", "conges", "pendant"),
	"de": setOf("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "januar",
		"februar", "marz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember",
		"heute", "gestern", "morgen", "vorgestern", "abend", "abends", "nacht", "nachts", "woche", "wochen", "monat",
		"tag", "tage", "tagen", "stunden", "seit", "jeden", "jede", "mal", "min", "urlaub", "ferien", "wahrend"),
	"es": setOf("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "enero", "febrero", "marzo",
		"abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "hoy", "ayer",
		"manana", "noche", "noches", "semana", "semanas", "mes", "meses", "dia", "dias", "horas", "desde", "cada", "vacaciones", "durante"),
	"it": setOf("lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica", "gennaio", "febbraio",
		"marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
		"oggi", "ieri", "domani", "mattina", "stamattina", "sera", "stasera", "notte", "settimana", "settimane", "mese",
		"mesi", "giorno", "giorni", "ore", "ogni", "vacanza", "vacanze", "ferie", "durante"),
	"nl": setOf("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "januari", "februari",
		"maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december", "vandaag",
		"gisteren", "morgen", "ochtend", "vanochtend", "middag", "avond", "vanavond", "nacht", "vannacht", "week",
		"weken", "maand", "maanden", "dag", "dagen", "uur", "sinds", "vanaf", "elke", "iedere", "vakantie", "tijdens"),
	"pt": setOf("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo", "janeiro", "fevereiro", "marco",
		"abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro", "hoje", "ontem",
		"amanha", "manha", "tarde", "noite", "semana", "semanas", "mes", "meses", "dia", "dias", "horas", "desde", "cada", "ferias", "durante"),
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// linkTerm is the term a query word stands for: its stem, or the indexed
// term one typo away when the stem is in no article.
func linkTerm(w word) string {
	if w.stem == "" {
		return ""
	}
	if w.unknown && len(w.typos) > 0 {
		return w.typos[0]
	}
	return w.stem
}

// termWeight is the inverse document frequency of a term, log(1 + n/df);
// a term found in no article weighs as one found in a single article, one
// found in most articles weighs nothing.
func (li *localeIndex) termWeight(t string) float64 {
	n := float64(len(li.docs))
	df := float64(li.vocab[t])
	if df > linkCommon*n && n >= 4 {
		return 0
	}
	return math.Log(1 + n/max(df, 1))
}

// docTerms returns (and caches) the analysed terms of the d-th article.
func (li *localeIndex) docTerms(d int) *docTerms {
	if v, ok := li.terms.Load(d); ok {
		return v.(*docTerms)
	}
	a := li.docs[d]
	dt := &docTerms{strong: map[string]bool{}, body: map[string]bool{}}
	strong := []string{a.Title, a.Description}
	strong = append(strong, a.Keywords...)
	strong = append(strong, a.Tags...)
	for _, h := range a.Headings {
		strong = append(strong, h.Text)
	}
	for _, tok := range li.an.text.Analyze([]byte(strings.Join(strong, "\n"))) {
		dt.strong[string(tok.Term)] = true
	}
	for _, tok := range li.an.text.Analyze([]byte(a.Text)) {
		dt.body[string(tok.Term)] = true
	}
	for gi, group := range li.synonyms {
		// A group with an entry of several words: had in a field that
		// writes one of its entries, the words of one of several in a
		// row (see phraseGroup).
		if slices.ContainsFunc(group, func(e synEntry) bool { return len(e.terms) > 1 }) {
			key := groupKey(gi)
			for _, e := range group {
				switch {
				case len(e.terms) == 1:
					dt.strong[key] = dt.strong[key] || dt.strong[e.terms[0]]
					dt.body[key] = dt.body[key] || dt.body[e.terms[0]]
				case len(e.terms) > 1:
					switch c := li.writesPhrase(a, e.terms); {
					case c > fieldCredit[fieldBody]:
						dt.strong[key] = true
					case c > 0:
						dt.body[key] = true
					}
				}
			}
		}
	}
	for _, group := range li.synonyms {
		// A synonym of a term the article has counts as that term.
		for _, set := range []map[string]bool{dt.strong, dt.body} {
			has := slices.ContainsFunc(group, func(e synEntry) bool { return len(e.terms) == 1 && set[e.terms[0]] })
			if !has {
				continue
			}
			for _, e := range group {
				if len(e.terms) == 1 {
					set[e.terms[0]] = true
				}
			}
		}
	}
	v, _ := li.terms.LoadOrStore(d, dt)
	return v.(*docTerms)
}

// oneLetter reports whether a word is a single letter of an alphabet ("x",
// "é", "ж"): an initial, a variable or a typing slip, never what a ticket
// is about (a subject "x" linked an article mentioning an X- header). A
// single ideograph or syllable (Chinese, Japanese, Korean) is a word and
// counts.
func oneLetter(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n > 0 && n == len(s) && unicode.IsLetter(r) &&
		!unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// isNumber reports whether a word is only digits (an order or ticket
// number, which says nothing about the topic).
func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// ordinal reports whether a folded word is a number written as an
// ordinal ("2nd", "3rd", "4th"; the French "2e", "3eme"; the Dutch "2de",
// "1ste"): how often something happened, not what.
func ordinal(s string) bool {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 || i == len(s) {
		return false
	}
	switch s[i:] {
	case "st", "nd", "rd", "th", "e", "er", "re", "eme", "ieme", "de", "ste":
		return true
	}
	return false
}

// referenceLabel reports whether ws[i] names the reference after it, a
// customer's order, booking or account number (site.Reference): "order"
// in "order 5512" and in "order id 5512".
func referenceLabel(ws []word, i int) bool {
	plain := func(k int) string {
		if k < 0 || k >= len(ws) {
			return ""
		}
		return ws[k].plain
	}
	return site.Reference(plain(i-1), plain(i), plain(i+1)) ||
		plain(i+1) == "id" && site.Reference(plain(i), "id", plain(i+2))
}

// phraseGroup returns the position in li.synonyms of the group of sp (an
// entry of it typed) when the group has an entry of several words, -1
// otherwise.
func (li *localeIndex) phraseGroup(sp *synSpan) int {
	if sp == nil || len(sp.alts) == 0 {
		return -1
	}
	for gi, group := range li.synonyms {
		if !slices.ContainsFunc(group, func(e synEntry) bool { return len(e.terms) > 1 }) {
			continue
		}
		all := true
		for _, alt := range sp.alts {
			if !slices.ContainsFunc(group, func(e synEntry) bool { return slices.Equal(e.terms, alt) }) {
				all = false
				break
			}
		}
		if all {
			return gi
		}
	}
	return -1
}

// groupWeight is the weight of a synonym group with an entry of several
// words: termWeight's for a term found in as many articles as its least
// written entry that some article writes (an entry of one word, or one
// written joined, "noshow", in as many as its term; one of several words
// in at most as many as its rarest word), so that every entry weighs
// alike and as the rarest did alone. A phrase is no common word: the
// group weighs even where its words are common ("mobile ticket" where
// "mobile" and "ticket" are each in a third of the articles).
func (li *localeIndex) groupWeight(gi int) float64 {
	df := 0
	for _, e := range li.synonyms[gi] {
		n := 0
		switch {
		case len(e.terms) == 1:
			n = li.vocab[e.terms[0]]
		case e.joinedStem != "" && li.vocab[e.joinedStem] > 0:
			n = li.vocab[e.joinedStem]
		default:
			for k, t := range e.terms {
				if k == 0 || li.vocab[t] < n {
					n = li.vocab[t]
				}
			}
		}
		if n > 0 && (df == 0 || n < df) {
			df = n
		}
	}
	return math.Log(1 + float64(len(li.docs))/float64(max(df, 1)))
}

// groupKey is the term docTerms holds for an article that writes an entry
// of the gi-th synonym group: no analysed word can equal it.
func groupKey(gi int) string {
	return "\x00synonyms " + strconv.Itoa(gi)
}

// identifier reports whether a word is words joined by underscores
// ("invalid_api_key", "card_declined"): the name of an error or a setting
// as a program writes it, which a ticket copies from a message.
func identifier(plain string) bool {
	i := strings.Index(plain, "_")
	return i > 0 && i < len(plain)-1 && !strings.Contains(plain, "__")
}
