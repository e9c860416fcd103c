package gen

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxSpecSize bounds the spec file. Real error tables are a few kilobytes;
// the bound keeps a mistaken or hostile input from tying up the YAML parser.
const MaxSpecSize = 8 << 20

// Parse reads a spec. filename is used only in positions. It checks the
// shape of the document (known fields, types, required fields) and reports
// every problem it finds; Build checks the meaning. When the YAML itself
// could be read, Parse returns the spec even with problems, holding the
// values that were read, so that Load can report Build's problems too.
func Parse(filename string, src []byte) (*Spec, error) {
	start := Pos{File: filename, Line: 1, Col: 1}
	var errs ErrorList
	switch {
	case len(src) > MaxSpecSize:
		errs.add(start, "spec is %d bytes; the limit is %d", len(src), MaxSpecSize)
	case !utf8.Valid(src):
		errs.add(invalidUTF8(filename, src), "spec is not valid UTF-8")
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}

	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(filename, src, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		errs.add(start, "spec is empty; it needs at least version, package and errors")
		return nil, errs.Err()
	}
	d := decoder{file: filename}
	spec := new(Spec)
	d.decode(doc.Content[0], reflect.ValueOf(spec).Elem())
	return spec, d.errs.Err()
}

func invalidUTF8(filename string, src []byte) Pos {
	pos := Pos{File: filename, Line: 1, Col: 1}
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			pos.Line, pos.Col = pos.Line+1, 1
		} else {
			pos.Col++
		}
		src = src[size:]
	}
	return pos
}

var digits = regexp.MustCompile(`^[-+]?[0-9]+$`)

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a yaml.v3 syntax error, which carries only a line, and
// often the wrong one, into a positioned Error. A tab in the indentation
// is the commonest cause; then an unclosed bracket or quote or a line
// indented wrongly, which findSyntaxError places. Else it keeps yaml.v3's
// line and message, at the line's first non-blank byte.
func yamlError(filename string, src []byte, err error) error {
	pos := Pos{File: filename, Line: 1, Col: 1}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	lines := bytes.Split(src, []byte("\n"))
	if pos.Line > len(lines) {
		pos.Line = len(lines)
	}
	// yaml.v3 reports a tab in indentation at the line before it, at times.
	for _, n := range []int{pos.Line, pos.Line + 1} {
		if n > len(lines) {
			break
		}
		line := lines[n-1]
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		if i := bytes.IndexByte(line[:indent], '\t'); i >= 0 {
			pos.Line, pos.Col = n, i+1
			return ErrorList{{Pos: pos, Msg: "invalid YAML: tab in indentation; YAML indents with spaces"}}
		}
	}
	if p := findSyntaxError(src); p != nil {
		pos.Line, pos.Col = p.line, p.col
		return ErrorList{{Pos: pos, Msg: "invalid YAML: " + p.msg}}
	}
	line := lines[pos.Line-1]
	pos.Col = len(line) - len(bytes.TrimLeft(line, " \t")) + 1
	return ErrorList{{Pos: pos, Msg: "invalid YAML: " + msg}}
}

// decoder walks a yaml.Node tree into the tagged Spec structs, collecting
// every problem instead of stopping at the first.
type decoder struct {
	file string
	errs ErrorList

	aliasReported bool // one alias problem says it for all
}

