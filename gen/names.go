package gen

import (
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode"
)

// packageNames are the exported identifiers the generated package declares
// whatever the spec says. No name derived from an error may take one.
var packageNames = []string{
	"Code", "Error", "UnknownError", "CodeOf", "HTTPStatus", "Retryable",
	"WriteError", "AppendError", "Parse", "FromResponse", "MaxBodySize",
	"WebSocketError", "ParseWebSocketError", "RetryAfter", "Retry", "RetryOption",
	"RetryAttempts", "RetryBaseDelay", "RetryMaxDelay", "RetryMaxWait", "RetryClock", "RetryWithClock",
	"RetryTransport",
}

// errorMembers are the exported methods and fields every generated error
// type has; a param's field never takes one (see paramFieldName). No
// method name sorts before "Error": errors.As scans a type's methods in
// that order for Error, so it finds it first.
var errorMembers = []string{
	"Message", "Error", "ErrorCode", "HTTPStatus", "ErrorMessage", "Unwrap", "Is",
	"WithCause", "WithStatus", "MarshalJSON", "ResponseBody", "ReceivedCode", "LogValue",
}

var initialisms = map[string]bool{
	"api": true, "ascii": true, "cpu": true, "css": true, "dns": true, "eof": true,
	"html": true, "http": true, "https": true, "id": true, "ip": true, "json": true,
	"sql": true, "tcp": true, "tls": true, "ttl": true, "udp": true, "ui": true,
	"uri": true, "url": true, "utf8": true, "uuid": true, "xml": true,
}

// words splits a param name into lower-case words at underscores, hyphens
// and case changes: "user_id", "userId" and "UserID" all give [user id].
func words(name string) []string {
	var out []string
	rs := []rune(name)
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, strings.ToLower(string(rs[start:end])))
		}
	}
	for i, r := range rs {
		switch {
		case r == '_' || r == '-':
			flush(i)
			start = i + 1
		case i > start && unicode.IsUpper(r) &&
			(!unicode.IsUpper(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])):
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return out
}

func title(w string) string {
	if initialisms[w] {
		return strings.ToUpper(w)
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// fieldName is the exported Go field for a param name: user_id → UserID.
func fieldName(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(title(w))
	}
	return b.String()
}

// paramFieldName is the struct field for a param: its fieldName, or, when
// that is already a method or field of every error type (a param named
// error or message), the name with Value after it.
func paramFieldName(ws []string) string {
	name := fieldName(ws)
	if slices.Contains(errorMembers, name) {
		name += "Value"
	}
	return name
}

// isExportedIdent reports whether name can be an exported Go identifier.
func isExportedIdent(name string) bool {
	return token.IsIdentifier(name) && token.IsExported(name)
}

// isErrorMember reports whether name is a method or field of every error
// type, which a field of the body may not take.
func isErrorMember(name string) bool { return slices.Contains(errorMembers, name) }

// argName is the constructor parameter for a param name: user_id → userID.
// Keywords, which would not compile, and every predeclared name (string,
// max, len, close, nil, ...), which linters rightly flag as shadowed, get
// a trailing underscore.
func argName(ws []string) string {
	name := ws[0] + fieldName(ws[1:])
	if token.IsKeyword(name) || types.Universe.Lookup(name) != nil {
		name += "_"
	}
	return name
}
