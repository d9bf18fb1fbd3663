// Package tickets takes support tickets in from a helpdesk (API batches and
// CSV exports), cleans them, links each one to the article that answers it
// and stores them; the FAQ ranking is computed from what it stores.
package tickets

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/textnorm"
)

// Matcher finds the article of a locale that best answers a text, with a
// confidence from 0 to 1 (search.Index implements it).
type Matcher interface {
	Link(ctx context.Context, locale, subject, body string) (string, float64, error)
}

// Linker links tickets to the articles of one content view, in order: the
// article the ticket names (ID or URL), the article the team linked the
// ticket's topic to (see SetTopics), an article listing one of the
// ticket's tags in its ticket_tags, then the article whose title the
// subject is (case, accents, punctuation and the noise Topic removes
// aside; confidence 1), else the search match on the ticket's topic (see
// Topic) when its confidence reaches MinConfidence. It is safe for
// concurrent use.
type Linker struct {
	view    *site.View
	match   Matcher
	minConf float64
	key     string
	// topics are the topics linked by hand; analyzer reads their meaning.
	topics   atomic.Pointer[topicSet]
	analyzer gaps.Analyzer
	// topicsSet is the fingerprint of the links SetTopics was last given
	// (see RefreshTopics).
	topicsSet atomic.Pointer[string]
	// tags maps locale → lower-cased ticket tag → the IDs of the articles
	// listing it, in file order.
	tags map[string]map[string][]string
	// titles maps locale → the titleKey of a title → the IDs of the
	// articles with it; titleTopics locale → the key of a title's Topic →
	// those titles (see titled).
	titles      map[string]map[string][]string
	titleTopics map[string]map[string][]title
	// titleMeanings maps locale → the meaning key of a title (gaps.MeaningKey,
	// with the analyzer set by SetAnalyzer) → the IDs of the articles with
	// it (see titledByMeaning).
	titleMeanings map[string]map[string][]string

	mu    sync.Mutex
	cache map[string]searchLink // locale|subject|body → search result
	// meanings remembers titledByMeaning's answers by locale and topic
	// (tickets repeat topics, and a topic's analysis is a tenth of an
	// import), emptied as cache is.
	meanings map[string]string
}

// maskNumbers returns s with the numbers that are words of their own
// ("Order 4821", "#123", "2026-0042") read as "0", as search leaves them
// out: tickets that differ only by such a number share a search result.
// Digits within a word are kept: "0x80070005" and "0x80004005", "v2" and
// "v3", "3.5" and "4.0" are what a ticket is about, and must not share the
// result of whichever of them was linked first.
func maskNumbers(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is written to b
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if standsAlone(s, i, j) && !announced(s[:i], s[i:j]) {
			b.WriteString(s[done:i])
			b.WriteByte('0')
			done = j
		}
		i = j
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// announced reports whether the number n, written after the text before,
// is an error code by the word before it ("Error 1603", "event id 4625":
// site.CodeAfter), or after a code's letters or a short name ("E 07",
// "iOS 17"): what the ticket is about, kept as written.
func announced(before, n string) bool {
	if len(before) > 64 {
		before = before[len(before)-64:] // the last words are enough
	}
	words := strings.FieldsFunc(textnorm.Fold(before), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	if len(words) == 0 {
		return false
	}
	prev, first := words[len(words)-1], ""
	if len(words) > 1 {
		first = words[len(words)-2]
	}
	// A code's letters typed apart ("E 07", "E-41", "AP 409") or a short
	// name before a version ("iOS 17"): the number is part of what the
	// ticket is about. Masked, "error E 07" shared the search of the
	// "error E 41" linked before it.
	if codeLetters(before) {
		return true
	}
	return site.CodeAfter(first, prev, n)
}

// codeLetters reports whether before, the text before a number, ends with
// a code's letters typed apart from it or a short name: one letter ("E 07",
// "e-41"), or two or three with a capital ("AP 409", "iOS 17"), not a
// short word ("or 5", "and #123").
func codeLetters(before string) bool {
	w := strings.TrimRight(before, " \t-#")
	start := len(w)
	for start > 0 && ('a' <= w[start-1]|0x20 && w[start-1]|0x20 <= 'z') {
		start--
	}
	if start > 0 && !strings.ContainsRune(" \t(\"'", rune(w[start-1])) {
		return false
	}
	letters := w[start:]
	switch n := len(letters); {
	case n == 1:
		return true
	case n <= 3:
		return strings.ToLower(letters) != letters
	}
	return false
}

// standsAlone reports whether the digits s[i:j] are a word of their own:
// after a space, an opening bracket, a quote, '#', '/', '+' or '-', and
// before a space, a closing bracket, a quote, '/', '+', '-' or a
// punctuation mark that ends the word.
func standsAlone(s string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) && !strings.ContainsRune("#([{<\"/+-", r) {
			return false
		}
	}
	if j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case unicode.IsSpace(r), strings.ContainsRune(")]}>\"/+-", r):
		case strings.ContainsRune(".,;:!?", r):
			if next, _ := utf8.DecodeRuneInString(s[j+n:]); j+n < len(s) && !unicode.IsSpace(next) {
				return false // "3.5", "1,000", "10:30"
			}
		default:
			return false
		}
	}
	return true
}

