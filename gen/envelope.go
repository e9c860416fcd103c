package gen

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// memberKey is one key of a member path. Keys are written into generated
// code unescaped, so they are plain ASCII.
var memberKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// members builds the envelope's member tree: every member path of the
// envelope and of the errors' fields, each object on the way created once.
type members struct {
	b      *builder
	env    *Envelope
	byPath map[string]*Member // by lower-cased path: keys match without regard to case
	pos    map[*Member]Pos
}

// add returns the member at path, creating it and the objects on the way.
// what names the member in messages. It reports a path that is not made
// of plain keys, or that another member uses as an object or as a value.
func (ms *members) add(path Str, kind MemberKind, what string) *Member {
	keys := strings.Split(path.Value, ".")
	for _, k := range keys {
		if !memberKey.MatchString(k) {
			ms.b.errs.add(path.Pos, "%s path %q: each key must be letters, digits, '_' or '-', starting with a letter or '_', and keys are joined by '.'", what, path.Value)
			return nil
		}
	}
	var parent *Member
	for i := range keys {
		lower := strings.ToLower(strings.Join(keys[:i+1], "."))
		m, ok := ms.byPath[lower]
		last := i == len(keys)-1
		switch {
		case !ok:
			m = &Member{Path: keys[: i+1 : i+1], Name: strings.Join(keys[:i+1], "."), Kind: KindObject, Parent: parent, Index: len(ms.env.Members)}
			if last {
				m.Kind = kind
			}
			ms.byPath[lower] = m
			ms.pos[m] = path.Pos
			ms.env.Members = append(ms.env.Members, m)
		case last || m.Kind != KindObject:
			first := ms.pos[m]
			ms.b.errs.add(path.Pos, "%s path %q takes member %q, already used at %s; JSON keys match without regard to case", what, path.Value, m.Name, first.short())
			return nil
		}
		parent = m
	}
	return parent
}

// envelope resolves the envelope's members into env. The errors' own
// fields join the same tree later (b.members), so that the decoder looks
// for every member of the body at once.
func (b *builder) envelope(env *Envelope, s EnvelopeSpec, errs []ErrorSpec) {
	env.Description = s.Description.Value
	ms := &members{b: b, env: env, byPath: map[string]*Member{}, pos: map[*Member]Pos{}}
	b.members = ms
	for _, c := range s.Const {
		if m := ms.add(c.Path, constKind(c.Value.Kind), "const"); m != nil {
			m.Const = constLiteral(c.Value)
			env.Consts = append(env.Consts, m)
		}
	}
	env.ContentType = "application/json"
	if s.Format.Value == "problem" {
		b.problemEnvelope(env, ms, s)
		return
	}
	env.StringCodes = stringCodes(errs)
	codeKind := KindInt
	if env.StringCodes {
		codeKind = KindString
	}
	path := func(p Path, def string) Str {
		if p.Pos.IsValid() {
			return Str{Value: p.Value, Pos: p.Pos}
		}
		return Str{Value: def, Pos: s.Pos}
	}
	if !s.Code.Null {
		env.Code = ms.add(path(s.Code, "errorCode"), codeKind, "code")
	}
	if s.Type.Pos.IsValid() && !s.Type.Null {
		env.Type = ms.add(path(s.Type, ""), KindString, "type")
	}
	if !s.Message.Null {
		env.Message = ms.add(path(s.Message, "errorMessage"), KindString, "message")
	}
	if s.Status.Pos.IsValid() && !s.Status.Null {
		env.Status = ms.add(path(s.Status, ""), KindInt, "status")
	}
	names := map[string]Pos{}
	env.Fields = b.fields(ms, s.Fields, names, false)
}

// problemEnvelope resolves the members of an RFC 9457 problem details
// body: type, which identifies the error and so is its code, title,
// status, detail, which is the message, and instance, a field every error
// may carry; the spec's fields are the extension members.
func (b *builder) problemEnvelope(env *Envelope, ms *members, s EnvelopeSpec) {
	for _, p := range []struct {
		name string
		path Path
	}{{"code", s.Code}, {"message", s.Message}, {"type", s.Type}, {"status", s.Status}} {
		if p.path.Pos.IsValid() {
			b.errs.add(p.path.Pos, "envelope.%s cannot be set with format problem: RFC 9457 fixes the members type, title, status, detail and instance", p.name)
		}
	}
	env.Problem, env.StringCodes = true, true
	env.ContentType = "application/problem+json"
	at := or2(s.Format.Pos, s.Pos)
	member := func(key string, kind MemberKind) *Member { return ms.add(Str{Value: key, Pos: at}, kind, key) }
	env.Code = member("type", KindString)
	env.Title = member("title", KindString)
	env.Status = member("status", KindInt)
	env.Message = member("detail", KindString)
	env.TitleField = &Field{Name: "Title", Type: "string", Member: env.Title, Doc: "the title received"}
	instance := FieldSpec{
		Pos:  at,
		Name: Str{Value: "Instance", Pos: at},
		JSON: Str{Value: "instance", Pos: at},
		Type: Str{Value: "string", Pos: at},
		Doc:  Str{Value: "a URI reference that identifies this occurrence of the problem", Pos: at},
	}
	env.Fields = b.fields(ms, append([]FieldSpec{instance}, s.Fields...), map[string]Pos{}, false)
}

