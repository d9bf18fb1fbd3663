package content

import (
	"bytes"
	"encoding/xml"
	"image"
	_ "image/gif" // DecodeConfig for GIF
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"
)

// imageSize reads the intrinsic size of a content image, so the page can
// reserve its space before it loads (no layout shift): PNG, JPEG and GIF
// from their header, SVG from its width and height or its viewBox. false
// for other types and unreadable files.
func imageSize(fsys fs.FS, p string) (w, h int, ok bool) {
	f, err := fsys.Open(p)
	if err != nil {
		return 0, 0, false
	}
	defer f.Close()
	if strings.EqualFold(path.Ext(p), ".svg") {
		return svgSize(io.LimitReader(f, 64<<10))
	}
	cfg, _, err := image.DecodeConfig(f)
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, false
	}
	return cfg.Width, cfg.Height, true
}

// svgSize reads the root <svg> element's width and height (plain numbers
// or px), else its viewBox.
func svgSize(r io.Reader) (int, int, bool) {
	data, err := io.ReadAll(r)
	if err != nil {
		return 0, 0, false
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, false
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0, false
		}
		var w, h, box string
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				w = a.Value
			case "height":
				h = a.Value
			case "viewBox":
				box = a.Value
			}
		}
		if wn, ok := svgLength(w); ok {
			if hn, ok := svgLength(h); ok {
				return wn, hn, true
			}
		}
		f := strings.FieldsFunc(box, func(r rune) bool { return r == ' ' || r == ',' })
		if len(f) == 4 {
			bw, err1 := strconv.ParseFloat(f[2], 64)
			bh, err2 := strconv.ParseFloat(f[3], 64)
			if err1 == nil && err2 == nil && bw > 0 && bh > 0 {
				return int(math.Round(bw)), int(math.Round(bh)), true
			}
		}
		return 0, 0, false
	}
}

// svgLength parses "320" or "320px"; relative units are not a size.
func svgLength(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		return 0, false
	}
	return int(math.Round(f)), true
}
