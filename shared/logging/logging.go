// Package logging sets up structured JSON logs in the field names Cloud Logging
// reads: severity, message, time and logging.googleapis.com/trace.
package logging

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
)

// TraceKey is the field Cloud Logging uses to join a log line to its trace.
const TraceKey = "logging.googleapis.com/trace"

// New returns a JSON logger writing to w.
func New(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{
		Level:       level,
		ReplaceAttr: cloudLoggingNames,
	}))
}

// Setup makes a JSON logger on stderr the process default.
func Setup() *slog.Logger {
	l := New(os.Stderr, slog.LevelInfo)
	slog.SetDefault(l)
	return l
}

func cloudLoggingNames(groups []string, a slog.Attr) slog.Attr {
	if len(groups) > 0 {
		return a
	}
	switch a.Key {
	case slog.MessageKey:
		a.Key = "message"
	case slog.LevelKey:
		a.Key = "severity"
		switch level := a.Value.Any().(slog.Level); {
		case level >= slog.LevelError:
			a.Value = slog.StringValue("ERROR")
		case level >= slog.LevelWarn:
			a.Value = slog.StringValue("WARNING")
		case level >= slog.LevelInfo:
			a.Value = slog.StringValue("INFO")
		default:
			a.Value = slog.StringValue("DEBUG")
		}
	}
	return a
}

// Trace returns the trace attribute of a request, from the W3C traceparent or
// X-Cloud-Trace-Context header, in the form Cloud Logging expects when project is set.
func Trace(r *http.Request, project string) (slog.Attr, bool) {
	var id string
	if tp := r.Header.Get("Traceparent"); tp != "" {
		// version-traceid-spanid-flags
		if parts := strings.Split(tp, "-"); len(parts) == 4 && len(parts[1]) == 32 {
			id = parts[1]
		}
	}
	if id == "" {
		if xc := r.Header.Get("X-Cloud-Trace-Context"); xc != "" {
			id, _, _ = strings.Cut(xc, "/")
		}
	}
	if id == "" {
		return slog.Attr{}, false
	}
	if project != "" {
		id = "projects/" + project + "/traces/" + id
	}
	return slog.String(TraceKey, id), true
}

type loggerKey struct{}

// WithLogger returns ctx carrying l.
func WithLogger(ctx context.Context, l *slog.Logger) context.Context {
	return context.WithValue(ctx, loggerKey{}, l)
}

// From returns the logger ctx carries, or the default one.
func From(ctx context.Context) *slog.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
		return l
	}
	return slog.Default()
}

// Middleware puts a request logger carrying the trace into each request's context.
func Middleware(project string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := slog.Default()
		if attr, ok := Trace(r, project); ok {
			l = l.With(attr)
		}
		next.ServeHTTP(w, r.WithContext(WithLogger(r.Context(), l)))
	})
}
