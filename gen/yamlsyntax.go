package gen

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// yaml.v3 reports most syntax errors at the line where the enclosing block
// or flow collection began, counted from 0, instead of at the mistake
// (go-yaml issues #205 and #704): a list item indented one space too few
// on line 36 came out at 1:1, and a "[" never closed on line 22 at 21:5.
// So when yaml.v3 fails, findSyntaxError reads the lines the way a YAML
// parser does, only as far as it needs to place the commonest mistakes: a
// flow collection or a quoted string that is never closed, and a line
// whose indentation fits no block above it. It gives up, and leaves the
// message to yaml.v3, on anything it does not follow.

// syntaxProblem is a mistake found by findSyntaxError, at a 1-based line and
// column counted in characters, as yaml.v3 counts them.
type syntaxProblem struct {
	line, col int
	msg       string
}

// findSyntaxError returns the first mistake in src, which yaml.v3 could
// not read, or nil when it cannot tell where it is. A mistake found on
// line L is returned only if yaml.v3 agrees that the document goes wrong
// there: it reads the lines before L, and fails on the lines up to L.
func findSyntaxError(src []byte) *syntaxProblem {
	lines := bytes.SplitAfter(src, []byte("\n"))
	p := newSyntaxScanner(lines).scan()
	if p == nil || p.line < 1 || p.line > len(lines) {
		return nil
	}
	before := 0
	for _, l := range lines[:p.line-1] {
		before += len(l)
	}
	through := before + len(lines[p.line-1])
	if !parses(src[:before]) || parses(src[:through]) {
		return nil
	}
	return p
}

func parses(src []byte) bool {
	var doc yaml.Node
	return yaml.Unmarshal(src, &doc) == nil
}

// maxOpen bounds the flow collections open at once that the scanner
// follows, as yaml.v3 bounds their depth: it copies them on every line.
const maxOpen = 100

// opener is a flow collection, "[" or "{", or a string in double or
// single quotes, that a line opened and has not closed yet.
type opener struct {
	ch     byte
	line   int // 0-based
	col    int // 0-based, in bytes
	indent int // indentation of its line
}

// block is one level of block structure: a mapping whose keys, or a list
// whose "-" indicators, stand at column indent.
type block struct {
	indent int
	list   bool
	// compact marks a list at the same column as the key it is the value
	// of ("errors:" above "- name: ..."), which a key there ends.
	compact bool
}

type syntaxScanner struct {
	lines  [][]byte
	line   int      // the line being read, 0-based
	blocks []block  // enclosing blocks, outermost first
	open   []opener // unclosed flow collections, and a quoted string last

	// flowStart is true where a flow collection expects a new value, the
	// only place a quote opens a string there.
	flowStart bool

	// After "key:" or "-" with nothing after them, the value is on the
	// lines below, which are indented more than ownerCol (or, for a list
	// that is the value of a key, as much).
	pending  bool
	ownerCol int
	ownerKey bool

	plainCol int // lines indented more than this continue a plain scalar; -1 for none

	// A block scalar's text is on the lines indented more than textCol,
	// as much as its first line, textIndent, or more. -1 for none.
	textCol, textIndent int
}

func newSyntaxScanner(lines [][]byte) *syntaxScanner {
	return &syntaxScanner{lines: lines, plainCol: -1, textCol: -1, textIndent: -1}
}

// scan returns the first problem it finds, or nil.
func (s *syntaxScanner) scan() *syntaxProblem {
	for s.line = 0; s.line < len(s.lines); s.line++ {
		text := bytes.TrimRight(s.lines[s.line], "\r\n")
		indent := len(text) - len(bytes.TrimLeft(text, " "))
		rest := text[indent:]
		blank := len(bytes.TrimLeft(rest, " \t")) == 0

		if s.textCol >= 0 {
			if s.textIndent < 0 && !blank && indent > s.textCol {
				s.textIndent = indent
			}
			if blank || (s.textIndent >= 0 && indent >= s.textIndent) {
				continue
			}
			s.textCol, s.textIndent = -1, -1
		}
		if len(s.open) > 0 {
			if blank {
				continue
			}
			if p, stop := s.continueOpen(text, indent, rest); p != nil || stop {
				return p
			}
			continue
		}
		if blank || rest[0] == '#' {
			continue
		}
		if rest[0] == '\t' {
			return nil // a tab in the indentation, which yamlError reports itself
		}
		if p, ok := s.blockLine(text, indent, rest); p != nil || !ok {
			return p
		}
	}
	if len(s.open) > 0 {
		return s.neverClosed(s.open[len(s.open)-1])
	}
	return nil
}

