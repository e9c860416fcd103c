// Package wire is the JSON code every generated package carries: errgen
// copies this file, below the package clause, into each package it
// generates, and renders the example bodies of the documentation with it,
// so the docs show exactly the bytes the code sends. It depends on the
// standard library alone and its names are unexported, to fit any package.
package wire

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// appendJSONString appends s as a JSON string, as encoding/json writes it
// with HTML escaping off: invalid UTF-8 becomes \ufffd, and U+2028 and
// U+2029 are escaped so the body is also valid JavaScript.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendEnvelope appends the HTTP error body {"<code>":code,"<message>":
// "message"}. The prefixes hold the quoted field names: codePrefix is
// {"<code>": and messagePrefix is ,"<message>":.
func appendEnvelope(dst []byte, codePrefix string, code int, messagePrefix, message string) []byte {
	dst = append(dst, codePrefix...)
	dst = strconv.AppendInt(dst, int64(code), 10)
	dst = append(dst, messagePrefix...)
	dst = appendJSONString(dst, message)
	return append(dst, '}')
}

// appendStringObject appends a JSON object whose last member is a string:
// prefix holds everything before that value, such as {"type":"error",
// "message":.
func appendStringObject(dst []byte, prefix, value string) []byte {
	dst = append(dst, prefix...)
	dst = appendJSONString(dst, value)
	return append(dst, '}')
}

// jsonMaxDepth is how deeply encoding/json lets arrays and objects nest.
const jsonMaxDepth = 10000

// jsonKind is the Go type a wanted member decodes into.
type jsonKind uint8

const (
	jsonInt jsonKind = iota
	jsonString
)

// jsonMember is one member of a JSON object that decodeJSONObject looks
// for, and what it found.
type jsonMember struct {
	key  string
	kind jsonKind
	// want, when set, is a string value the caller expects, valid UTF-8:
	// a value equal to it is stored without allocating.
	want string
	set  bool   // present and not null
	num  int    // the value, for jsonInt
	str  string // the value, for jsonString
}

// decodeJSONObject decodes data into the two members m, accepting exactly
// what json.Unmarshal accepts when decoding into a struct whose fields are
// *int or *string and named by m's keys: valid JSON, an object or null,
// keys matched case-insensitively and the last duplicate winning, null
// leaving a member unset, other members skipped. It returns false
// wherever json.Unmarshal returns an error. It does not allocate, except
// for a string member's value.
func decodeJSONObject(data []byte, m *[2]jsonMember) bool {
	d := jsonDecoder{data: data, m: m}
	d.space()
	if d.literal("null") {
		d.space()
		return d.pos == len(d.data)
	}
	if d.pos >= len(d.data) || d.data[d.pos] != '{' {
		return false
	}
	if !d.object(true) {
		return false
	}
	d.space()
	return d.pos == len(d.data)
}

type jsonDecoder struct {
	data  []byte
	pos   int
	depth int
	m     *[2]jsonMember
}

func (d *jsonDecoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *jsonDecoder) literal(lit string) bool {
	if len(d.data)-d.pos >= len(lit) && string(d.data[d.pos:d.pos+len(lit)]) == lit {
		d.pos += len(lit)
		return true
	}
	return false
}

// object decodes an object at d.pos; top says it is the one whose members
// are wanted.
func (d *jsonDecoder) object(top bool) bool {
	if d.depth++; d.depth > jsonMaxDepth {
		return false
	}
	d.pos++ // {
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		d.depth--
		return true
	}
	for {
		d.space()
		start := d.pos
		if !d.skipString() {
			return false
		}
		key := d.data[start:d.pos]
		d.space()
		if d.pos >= len(d.data) || d.data[d.pos] != ':' {
			return false
		}
		d.pos++
		d.space()
		var want *jsonMember
		if top {
			for i := range d.m {
				if keyMatches(key, d.m[i].key) {
					want = &d.m[i]
					break
				}
			}
		}
		if want == nil {
			if !d.value() {
				return false
			}
		} else if !d.member(want) {
			return false
		}
		d.space()
		if d.pos >= len(d.data) {
			return false
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case '}':
			d.pos++
			d.depth--
			return true
		default:
			return false
		}
	}
}

// member decodes the value of a wanted member.
func (d *jsonDecoder) member(m *jsonMember) bool {
	if d.literal("null") {
		m.set = false
		return true
	}
	start := d.pos
	switch m.kind {
	case jsonInt:
		if !d.number() {
			return false
		}
		n, err := strconv.ParseInt(string(d.data[start:d.pos]), 10, strconv.IntSize)
		if err != nil { // a fraction, an exponent or out of range
			return false
		}
		m.set, m.num = true, int(n)
		return true
	default:
		if d.pos >= len(d.data) || d.data[d.pos] != '"' || !d.skipString() {
			return false
		}
		quoted := d.data[start:d.pos]
		// Equal to a want without backslashes, the value has no escapes.
		if m.want != "" && string(quoted[1:len(quoted)-1]) == m.want && strings.IndexByte(m.want, '\\') < 0 {
			m.set, m.str = true, m.want
		} else {
			m.set, m.str = true, unquoteJSON(quoted)
		}
		return true
	}
}

// value skips any JSON value, checking that it is valid.
func (d *jsonDecoder) value() bool {
	if d.pos >= len(d.data) {
		return false
	}
	switch c := d.data[d.pos]; {
	case c == '{':
		return d.object(false)
	case c == '[':
		return d.array()
	case c == '"':
		return d.skipString()
	case c == '-' || '0' <= c && c <= '9':
		return d.number()
	}
	return d.literal("true") || d.literal("false") || d.literal("null")
}

