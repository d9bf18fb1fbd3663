package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/tickets"
)

// TicketIngester stores tickets from the helpdesk.
type TicketIngester interface {
	Ingest(ctx context.Context, batch []site.Ticket) ([]tickets.Result, error)
}

const (
	ticketsScope = "tickets"
	// maxTicketBody is the largest POST /api/v1/tickets body.
	maxTicketBody = 5 << 20
)

// ticketWire is a ticket as a helpdesk sends it: external_id may be a
// number, tags a list or a comma-separated string, created_at RFC 3339 or
// unix seconds.
type ticketWire struct {
	ExternalID json.RawMessage `json:"external_id"`
	Subject    string          `json:"subject"`
	Body       string          `json:"body"`
	Tags       json.RawMessage `json:"tags"`
	CreatedAt  json.RawMessage `json:"created_at"`
	Locale     string          `json:"locale"`
	Article    string          `json:"article"`
}

// decode turns the wire form into a ticket, or says which field is wrong.
func (w ticketWire) decode() (site.Ticket, error) {
	t := site.Ticket{Subject: w.Subject, Body: w.Body, Locale: w.Locale, Article: w.Article, Source: site.SourceAPI}
	id, err := scalar(w.ExternalID)
	if err != nil {
		return t, fmt.Errorf("external_id: %w", err)
	}
	t.ExternalID = id
	if len(w.Tags) > 0 && string(w.Tags) != "null" {
		var list []string
		var one string
		switch {
		case json.Unmarshal(w.Tags, &list) == nil:
			t.Tags = list
		case json.Unmarshal(w.Tags, &one) == nil:
			t.Tags = strings.FieldsFunc(one, func(r rune) bool { return r == ',' })
		default:
			return t, fmt.Errorf("tags: must be a list of strings or a comma-separated string")
		}
	}
	created, err := scalar(w.CreatedAt)
	if err != nil {
		return t, fmt.Errorf("created_at: %w", err)
	}
	if created != "" {
		if t.CreatedAt, err = tickets.ParseTime(created, time.UTC); err != nil {
			return t, fmt.Errorf("created_at: %w", err)
		}
	}
	return t, nil
}

// scalar reads a JSON string or number as text; null or absent is "".
func scalar(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var n json.Number
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&n); err == nil {
		return tickets.NumberID(n), nil
	}
	return "", errors.New("must be a string or a number")
}

// apiTickets answers POST /api/v1/tickets (bearer token of scope tickets):
// one ticket object, a list of them, or {"tickets": [...]}, up to
// site.MaxTicketBatch. The batch is written before the answer; each ticket
// gets its own result. 200 when at least one ticket was stored, 400 when
// none could be.
func (s *Server) apiTickets(c echo.Context) error {
	if s.opts.Auth == nil || s.opts.Tickets == nil {
		return site.Errorf(site.ENOTFOUND, "ticket ingestion is not available")
	}
	r := c.Request()
	c.Response().Header().Set("Cache-Control", "no-store")
	if err := s.requireToken(c, ticketsScope); err != nil {
		return err
	}
	if r.ContentLength > maxTicketBody {
		return site.Errorf(site.ETOOLARGE, "the body is larger than %d MiB", maxTicketBody>>20)
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Response(), r.Body, maxTicketBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return site.Errorf(site.ETOOLARGE, "the body is larger than %d MiB", maxTicketBody>>20)
		}
		return site.Errorf(site.EINVALID, "read body: %v", err)
	}
	items, err := splitBatch(body)
	if err != nil {
		return err
	}
	batch := make([]site.Ticket, 0, len(items))
	pos := make([]int, 0, len(items)) // index in items of each decoded ticket
	results := make([]tickets.Result, len(items))
	for i, raw := range items {
		// Text is stored as sent or refused, never changed: bytes that
		// are not UTF-8 and lone surrogate escapes became U+FFFD.
		if reason, bad := ticketTextError(i, raw); bad {
			id := rawExternalID(raw)
			results[i] = tickets.Result{ExternalID: id, Status: site.TicketRejected, Reason: reason}
			continue
		}
		var w ticketWire
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&w); err != nil {
			id := rawExternalID(raw)
			results[i] = tickets.Result{ExternalID: id, Status: site.TicketRejected, Reason: jsonError("ticket "+strconv.Itoa(i), err)}
			continue
		}
		t, err := w.decode()
		if err != nil {
			results[i] = tickets.Result{ExternalID: t.ExternalID, Status: site.TicketRejected, Reason: err.Error()}
			continue
		}
		batch = append(batch, t)
		pos = append(pos, i)
	}
	if len(batch) > 0 {
		stored, err := s.opts.Tickets.Ingest(r.Context(), batch)
		if err != nil {
			return err
		}
		for k, res := range stored {
			results[pos[k]] = res
		}
	}
	counts := map[string]int{site.TicketCreated: 0, site.TicketUpdated: 0, site.TicketRejected: 0, site.TicketIgnored: 0}
	for _, res := range results {
		counts[res.Status]++
	}
	status := http.StatusOK
	if counts[site.TicketRejected] == len(results) {
		status = http.StatusBadRequest
	}
	out := map[string]any{"created": counts[site.TicketCreated], "updated": counts[site.TicketUpdated],
		"rejected": counts[site.TicketRejected], "ignored": counts[site.TicketIgnored], "results": results}
	if status != http.StatusOK {
		out["error"] = map[string]string{"code": site.EINVALID, "message": "no ticket could be stored: " + results[0].Reason}
	}
	return c.JSON(status, out)
}

