// Package wire is the runtime code every generated package carries: errgen
// copies this file (the JSON codec), retry.go (the retry policy) and
// header.go, below their package clauses, into each package it generates,
// keeping the declarations the package uses and the exported API of
// retry.go; api.go stands in for what the generated code declares. errgen
// also renders the example bodies of the documentation with this file, so
// the docs show exactly the bytes the code sends. It depends on the
// standard library alone, and but for the retry API its names are
// unexported, to fit any package.
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

// appendJSONInt appends n as encoding/json writes an int.
func appendJSONInt(dst []byte, n int) []byte {
	return strconv.AppendInt(dst, int64(n), 10)
}

// appendJSONBool appends b as encoding/json writes a bool.
func appendJSONBool(dst []byte, b bool) []byte {
	return strconv.AppendBool(dst, b)
}

// appendJSONFloat appends f as encoding/json writes a float64: the
// shortest decimal that reads back as f, in 'f' format, but in 'e' format
// below 1e-6 and from 1e21 on, as JavaScript writes numbers, and with the
// exponent's leading zero dropped (1e-07 becomes 1e-7). encoding/json
// refuses NaN and the infinities, and an error body must still go out, so
// they are written as null, as JavaScript's JSON.stringify writes them;
// decodeJSON reads that null as a float member that is not set.
func appendJSONFloat(dst []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(dst, "null"...)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if n := len(dst); format == 'e' && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
		dst[n-2] = dst[n-1]
		dst = dst[:n-1]
	}
	return dst
}

// appendJSONStrings appends ss as encoding/json writes a []string: null
// for a nil slice and [] for an empty one, which decodeJSONStrings tells
// apart again.
func appendJSONStrings(dst []byte, ss []string) []byte {
	if ss == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s)
	}
	return append(dst, ']')
}

// jsonMaxDepth is how deeply encoding/json lets arrays and objects nest.
const jsonMaxDepth = 10000

// jsonKind is the Go type a wanted member decodes into: decodeJSON treats
// each member as json.Unmarshal treats a struct field of the pointer type
// named here.
type jsonKind uint8

const (
	jsonInt    jsonKind = iota // *int
	jsonString                 // *string
	jsonFloat                  // *float64
	jsonBool                   // *bool
	// jsonRaw is any value, kept as its bytes: *json.RawMessage.
	jsonRaw
	// jsonArray is an array, kept as its bytes like jsonRaw, for
	// nextJSONElement or decodeJSONStrings to walk: *[]json.RawMessage.
	// Any other value is of the wrong kind, as it is for a *[]T field.
	// Walking the last array gives what json.Unmarshal gives for a *[]T
	// field, except where the key comes twice: json.Unmarshal decodes the
	// later array into the elements of the earlier one, so that a null
	// element keeps the earlier string, and objects merge.
	jsonArray
	// jsonObject is an object, whose wanted members are the members that
	// name it as their parent: a pointer to a struct.
	jsonObject
)