// fields resolves a list of field specs into fields with their members.
// names holds the Go field names taken so far.
func (b *builder) fields(ms *members, specs []FieldSpec, names map[string]Pos, own bool) []*Field {
	var out []*Field
	for _, fs := range specs {
		if !fs.Name.Pos.IsValid() || !fs.JSON.Pos.IsValid() || !fs.Type.Pos.IsValid() {
			continue // not read; Parse has said why
		}
		f := &Field{Name: fs.Name.Value, Type: fs.Type.Value, Doc: fs.Doc.Value}
		switch {
		case !isExportedIdent(f.Name):
			b.errs.add(fs.Name.Pos, "field name %q is not an exported Go identifier", f.Name)
			continue
		case isErrorMember(f.Name):
			b.errs.add(fs.Name.Pos, "field name %s is a method or field every error has; choose another", f.Name)
			continue
		}
		if first, ok := names[f.Name]; ok {
			b.errs.add(fs.Name.Pos, "field %s is declared twice (first at %s)", f.Name, first.short())
			continue
		}
		names[f.Name] = fs.Name.Pos
		kind, ok := b.fieldKind(f, fs.Type)
		if !ok {
			continue
		}
		f.Own = own
		if f = ms.field(f, fs.JSON, kind); f != nil {
			out = append(out, f)
		}
	}
	return out
}

// field gives field f its member at path, of kind, and returns it; or
// returns the field it shares the member with, or nil when the member
// cannot be added.
func (ms *members) field(f *Field, path Str, kind MemberKind) *Field {
	// Errors may share a field of their own: the same name, type and
	// member, declared by each. Their own fields of other names or types
	// may share a member of the same kind, as problem types that each
	// give a member of the same name a meaning of their own.
	if prev, ok := ms.byPath[strings.ToLower(path.Value)]; ok && prev.Field != nil && prev.Field.Own && f.Own && prev.Name == path.Value {
		switch {
		case prev.Field.Name == f.Name && prev.Field.Type == f.Type:
			return prev.Field
		case prev.Kind == kind:
			f.Member = prev
			return f
		}
	}
	if f.Member = ms.add(path, kind, "field "+f.Name); f.Member == nil {
		return nil
	}
	f.Member.Field = f
	return f
}

// fieldKind returns the member kind of field f, whose type typ is a basic
// type or a declared type T or []T, which it links f to; or reports the
// type as unknown.
func (b *builder) fieldKind(f *Field, typ Str) (MemberKind, bool) {
	if kind, ok := fieldKinds[f.Type]; ok {
		return kind, true
	}
	name, _ := strings.CutPrefix(f.Type, "[]")
	if t := b.objects[name]; t != nil {
		f.Object = t
		// Any value, walked as an object or an array by the declared
		// type's decoder; a member of another kind decodes to nil.
		return KindRaw, true
	}
	known := []string{"string", "int", "float64", "bool", "[]string", "json"}
	for _, t := range b.types {
		known = append(known, t.Name, "[]"+t.Name)
	}
	msg := fmt.Sprintf("field %s has unknown type %q; a field is string, int, float64, bool, []string, json, or a type declared under types, alone or as a list ([]Name)", f.Name, f.Type)
	if c := closestFold(f.Type, known); c != "" {
		msg += fmt.Sprintf("; did you mean %q?", c)
	}
	b.errs.add(typ.Pos, "%s", msg)
	return 0, false
}

// closestFold is closest for candidates written in any case.
func closestFold(s string, candidates []string) string {
	lower := make([]string, len(candidates))
	for i, c := range candidates {
		lower[i] = strings.ToLower(c)
	}
	if c := closest(s, lower); c != "" {
		return candidates[slices.Index(lower, c)]
	}
	return ""
}

