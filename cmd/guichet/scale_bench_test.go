package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"testing"
)

// scaleContent is the content folder of the scale benchmarks, from
// GUICHET_BENCH_CONTENT (e.g. go run ./cmd/gencontent -n 10000 -out /tmp/c10k);
// they skip without it.
func scaleContent(b *testing.B) string {
	dir := os.Getenv("GUICHET_BENCH_CONTENT")
	if dir == "" {
		b.Skip("GUICHET_BENCH_CONTENT not set")
	}
	return dir
}

func openScale(b *testing.B, content, data string) *Main {
	m := &Main{Config: testConfig(content, data), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkScaleColdStart opens the server on a fresh data folder.
func BenchmarkScaleColdStart(b *testing.B) {
	content := scaleContent(b)
	for i := 0; i < b.N; i++ {
		data := b.TempDir()
		m := openScale(b, content, data)
		b.StopTimer()
		m.Close(context.Background())
		os.RemoveAll(data)
		b.StartTimer()
	}
}

// BenchmarkScaleRestart opens the server again on the data folder of a
// first start, content unchanged.
func BenchmarkScaleRestart(b *testing.B) {
	content := scaleContent(b)
	data := b.TempDir()
	openScale(b, content, data).Close(context.Background())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := openScale(b, content, data)
		b.StopTimer()
		m.Close(context.Background())
		b.StartTimer()
	}
}
