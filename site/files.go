package site

import (
	"path"
	"strings"
)

// IsImage reports whether p names an image type the site serves inline
// from the content folder: PNG, JPEG, GIF, SVG, WebP, AVIF.
func IsImage(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico":
		return true
	}
	return false
}

// IsAttachment reports whether p names a file type, besides images, that
// articles may link to and the site serves from the content folder as a
// download: documents, spreadsheets, archives, audio and video.
func IsAttachment(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".pdf", ".txt", ".csv", ".zip", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp",
		".mp4", ".webm", ".mp3", ".ogg", ".m4a":
		return true
	}
	return false
}