// objectTypes resolves the declared object types. Their fields hold basic
// types only, each at a single key of the object.
func (b *builder) objectTypes(specs []TypeSpec) []*ObjectType {
	b.objects = map[string]*ObjectType{}
	for _, ts := range specs {
		if !ts.Name.Pos.IsValid() {
			continue
		}
		t := &ObjectType{Name: ts.Name.Value, Doc: ts.Doc.Value}
		switch first, dup := b.objects[t.Name]; {
		case !isExportedIdent(t.Name):
			b.errs.add(ts.Name.Pos, "type name %q is not an exported Go identifier", t.Name)
			continue
		case dup:
			b.errs.add(ts.Name.Pos, "type %s is declared twice (first at %s)", t.Name, b.typePos[first].short())
			continue
		}
		b.claim(t.Name, "type "+t.Name, ts.Name.Pos)
		b.objects[t.Name] = t
		b.typePos[t] = ts.Name.Pos
		names, keys := map[string]Pos{}, map[string]Pos{}
		for _, fs := range ts.Fields {
			if !fs.Name.Pos.IsValid() || !fs.JSON.Pos.IsValid() || !fs.Type.Pos.IsValid() {
				continue // not read; Parse has said why
			}
			f := &Field{Name: fs.Name.Value, Type: fs.Type.Value, Doc: fs.Doc.Value}
			kind, basic := fieldKinds[f.Type]
			key := strings.ToLower(fs.JSON.Value)
			switch {
			case !isExportedIdent(f.Name):
				b.errs.add(fs.Name.Pos, "field name %q is not an exported Go identifier", f.Name)
				continue
			case names[f.Name].IsValid():
				b.errs.add(fs.Name.Pos, "field %s is declared twice (first at %s)", f.Name, names[f.Name].short())
				continue
			case !memberKey.MatchString(fs.JSON.Value):
				b.errs.add(fs.JSON.Pos, "field %s of type %s: json %q must be a single key of letters, digits, '_' or '-', starting with a letter or '_'", f.Name, t.Name, fs.JSON.Value)
				continue
			case keys[key].IsValid():
				b.errs.add(fs.JSON.Pos, "field %s of type %s takes member %q, already used at %s; JSON keys match without regard to case", f.Name, t.Name, fs.JSON.Value, keys[key].short())
				continue
			case !basic:
				b.errs.add(fs.Type.Pos, "field %s of type %s has type %q; a declared type's fields are string, int, float64, bool, []string or json", f.Name, t.Name, f.Type)
				continue
			}
			names[f.Name], keys[key] = fs.Name.Pos, fs.JSON.Pos
			f.Member = &Member{Path: []string{fs.JSON.Value}, Name: fs.JSON.Value, Kind: kind, Parent: nil, Index: len(t.Fields)}
			f.Member.Field = f
			t.Fields = append(t.Fields, f)
		}
		if len(t.Fields) == 0 && len(ts.Fields) == 0 {
			b.errs.add(ts.Pos, "type %s has no fields", t.Name)
		}
		b.types = append(b.types, t)
	}
	return b.types
}

var fieldKinds = map[string]MemberKind{"string": KindString, "int": KindInt, "float64": KindFloat, "bool": KindBool, "[]string": KindStrings, "json": KindRaw}

// stringCodes reports whether the spec's codes are strings: the kind of
// its first code. Build reports codes of the other kind.
func stringCodes(errs []ErrorSpec) bool {
	for _, e := range errs {
		if e.Code.Pos.IsValid() {
			return e.Code.Kind == ScalarString
		}
	}
	return false
}

func constKind(k ScalarKind) MemberKind {
	switch k {
	case ScalarInt:
		return KindInt
	case ScalarFloat:
		return KindFloat
	case ScalarBool:
		return KindBool
	}
	return KindString
}

// constLiteral is a const's value as JSON.
func constLiteral(v Scalar) string {
	if v.Kind == ScalarString {
		return jsonQuote(v.Value)
	}
	return v.Value
}

// codeLiteral is a code as JSON.
func codeLiteral(c CodeValue) string {
	if c.Str != "" {
		return jsonQuote(c.Str)
	}
	return strconv.Itoa(c.Int)
}