type searchLink struct {
	id    string
	score float64
}

// maxLinkCache bounds the remembered search results; the cache is emptied
// when full.
const maxLinkCache = 200000

// NewLinker makes a linker for the view; match may be nil (no search
// links). minConf ≤ 0 means site.DefaultTicketConfidence. key names the
// content and settings the links depend on, stored with each link so that
// a change of either relinks the tickets.
func NewLinker(v *site.View, match Matcher, minConf float64, key string) *Linker {
	if minConf <= 0 {
		minConf = site.DefaultTicketConfidence
	}
	l := &Linker{view: v, match: match, minConf: minConf, key: key, tags: map[string]map[string][]string{},
		titles: map[string]map[string][]string{}, titleTopics: map[string]map[string][]title{}, cache: map[string]searchLink{}, meanings: map[string]string{}}
	for _, a := range v.Lib.Articles { // file order
		if !a.Visible(v.Now, false) {
			continue // a draft or scheduled article served by --dev
		}
		if vis, err := v.Article(a.ID, a.Locale); err != nil || vis != a {
			continue
		}
		l.addTitle(a)
		m := l.tags[a.Locale]
		if m == nil {
			m = map[string][]string{}
			l.tags[a.Locale] = m
		}
		for _, t := range a.TicketTags {
			if t = strings.ToLower(strings.TrimSpace(t)); t != "" && !slices.Contains(m[t], a.ID) {
				m[t] = append(m[t], a.ID)
			}
		}
	}
	return l
}

// title is a published article's title, as titleKey reads it.
type title struct{ id, key string }

// titleKey is how a subject and a title are compared: textnorm.Key, with
// apostrophes dropped rather than read as spaces, so that a subject typed
// without them names the title that has them ("why cant i sign in" is
// "Why can't I sign in?").
func titleKey(s string) string {
	return textnorm.Key(strings.ReplaceAll(textnorm.Fold(s), "'", ""))
}

// addTitle records the title of article a under locale, as a ticket's
// subject would name it once stored: redacted (site.Redact), so that a
// title holding an error code ("0x80004005 General Error…") is the subject
// that names it.
func (l *Linker) addTitle(a *site.Article) {
	k := titleKey(site.Redact(a.Title))
	if k == "" {
		return
	}
	if l.titles[a.Locale] == nil {
		l.titles[a.Locale], l.titleTopics[a.Locale] = map[string][]string{}, map[string][]title{}
	}
	l.titles[a.Locale][k] = append(l.titles[a.Locale][k], a.ID)
	if tk := titleKey(Topic(site.Redact(a.Title))); tk != "" {
		l.titleTopics[a.Locale][tk] = append(l.titleTopics[a.Locale][tk], title{a.ID, k})
	}
}

// subjectKeys are a ticket's subject and its Topic through titleKey.
type subjectKeys struct{ whole, topic string }