// jsonMember is one member that decodeJSON looks for, and what it found.
// A caller lists its members flat, as an array on its stack: an object
// member comes before its own members, which give its index as their
// parent. The order of siblings, the members of one object, is that of
// the fields of the struct the list stands for: a key that equals several
// of them under case folding goes to the first, as encoding/json gives it
// to the first field.
type jsonMember struct {
	key  string
	kind jsonKind
	// parent is the index of the jsonObject member this member is in,
	// or -1 for a member of the top-level object. Its zero value names
	// the first member, so top-level members must say -1.
	parent int

	set bool // a value was decoded, and no null came after it
	// bad says that a value of the wrong kind came for this member, for
	// which json.Unmarshal returns an *json.UnmarshalTypeError and goes
	// on. That value sets nothing: set and the value stay as the
	// member's earlier occurrences left them, as encoding/json leaves
	// the field. bad stays until the next call of decodeJSON.
	bad bool

	num     int     // the value, for jsonInt
	float   float64 // the value, for jsonFloat
	boolean bool    // the value, for jsonBool
	// For jsonString, jsonRaw and jsonArray: where the value is in the
	// input, quotes included (offsets rather than a slice, so that the
	// caller's members stay on its stack); and, for jsonString, whether
	// it holds plain bytes only, which are then the value.
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

// raw returns the bytes of a jsonRaw or jsonArray member's value in data,
// or nil when the member is not set.
func (m *jsonMember) raw(data []byte) []byte {
	if !m.set {
		return nil
	}
	return data[m.start:m.end]
}

// jsonResult is what decodeJSON made of its input, in terms of what
// json.Unmarshal returns for it into a struct.
type jsonResult uint8

const (
	// jsonMalformed is input that is not JSON, or JSON followed by more
	// than white space: json.Unmarshal returns a *json.SyntaxError.
	// Nothing is set.
	jsonMalformed jsonResult = iota
	// jsonNotObject is valid JSON that is an array, a string, a number
	// or a boolean: json.Unmarshal returns an *json.UnmarshalTypeError.
	// Nothing is set. Callers that only want an object treat it as they
	// treat jsonMalformed; it is told apart because a body that is JSON,
	// but not the expected object, says something about the server.
	jsonNotObject
	// jsonDecoded is an object, decoded into the members, or null,
	// which sets none. json.Unmarshal returns nil, unless some member is
	// bad.
	jsonDecoded
)

// decodeJSON decodes data into the members m as json.Unmarshal decodes it
// into a struct of pointer fields named by m's keys (see jsonKind), and
// accepts exactly the JSON encoding/json accepts, nested no deeper than it
// allows. Like encoding/json, it
//   - matches a key to the sibling whose key it is exactly, else to the
//     first one it equals under Unicode case folding, and skips the rest;
//   - lets the last of duplicated keys win, except that an object decodes
//     into its members as they are, without clearing them;
//   - unsets a member on null, and for an object all the members within
//     it, as json.Unmarshal sets the pointer to nil;
//   - goes on after a value of the wrong kind, which json.Unmarshal
//     reports with an UnmarshalTypeError: that value sets nothing, and
//     makes the member bad.
//
// decodeJSON first clears what m holds from an earlier call, so one list
// serves every element of a list of objects; on any result other than
// jsonDecoded, nothing is set. It does not allocate, except to match a
// key longer than 32 bytes that has escapes or is not ASCII, and to read
// a number longer than 32 bytes or out of range.
func decodeJSON(data []byte, m []jsonMember) jsonResult {
	clearMembers(m)
	d := jsonDecoder{data: data, m: m}
	d.space()
	result, ok := jsonDecoded, true
	switch {
	case d.literal("null"):
	case d.pos < len(d.data) && d.data[d.pos] == '{':
		ok = d.object(-1)
	default:
		result, ok = jsonNotObject, d.value()
	}
	d.space()
	if !ok || d.pos != len(d.data) {
		result = jsonMalformed
	}
	if result != jsonDecoded {
		clearMembers(m)
	}
	return result
}

func clearMembers(m []jsonMember) {
	for i := range m {
		m[i].set, m[i].bad = false, false
	}
}

// decodeJSONObject decodes data into two top-level members, whatever
// their parent says, and reports whether json.Unmarshal would return nil;
// so, unlike decodeJSON, it fails on a value of the wrong kind. The
// WebSocket error message, whose two members must both be strings, is
// read with it.
func decodeJSONObject(data []byte, m *[2]jsonMember) bool {
	m[0].parent, m[1].parent = -1, -1
	return decodeJSON(data, m[:]) == jsonDecoded && !m[0].bad && !m[1].bad
}

// nextJSONElement finds the elements of the JSON array that raw holds,
// one per call and without allocating: call it first with pos 0, then
// with the end it returned, while ok. raw[start:end] is the element, such
// as an object of a list, for decodeJSON. raw is meant to be the bytes of
// a jsonArray member, which decodeJSON has checked; ok is false at the end
// of the array, and, early, for bytes that are not an array or not JSON.
func nextJSONElement(raw []byte, pos int) (start, end int, ok bool) {
	if pos < 0 || pos > len(raw) {
		return 0, 0, false
	}
	// The array is at depth 1, as if it were the top-level value, so the
	// elements of any array decodeJSON took are within the limit.
	d := jsonDecoder{data: raw, pos: pos, depth: 1}
	d.space()
	if d.pos >= len(d.data) {
		return 0, 0, false
	}
	// pos is either at the opening bracket or after an element, where
	// only a comma or the closing bracket can follow.
	switch d.data[d.pos] {
	case '[':
		d.pos++
		d.space()
		if d.pos < len(d.data) && d.data[d.pos] == ']' {
			return 0, 0, false
		}
	case ',':
		d.pos++
		d.space()
	default:
		return 0, 0, false
	}
	start = d.pos
	if !d.value() {
		return 0, 0, false
	}
	return start, d.pos, true
}

// decodeJSONStrings appends the strings of the JSON array raw, such as a
// jsonArray member's bytes, to dst, as json.Unmarshal decodes an array
// into a nil []string: null appends nothing, leaving a nil dst nil; an
// array, even empty, gives a dst that is not nil; an element that is null
// or of the wrong kind appends "", the zero value json.Unmarshal leaves
// there. It reports false where json.Unmarshal returns an error: for an
// element that is neither a string nor null, for raw that is neither an
// array nor null, and for raw that is not JSON, when it returns dst as it
// was. Each string it appends is allocated; nothing else is, when dst
// has room.
func decodeJSONStrings(dst []string, raw []byte) ([]string, bool) {
	d := jsonDecoder{data: raw}
	d.space()
	decoded, valid, wellTyped := dst, true, true
	switch {
	case d.literal("null"):
	case d.pos < len(d.data) && d.data[d.pos] == '[':
		decoded, valid, wellTyped = d.stringArray(dst)
	default:
		valid, wellTyped = d.value(), false
	}
	d.space()
	if !valid || d.pos != len(d.data) {
		return dst, false
	}
	return decoded, wellTyped
}

// jsonDecoder walks data once, checking that it is JSON as encoding/json
// checks it, and decodes the members m that are wanted on the way.
type jsonDecoder struct {
	data  []byte
	pos   int
	depth int
	m     []jsonMember
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

// unwanted stands, as a parent index, for an object in which no member is
// wanted: one that is only checked and skipped.
const unwanted = -2

// object decodes the object at d.pos into the members whose parent is
// parent: -1 for the top-level object, or unwanted.
func (d *jsonDecoder) object(parent int) bool {
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
		i := -1
		if parent != unwanted {
			i = d.find(parent, key, plain)
		}
		if i < 0 {
			ok = d.value()
		} else {
			ok = d.member(i)
		}
		if !ok {
			return false
		}
		if done, ok := d.next('}'); done || !ok {
			return ok
		}
	}
}

// find returns the index of the member of parent that a quoted key, as it
// appears in the input, names, or -1. Like encoding/json, it prefers the
// member whose key is the key exactly, and else takes the first that
// equals it under case folding. plain says the key holds plain bytes only.
func (d *jsonDecoder) find(parent int, quoted []byte, plain bool) int {
	key := quoted[1 : len(quoted)-1]
	var buf [64]byte
	if !plain {
		key = unquoteJSON(buf[:0], quoted)
	}
	// The exact key first, as bodies almost always spell it; folding,
	// which costs more, only when no sibling has it.
	for i := parent + 1; i < len(d.m); i++ {
		if d.m[i].parent == parent && string(key) == d.m[i].key {
			return i
		}
	}
	for i := parent + 1; i < len(d.m); i++ {
		if d.m[i].parent == parent && equalFold(key, d.m[i].key) {
			return i
		}
	}
	return -1
}

// member decodes the value of the wanted member m[i].
func (d *jsonDecoder) member(i int) bool {
	m := &d.m[i]
	if d.literal("null") {
		d.unset(i)
		return true
	}
	if d.pos >= len(d.data) {
		return false
	}
	start, c := d.pos, d.data[d.pos]
	switch {
	case m.kind == jsonObject && c == '{':
		m.set = true // before its members, as json.Unmarshal allocates the struct first
		return d.object(i)
	case m.kind == jsonString && c == '"':
		plain, ok := d.skipString()
		if ok {
			m.set, m.start, m.end, m.plain = true, start, d.pos, plain
		}
		return ok
	case m.kind == jsonRaw, m.kind == jsonArray && c == '[':
		if !d.value() {
			return false
		}
		m.set, m.start, m.end = true, start, d.pos
		return true
	case m.kind == jsonBool && (c == 't' || c == 'f'):
		if !d.literal("true") && !d.literal("false") {
			return false
		}
		m.set, m.boolean = true, c == 't'
		return true
	case (m.kind == jsonInt || m.kind == jsonFloat) && (c == '-' || '0' <= c && c <= '9'):
		if !d.number() {
			return false
		}
		// A fraction or an exponent for an int, or a number out of
		// range, is of the wrong kind.
		if m.kind == jsonInt {
			if n, ok := parseJSONInt(d.data[start:d.pos]); ok {
				m.set, m.num = true, n
			} else {
				m.bad = true
			}
		} else {
			if f, err := strconv.ParseFloat(string(d.data[start:d.pos]), 64); err == nil {
				m.set, m.float = true, f
			} else {
				m.bad = true
			}
		}
		return true
	}
	m.bad = true
	return d.value()
}

// unset handles null for member i: json.Unmarshal sets the pointer to
// nil, so an object's members, at any depth, are gone with it, and a later
// object for the same key starts from none.
func (d *jsonDecoder) unset(i int) {
	d.m[i].set = false
	if d.m[i].kind != jsonObject {
		return
	}
	for j := i + 1; j < len(d.m); j++ {
		if d.within(j, i) {
			d.m[j].set = false
		}
	}
}

// within reports whether member j is inside object member i, at any
// depth, for i < j. Each step up must lead to an earlier member, so that
// a parent index that breaks the rule cannot loop.
func (d *jsonDecoder) within(j, i int) bool {
	p := d.m[j].parent
	for i < p && p < j {
		j, p = p, d.m[p].parent
	}
	return p == i
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
		return d.object(unwanted)
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

// stringArray decodes the array at d.pos for decodeJSONStrings, appending
// its strings to dst, and reports whether the array is valid JSON and
// whether its elements were all strings or null.
func (d *jsonDecoder) stringArray(dst []string) (_ []string, valid, wellTyped bool) {
	if dst == nil {
		dst = []string{}
	}
	wellTyped = true
	if empty, ok := d.enter(']'); empty || !ok {
		return dst, ok, wellTyped
	}
	for {
		d.space()
		start := d.pos
		switch {
		case d.pos < len(d.data) && d.data[d.pos] == '"':
			if _, ok := d.skipString(); !ok {
				return dst, false, false
			}
			var buf [256]byte
			dst = append(dst, string(unquoteJSON(buf[:0], d.data[start:d.pos])))
		case d.literal("null"):
			dst = append(dst, "")
		default:
			if !d.value() {
				return dst, false, false
			}
			wellTyped = false
			dst = append(dst, "")
		}
		if done, ok := d.next(']'); done || !ok {
			return dst, ok, wellTyped
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

// equalFold reports whether a key, unquoted, equals want under Unicode
// simple case folding, which is how encoding/json matches keys to fields:
// the Kelvin sign K matches k, and the long s ſ matches s. ASCII, the
// common case, is compared here; from the first byte that is not ASCII
// on, strings.EqualFold compares the rest.
func equalFold(key []byte, want string) bool {
	n := min(len(key), len(want))
	for i := 0; i < n; i++ {
		c, w := key[i], want[i]
		if c|w >= utf8.RuneSelf {
			return strings.EqualFold(string(key[i:]), want[i:])
		}
		if c != w && (c|0x20 != w|0x20 || c|0x20 < 'a' || 'z' < c|0x20) {
			return false
		}
	}
	return len(key) == len(want)
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