// continueOpen reads a line inside a flow collection or quoted string that
// an earlier line opened. YAML does not care how such lines are indented,
// but one that starts a list item or a field at the indentation of the
// opening line or less, and does not close what is open, is almost
// certainly the next entry of the block, after a closing bracket or quote
// that was forgotten.
func (s *syntaxScanner) continueOpen(text []byte, indent int, rest []byte) (p *syntaxProblem, stop bool) {
	before := append([]opener(nil), s.open...)
	if p, ok := s.inline(text, indent); p != nil || !ok {
		return p, true
	}
	if indent > before[0].indent || !startsBlock(rest) {
		return nil, false
	}
	still := 0
	for still < len(before) && still < len(s.open) && s.open[still] == before[still] {
		still++
	}
	if still == 0 {
		return nil, false // closed on this line after all
	}
	return s.neverClosed(before[still-1]), true
}

func (s *syntaxScanner) neverClosed(o opener) *syntaxProblem {
	p := &syntaxProblem{line: o.line + 1, col: column(s.lines[o.line], o.col)}
	switch o.ch {
	case '"':
		p.msg = "double-quoted string is never closed"
	case '\'':
		p.msg = "single-quoted string is never closed"
	default:
		p.msg = fmt.Sprintf("%q is never closed", string(o.ch))
	}
	return p
}

// blockLine reads a line of block structure. It returns ok false when it
// meets something it does not follow.
func (s *syntaxScanner) blockLine(text []byte, indent int, rest []byte) (p *syntaxProblem, ok bool) {
	if s.plainCol >= 0 && indent > s.plainCol && !hasMappingColon(rest) {
		return nil, true // the plain scalar above goes on
	}
	s.plainCol = -1
	if bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("...")) || rest[0] == '%' {
		// A document marker or directive: fine before the document.
		return nil, len(s.blocks) == 0 && !s.pending
	}
	list := isListItem(rest)
	key := !list && looksLikeKey(rest)

	var owner *block // a key above with no value, which a list may be
	if s.pending {
		s.pending = false
		if list && s.ownerKey {
			owner = &block{indent: s.ownerCol, list: true}
		}
		if indent > s.ownerCol || (indent == s.ownerCol && list && s.ownerKey) {
			if !list && !key {
				return s.value(text, indent, s.ownerCol, false)
			}
			s.blocks = append(s.blocks, block{indent: indent, list: list, compact: indent == s.ownerCol})
			return s.entry(text, indent, list)
		}
		// Else the key above has no value, and this line is its sibling.
	}
	if !list && !key {
		return nil, false
	}
	var popped []block
	for len(s.blocks) > 0 && s.blocks[len(s.blocks)-1].indent > indent {
		popped = append(popped, s.blocks[len(s.blocks)-1])
		s.blocks = s.blocks[:len(s.blocks)-1]
	}
	if n := len(s.blocks); key && n > 0 && s.blocks[n-1].compact && s.blocks[n-1].indent == indent {
		s.blocks = s.blocks[:n-1] // a key at its column ends a compact list
	}
	switch n := len(s.blocks); {
	case n == 0 && len(popped) == 0:
		s.blocks = append(s.blocks, block{indent: indent, list: list}) // the document's top block
	case n > 0 && s.blocks[n-1].indent == indent && s.blocks[n-1].list == list:
	default:
		return s.misindented(indent, list, append(popped, s.blocks...), owner), false
	}
	return s.entry(text, indent, list)
}

