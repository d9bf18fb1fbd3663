package insights

import (
	"strconv"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
)

// day is 24 hours: figures count whole UTC days.
const day = 24 * time.Hour

// MaxDays is the longest period the figures cover.
const MaxDays = 3660

// Period is the whole UTC days the figures count, of one locale or all.
type Period struct {
	From, To time.Time // midnights, UTC; To excluded
	// Since and Until are the period as asked ("30d", "2026-11-01").
	Since, Until string
	Locale       string
}

// ParsePeriod reads a period as people ask for it: since is a number of
// days ("7d": today and the 6 days before; default 30d), a duration
// ("36h", counted from the start of its day) or a first day
// ("2026-11-01"); until, optional, is the last day counted (default
// today; a later day counts up to today); locale, optional, is read as one
// of locales, the site's, as every API reads a locale (i18n.Resolve: pt_br
// is pt-BR, it_IT is it). Errors are EINVALID and name the parameter.
func ParsePeriod(since, until, locale string, locales []string, now time.Time) (Period, error) {
	return ParsePeriodAs(since, until, locale, locales, now, "since", "until")
}

// ParsePeriodAs is ParsePeriod for a form whose fields of since and until
// have other names (the admin page's custom period: from and to), which
// its errors name.
func ParsePeriodAs(since, until, locale string, locales []string, now time.Time, sinceName, untilName string) (Period, error) {
	now = now.UTC()
	today := now.Truncate(day)
	p := Period{Since: strings.TrimSpace(since), Until: strings.TrimSpace(until), Locale: strings.TrimSpace(locale), To: today.Add(day)}
	if p.Since == "" {
		p.Since = "30d"
	}
	// "30D" is "30d": the d in any case (else it fell through to a
	// duration of 30×24 h, a day too many).
	if n, ok := strings.CutSuffix(strings.ToLower(p.Since), "d"); ok {
		d, err := strconv.Atoi(n)
		if err != nil || d < 1 || d > MaxDays {
			return p, site.Errorf(site.EINVALID, "%s: %q is not a number of days from 1 to %d, like 30d", sinceName, p.Since, MaxDays)
		}
		p.From = today.Add(-time.Duration(d-1) * day)
	} else if t, ok := sinceTime(p.Since, now); ok {
		p.From = t.UTC().Truncate(day)
	} else if d, err := time.ParseDuration(p.Since); err == nil && d <= 0 {
		// "0h" and "-1h" are shaped like the "12h" the message below
		// asks for: say what is wrong with them.
		return p, site.Errorf(site.EINVALID, "%s: %q is not a duration back from now: write one more than zero, like 12h, or a number of days like 30d", sinceName, p.Since)
	} else {
		return p, site.Errorf(site.EINVALID, "%s: %q is not a period start: write a number of days like 30d, a duration like 12h, or a date like 2026-11-01", sinceName, p.Since)
	}
	if p.Until != "" {
		t, err := time.Parse(time.DateOnly, p.Until)
		if err != nil {
			return p, site.Errorf(site.EINVALID, "%s: %q is not a day like 2026-11-30", untilName, p.Until)
		}
		// A day to come holds no figures, and a period reaching into
		// it would be compared with as many days before it: the period
		// ends today ("this month" asked on the 22nd is its first 22
		// days, compared with the 22 before; To says so).
		if p.To = t.UTC().Add(day); p.To.After(today.Add(day)) {
			p.To = today.Add(day)
		}
	}
	if p.From.After(today) {
		return p, site.Errorf(site.EINVALID, "%s: %s is after today (%s, UTC): no figures yet", sinceName, p.From.Format(time.DateOnly), today.Format(time.DateOnly))
	}
	if !p.From.Before(p.To) {
		if strings.TrimSpace(since) == "" {
			// The since the reader never wrote: until is what is wrong.
			return p, site.Errorf(site.EINVALID, "%s: %s is before the period's first day (%s: %s is 30d unless given)", untilName, p.Until, p.From.Format(time.DateOnly), sinceName)
		}
		return p, site.Errorf(site.EINVALID, "%s: the period starts (%s) after its last day (%s)", sinceName, p.From.Format(time.DateOnly), p.To.Add(-day).Format(time.DateOnly))
	}
	if p.To.Sub(p.From) > MaxDays*day {
		// The parameter given last makes it too long: until when set
		// ("until=2099-01-01" with the default since).
		param := sinceName
		if p.Until != "" {
			param = untilName
		}
		return p, site.Errorf(site.EINVALID, "%s: a period is at most %d days (%s to %s is %d)", param, MaxDays, p.First(), p.Last(), p.Days())
	}
	if p.Locale != "" {
		// pt-br, pt_BR, it_IT: the locale as the content folder or an app
		// spells it, read as every API reads it; the figures hold the
		// site's locale (pt-BR, it).
		loc, ok := i18n.Resolve(locales, p.Locale)
		if !ok {
			return p, site.UnknownLocale(p.Locale, locales)
		}
		p.Locale = loc
	}
	return p, nil
}

// sinceTime reads a start that is not a number of days: a duration back
// from now ("36h", "90m"; "0h" is none, as "0d" is not a number of days) or a date ("2026-11-01", UTC midnight) or an
// RFC 3339 time.
func sinceTime(s string, now time.Time) (time.Time, bool) {
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(-d), true
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// Days is the number of days of the period.
func (p Period) Days() int { return int(p.To.Sub(p.From) / day) }

// Previous is the period of the same length just before.
func (p Period) Previous() Period {
	q := p
	q.To = p.From
	q.From = p.From.Add(-time.Duration(p.Days()) * day)
	return q
}

// dayList returns the days of the period, oldest first.
func (p Period) dayList() []string {
	out := make([]string, 0, p.Days())
	for t := p.From; t.Before(p.To); t = t.Add(day) {
		out = append(out, t.Format(time.DateOnly))
	}
	return out
}

// First and Last are the first and last days counted, as YYYY-MM-DD.
func (p Period) First() string { return p.From.Format(time.DateOnly) }

// Last is the last day counted.
func (p Period) Last() string { return p.To.Add(-day).Format(time.DateOnly) }
