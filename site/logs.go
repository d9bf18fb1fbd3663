package site

import "log/slog"

// ReadableDurations is a slog.HandlerOptions.ReplaceAttr that writes a
// duration as the text logs do ("2.297s", "18ms"), not as the JSON
// handler's bare nanoseconds (2297000000): the publication log's load,
// index and took read the same in both formats.
func ReadableDurations(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindDuration {
		a.Value = slog.StringValue(a.Value.Duration().String())
	}
	return a
}