// misindented explains a list item or field at a column where no block
// of its kind is: it names the nearest such block, deeper on a tie. owner,
// if not nil, is the key on the line above, whose value the line may be.
func (s *syntaxScanner) misindented(indent int, list bool, blocks []block, owner *block) *syntaxProblem {
	if owner != nil {
		blocks = append(blocks, *owner)
	}
	best, what := -1, ""
	for i, b := range blocks {
		if b.list != list || b.indent == indent {
			continue
		}
		d, bd := abs(b.indent-indent), abs(best-indent)
		if best < 0 || d < bd || (d == bd && b.indent > best) {
			best, what = b.indent, "list item"
			if !list || (owner != nil && i == len(blocks)-1) {
				what = "field"
			}
		}
	}
	if best < 0 {
		return nil
	}
	dir := "more"
	if best > indent {
		dir = "less"
	}
	spaces := fmt.Sprintf("%d spaces", indent)
	if indent == 1 {
		spaces = "1 space"
	}
	return &syntaxProblem{
		line: s.line + 1,
		col:  indent + 1,
		msg:  fmt.Sprintf("this line is indented %s than the %s above it (%s, not %d)", dir, what, spaces, best),
	}
}

// entry reads a list item or field that starts at byte col of text, once
// its block is known, and whatever follows it on the line.
func (s *syntaxScanner) entry(text []byte, col int, list bool) (p *syntaxProblem, ok bool) {
	for list {
		// "- " and maybe another "- ", a field or a value after it.
		dash := col
		col = skipSpaces(text, col+1)
		rest := text[col:]
		switch {
		case len(rest) == 0 || rest[0] == '#':
			s.pending, s.ownerCol, s.ownerKey = true, dash, false
			return nil, true
		case isListItem(rest):
			s.blocks = append(s.blocks, block{indent: col, list: true})
		case looksLikeKey(rest):
			s.blocks = append(s.blocks, block{indent: col})
			list = false
		default:
			return s.value(text, col, dash, false)
		}
	}
	end := keyEnd(text[col:])
	if end < 0 {
		return nil, false
	}
	return s.value(text, col+end+1, col, true)
}

// value reads the value that starts at or after byte col of text, owned
// by a key or "-" at ownerCol.
func (s *syntaxScanner) value(text []byte, col, ownerCol int, ownerKey bool) (p *syntaxProblem, ok bool) {
	col = skipSpaces(text, col)
	// Anchors and tags come before the value they name.
	for col < len(text) && (text[col] == '&' || text[col] == '!') {
		for col < len(text) && text[col] != ' ' {
			col++
		}
		col = skipSpaces(text, col)
	}
	if col >= len(text) || text[col] == '#' {
		s.pending, s.ownerCol, s.ownerKey = true, ownerCol, ownerKey
		return nil, true
	}
	switch text[col] {
	case '|', '>':
		s.textCol = ownerCol
	case '"', '\'', '[', '{':
		return s.inline(text, col)
	case '*':
	default:
		s.plainCol = ownerCol
	}
	return nil, true
}

