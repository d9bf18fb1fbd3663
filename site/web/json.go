package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
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