var (
	strType  = reflect.TypeFor[Str]()
	intType  = reflect.TypeFor[Int]()
	boolType = reflect.TypeFor[Bool]()
	posType  = reflect.TypeFor[Pos]()
	keysType = reflect.TypeFor[Keys]()
	missType = reflect.TypeFor[Misspellings]()

	pathType   = reflect.TypeFor[Path]()
	scalarType = reflect.TypeFor[Scalar]()
	constsType = reflect.TypeFor[Consts]()
)

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) decode(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.AliasNode {
		if !d.aliasReported {
			d.errs.add(d.pos(n), "YAML aliases (*%s) are not supported; write the values out", n.Value)
			d.aliasReported = true
		}
		return
	}
	switch v.Type() {
	case strType:
		// A plain date, such as api_version: 2024-06-01, is a timestamp to
		// YAML 1.1 and a string to YAML 1.2, JSON Schema and editors; where
		// a string is expected, it is the text as written.
		if n.Kind == yaml.ScalarNode && (n.Tag == "!!str" || n.Tag == "!!timestamp") {
			v.Set(reflect.ValueOf(Str{Value: n.Value, Pos: d.pos(n)}))
			return
		}
		d.errs.add(d.pos(n), "expected a string, got %s", describe(n))
	case intType:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
			i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
			if err != nil {
				d.errs.add(d.pos(n), "integer %s is out of range", n.Value)
				return
			}
			v.Set(reflect.ValueOf(Int{Value: i, Pos: d.pos(n)}))
			return
		}
		if n.Kind == yaml.ScalarNode && n.Tag == "!!float" && digits.MatchString(n.Value) {
			d.errs.add(d.pos(n), "integer %s is out of range", n.Value)
			return
		}
		d.errs.add(d.pos(n), "expected an integer, got %s", describe(n))
	case pathType:
		switch {
		case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
			v.Set(reflect.ValueOf(Path{Null: true, Pos: d.pos(n)}))
		case n.Kind == yaml.ScalarNode && n.Tag == "!!str":
			v.Set(reflect.ValueOf(Path{Value: n.Value, Pos: d.pos(n)}))
		default:
			d.errs.add(d.pos(n), "expected a member path or null, got %s", describe(n))
		}
	case scalarType:
		if sc, ok := d.scalar(n); ok {
			v.Set(reflect.ValueOf(sc))
			return
		}
		if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float" && digits.MatchString(n.Value)) {
			d.errs.add(d.pos(n), "integer %s is out of range", n.Value)
			return
		}
		d.errs.add(d.pos(n), "expected a string, number or boolean, got %s", describe(n))
	case constsType:
		if n.Kind != yaml.MappingNode {
			d.errs.add(d.pos(n), "expected a mapping of member paths to values, got %s", describe(n))
			return
		}
		var cs Consts
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			if key.Kind != yaml.ScalarNode || key.Tag != "!!str" {
				d.errs.add(d.pos(key), "expected a member path, got %s", describe(key))
				continue
			}
			sc, ok := d.scalar(val)
			if !ok {
				d.errs.add(d.pos(val), "expected a string, number or boolean, got %s", describe(val))
				continue
			}
			cs = append(cs, Const{Path: Str{Value: key.Value, Pos: d.pos(key)}, Value: sc})
		}
		v.Set(reflect.ValueOf(cs))
	case boolType:
		var b bool
		if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" && n.Decode(&b) == nil {
			v.Set(reflect.ValueOf(Bool{Value: b, Pos: d.pos(n)}))
			return
		}
		d.errs.add(d.pos(n), "expected true or false, got %s", describe(n))
	default:
		switch v.Kind() {
		case reflect.Slice:
			d.decodeList(n, v)
		case reflect.Struct:
			d.decodeMapping(n, v)
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
			d.decode(n, v.Elem())
		default:
			panic("gen: no decoder for " + v.Type().String())
		}
	}
}

// scalar reads a string, integer, float or boolean as YAML types it.
func (d *decoder) scalar(n *yaml.Node) (Scalar, bool) {
	if n.Kind != yaml.ScalarNode {
		return Scalar{}, false
	}
	sc := Scalar{Value: n.Value, Pos: d.pos(n)}
	switch n.Tag {
	case "!!str", "!!timestamp":
		sc.Kind = ScalarString
	case "!!int":
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil {
			return Scalar{}, false
		}
		sc.Kind, sc.Int, sc.Value = ScalarInt, i, strconv.FormatInt(i, 10)
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || digits.MatchString(n.Value) {
			return Scalar{}, false
		}
		sc.Kind, sc.Value = ScalarFloat, strconv.FormatFloat(f, 'g', -1, 64)
	case "!!bool":
		if n.Decode(&sc.Bool) != nil {
			return Scalar{}, false
		}
		sc.Kind, sc.Value = ScalarBool, strconv.FormatBool(sc.Bool)
	default:
		return Scalar{}, false
	}
	return sc, true
}

func (d *decoder) decodeList(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.SequenceNode {
		d.errs.add(d.pos(n), "expected a list, got %s", describe(n))
		return
	}
	list := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.decode(item, list.Index(i))
	}
	v.Set(list)
}

// shorthander is a struct that may be written as a plain string, which
// then sets the field it names.
type shorthander interface{ shorthand() string }

