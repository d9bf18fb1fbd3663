package tickets

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"
	"golang.org/x/sync/errgroup"
)

// Result is what became of one ticket.
type Result struct {
	ExternalID string `json:"external_id"`
	// Status is site.TicketCreated, site.TicketUpdated,
	// site.TicketRejected or site.TicketIgnored (Reason says why).
	Status string `json:"status"`
	// Changed is false for an update that changed nothing (a retry).
	Changed bool   `json:"changed"`
	Reason  string `json:"reason,omitempty"` // why it was rejected
	// Warning notes a problem that did not stop the ticket (an article
	// reference that names no article).
	Warning string          `json:"warning,omitempty"`
	Link    site.TicketLink `json:"link"`
	// Unsupported is the language the ticket says it is written in when
	// the site has none like it ("ja" on an English and French site): it
	// is linked, grouped and counted in the default locale (Locale),
	// with that language's analysis, which reads another language's
	// words poorly. "" when the site has its language.
	Unsupported string `json:"unsupported_language,omitempty"`
	// Locale is the site's locale the ticket counts in.
	Locale string `json:"locale,omitempty"`
	// Line is the CSV line the ticket started on (imports only).
	Line int `json:"line,omitempty"`
}

// Store is where tickets are written (sqlite.DB implements it).
type Store interface {
	ExistingTickets(ctx context.Context, ids []string) (map[string]site.StoredTicket, error)
	WriteTickets(ctx context.Context, tickets []site.StoredTicket) ([]string, error)
}

// Cleaner normalises tickets for one site: locales, lengths, personal data.
type Cleaner struct {
	DefaultLocale string
	Locales       []string
	Now           func() time.Time
	// Guess tells the language of a ticket that does not name one; nil
	// gives such tickets the default locale.
	Guess LocaleGuesser
}

// LocaleGuesser tells which of the site's locales a ticket is written in
// (search.LocaleGuesser implements it, from each language's stop words).
type LocaleGuesser interface {
	// GuessLocale returns a locale of the site the text is clearly
	// written in, or "" for the default locale and when it does not say.
	GuessLocale(subject, body string) string
}

// Clean checks and normalises a ticket in place: trims fields, removes
// personal data (e-mail addresses, phone and card numbers) from subject and
// body, keeps the first site.MaxTicketBodyLen characters of the body, maps
// its locale to a configured one ("fr-CA" → "fr"; unknown → the default
// locale; empty → the locale Guess reads in the subject and body, else the
// default) and deduplicates tags. It returns the reason a ticket
// cannot be taken, naming the field.
func (c Cleaner) Clean(t *site.Ticket) error {
	t.ExternalID = strings.TrimSpace(t.ExternalID)
	switch {
	case t.ExternalID == "":
		return fmt.Errorf("external_id is required")
	case utf8.RuneCountInString(t.ExternalID) > site.MaxTicketIDLen:
		return fmt.Errorf("external_id is longer than %d characters", site.MaxTicketIDLen)
	case !utf8.ValidString(t.ExternalID) || strings.IndexFunc(t.ExternalID, unicode.IsControl) >= 0:
		return fmt.Errorf("external_id holds control characters or invalid UTF-8")
	}
	t.Subject = strings.TrimSpace(site.CleanText(subjectText(t.Subject)))
	if t.Subject == "" && strings.TrimSpace(site.CleanText(t.Body)) == "" {
		// A ticket with a body and no subject (a chat, a mail sent with
		// none) is taken: its topic is the body's (TicketTopic).
		return fmt.Errorf("subject or body is required")
	}
	// Personal data goes before the text is cut, so no half address stays.
	t.Subject = truncate(site.Redact(t.Subject), site.MaxTicketSubjectLen)
	// An HTML body in any format (a Zendesk or generic CSV export can hold
	// one too) is its text: its markup named the topic of a ticket with
	// no subject ("<p>Gimbal tilted &amp; …").
	t.Body = truncate(site.Redact(cleanLines(htmlText(t.Body))), site.MaxTicketBodyLen)
	if t.CreatedAt.IsZero() {
		return fmt.Errorf("created_at is required")
	}
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	if t.CreatedAt.After(now().Add(24 * time.Hour)) {
		return fmt.Errorf("created_at %s is in the future", t.CreatedAt.Format(time.RFC3339))
	}
	if t.CreatedAt.Year() < 1990 {
		return fmt.Errorf("created_at %s is before 1990", t.CreatedAt.Format(time.RFC3339))
	}
	t.CreatedAt = t.CreatedAt.UTC().Truncate(time.Millisecond)
	if strings.TrimSpace(t.Locale) == "" && c.Guess != nil {
		// After redaction: an e-mail address or a name says nothing of
		// the language; nor does a mail client's prefix ("RE:", "TR:"),
		// nor courtesy (languageText).
		t.Locale = c.Guess.GuessLocale(languageText(t.Subject, t.Body))
	}
	t.Locale = c.locale(t.Locale)
	seen := map[string]bool{}
	tags := t.Tags[:0:0]
	for _, tag := range t.Tags {
		tag = strings.TrimSpace(strings.ToValidUTF8(tag, ""))
		if k := strings.ToLower(tag); tag != "" && !seen[k] && utf8.RuneCountInString(tag) <= 100 {
			seen[k] = true
			tags = append(tags, tag)
		}
	}
	if len(tags) > site.MaxTicketTags {
		return fmt.Errorf("tags: more than %d", site.MaxTicketTags)
	}
	t.Tags = tags
	t.Article = strings.TrimSpace(t.Article)
	if utf8.RuneCountInString(t.Article) > 1000 {
		return fmt.Errorf("article is longer than 1000 characters")
	}
	return nil
}