// inline reads a flow collection or quoted string from byte col of text
// to where it closes or the line ends, keeping what is still open in
// s.open. It returns a problem for a closing bracket that does not match,
// and ok false where it cannot follow.
func (s *syntaxScanner) inline(text []byte, col int) (p *syntaxProblem, ok bool) {
	if len(s.open) == 0 {
		s.flowStart = true
	}
	for i := col; i < len(text); i++ {
		c := text[i]
		if n := len(s.open); n > 0 && (s.open[n-1].ch == '"' || s.open[n-1].ch == '\'') {
			switch {
			case c == '\\' && s.open[n-1].ch == '"':
				i++
			case c == '\'' && s.open[n-1].ch == '\'' && i+1 < len(text) && text[i+1] == '\'':
				i++
			case c == s.open[n-1].ch:
				s.open = s.open[:n-1]
				s.flowStart = false
				if len(s.open) == 0 {
					return nil, true
				}
			}
			continue
		}
		switch c {
		case ' ', '\t':
		case '#':
			if i == 0 || text[i-1] == ' ' || text[i-1] == '\t' {
				return nil, true // a comment
			}
			s.flowStart = false
		case '[', '{', '"', '\'':
			if (c == '"' || c == '\'') && !s.flowStart {
				continue // inside a plain scalar
			}
			if len(s.open) == maxOpen {
				return nil, false
			}
			indent := len(text) - len(bytes.TrimLeft(text, " "))
			s.open = append(s.open, opener{ch: c, line: s.line, col: i, indent: indent})
			s.flowStart = c == '[' || c == '{'
		case ']', '}':
			n := len(s.open)
			if n == 0 {
				return nil, false
			}
			if o := s.open[n-1]; closer(o.ch) != c {
				return &syntaxProblem{
					line: s.line + 1,
					col:  column(text, i),
					msg:  fmt.Sprintf("%q at %d:%d is closed with %q", string(o.ch), o.line+1, column(s.lines[o.line], o.col), string(c)),
				}, false
			}
			s.open = s.open[:n-1]
			s.flowStart = false
			if len(s.open) == 0 {
				return nil, true
			}
		case ',':
			s.flowStart = true
		case ':':
			if i+1 == len(text) || bytes.IndexByte([]byte(" \t,]}"), text[i+1]) >= 0 {
				s.flowStart = true
			} else {
				s.flowStart = false
			}
		default:
			s.flowStart = false
		}
	}
	return nil, true
}

func closer(open byte) byte {
	if open == '[' {
		return ']'
	}
	return '}'
}

// hasMappingColon reports whether b holds a ":" followed by a space or
// the end of the line before any comment: a line that holds one cannot
// go on a plain scalar from the line above.
func hasMappingColon(b []byte) bool {
	for i, c := range b {
		switch {
		case c == ':' && (i+1 == len(b) || b[i+1] == ' ' || b[i+1] == '\t'):
			return true
		case c == '#' && i > 0 && (b[i-1] == ' ' || b[i-1] == '\t'):
			return false
		}
	}
	return false
}

// isListItem reports whether b starts with a "-" indicator.
func isListItem(b []byte) bool {
	return len(b) > 0 && b[0] == '-' && (len(b) == 1 || b[1] == ' ' || b[1] == '\t')
}

// startsBlock reports whether b starts as a list item or field would.
func startsBlock(b []byte) bool { return isListItem(b) || looksLikeKey(b) }

// looksLikeKey reports whether b starts with a key and its ":".
func looksLikeKey(b []byte) bool { return keyEnd(b) >= 0 }

// keyEnd returns the index in b of the ":" after a key that b starts
// with, or -1. The key is a plain scalar, or a quoted one closed on the
// line.
func keyEnd(b []byte) int {
	if len(b) == 0 {
		return -1
	}
	i := 0
	switch b[0] {
	case '"', '\'':
		for i = 1; i < len(b) && b[i] != b[0]; i++ {
			if b[0] == '"' && b[i] == '\\' {
				i++
			}
		}
		if i >= len(b) {
			return -1
		}
		i++
		for i < len(b) && b[i] == ' ' {
			i++
		}
		if i < len(b) && b[i] == ':' && (i+1 == len(b) || b[i+1] == ' ' || b[i+1] == '\t') {
			return i
		}
		return -1
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`', ' ', '\t':
		if b[0] != '-' && b[0] != '?' && b[0] != ':' || len(b) < 2 || b[1] == ' ' || b[1] == '\t' {
			return -1
		}
	}
	for ; i < len(b); i++ {
		switch {
		case b[i] == ':' && (i+1 == len(b) || b[i+1] == ' ' || b[i+1] == '\t'):
			return i
		case b[i] == '#' && i > 0 && (b[i-1] == ' ' || b[i-1] == '\t'):
			return -1
		}
	}
	return -1
}

func skipSpaces(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

// column is the 1-based column, in characters, of byte i of line.
func column(line []byte, i int) int {
	return utf8.RuneCount(line[:min(i, len(line))]) + 1
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
