package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
)

// jsonError makes a JSON decoding error readable, without Go's type
// names: a field's problem starts with the field's name ("subject: must be
// a string, not a number", "extra: unknown field"); any other problem is
// said of what, the thing decoded ("contact request body is not valid
// JSON: …", "event body must be an object, not a list", "… is empty").
func jsonError(what string, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te) && te.Field != "":
		return fmt.Sprintf("%s: must be %s, not %s", te.Field, jsonKind(te.Type), jsonValue(te.Value))
	case errors.As(err, &te):
		return fmt.Sprintf("%s must be %s, not %s", what, jsonKind(te.Type), jsonValue(te.Value))
	case errors.As(err, &se):
		return fmt.Sprintf("%s is not valid JSON: %s (at byte %d)", what, se.Error(), se.Offset)
	case errors.Is(err, io.EOF):
		return what + " is empty"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return what + " is not valid JSON: it ends before the value is complete"
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, `json: unknown field "`); ok {
		return strings.TrimSuffix(name, `"`) + ": unknown field"
	}
	return what + " is not valid JSON: " + strings.TrimPrefix(msg, "json: ")
}

// jsonKind names the JSON value a Go type is read from.
func jsonKind(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "a value"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "a value"
}

// jsonValue names the JSON value found, as encoding/json describes it
// ("number", "number 1.5", "string", "array", "object", "bool").
func jsonValue(v string) string {
	kind, literal, _ := strings.Cut(v, " ")
	var s string
	switch kind {
	case "number":
		s = "a number"
	case "string":
		s = "a string"
	case "bool":
		s = "true or false"
	case "array":
		s = "a list"
	case "object":
		s = "an object"
	default:
		return v
	}
	if literal != "" {
		s += " (" + literal + ")"
	}
	return s
}

// loneSurrogate finds the first string of the JSON text body that escapes
// half of a UTF-16 surrogate pair without the other half ("\ud800" alone,
// or "\udc00" first), which encoding/json reads as U+FFFD without a word:
// text the client sent would be changed, not refused. It returns the path
// of the field holding it, object keys joined by dots as jsonError names
// fields ("subject", "ticket.tags"; "" for a value outside any object and
// for an object key itself, with key true), and found. A body that is not
// valid JSON ends the search with found false: the decoder says what is
// wrong with it.
func loneSurrogate(body []byte) (field string, key, found bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	type frame struct {
		object bool
		key    string // the object's current key, once read
		want   bool   // the object expects a key next
	}
	var stack []frame
	path := func() string {
		var keys []string
		for _, f := range stack {
			if f.object && !f.want {
				keys = append(keys, f.key)
			}
		}
		return strings.Join(keys, ".")
	}
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return "", false, false
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				stack = append(stack, frame{object: t == '{', want: true})
				continue
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			isKey := top != nil && top.object && top.want
			if hasLoneSurrogate(body[start:dec.InputOffset()]) {
				if isKey {
					return path(), true, true
				}
				return path(), false, true
			}
			if isKey {
				top.key, top.want = t, false
				continue
			}
		}
		// A value was read: its object expects the next key.
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].want = true
		}
		if len(stack) == 0 && !dec.More() {
			return "", false, false
		}
	}
}

// hasLoneSurrogate says whether raw, JSON text holding one string (and
// the separators before it), escapes a UTF-16 surrogate without its pair.
func hasLoneSurrogate(raw []byte) bool {
	hex4 := func(i int) (rune, bool) {
		if i+6 > len(raw) || raw[i] != '\\' || raw[i+1] != 'u' {
			return 0, false
		}
		n, err := strconv.ParseUint(string(raw[i+2:i+6]), 16, 32)
		return rune(n), err == nil
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' || i+1 >= len(raw) {
			continue
		}
		if raw[i+1] != 'u' {
			i++ // \" \\ \n …: the escaped byte is no escape of its own
			continue
		}
		r, ok := hex4(i)
		switch {
		case !ok:
			i++
		case utf16.IsSurrogate(r) && r < 0xdc00:
			if lo, ok := hex4(i + 6); ok && lo >= 0xdc00 && lo <= 0xdfff {
				i += 11
				continue
			}
			return true
		case utf16.IsSurrogate(r):
			return true
		default:
			i += 5
		}
	}
	return false
}

// surrogateError is the message refusing a JSON body of what (the thing
// decoded, "contact request body") whose text escapes a lone UTF-16
// surrogate (loneSurrogate), starting with the field at fault; bad false
// when there is none.
func surrogateError(what string, body []byte) (msg string, bad bool) {
	field, key, found := loneSurrogate(body)
	if !found {
		return "", false
	}
	const why = `escapes half of a UTF-16 surrogate pair (\ud800 to \udfff) without the other half, which is no character: send the text as UTF-8 or escape both halves`
	switch {
	case key && field != "":
		return fmt.Sprintf("%s: a field name inside it %s", field, why), true
	case key:
		return fmt.Sprintf("%s: a field name %s", what, why), true
	case field == "":
		return fmt.Sprintf("%s: a string %s", what, why), true
	}
	return fmt.Sprintf("%s: %s", field, why), true
}