func (d *jsonDecoder) array() bool {
	if d.depth++; d.depth > jsonMaxDepth {
		return false
	}
	d.pos++ // [
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		d.depth--
		return true
	}
	for {
		d.space()
		if !d.value() {
			return false
		}
		d.space()
		if d.pos >= len(d.data) {
			return false
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case ']':
			d.pos++
			d.depth--
			return true
		default:
			return false
		}
	}
}

// number skips a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *jsonDecoder) number() bool {
	p := d.pos
	if p < len(d.data) && d.data[p] == '-' {
		p++
	}
	switch {
	case p < len(d.data) && d.data[p] == '0':
		p++
	case p < len(d.data) && '1' <= d.data[p] && d.data[p] <= '9':
		p = d.digits(p)
	default:
		return false
	}
	if p < len(d.data) && d.data[p] == '.' {
		if q := d.digits(p + 1); q > p+1 {
			p = q
		} else {
			return false
		}
	}
	if p < len(d.data) && (d.data[p] == 'e' || d.data[p] == 'E') {
		p++
		if p < len(d.data) && (d.data[p] == '+' || d.data[p] == '-') {
			p++
		}
		if q := d.digits(p); q > p {
			p = q
		} else {
			return false
		}
	}
	d.pos = p
	return true
}

func (d *jsonDecoder) digits(p int) int {
	for p < len(d.data) && '0' <= d.data[p] && d.data[p] <= '9' {
		p++
	}
	return p
}

// skipString skips a string at d.pos, checking its escapes and that it
// holds no control characters. Invalid UTF-8 is allowed, as encoding/json
// allows it.
func (d *jsonDecoder) skipString() bool {
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return false
	}
	for p := d.pos + 1; p < len(d.data); p++ {
		switch c := d.data[p]; {
		case c == '"':
			d.pos = p + 1
			return true
		case c < ' ':
			return false
		case c == '\\':
			p++
			if p >= len(d.data) {
				return false
			}
			switch d.data[p] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if hex4(d.data[p+1:]) < 0 {
					return false
				}
				p += 4
			default:
				return false
			}
		}
	}
	return false
}

// hex4 decodes four hex digits, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// keyMatches reports whether a quoted key, as it appears in the input,
// names want: equal under Unicode case folding once unescaped, which is
// how encoding/json matches keys to struct fields.
func keyMatches(quoted []byte, want string) bool {
	raw := quoted[1 : len(quoted)-1]
	for _, c := range raw {
		if c == '\\' || c >= utf8.RuneSelf {
			return strings.EqualFold(unquoteJSON(quoted), want)
		}
	}
	if len(raw) != len(want) {
		return false
	}
	for i, c := range raw {
		w := want[i]
		if c != w && (c|0x20 != w|0x20 || c|0x20 < 'a' || c|0x20 > 'z') {
			return false
		}
	}
	return true
}

// unquoteJSON decodes a valid quoted JSON string as encoding/json does:
// invalid UTF-8 and unpaired surrogates become U+FFFD.
func unquoteJSON(quoted []byte) string {
	s := quoted[1 : len(quoted)-1]
	clean := true
	for i := 0; i < len(s); {
		if s[i] == '\\' {
			clean = false
			break
		}
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return string(s)
	}
	var buf [256]byte // most messages fit: then only the string allocates
	b := buf[:0]
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			i++
			switch e := s[i]; e {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r := hex4(s[i+1:])
				i += 5
				if 0xd800 <= r && r < 0xe000 {
					r2 := rune(-1)
					if i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
						r2 = hex4(s[i+2:])
					}
					if r < 0xdc00 && 0xdc00 <= r2 && r2 < 0xe000 {
						r = (r-0xd800)<<10 | (r2 - 0xdc00) + 0x10000
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
				continue
			default: // " \ /
				b = append(b, e)
			}
			i++
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(s[i:])
			b = utf8.AppendRune(b, r)
			i += size
		}
	}
	return string(b)
}

// maxExcerpt bounds the raw body an error keeps when the body was not the
// error envelope.
const maxExcerpt = 512

// excerpt returns the start of body, at most maxExcerpt bytes, cut at a
// rune boundary.
func excerpt(body []byte) string {
	if len(body) <= maxExcerpt {
		return string(body)
	}
	n := maxExcerpt
	for n > maxExcerpt-utf8.UTFMax && !utf8.RuneStart(body[n]) {
		n--
	}
	return string(body[:n])
}

// nonDefault returns status, or 0 when it is def. Errors store only a
// status that differs from their default, so that an error parsed from
// the wire equals the one that was sent.
func nonDefault(status, def int) int {
	if status == def {
		return 0
	}
	return status
}

// The helpers below read params back out of a rendered message. Each takes
// and returns ok, so that the generated code for a template is a straight
// line that fails softly; the caller re-renders to confirm the match.

// cutParam returns the text of s before sep and the rest after it, or all
// of s when sep is "" (the param ends the message).
func cutParam(s, sep string, ok bool) (value, rest string, _ bool) {
	if !ok {
		return "", "", false
	}
	if sep == "" {
		return s, "", true
	}
	i := strings.Index(s, sep)
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+len(sep):], true
}

func parseIntParam(s string, base int, ok bool) (int, bool) {
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(s, base, strconv.IntSize)
	return int(n), err == nil
}

func parseFloatParam(s string, ok bool) (float64, bool) {
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

func parseQuotedParam(s string, ok bool) (string, bool) {
	if !ok {
		return "", false
	}
	u, err := strconv.Unquote(s)
	return u, err == nil
}
