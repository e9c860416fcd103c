package gen

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a spec file, copied from the YAML node it came from.
type Pos struct {
	File      string
	Line, Col int
}

// IsValid reports whether p points into a file.
func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) String() string {
	if !p.IsValid() {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// short prints p without its file name, for pointing at a second place in
// the same file.
func (p Pos) short() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

func (p Pos) before(q Pos) bool {
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Error is one problem in a spec, at the place that has to change.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is every problem found in a spec, in file order.
type ErrorList []*Error

func (l *ErrorList) add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by position; problems at the same place keep the
// order in which they were found.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool { return l[i].Pos.before(l[j].Pos) })
}

// MaxErrors bounds the problems Load reports for one spec: past it, the
// rest are summed up in one line at the first of them.
const MaxErrors = 50

// Err returns nil for an empty list, else the list itself as a sorted
// error.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// cut sorts l and cuts it to MaxErrors problems and a line that counts
// the rest. Only Load cuts, once, after joining Parse's problems and
// Build's, so that the count is of them all.
func (l ErrorList) cut() ErrorList {
	l.Sort()
	if len(l) <= MaxErrors {
		return l
	}
	rest := len(l) - MaxErrors
	return append(l[:MaxErrors:MaxErrors], &Error{Pos: l[MaxErrors].Pos, Msg: count(rest, "more problem") + " not shown; fix these first"})
}

// Error prints one problem per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// count is n and the noun, in the plural unless n is 1: "1 cell", "2 cells".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