// locale maps a ticket's language, as a code or by English or native
// name ("French", "Français", "Français (Canada)"), to a configured locale as the site does a
// visitor's (i18n.Match: "fr-CA" → "fr", "pt" → "pt-BR", "zh-TW" →
// "zh-Hant"); else the default.
func (c Cleaner) locale(l string) string {
	loc, _ := c.match(l)
	return loc
}

// Unsupported returns the language l, a ticket's as given, when the site
// has no locale for it, as its base language's code however it was
// written ("ja", "ja-JP", "Japanese" and "日本語" are "ja" on an English
// and French site; i18n.LanguageOf), else lower-cased as given: the
// ticket goes to the default locale. "" for an empty l and for a
// language the site has.
func (c Cleaner) Unsupported(l string) string {
	if _, ok := c.match(l); ok || strings.TrimSpace(l) == "" {
		return ""
	}
	if code := i18n.LanguageOf(l); code != "" {
		return code
	}
	return strings.ToLower(strings.TrimSpace(l))
}

// match is locale's locale, and whether the site has l's language.
func (c Cleaner) match(l string) (string, bool) {
	l = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(l), "_", "-"))
	if l == "" {
		return c.DefaultLocale, false
	}
	if code, ok := languageNames[textnorm.Fold(l)]; ok {
		l = code
	} else if name, _, ok := strings.Cut(l, "("); ok {
		// A name with its region, as helpdesks list the variants:
		// "English (United Kingdom)", "Français (Canada)" (rv21b).
		if code, ok := languageNames[textnorm.Fold(strings.TrimSpace(name))]; ok {
			l = code
		}
	}
	// The version its readers expect, as the site picks it for a
	// visitor's language (zh-TW: zh-Hant, not the first Chinese).
	if loc := i18n.Match(append([]string{c.DefaultLocale}, c.Locales...), l); loc != "" {
		return loc, true
	}
	return c.DefaultLocale, false
}