// rawExternalID is the external_id of a ticket that cannot be decoded,
// for its result to name it; "" when even that cannot be read.
func rawExternalID(raw []byte) string {
	var idOnly struct {
		ExternalID json.RawMessage `json:"external_id"`
	}
	json.Unmarshal(raw, &idOnly)
	id, _ := scalar(idOnly.ExternalID)
	return id
}

// ticketTextError is the reason for refusing the i-th ticket of a batch,
// raw, whose text would not be stored as sent: bytes that are not UTF-8,
// a lone UTF-16 surrogate escape or a field given twice (textError; a
// field in another case, "Subject", is read as always); bad false when its
// text can be read as sent.
func ticketTextError(i int, raw []byte) (reason string, bad bool) {
	if !utf8.Valid(raw) {
		return fmt.Sprintf("ticket %d is not valid UTF-8: send the text as UTF-8", i), true
	}
	return textError("ticket "+strconv.Itoa(i), raw, nil)
}

// splitBatch accepts one ticket object, a list, or {"tickets": [...]}.
func splitBatch(body []byte) ([]json.RawMessage, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil, site.Errorf(site.EINVALID, "the body is empty: send a ticket object or {\"tickets\": [...]}")
	}
	var items []json.RawMessage
	switch body[0] {
	case '[':
		if err := json.Unmarshal(body, &items); err != nil {
			return nil, site.Errorf(site.EINVALID, "%s", jsonError("the body", err))
		}
	case '{':
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(body, &fields); err != nil {
			return nil, site.Errorf(site.EINVALID, "%s", jsonError("the body", err))
		}
		list, batch := fields["tickets"]
		if !batch {
			items = []json.RawMessage{body}
			break
		}
		// A batch is {"tickets": [...]} alone: a field beside it
		// ("priority", a typo of a ticket's field) was dropped in
		// silence, where a ticket's unknown field is refused.
		for k := range fields {
			if k != "tickets" {
				return nil, site.Errorf(site.EINVALID, "unknown field %q beside \"tickets\": a batch is {\"tickets\": [...]}, each ticket's fields inside it", k)
			}
		}
		if err := json.Unmarshal(list, &items); err != nil {
			return nil, site.Errorf(site.EINVALID, "%s", jsonError("tickets", err))
		}
	default:
		return nil, site.Errorf(site.EINVALID, "the body must be a JSON object or list")
	}
	switch {
	case len(items) == 0:
		return nil, site.Errorf(site.EINVALID, "the batch holds no ticket")
	case len(items) > site.MaxTicketBatch:
		return nil, site.Errorf(site.ETOOLARGE, "the batch holds %d tickets; send at most %d per request", len(items), site.MaxTicketBatch)
	}
	return items, nil
}
