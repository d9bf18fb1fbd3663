package main

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/guichet/guichet/site/tickets"
)

// TestGenerate: the output is deterministic and every row is a ticket the
// generic importer reads.
func TestGenerate(t *testing.T) {
	var a, b bytes.Buffer
	if err := run(&a, "../../content", 500, 7, true); err != nil {
		t.Fatal(err)
	}
	if err := run(&b, "../../content", 500, 7, true); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same seed, different output")
	}
	rd, err := tickets.NewReader(&a, tickets.FormatCSV, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	n, tagged := 0, 0
	for {
		tk, line, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("line %d: %v", line, err)
		}
		if tk.ExternalID == "" || tk.Subject == "" || tk.CreatedAt.IsZero() {
			t.Fatalf("line %d: incomplete %+v", line, tk)
		}
		if len(tk.Tags) > 0 {
			tagged++
		}
		n++
	}
	if n != 500 || tagged == 0 {
		t.Errorf("%d tickets, %d tagged", n, tagged)
	}
	if err := run(io.Discard, t.TempDir(), 1, 1, true); err == nil {
		t.Error("an empty content folder must be an error")
	}
}