// languageNames maps language names, as helpdesks export them, to codes.
var languageNames = map[string]string{
	"english": "en", "anglais": "en", "french": "fr", "francais": "fr", "german": "de", "deutsch": "de",
	"allemand": "de", "spanish": "es", "espanol": "es", "espagnol": "es", "italian": "it", "italiano": "it",
	"italien": "it", "portuguese": "pt", "portugues": "pt", "portugais": "pt", "dutch": "nl",
	"nederlands": "nl", "neerlandais": "nl",
	// In the interface's other languages, as a helpdesk exports them in
	// its agent's language ("Idioma": "Inglés"): Spanish, German,
	// Italian, Portuguese and Dutch.
	"ingles": "en", "frances": "fr", "aleman": "de", "castellano": "es", "neerlandes": "nl", "holandes": "nl",
	"englisch": "en", "franzosisch": "fr", "franzoesisch": "fr", "spanisch": "es", "italienisch": "it",
	"portugiesisch": "pt", "niederlandisch": "nl", "niederlaendisch": "nl", "hollandisch": "nl",
	"inglese": "en", "francese": "fr", "tedesco": "de", "spagnolo": "es", "portoghese": "pt", "olandese": "nl",
	"alemao": "de", "espanhol": "es",
	"engels": "en", "frans": "fr", "duits": "de", "spaans": "es", "italiaans": "it", "portugees": "pt",
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// Ingester cleans, links and stores batches of tickets.
type Ingester struct {
	Store   Store
	Linker  *Linker
	Cleaner Cleaner
}

// Ingest takes a batch in: each ticket is cleaned (or rejected with the
// reason; an automatic reply or a bounce is ignored, see AutoReply), compared with its stored version (an unchanged ticket already
// linked on this content is not written again), linked, and the batch is
// written in one transaction. A ticket appearing twice keeps its last
// version. Results are in input order. An error means nothing of the batch
// was stored.
func (in *Ingester) Ingest(ctx context.Context, batch []site.Ticket) ([]Result, error) {
	p, err := in.Prepare(ctx, batch)
	if err != nil {
		return nil, err
	}
	return in.Commit(ctx, p)
}

// Pending is a batch cleaned and linked, not yet written.
type Pending struct {
	in      *Ingester // the ingester that prepared it
	batch   []site.Ticket
	results []Result
	todo    []int // tickets to write
	// was holds, for a ticket to write whose data is as stored (linked on
	// other content), the link it had: written again with the same
	// article, it changed nothing the team reads.
	was map[int]site.TicketLink
}

// Results returns what Prepare found, in input order: each ticket's
// link (or why it was rejected), before anything is written.
func (p *Pending) Results() []Result { return p.results }

// Prepare does all of Ingest but the writing: cleaning and linking run on
// every core. A pipeline prepares the next batch while the previous one is
// committed.
func (in *Ingester) Prepare(ctx context.Context, batch []site.Ticket) (*Pending, error) {
	p := &Pending{in: in, batch: batch, results: make([]Result, len(batch))}
	all := make([]int, len(batch))
	for i := range all {
		all[i] = i
		p.results[i].ExternalID = strings.TrimSpace(batch[i].ExternalID)
	}
	parallel(all, func(i int) error {
		p.results[i].Unsupported = in.Cleaner.Unsupported(batch[i].Locale) // before Clean maps it
		if err := in.Cleaner.Clean(&batch[i]); err != nil {
			p.results[i].Status, p.results[i].Reason = site.TicketRejected, err.Error()
		} else if AutoReply(batch[i]) {
			p.results[i].Status, p.results[i].Reason = site.TicketIgnored, "an automatic reply or a bounce, not a customer's question"
		}
		if s := p.results[i].Status; s == site.TicketRejected || s == site.TicketIgnored {
			p.results[i].Unsupported = ""
		} else {
			p.results[i].Locale = batch[i].Locale
		}
		return nil
	})
	last := map[string]int{}
	var ids []string
	for i := range batch {
		if p.results[i].Status == site.TicketRejected || p.results[i].Status == site.TicketIgnored {
			continue
		}
		id := batch[i].ExternalID
		if j, dup := last[id]; dup {
			p.results[j].Status = site.TicketRejected
			p.results[j].Reason = "external_id appears again later in the same batch; the later ticket was kept"
		} else {
			ids = append(ids, id)
		}
		last[id] = i
	}
	stored, err := in.Store.ExistingTickets(ctx, ids)
	if err != nil {
		return nil, err
	}
	// The topics linked by hand are shared by every replica: one linked on
	// another replica links this batch's tickets too.
	if ts, ok := in.Store.(TopicReader); ok && len(ids) > 0 {
		links, err := ts.TopicLinks(ctx)
		if err != nil {
			return nil, err
		}
		in.Linker.RefreshTopics(links)
	}
	for _, id := range ids {
		i := last[id]
		t := batch[i]
		if old, ok := stored[id]; ok && site.SameTicket(old.Ticket, t) {
			if old.Key == in.Linker.Key() {
				p.results[i].Status, p.results[i].Link = site.TicketUpdated, old.Link
				continue
			}
			if p.was == nil {
				p.was = map[int]site.TicketLink{}
			}
			p.was[i] = old.Link
		}
		p.todo = append(p.todo, i)
	}
	err = parallel(p.todo, func(i int) error {
		l, err := in.Linker.Link(ctx, &batch[i])
		if err != nil {
			return fmt.Errorf("link ticket %q: %w", batch[i].ExternalID, err)
		}
		p.results[i].Link = l
		return nil
	})
	return p, err
}

// Commit writes a prepared batch in one transaction and returns the
// results in input order.
func (in *Ingester) Commit(ctx context.Context, p *Pending) ([]Result, error) {
	write := make([]site.StoredTicket, 0, len(p.todo))
	for _, i := range p.todo {
		write = append(write, site.StoredTicket{Ticket: p.batch[i], Topic: TicketTopic(p.batch[i]), Link: p.results[i].Link, Key: in.Linker.Key()})
	}
	statuses, err := in.Store.WriteTickets(ctx, write)
	if err != nil {
		return nil, err
	}
	for k, i := range p.todo {
		r := &p.results[i]
		r.Status, r.Changed = statuses[k], true
		// The same ticket linked again on new content (an export
		// imported again once an article was published) is unchanged
		// unless the new content links it elsewhere.
		if was, ok := p.was[i]; ok && r.Status == site.TicketUpdated && was.ArticleID == r.Link.ArticleID && was.Method == r.Link.Method {
			r.Changed = false
		}
	}
	for i := range p.results {
		// A retry that changed nothing says it too.
		if r := &p.results[i]; (r.Status == site.TicketCreated || r.Status == site.TicketUpdated) && p.batch[i].Article != "" && r.Link.Method != site.LinkExplicit {
			r.Warning = fmt.Sprintf("article %q names no published article", p.batch[i].Article)
		}
	}
	return p.results, nil
}

// parallel runs f on every index, on every core, and returns the first
// error; no new call starts after it.
func parallel(idx []int, f func(i int) error) error {
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(min(runtime.GOMAXPROCS(0), max(1, len(idx)/8)))
	for _, i := range idx {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error { return f(i) })
	}
	return g.Wait()
}

// cleanLines is site.CleanText line by line, the lines kept: a body's line
// breaks say where a forwarded message's headers end ("Asunto: La batería
// no carga" then the customer's text, as Outlook forwards it: joined on
// one line, the topic ran on into the text), and where a sentence ends.
// Empty lines go; at most one line break stands between two lines.
func cleanLines(body string) string {
	lines := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = site.CleanText(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
