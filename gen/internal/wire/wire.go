// Package wire is the JSON code every generated package carries: errgen
// copies this file, below the package clause, into each package it
// generates, and renders the example bodies of the documentation with it,
// so the docs show exactly the bytes the code sends. It depends on the
// standard library alone and its names are unexported, to fit any package.
package wire

import (
	"encoding/binary"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// plainByte[c] says that byte c stands for itself inside a JSON string, in
// what encoding/json writes and in what it reads: printable ASCII other
// than the quote and the backslash.
var plainByte = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainLen returns how many bytes at the start of b are plain, eight at a
// time while it can.
func plainLen(b []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		quote, backslash := x^(ones*'"'), x^(ones*'\\')
		// The high bit of some byte is set when a byte of x is below ' ',
		// is a quote or a backslash, or is not ASCII.
		if ((x-ones*' ')&^x|(quote-ones)&^quote|(backslash-ones)&^backslash|x)&highs != 0 {
			break
		}
	}
	for i < len(b) && plainByte[b[i]] {
		i++
	}
	return i
}

// appendJSONString appends s as a JSON string, as encoding/json writes it
// with HTML escaping off: invalid UTF-8 becomes \ufffd, and U+2028 and
// U+2029 are escaped so the body is also valid JavaScript.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := len(dst)
	return closeJSONString(append(dst, s...), start)
}

// closeJSONString makes the raw text dst holds from start on, just after
// an opening quote, the content of a JSON string, as appendJSONString
// writes it, and appends the closing quote. Text that needs no escapes,
// the common case, is left where it is; so a message can be rendered
// straight into dst.
func closeJSONString(dst []byte, start int) []byte {
	i := start + plainLen(dst[start:])
	if i == len(dst) {
		return append(dst, '"')
	}
	var buf [256]byte
	rest := append(buf[:0], dst[i:]...)
	return append(escapeJSON(dst[:i], rest), '"')
}

// escapeJSON appends s to dst, escaped for a JSON string.
func escapeJSON(dst, s []byte) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if plainByte[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
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
		r, size := utf8.DecodeRune(s[i:])
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
	return append(dst, s[start:]...)
}

// appendEnvelopeHead appends the HTTP error body {"<code>":code,"<message>":
// "message"} up to the opening quote of its message; the message, then
// closeJSONString and '}' end it. The prefixes hold the quoted field
// names: codePrefix is {"<code>": and messagePrefix is ,"<message>":.
func appendEnvelopeHead(dst []byte, codePrefix string, code int, messagePrefix string) []byte {
	dst = append(dst, codePrefix...)
	dst = strconv.AppendInt(dst, int64(code), 10)
	dst = append(dst, messagePrefix...)
	return append(dst, '"')
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
	set  bool // present and not null
	num  int  // the value, for jsonInt
	// For jsonString: where the value is in the input, quotes included
	// (offsets rather than a slice, so that the caller's members stay on
	// its stack), and whether it holds plain bytes only, which are then
	// the value.
	start, end int
	plain      bool
}

// text returns the value of a string member found in data: the bytes
// between its quotes when they need no decoding, else the value decoded
// into buf. It is nil when the member is not set.
func (m *jsonMember) text(data, buf []byte) []byte {
	switch {
	case !m.set:
		return nil
	case m.plain:
		return data[m.start+1 : m.end-1]
	}
	return unquoteJSON(buf, data[m.start:m.end])
}

// decodeJSONObject decodes data into the two members m, accepting exactly
// what json.Unmarshal accepts when decoding into a struct whose fields are
// *int or *string and named by m's keys: valid JSON, an object or null,
// keys matched case-insensitively and the last duplicate winning, null
// leaving a member unset, other members skipped. It returns false
// wherever json.Unmarshal returns an error. It does not allocate, except
// to match a key longer than 32 bytes that has escapes or is not ASCII.
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
	if empty, ok := d.enter('}'); empty || !ok {
		return ok
	}
	for {
		d.space()
		start := d.pos
		plain, ok := d.skipString()
		if !ok {
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
				if keyMatches(key, plain, d.m[i].key) {
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
		if done, ok := d.next('}'); done || !ok {
			return ok
		}
	}
}

// enter steps into the object or array at d.pos, which ends with the byte end,
// and reports whether it is empty, when it steps out again.
func (d *jsonDecoder) enter(end byte) (empty, ok bool) {
	if d.depth++; d.depth > jsonMaxDepth {
		return false, false
	}
	d.pos++
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == end {
		d.pos++
		d.depth--
		return true, true
	}
	return false, true
}

// next steps past the comma after a member or element, or past end, the
// byte that closes the object or array, and reports which it was.
func (d *jsonDecoder) next(end byte) (done, ok bool) {
	d.space()
	if d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ',':
			d.pos++
			return false, true
		case end:
			d.pos++
			d.depth--
			return true, true
		}
	}
	return false, false
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
		n, ok := parseJSONInt(d.data[start:d.pos])
		if !ok { // a fraction, an exponent or out of range
			return false
		}
		m.set, m.num = true, n
		return true
	default:
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			return false
		}
		plain, ok := d.skipString()
		if !ok {
			return false
		}
		m.set, m.start, m.end, m.plain = true, start, d.pos, plain
		return true
	}
}

