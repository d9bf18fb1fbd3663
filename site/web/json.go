package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
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

// A textProblem is what encoding/json would read from a JSON text without
// a word, changing or dropping what the client sent (see textProblemIn).
type textProblem int

const (
	noProblem      textProblem = iota
	surrogateValue             // a string escapes a lone UTF-16 surrogate: read as U+FFFD
	surrogateKey               // a field name does
	duplicateKey               // a field given twice in one object: the first value dropped
	foldedKey                  // a top-level field spelt in another case ("Subject"): read as the field
)

// textProblemIn finds the first textProblem of the JSON text body: a
// string escaping half of a UTF-16 surrogate pair without the other half
// ("\ud800" alone, or "\udc00" first), a field given twice in one object,
// or, when fields (the top-level object's field names) is not nil, a
// top-level field matching one of them only without case. It returns the
// path of the field at fault, object keys joined by dots as jsonError
// names fields ("subject", "ticket.tags"; for a field name, the object
// holding it: "" at the top), and the problem. A body that is not valid
// JSON ends the search with noProblem: the decoder says what is wrong.
func textProblemIn(body []byte, fields []string) (field string, p textProblem) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	type frame struct {
		object bool
		key    string // the object's current key, once read
		want   bool   // the object expects a key next
		seen   map[string]bool
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
			return "", noProblem
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				stack = append(stack, frame{object: t == '{', want: true, seen: map[string]bool{}})
				continue
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			isKey := top != nil && top.object && top.want
			if hasLoneSurrogate(body[start:dec.InputOffset()]) {
				if isKey {
					return path(), surrogateKey
				}
				return path(), surrogateValue
			}
			if isKey {
				top.key, top.want = t, false
				if top.seen[t] {
					return path(), duplicateKey
				}
				top.seen[t] = true
				if len(stack) == 1 && fields != nil && !slices.Contains(fields, t) &&
					slices.ContainsFunc(fields, func(f string) bool { return strings.EqualFold(f, t) }) {
					return path(), foldedKey
				}
				continue
			}
		}
		// A value was read: its object expects the next key.
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].want = true
		}
		if len(stack) == 0 && !dec.More() {
			return "", noProblem
		}
	}
}

// jsonFields lists the JSON names of the fields of the struct v points
// to (its json tags), for textProblemIn; nil when v is no struct.
func jsonFields(v any) []string {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var names []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		names = append(names, name)
	}
	return names
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

// textError is the message refusing a JSON body of what (the thing
// decoded, "contact request body") read into v, whose text encoding/json
// would take changed or in part (textProblemIn), starting with the field
// at fault; bad false when there is none. A nil v checks no field's case
// (the tickets API, whose helpdesks' "Subject" was always read).
func textError(what string, body []byte, v any) (msg string, bad bool) {
	var fields []string
	if v != nil {
		fields = jsonFields(v)
	}
	field, p := textProblemIn(body, fields)
	if p == noProblem {
		return "", false
	}
	const half = `half of a UTF-16 surrogate pair (\ud800 to \udfff) without the other half, which is no character: send the text as UTF-8 or escape both halves`
	switch {
	case p == surrogateKey && field == "":
		return fmt.Sprintf("%s: a field name escapes %s", what, half), true
	case p == surrogateKey:
		return fmt.Sprintf("%s: a field name inside it escapes %s", field, half), true
	case p == duplicateKey:
		return fmt.Sprintf("%s: given twice; send each field once", field), true
	case p == foldedKey:
		want := ""
		for _, f := range jsonFields(v) {
			if strings.EqualFold(f, field) {
				want = f
			}
		}
		return fmt.Sprintf("%s: unknown field (did you mean %s? field names are case-sensitive)", field, want), true
	case field == "":
		return fmt.Sprintf("%s: a string escapes %s", what, half), true
	}
	return fmt.Sprintf("%s: escapes %s", field, half), true
}
