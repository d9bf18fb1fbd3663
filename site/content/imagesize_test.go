package content

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"
)

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestImageSize(t *testing.T) {
	fsys := fstest.MapFS{
		"a.png":       {Data: pngBytes(t, 320, 180)},
		"fake.png":    {Data: []byte("PNG")},
		"px.svg":      {Data: []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="640px" height="200"></svg>`)},
		"box.svg":     {Data: []byte(`<svg viewBox="0 0 24.5 12" xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>`)},
		"percent.svg": {Data: []byte(`<svg width="100%" height="100%" xmlns="http://www.w3.org/2000/svg"></svg>`)},
		"html.svg":    {Data: []byte(`<html><svg width="10" height="10"></svg></html>`)},
	}
	for _, c := range []struct {
		name string
		w, h int
		ok   bool
	}{
		{"a.png", 320, 180, true}, {"fake.png", 0, 0, false}, {"px.svg", 640, 200, true}, {"box.svg", 25, 12, true},
		{"percent.svg", 0, 0, false}, {"html.svg", 0, 0, false}, {"missing.png", 0, 0, false},
	} {
		w, h, ok := imageSize(fsys, c.name)
		if w != c.w || h != c.h || ok != c.ok {
			t.Errorf("%s: %d×%d %v, want %d×%d %v", c.name, w, h, ok, c.w, c.h, c.ok)
		}
	}
}

// TestImagesSized: content images get their width and height, so pages do
// not shift while they load.
func TestImagesSized(t *testing.T) {
	fsys := fstest.MapFS{
		"billing/shot.png": {Data: pngBytes(t, 800, 450)},
		"billing/pay.md":   {Data: []byte("---\ntitle: Pay\n---\n![The form](shot.png)\n\n![Remote](https://example.com/x.png)\n")},
	}
	lib, err := Load(context.Background(), fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	html := string(lib.Articles[0].HTML)
	if !strings.Contains(html, `src="/_content/billing/shot.png" alt="The form" width="800" height="450"`) {
		t.Errorf("local image not sized:\n%s", html)
	}
	if strings.Contains(html, `x.png" alt="Remote" width`) {
		t.Errorf("remote image sized:\n%s", html)
	}
}