// titled returns the ID of the published article of locale whose title
// the subject is, or "". Both are compared through titleKey (case,
// accents, punctuation, apostrophes and spacing aside): the subject as typed names the
// article with that title; else the subject's Topic (without "Fwd:",
// greetings, "thanks"...) names the article whose title has the same
// topic — a title may itself hold words Topic removes ("Sync not
// working"). When several titles have that topic, the longest one the
// subject spells out in full is it ("Re: Sync not working" is "Sync not
// working", not "Sync"). A title two articles share names neither. Such a
// subject names its article whatever other articles share its words.
func (l *Linker) titled(locale string, subject subjectKeys) string {
	whole := subject.whole
	if ids := l.titles[locale][whole]; len(ids) > 0 {
		if len(ids) == 1 {
			return ids[0]
		}
		return ""
	}
	same := l.titleTopics[locale][subject.topic]
	if len(same) == 1 {
		return same[0].id
	}
	var best title
	tie := false
	for _, t := range same {
		if !strings.Contains(" "+whole+" ", " "+t.key+" ") {
			continue
		}
		switch {
		case len(t.key) > len(best.key):
			best, tie = t, false
		case len(t.key) == len(best.key):
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best.id
}

// Key names the content and settings the links depend on.
func (l *Linker) Key() string { return l.key }

// linkRules changes when the linking rules or the topic's cleaning
// change, so that stored links and topics are computed again.
const linkRules = "link79"

// LinkKey names what links depend on: the linking rules, the content (the
// search index's key) and the confidence from which search links.
func LinkKey(indexKey string, minConf float64) string {
	return fmt.Sprintf("%s|%s|%.3f", linkRules, indexKey, minConf)
}

// SetAnalyzer sets how topics are read to find their meaning, for the
// topics linked by hand (the search index's analysis); without one, only a
// topic spelt the same way matches.
func (l *Linker) SetAnalyzer(a gaps.Analyzer) {
	l.analyzer = a
	l.titleMeanings = map[string]map[string][]string{}
	l.mu.Lock()
	l.meanings = map[string]string{} // read by the new analysis
	l.mu.Unlock()
	for loc, byKey := range l.titles {
		for _, ids := range byKey {
			for _, id := range ids {
				art, err := l.view.Article(id, loc)
				if err != nil {
					continue
				}
				title := Topic(site.Redact(art.Title))
				k := gaps.MeaningKey(a, loc, title)
				if !strings.Contains(k, " ") && len(strings.Fields(title)) > 1 {
					// A title of one word that means anything, the others
					// stop words ("¿Dónde está mi pedido?" is "pedido"): what
					// it asks was in the words the key leaves out, and a
					// subject saying the one word ("Sobre mi pedido") asks
					// no more than that (it linked at 1).
					continue
				}
				if k != "" {
					if l.titleMeanings[loc] == nil {
						l.titleMeanings[loc] = map[string][]string{}
					}
					if !slices.Contains(l.titleMeanings[loc][k], id) {
						l.titleMeanings[loc][k] = append(l.titleMeanings[loc][k], id)
					}
				}
			}
		}
	}
}

// titledByMeaning returns the ID of the published article of locale whose
// title means what the ticket's topic does, word for word as the content's
// analysis reads them (stop words, plurals, verb forms, the writers'
// synonyms: "How do I end my ride?" is "How to end a ride"), or "": a
// topic as precise as a title, whose words the help center's other
// articles may all use ("ride"), so that search weighs them as nothing. A
// meaning two titles share names neither.
func (l *Linker) titledByMeaning(locale, topic string) string {
	if l.analyzer == nil || l.titleMeanings[locale] == nil {
		return ""
	}
	mk := locale + "\x00" + topic
	l.mu.Lock()
	id, ok := l.meanings[mk]
	l.mu.Unlock()
	if ok {
		return id
	}
	k := gaps.MeaningKey(l.analyzer, locale, topic)
	if ids := l.titleMeanings[locale][k]; k != "" && len(ids) == 1 {
		id = ids[0]
	}
	l.mu.Lock()
	if len(l.meanings) >= maxLinkCache {
		clear(l.meanings)
	}
	l.meanings[mk] = id
	l.mu.Unlock()
	return id
}

// SetTopics sets the topics the team linked to an article by hand, in use
// from the next ticket on. Links to articles that are not published are
// left out. A phrasing stored by its text is also read for its meaning
// as the content reads it now (with the analyzer set by SetAnalyzer,
// which must come first): the meaning key stored with the link is the one
// the content made then, and a synonym or a compound written since reads
// the same words as another key.
func (l *Linker) SetTopics(links []TopicLink) {
	ts := &topicSet{byText: map[string]string{}, byKey: map[string]string{}, byQuestion: map[string]string{}, anyLocale: map[string]string{}}
	rekeyed := map[string]string{} // locale|meaning key now → article, from the texts
	for _, tl := range links {
		a, err := l.view.ArticleOrDefault(tl.ArticleID, tl.Locale)
		if err != nil || !a.Visible(l.view.Now, false) {
			continue // the article is gone, or not published
		}
		kind, v, _ := strings.Cut(tl.Topic, ":")
		switch kind {
		case "text":
			// Keyed again: a key stored by an older text normalisation
			// (textnorm.Key changed since) meets the tickets keyed now.
			ts.byText[tl.Locale+"|"+textnorm.Key(v)] = tl.ArticleID
			if id, ok := ts.anyLocale[textnorm.Key(v)]; ok && id != tl.ArticleID {
				ts.anyLocale[textnorm.Key(v)] = "" // two articles: neither
			} else {
				ts.anyLocale[textnorm.Key(v)] = tl.ArticleID
			}
			if l.analyzer != nil {
				if k := gaps.MeaningKey(l.analyzer, tl.Locale, v); k != "" {
					rekeyed[tl.Locale+"|"+k] = tl.ArticleID
				}
				if k := gaps.QuestionKey(l.analyzer, tl.Locale, v); k != "" {
					ts.byQuestion[tl.Locale+"|"+k] = tl.ArticleID
				}
			}
		case "key":
			ts.byKey[tl.Locale+"|"+v] = tl.ArticleID
		}
	}
	// The keys stored win over those read again from the texts.
	for k, id := range rekeyed {
		if _, ok := ts.byKey[k]; !ok {
			ts.byKey[k] = id
		}
	}
	l.topics.Store(ts)
	fp := topicsFingerprint(links)
	l.topicsSet.Store(&fp)
}

// RefreshTopics is SetTopics for links read again from the store, which
// another replica may have changed: it reads them again only when they
// differ from the links set last.
func (l *Linker) RefreshTopics(links []TopicLink) {
	if fp := l.topicsSet.Load(); fp != nil && *fp == topicsFingerprint(links) {
		return
	}
	l.SetTopics(links)
}

func topicsFingerprint(links []TopicLink) string {
	var b strings.Builder
	for _, tl := range links {
		b.WriteString(tl.Locale + "\x00" + tl.Topic + "\x00" + tl.ArticleID + "\x00" + tl.GapID + "\x01")
	}
	return b.String()
}

// topicSet holds the topics linked by hand: by locale|normalised text, by
// locale|meaning key, and by locale|question key (gaps.QuestionKey: the
// meaning without a customer's order or invoice number, read from the
// texts).
type topicSet struct {
	byText, byKey, byQuestion map[string]string
	// anyLocale maps a normalised text linked by hand in one locale, or
	// in several to one article, to that article ("" when locales link
	// it to different articles).
	anyLocale map[string]string
}

// manual returns the article the team linked a ticket's topic to, or "".
func (l *Linker) manual(t *site.Ticket, topic string) string {
	ts := l.topics.Load()
	if ts == nil || len(ts.byText)+len(ts.byKey) == 0 {
		return ""
	}
	if id, ok := ts.byText[t.Locale+"|"+textnorm.Key(topic)]; ok {
		return id
	}
	if l.analyzer != nil && len(ts.byKey) > 0 {
		if id, ok := ts.byKey[t.Locale+"|"+gaps.MeaningKey(l.analyzer, t.Locale, topic)]; ok {
			return id
		}
	}
	if l.analyzer != nil && len(ts.byQuestion) > 0 {
		if id, ok := ts.byQuestion[t.Locale+"|"+gaps.QuestionKey(l.analyzer, t.Locale, topic)]; ok {
			return id
		}
	}
	// The very text the team linked in another locale: a ticket whose
	// language nothing told ("Snowshoe rental", no body, no locale: the
	// default locale) is the topic the team linked, not a new gap to
	// link again (rv21b).
	return ts.anyLocale[textnorm.Key(topic)]
}

// Link returns the ticket's link; an unlinked ticket has an empty article
// and method, and the nearest article search found with its confidence.
// The ticket must be clean (see Clean).
func (l *Linker) Link(ctx context.Context, t *site.Ticket) (site.TicketLink, error) {
	if id := l.resolve(t.Article, t.Locale); id != "" {
		return site.TicketLink{ArticleID: id, Method: site.LinkExplicit, Score: 1}, nil
	}
	topic := TicketTopic(*t)
	if id := l.manual(t, topic); id != "" {
		return site.TicketLink{ArticleID: id, Method: site.LinkManual, Score: 1}, nil
	}
	keys := subjectKeys{titleKey(t.Subject), titleKey(topic)}
	// What search reads: the topic and body with the numbers the privacy
	// rules replaced still numbers, so "Invoice 2026-0042", stored as
	// "Invoice [phone]", is as vague a reference as "Order 4821", and
	// "call me at [phone]" is not about phones.
	// The subject is cleaned as stored, then its numbers put back: a
	// request to be called back opening it ("Bitte um Rückruf unter
	// [phone] wegen Stornierung") no longer ends at a number once it is
	// one, and search read "0 wegen Stornierung" (0.45, unlinked).
	query, said := cleanTopic(t.Subject)
	query = site.RedactedAsNumbers(query)
	body := site.RedactedAsNumbers(t.Body)
	if !said {
		// Only noise ("Re: Fwd: (no subject)", "Bonjour", a mail
		// client's placeholder): the topic is the body's first sentence
		// that says something (TicketTopic), and search reads it as the
		// subject, as the report shows it; "mon vélo affiche E30" then
		// links as it does written in the subject, its code read as a
		// code. A body that says nothing either leaves no subject: read
		// as words, "no subject" linked the article whose keywords said
		// "no connection".
		// Nor does a body that says nothing link the ticket by its
		// words: "Sent from my iPhone" under an empty subject linked the
		// article whose keywords say "iphone".
		// The topic is read from the body as stored, its numbers still
		// placeholders, as TicketTopic reads it: with the numbers back,
		// "please call me back at [phone]" no longer ends its sentence,
		// and stayed in what search read.
		query = ""
		if q, ok := cleanTopic(site.RedactedAsNumbers(topic)); ok {
			query = q
		} else {
			body = ""
		}
	}
	for _, loc := range []string{t.Locale, l.view.Lib.Config.DefaultLocale} {
		var ids []string
		for _, tag := range t.Tags {
			for _, id := range l.tags[loc][strings.ToLower(tag)] {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
		switch {
		case len(ids) == 1:
			return site.TicketLink{ArticleID: ids[0], Method: site.LinkTag, Score: 1}, nil
		case len(ids) > 1:
			// Several articles list the tag: the one whose title the
			// subject is, else the one search prefers for this ticket,
			// else the first.
			pick := ids[0]
			if id := l.titled(loc, keys); id != "" && slices.Contains(ids, id) {
				pick = id
			} else if l.match != nil {
				r, err := l.search(ctx, loc, query, body)
				if err != nil {
					return site.TicketLink{}, err
				}
				if slices.Contains(ids, r.id) {
					pick = r.id
				}
			}
			return site.TicketLink{ArticleID: pick, Method: site.LinkTag, Score: 1}, nil
		}
	}
	// A subject that is an article's title names it, in the ticket's
	// locale or else the default one, however many articles share its
	// words (search would call that ambiguous).
	for _, loc := range []string{t.Locale, l.view.Lib.Config.DefaultLocale} {
		if id := l.titled(loc, keys); id != "" {
			return site.TicketLink{ArticleID: id, Method: site.LinkTitle, Score: 1}, nil
		}
	}
	for _, loc := range []string{t.Locale, l.view.Lib.Config.DefaultLocale} {
		if id := l.titledByMeaning(loc, topic); id != "" {
			return site.TicketLink{ArticleID: id, Method: site.LinkTitle, Score: 1}, nil
		}
	}
	if l.match == nil {
		return site.TicketLink{}, nil
	}
	// The ticket's locale first; a translation may be missing, so the
	// default locale's articles when that finds nothing good enough.
	var nearest searchLink
	for _, loc := range []string{t.Locale, l.view.Lib.Config.DefaultLocale} {
		r, err := l.search(ctx, loc, query, body)
		if err != nil {
			return site.TicketLink{}, err
		}
		if r.id != "" && r.score >= l.minConf {
			return site.TicketLink{ArticleID: r.id, Method: site.LinkSearch, Score: r.score}, nil
		}
		if r.id != "" && (nearest.id == "" || r.score > nearest.score) {
			nearest = r // confidence 0 too: the article search ranks first
		}
		if loc == l.view.Lib.Config.DefaultLocale {
			break
		}
	}
	return site.TicketLink{Nearest: nearest.id, Score: nearest.score}, nil
}

// search runs (or recalls) the search match of a ticket's topic and body
// in locale.
func (l *Linker) search(ctx context.Context, locale, subject, body string) (searchLink, error) {
	// Numbers say nothing to the matcher: tickets that differ only by
	// an order number share a result.
	key := locale + "\x00" + maskNumbers(subject) + "\x00" + maskNumbers(body)
	l.mu.Lock()
	r, ok := l.cache[key]
	l.mu.Unlock()
	if ok {
		return r, nil
	}
	id, score, err := l.match.Link(ctx, locale, subject, body)
	if err != nil {
		return searchLink{}, err
	}
	r = searchLink{id, score}
	if id != "" && !l.published(id, locale) {
		// A draft or scheduled article the index holds under --dev:
		// no link, and no nearest article the team could not choose.
		r = searchLink{}
	}
	l.mu.Lock()
	if len(l.cache) >= maxLinkCache {
		clear(l.cache)
	}
	l.cache[key] = r
	l.mu.Unlock()
	return r, nil
}

// published reports whether the article id of locale (else of the default
// locale, where search falls back to it) is published: neither a draft nor
// a scheduled article, even when --dev serves them.
func (l *Linker) published(id, locale string) bool {
	for _, loc := range []string{locale, l.view.Lib.Config.DefaultLocale} {
		if a, err := l.view.Article(id, loc); err == nil {
			return a.Visible(l.view.Now, false)
		}
	}
	return false
}

// resolve returns the ID of the visible article that ref names: an article
// ID ("billing/refunds"), a site path ("/fr/billing/refunds") or a full URL
// of the help center (query and fragment ignored). An ID is looked up in
// the ticket's locale, then in any.
func (l *Linker) resolve(ref, locale string) string { return ArticleOf(l.view, ref, locale) }

// ArticleOf returns the ID of the article of v that ref names, as a
// ticket's article names it (see Linker.resolve): an article ID, a site
// path or a full URL of the help center (on the host of base_url, when
// guichet.yaml sets it), the path written as the site takes it
// (site.View.ArticleAt: another letter case, a trailing slash, .md or
// .html, /docs/, an alias, a redirect, a Docusaurus slug); "" for none, a
// URL of another site, a draft or a scheduled article (which --dev
// serves).
func ArticleOf(v *site.View, ref, locale string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	if strings.Contains(ref, "://") || strings.HasPrefix(ref, "/") {
		u, err := url.Parse(ref)
		if err != nil {
			return ""
		}
		p := u.Path
		if base, err := url.Parse(v.Lib.Config.BaseURL); err == nil && u.Host != "" {
			if !onHost(u, base, v.Lib.Config.BaseURLSet) {
				return ""
			}
			p = strings.TrimPrefix(p, strings.TrimRight(base.Path, "/"))
		}
		if p == "" {
			p = "/"
		}
		if a, ok := v.ArticleAt(textnorm.Normalize(p)); ok && a.Visible(v.Now, false) {
			return a.ID
		}
		return ""
	}
	ref = strings.Trim(ref, "/")
	if a, err := v.Article(ref, locale); err == nil && a.Visible(v.Now, false) {
		return a.ID
	}
	for _, a := range v.Translations(ref) {
		if a.Visible(v.Now, false) {
			return a.ID
		}
	}
	// An ID in another letter case than its file's name
	// ("troubleshooting/clicking-noise" for Clicking-Noise.md), or written
	// as the path the site serves the article at ("sync/Calendar.md").
	for _, a := range v.Translations(v.FoldedID(ref)) {
		if a.Visible(v.Now, false) {
			return a.ID
		}
	}
	if a, ok := v.ArticleAt("/" + textnorm.Normalize(ref)); ok && a.Visible(v.Now, false) {
		return a.ID
	}
	return ""
}

// onHost reports whether the full URL u is on the help center's host: a
// web address (http or https, no user name before the host) on that of
// base (the configured base_url, "www." or not, any port) when set is
// true; on any host when base_url is not set, since the site's host is
// then not known.
func onHost(u, base *url.URL, set bool) bool {
	if u.User != nil || u.Scheme != "http" && u.Scheme != "https" {
		return false // "https://evil.example@help.example.com/…", ftp://
	}
	if !set {
		return true
	}
	host := func(u *url.URL) string { return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") }
	return host(u) == host(base)
}