// body lays out the body an error is sent with: the envelope's objects,
// each with the members the error always sends first (consts, its code
// and type, the message, the status), then the fields it sends when set.
// An object that holds only fields is written only when one of them is
// set. unknown lays out UnknownError's, whose code and type are not fixed.
func body(env *Envelope, e *ErrorDef, unknown bool) []BodyPart {
	var parts []BodyPart
	text := ""
	flush := func() {
		if text != "" {
			parts = append(parts, BodyPart{Text: text})
			text = ""
		}
	}
	// value ends the fixed text with a value written every time.
	value := func(v BodyValue) {
		parts = append(parts, BodyPart{Text: text, Value: v})
		text = ""
	}
	var object func(parent *Member, depth int)
	object = func(parent *Member, depth int) {
		n := 0 // members written every time so far
		key := func(m *Member) string {
			sep := ","
			if n == 0 {
				sep = ""
			}
			n++
			return sep + jsonQuote(m.Key()) + ":"
		}
		for _, m := range env.Members {
			if m.Parent != parent {
				continue
			}
			switch {
			case m.Kind == KindObject:
				if sendsUnder(env, e, m, unknown) {
					text += key(m) + "{"
					object(m, depth)
					text += "}"
				}
			case m.Const != "":
				text += key(m) + m.Const
			case m == env.Code && unknown && !env.StringCodes:
				// An unknown integer code is always written, 0 included.
				text += key(m)
				value(ValueCode)
			case m == env.Code && e.HasCode && !unknown:
				text += key(m) + codeLiteral(e.Code)
			case m == env.Type && !unknown && e.Type != "":
				text += key(m) + jsonQuote(e.Type)
			case m == env.Title && !unknown:
				text += key(m) + jsonQuote(e.Title)
			case m == env.Message:
				text += key(m) + `"`
				value(ValueMessage)
			case m == env.Status:
				text += key(m)
				value(ValueStatus)
			}
		}
		// Then what is sent only when set. In an object with a member
		// sent every time, each such member starts with a comma; in an
		// object of fields alone (depth > 0), the encoder writes the
		// comma when something came before it.
		inner := depth
		if n == 0 && parent != nil {
			inner = depth + 1
		}
		sep := func() string {
			if inner > depth || n == 0 {
				return ""
			}
			return ","
		}
		for _, m := range env.Members {
			if m.Parent != parent {
				continue
			}
			switch {
			case m == env.Code && unknown && env.StringCodes:
				flush()
				parts = append(parts, BodyPart{Text: sep() + jsonQuote(m.Key()) + ":", Value: ValueCode, Depth: inner, Optional: true})
			case m == env.Type && (unknown || e.Type == ""):
				flush()
				parts = append(parts, BodyPart{Text: sep() + jsonQuote(m.Key()) + ":", Value: ValueType, Depth: inner})
			case fieldOf(e, m) != nil:
				flush()
				parts = append(parts, BodyPart{Text: sep() + jsonQuote(m.Key()) + ":", Value: ValueField, Field: fieldOf(e, m), Depth: inner})
			case m.Kind == KindObject && !sendsUnder(env, e, m, unknown) && fieldsUnder(e, m):
				flush()
				parts = append(parts, BodyPart{Text: sep() + jsonQuote(m.Key()) + ":{", Value: ValueOpen, Depth: inner})
				object(m, inner)
				flush()
				parts = append(parts, BodyPart{Text: "}", Value: ValueClose, Depth: inner + 1})
			}
		}
	}
	text += "{"
	object(nil, 0)
	text += "}"
	flush()
	return parts
}

// fieldsUnder reports whether error e has a field under object m.
func fieldsUnder(e *ErrorDef, m *Member) bool {
	for _, f := range slices.Concat(e.Fields, e.ParamFields) {
		for p := f.Member.Parent; p != nil; p = p.Parent {
			if p == m {
				return true
			}
		}
	}
	return false
}

// sendsUnder reports whether the error always sends a member under
// object m; an object without one is not written (see alwaysSent).
func sendsUnder(env *Envelope, e *ErrorDef, m *Member, unknown bool) bool {
	for _, c := range env.Members {
		if c.Parent == m && (c.Kind == KindObject && sendsUnder(env, e, c, unknown) || alwaysSent(env, e, c, unknown)) {
			return true
		}
	}
	return false
}

// alwaysSent reports whether member m is in every body of error e.
func alwaysSent(env *Envelope, e *ErrorDef, m *Member, unknown bool) bool {
	switch {
	case m.Const != "", m == env.Message, m == env.Status:
		return true
	case m == env.Title:
		return !unknown
	case m == env.Code:
		return unknown && !env.StringCodes || !unknown && e.HasCode
	case m == env.Type:
		return !unknown && e.Type != ""
	}
	return false
}

// fieldOf returns the field of error e, or of one of its params, that
// member m holds, or nil.
func fieldOf(e *ErrorDef, m *Member) *Field {
	for _, f := range slices.Concat(e.Fields, e.ParamFields) {
		if f.Member == m {
			return f
		}
	}
	return nil
}

// sample renders body parts with a message, the default status and no
// fields, as the generated encoder writes them: for the documentation.
func sample(parts []BodyPart, message string, status int) []byte {
	var b []byte
	skip := 0 // depth of the object of fields being skipped
	for _, p := range parts {
		switch {
		case skip > 0 && p.Value == ValueClose && p.Depth == skip:
			skip = 0
			continue
		case skip > 0:
			continue
		case p.Value == ValueOpen:
			skip = p.Depth + 1
			continue
		case p.Value == ValueField, p.Value == ValueType:
			continue
		}
		b = append(b, p.Text...)
		switch p.Value {
		case ValueMessage:
			q := jsonQuote(message)
			b = append(b, q[1:]...) // the part's text opened the string
		case ValueStatus:
			b = strconv.AppendInt(b, int64(status), 10)
		}
	}
	return b
}
