package gen

import (
	"net/textproto"
	"regexp"
	"slices"
	"strings"
)

// headerToken is a header name as RFC 9110 allows it: one token.
var headerToken = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")

var headerTypes = map[string]HeaderType{"string": HeaderString, "int": HeaderInt, "duration": HeaderDuration, "time": HeaderTime}

// headerFormats are the formats each type may be written in, the default
// first.
var headerFormats = map[HeaderType][]HeaderFormat{
	HeaderDuration: {FormatSeconds, FormatMillis, FormatGo},
	HeaderTime:     {FormatHTTP, FormatUnix, FormatRFC3339},
}

// retryAfterKey is the header a server gives its retry delay in when the
// spec does not say otherwise (RFC 9110, section 10.2.3).
const retryAfterKey = "Retry-After"

// headers resolves header specs into headers. names holds the Go field
// names the error type has taken so far, and keys the headers, by
// canonical name, where each was declared; both get the new ones.
func (b *builder) headers(specs []HeaderSpec, names, keys map[string]Pos, own bool) []*HeaderField {
	var out []*HeaderField
	for _, hs := range specs {
		if !hs.Name.Pos.IsValid() || !hs.Header.Pos.IsValid() || !hs.Type.Pos.IsValid() {
			continue // not read; Parse has said why
		}
		h := &HeaderField{Name: hs.Name.Value, Doc: hs.Doc.Value, Own: own}
		ok := true
		switch {
		case !isExportedIdent(h.Name):
			b.errs.add(hs.Name.Pos, "header field name %q is not an exported Go identifier", h.Name)
			ok = false
		case isErrorMember(h.Name):
			b.errs.add(hs.Name.Pos, "header field name %s is a method or field every error has; choose another", h.Name)
			ok = false
		default:
			if first, dup := names[h.Name]; dup {
				b.errs.add(hs.Name.Pos, "field %s is declared twice (first at %s)", h.Name, first.short())
				ok = false
			}
			names[h.Name] = hs.Name.Pos
		}
		if !headerToken.MatchString(hs.Header.Value) {
			b.errs.add(hs.Header.Pos, "header %q is not a header name: letters, digits and !#$%%&'*+.^_`|~-", hs.Header.Value)
			ok = false
		} else {
			h.Key = textproto.CanonicalMIMEHeaderKey(hs.Header.Value)
			if first, dup := keys[h.Key]; dup {
				b.errs.add(hs.Header.Pos, "header %s is declared twice (first at %s); header names match without regard to case", hs.Header.Value, first.short())
				ok = false
			}
			keys[h.Key] = hs.Header.Pos
		}
		typ, known := headerTypes[hs.Type.Value]
		if !known {
			b.errs.add(hs.Type.Pos, "header type %q is not string, int, duration or time", hs.Type.Value)
			continue
		}
		h.Type = typ
		formats := headerFormats[typ]
		switch {
		case !hs.Format.Pos.IsValid():
			if len(formats) > 0 {
				h.Format = formats[0]
			}
		case len(formats) == 0:
			b.errs.add(hs.Format.Pos, "a %s header has no format; format is for duration and time headers", typ)
			ok = false
		default:
			i := slices.IndexFunc(formats, func(f HeaderFormat) bool { return f.String() == hs.Format.Value })
			if i < 0 {
				b.errs.add(hs.Format.Pos, "format %q is not one of a %s header's: %s", hs.Format.Value, typ, formatList(formats))
				ok = false
				break
			}
			h.Format = formats[i]
		}
		if ok {
			out = append(out, h)
		}
	}
	return out
}

func formatList(fs []HeaderFormat) string {
	var names []string
	for _, f := range fs {
		names = append(names, f.String())
	}
	return strings.Join(names, ", ")
}

// retryDelay resolves which of an error's headers carry the server's
// retry delay: those retry_after names, else the Retry-After header.
func (b *builder) retryDelay(s *ErrorSpec, e *ErrorDef) {
	byName := map[string]*HeaderField{}
	for _, h := range e.Headers {
		byName[h.Name] = h
	}
	if len(s.RetryAfter) == 0 {
		for _, h := range e.Headers {
			if h.Key == retryAfterKey && (h.Type == HeaderDuration || h.Type == HeaderTime) {
				e.Delay = append(e.Delay, h)
			}
		}
	}
	for _, n := range s.RetryAfter {
		h, ok := byName[n.Value]
		switch {
		case !n.Pos.IsValid():
		case !ok:
			b.errs.add(n.Pos, "retry_after names %q, which is not a header field of %s", n.Value, e.Name)
		case h.Type != HeaderDuration && h.Type != HeaderTime:
			b.errs.add(n.Pos, "retry_after names %s, a %s header; a delay is a duration or a time", n.Value, h.Type)
		case slices.Contains(e.Delay, h):
			b.errs.add(n.Pos, "retry_after names %s twice", n.Value)
		default:
			e.Delay = append(e.Delay, h)
		}
	}
	if e.Retry == RetryAfter && len(e.Delay) == 0 && len(s.RetryAfter) == 0 {
		b.errs.add(s.Retry.Pos, "retry after needs a header that carries the server's delay: declare the Retry-After header (envelope.headers or the error's headers), or name header fields in retry_after")
	}
}