func (d *decoder) decodeMapping(n *yaml.Node, v reflect.Value) {
	fields := fieldsOf(v.Type())
	v.FieldByIndex(fields.pos).Set(reflect.ValueOf(d.pos(n)))
	if s, ok := v.Addr().Interface().(shorthander); ok && n.Kind == yaml.ScalarNode {
		d.decode(n, v.FieldByIndex(fields.byName[s.shorthand()].index))
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errs.add(d.pos(n), "expected a mapping, got %s", describe(n))
		return
	}
	seen := make(map[string]Pos, len(n.Content)/2)
	suggested := map[string]bool{}
	merged := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Tag == "!!merge" {
			d.errs.add(d.pos(key), "YAML merge keys (<<) are not supported; write the fields out")
			merged = true
			continue
		}
		if key.Kind != yaml.ScalarNode {
			d.errs.add(d.pos(key), "expected a field name, got %s", describe(key))
			continue
		}
		if first, dup := seen[key.Value]; dup {
			d.errs.add(d.pos(key), "duplicate field %q (first at %s)", key.Value, first.short())
			continue
		}
		seen[key.Value] = d.pos(key)
		if fields.keys != nil {
			keys := v.FieldByIndex(fields.keys)
			if keys.IsNil() {
				keys.Set(reflect.ValueOf(Keys{}))
			}
			keys.SetMapIndex(reflect.ValueOf(key.Value), reflect.ValueOf(d.pos(key)))
		}
		f, ok := fields.byName[key.Value]
		if !ok {
			msg := fmt.Sprintf("unknown field %q in %s", key.Value, fields.noun)
			if s := closest(key.Value, absent(fields.names, n)); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
				suggested[s] = true
				if fields.misspelled != nil {
					m := v.FieldByIndex(fields.misspelled)
					if m.IsNil() {
						m.Set(reflect.ValueOf(Misspellings{}))
					}
					m.SetMapIndex(reflect.ValueOf(s), reflect.ValueOf(d.pos(key)))
				}
			}
			d.errs.add(d.pos(key), "%s", msg)
			continue
		}
		d.decode(val, v.FieldByIndex(f.index))
	}
	for _, name := range fields.names {
		// A misspelling or a merge has been reported already.
		if _, ok := seen[name]; !ok && fields.byName[name].required && !suggested[name] && !merged {
			d.errs.add(d.pos(n), "%s is missing required field %q", fields.noun, name)
		}
	}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!str":
			return fmt.Sprintf("string %q", n.Value)
		case "!!int":
			return "integer " + n.Value
		case "!!float":
			return "number " + n.Value
		case "!!bool":
			return n.Value
		}
		return fmt.Sprintf("%s %q", strings.TrimPrefix(n.Tag, "!!"), n.Value)
	}
	return "an empty document"
}

// field is one tagged field of a spec struct.
type field struct {
	name     string
	index    []int
	required bool
	enum     []string
	doc      string
	typ      reflect.Type
}

type structFields struct {
	noun       string
	pos        []int
	keys       []int    // the Keys field, if any
	misspelled []int    // the Misspellings field, if any
	names      []string // in declaration order
	byName     map[string]*field
}

var fieldCache sync.Map // reflect.Type → *structFields

// nouns name each spec struct in messages.
var nouns = map[reflect.Type]string{
	reflect.TypeFor[Spec]():                 "spec",
	reflect.TypeFor[EnvelopeSpec]():         "envelope",
	reflect.TypeFor[ErrorSpec]():            "error",
	reflect.TypeFor[ParamSpec]():            "param",
	reflect.TypeFor[TableSpec]():            "table",
	reflect.TypeFor[ItemSpec]():             "item",
	reflect.TypeFor[PracticeSpec]():         "best practice",
	reflect.TypeFor[WebSocketSpec]():        "websocket",
	reflect.TypeFor[WebSocketMessageSpec](): "websocket message",
	reflect.TypeFor[SupportSpec]():          "support",
	reflect.TypeFor[ContactSpec]():          "contact",
	reflect.TypeFor[StatusTextSpec]():       "status text",
	reflect.TypeFor[FieldSpec]():            "field",
	reflect.TypeFor[TypeSpec]():             "type",
	reflect.TypeFor[HeaderSpec]():           "header",
	reflect.TypeFor[SSESpec]():              "sse",
}

func fieldsOf(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	fs := &structFields{noun: nouns[t], byName: map[string]*field{}}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Type == posType {
			fs.pos = sf.Index
			continue
		}
		if sf.Type == keysType {
			fs.keys = sf.Index
			continue
		}
		if sf.Type == missType {
			fs.misspelled = sf.Index
			continue
		}
		name, opts, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		f := &field{name: name, index: sf.Index, required: opts == "required", doc: sf.Tag.Get("doc"), typ: sf.Type}
		if e := sf.Tag.Get("enum"); e != "" {
			f.enum = strings.Split(e, ",")
		}
		fs.names = append(fs.names, name)
		fs.byName[name] = f
	}
	f, _ := fieldCache.LoadOrStore(t, fs)
	return f.(*structFields)
}

// closest returns the candidate nearest to s by edit distance, if it is
// near enough to be a likely misspelling.
func closest(s string, candidates []string) string {
	best, bestDist := "", 3
	if len(s) <= 4 {
		bestDist = 2
	}
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// absent returns the names that mapping n does not set: a misspelled
// field is more likely one that is missing than one already there.
func absent(names []string, n *yaml.Node) []string {
	set := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		set[n.Content[i].Value] = true
	}
	var out []string
	for _, name := range names {
		if !set[name] {
			out = append(out, name)
		}
	}
	return out
}