// parseJSONInt returns the value of a JSON number that is an int, as
// json.Unmarshal decodes it into an int.
func parseJSONInt(b []byte) (int, bool) {
	digits := b
	if len(b) > 0 && b[0] == '-' {
		digits = b[1:]
	}
	if len(digits) == 0 || len(digits) > 18 {
		n, err := strconv.ParseInt(string(b), 10, strconv.IntSize)
		return int(n), err == nil
	}
	var n int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if len(digits) < len(b) {
		n = -n
	}
	return int(n), n == int64(int(n))
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
		_, ok := d.skipString()
		return ok
	case c == '-' || '0' <= c && c <= '9':
		return d.number()
	}
	return d.literal("true") || d.literal("false") || d.literal("null")
}

func (d *jsonDecoder) array() bool {
	if empty, ok := d.enter(']'); empty || !ok {
		return ok
	}
	for {
		d.space()
		if !d.value() {
			return false
		}
		if done, ok := d.next(']'); done || !ok {
			return ok
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
// holds no control characters, and reports whether it holds plain bytes
// only (see plainByte). Invalid UTF-8 is allowed, as encoding/json allows
// it.
func (d *jsonDecoder) skipString() (plain, ok bool) {
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return false, false
	}
	plain = true
	p := d.pos + 1
	for {
		p += plainLen(d.data[p:])
		if p >= len(d.data) {
			return false, false
		}
		switch c := d.data[p]; {
		case c == '"':
			d.pos = p + 1
			return plain, true
		case c < ' ':
			return false, false
		case c == '\\':
			plain = false
			p++
			if p >= len(d.data) {
				return false, false
			}
			switch d.data[p] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p++
			case 'u':
				if hex4(d.data[p+1:]) < 0 {
					return false, false
				}
				p += 5
			default:
				return false, false
			}
		default: // not ASCII
			plain = false
			p++
		}
	}
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
// how encoding/json matches keys to struct fields. plain says the key
// holds plain bytes only.
func keyMatches(quoted []byte, plain bool, want string) bool {
	raw := quoted[1 : len(quoted)-1]
	if !plain {
		var buf [64]byte
		return strings.EqualFold(string(unquoteJSON(buf[:0], quoted)), want)
	}
	if len(raw) != len(want) {
		return false
	}
	if string(raw) == want {
		return true
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
// invalid UTF-8 and unpaired surrogates become U+FFFD. It returns the
// bytes between the quotes when they need no decoding, else appends the
// value to dst.
func unquoteJSON(dst, quoted []byte) []byte {
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
		return s
	}
	b := dst
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
	return b
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

// The helpers below read params back out of a received message. Each takes
// and returns ok, so that the generated code for a template is a straight
// line that fails softly. Each parser also checks that the value it reads
// is rendered back as the very text it was read from, so that a message
// whose literal text and values all check out is the template rendered
// with those values, byte for byte.

// cutPrefix returns s without prefix, if s starts with it.
func cutPrefix(s []byte, prefix string, ok bool) ([]byte, bool) {
	if !ok || len(s) < len(prefix) || string(s[:len(prefix)]) != prefix {
		return nil, false
	}
	return s[len(prefix):], true
}

// cutSuffix returns s without suffix, if s ends with it.
func cutSuffix(s []byte, suffix string, ok bool) ([]byte, bool) {
	if !ok || len(s) < len(suffix) || string(s[len(s)-len(suffix):]) != suffix {
		return nil, false
	}
	return s[:len(s)-len(suffix)], true
}

// cutParam returns the text of s before the first sep, which is not
// empty, and the rest after it.
func cutParam(s []byte, sep string, ok bool) (value, rest []byte, _ bool) {
	if !ok {
		return nil, nil, false
	}
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i] == sep[0] && string(s[i:i+len(sep)]) == sep {
			return s[:i], s[i+len(sep):], true
		}
	}
	return nil, nil, false
}

// parseIntParam reads an int rendered by strconv.AppendInt in base.
func parseIntParam(s []byte, base int, ok bool) (int, bool) {
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(string(s), base, strconv.IntSize)
	var buf [64]byte
	return int(n), err == nil && string(strconv.AppendInt(buf[:0], n, base)) == string(s)
}

// parseFloatParam reads a float64 rendered by strconv.AppendFloat with
// format fmt and precision prec.
func parseFloatParam(s []byte, fmt byte, prec int, ok bool) (float64, bool) {
	if !ok {
		return 0, false
	}
	if fmt == 'f' {
		if f, ok := parseFixed(s, prec); ok {
			return f, true
		}
	}
	f, err := strconv.ParseFloat(string(s), 64)
	var buf [64]byte
	return f, err == nil && string(strconv.AppendFloat(buf[:0], f, fmt, prec, 64)) == string(s)
}

// parseFixed reads, without a round trip through strconv, the text that
// strconv.AppendFloat(b, f, 'f', prec, 64) writes for most f: an optional
// minus, digits without leading zeros, and a point and prec digits when
// prec > 0. It takes only values whose digits m, read as an integer, are
// below 2^52 with prec at most 15: then m and 10^prec are exact float64s,
// their quotient f is correctly rounded, and f is within half a unit of
// the last digit of m/10^prec, so AppendFloat writes s back exactly.
// Anything else it leaves to strconv.
func parseFixed(s []byte, prec int) (float64, bool) {
	if prec < 0 || prec > 15 {
		return 0, false
	}
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	whole := len(s) - prec
	if prec > 0 {
		whole--
		if whole < 1 || s[whole] != '.' {
			return 0, false
		}
	}
	if whole < 1 || whole > 1 && s[0] == '0' {
		return 0, false
	}
	var m uint64
	for i, c := range s {
		if i == whole {
			continue // the point
		}
		if c < '0' || c > '9' {
			return 0, false
		}
		m = m*10 + uint64(c-'0')
		if m >= 1<<52 {
			return 0, false
		}
	}
	f := float64(m) / pow10[prec]
	if neg {
		f = -f
	}
	return f, true
}

// appendFixed appends what strconv.AppendFloat(b, f, 'f', prec, 64)
// appends. When prec is at most 15 and f*10^prec below 2^52, the product
// is within f*10^prec*2^-53 of its exact value, so rounding it to an
// integer gives the digits strconv gives, unless it lies that close to a
// half; those values, and all others, are left to strconv.
func appendFixed(b []byte, f float64, prec int) []byte {
	if prec < 0 || prec > 15 {
		return strconv.AppendFloat(b, f, 'f', prec, 64)
	}
	m := math.Abs(f) * pow10[prec]
	if !(m < 1<<52) { // also NaN and the infinities
		return strconv.AppendFloat(b, f, 'f', prec, 64)
	}
	whole := math.Floor(m)
	half := m - whole - 0.5
	if margin := m * 0x1p-51; -margin <= half && half <= margin {
		return strconv.AppendFloat(b, f, 'f', prec, 64)
	}
	digits := uint64(whole)
	if half > 0 {
		digits++
	}
	if math.Signbit(f) {
		b = append(b, '-')
	}
	var buf [40]byte
	i := len(buf)
	for range prec {
		i--
		buf[i] = byte('0' + digits%10)
		digits /= 10
	}
	if prec > 0 {
		i--
		buf[i] = '.'
	}
	for {
		i--
		buf[i] = byte('0' + digits%10)
		digits /= 10
		if digits == 0 {
			break
		}
	}
	return append(b, buf[i:]...)
}

// pow10 holds the powers of ten parseFixed and appendFixed use, all exact.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// parseQuotedParam reads a string rendered by strconv.AppendQuote.
func parseQuotedParam(s []byte, ok bool) (string, bool) {
	if !ok {
		return "", false
	}
	u, err := strconv.Unquote(string(s))
	var buf [64]byte
	return u, err == nil && string(strconv.AppendQuote(buf[:0], u)) == string(s)
}
