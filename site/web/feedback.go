package web

import (
	"net/http"

	"github.com/guichet/guichet/site"
	"github.com/labstack/echo/v4"
)

// maxFeedbackForm is the largest "Was this helpful?" form: a comment at
// its limit of 1,000 characters takes up to 12 bytes a character once
// percent-encoded (emoji; 9 in Japanese), beyond the 8 KiB of an event.
const maxFeedbackForm = 16 << 10

// feedback takes the "Was this helpful?" form when JavaScript is off and
// answers with a thank-you page.
func (s *Server) feedback(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	r := c.Request()
	if err := s.sameSite(c); err != nil {
		return err
	}
	if err := readForm(c, maxFeedbackForm); err != nil {
		return err
	}
	loc, err := s.requestLocale(c, st, r.PostForm.Get("locale"))
	if err != nil {
		return err
	}
	a, err := st.view.Article(r.PostForm.Get("article"), loc)
	if err != nil {
		return site.Errorf(site.EINVALID, "unknown article")
	}
	var helpful bool
	switch r.PostForm.Get("helpful") {
	case "yes":
		helpful = true
	case "no":
	default:
		return site.Errorf(site.EINVALID, "helpful must be yes or no")
	}
	b := newBase(st.view, loc, strs(st.view, loc)["thanks"], "", "")
	b.NoIndex = true
	page := &thanksPage{basePage: b, Helpful: helpful, BackURL: a.URL, ArticleID: a.ID, Reasons: reasonsFor(b)}
	vote := site.Event{Type: site.EventVote, ArticleID: a.ID, Locale: a.Locale, Helpful: &helpful,
		Reason: r.PostForm.Get("reason"), Comment: r.PostForm.Get("comment"), Source: site.SourceSite}
	if err := vote.Validate(); err != nil {
		return err
	}
	if !s.mayRecord(c) {
		return site.Errorf(site.ERATE, "too many votes from this address; try again in a moment")
	}
	vote.Visitor, vote.Time = s.visitor(c), s.opts.Now().UTC()
	s.opts.Recorder.RecordEvent(vote)
	if !helpful && r.PostForm.Get("step") != "final" {
		// The "No" is recorded at once (a reader who leaves here still
		// counts), then why is asked: the answer replaces this vote, as
		// a visitor's later vote on an article the same day does.
		page.Ask = true
		page.Title = b.T["why_title"] + " – " + b.SiteTitle
	}
	return s.renderDynamic(c, st, http.StatusOK, "thanks", page)
}

type thanksPage struct {
	basePage
	Helpful bool
	BackURL string
	// Ask shows the "what went wrong?" form instead of thanks (a "No"
	// vote without JavaScript, recorded, whose reason may follow).
	Ask       bool
	ArticleID string
	Reasons   []reason
}

// reason is one answer to "what went wrong?"; Lang is its label's
// language when it is not the page's (TLang), "".
type reason struct {
	Value, Label, Lang string
}

// reasonsFor returns the vote reasons labelled in the page's strings.
func reasonsFor(b basePage) []reason {
	out := make([]reason, len(site.VoteReasons))
	for i, r := range site.VoteReasons {
		out[i] = reason{Value: r, Label: b.T["reason_"+r], Lang: b.TLang["reason_"+r]}
	}
	return out
}
