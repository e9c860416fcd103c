package gen

import (
	"fmt"
	"slices"
	"strconv"
)

// Change is one difference between two versions of a spec, at the place a
// reader should look: in the new spec, or in the old one for what was
// removed.
type Change struct {
	Pos Pos
	Msg string
}

func (c Change) String() string { return c.Pos.String() + ": " + c.Msg }

// Compat compares two versions of a spec, as buf breaking does for
// protobuf. breaks are the changes that break a client or server built
// from the old version: an error removed or renamed, a code or alias
// removed or changed, a default status changed or a status removed, a
// param removed, renamed, retyped, reordered or added (the constructor's
// signature changes), a field of the HTTP or WebSocket envelope renamed,
// the package renamed, a retry policy changed. additions are the purely
// additive changes. Both are in file order.
func Compat(oldName string, oldSrc []byte, newName string, newSrc []byte) (breaks, additions []Change, err error) {
	oldSpec, oldModel, err := load(oldName, oldSrc)
	if err != nil {
		return nil, nil, err
	}
	newSpec, newModel, err := load(newName, newSrc)
	if err != nil {
		return nil, nil, err
	}
	c := &compat{}
	c.compare(oldSpec, oldModel, newSpec, newModel)
	sortChanges(c.breaks)
	sortChanges(c.additions)
	return c.breaks, c.additions, nil
}

func load(name string, src []byte) (*Spec, *Model, error) {
	m, err := Load(name, src)
	if err != nil {
		return nil, nil, err
	}
	spec, _ := Parse(name, src) // Load succeeded, so Parse does
	return spec, m, nil
}

type compat struct{ breaks, additions []Change }

func (c *compat) breaking(pos Pos, format string, args ...any) {
	c.breaks = append(c.breaks, Change{pos, fmt.Sprintf(format, args...)})
}

func (c *compat) added(pos Pos, format string, args ...any) {
	c.additions = append(c.additions, Change{pos, fmt.Sprintf(format, args...)})
}

func sortChanges(cs []Change) {
	slices.SortStableFunc(cs, func(a, b Change) int {
		switch {
		case a.Pos.File != b.Pos.File:
			return 0
		case a.Pos.before(b.Pos):
			return -1
		case b.Pos.before(a.Pos):
			return 1
		}
		return 0
	})
}

// at is pos if valid, else def: a field left at its default has no
// position of its own.
func at(pos, def Pos) Pos { return or2(pos, def) }

func (c *compat) compare(oldS *Spec, om *Model, newS *Spec, nm *Model) {
	if om.Package != nm.Package {
		c.breaking(newS.Package.Pos, "package renamed from %s to %s", om.Package, nm.Package)
	}
	oe, ne, es := om.Envelope, nm.Envelope, newS.Envelope
	for _, m := range []struct {
		what     string
		old, new *Member
		pos      Pos
	}{
		{"code", oe.Code, ne.Code, es.Code.Pos},
		{"message", oe.Message, ne.Message, es.Message.Pos},
		{"type", oe.Type, ne.Type, es.Type.Pos},
		{"status", oe.Status, ne.Status, es.Status.Pos},
	} {
		if o, n := memberName(m.old), memberName(m.new); o != n {
			c.breaking(at(m.pos, at(es.Pos, newS.Pos)), "envelope %s member changed from %s to %s", m.what, o, n)
		}
	}
	if oe.StringCodes != ne.StringCodes {
		c.breaking(at(es.Pos, newS.Pos), "codes changed from %s to %s", codeKind(oe.StringCodes), codeKind(ne.StringCodes))
	}
	oldConsts := map[string]string{}
	for _, m := range oe.Consts {
		oldConsts[m.Name] = m.Const
	}
	for i, m := range ne.Consts {
		if old, ok := oldConsts[m.Name]; !ok || old != m.Const {
			c.breaking(es.Const[i].Path.Pos, "envelope const %s = %s is new or changed: bodies of the old spec do not carry it", m.Name, m.Const)
		}
		delete(oldConsts, m.Name)
	}
	for name, v := range oldConsts {
		c.breaking(at(es.Pos, newS.Pos), "envelope const %s = %s removed", name, v)
	}
	c.compareFields("the envelope", oe.Fields, ne.Fields, es.Fields, at(es.Pos, newS.Pos))
	c.compareHeaders("the envelope", oe.Headers, ne.Headers, es.Headers, at(es.Pos, newS.Pos))
	ow, nw := om.WebSocket, nm.WebSocket
	wsPos := at(newS.WebSocket.Pos, newS.Pos)
	if ow.TypeField != nw.TypeField || ow.Type != nw.Type || ow.MessageField != nw.MessageField {
		c.breaking(wsPos, "websocket error message changed from {%q: %q, %q} to {%q: %q, %q}", ow.TypeField, ow.Type, ow.MessageField, nw.TypeField, nw.Type, nw.MessageField)
	}
	oldWS := map[string]bool{}
	for _, m := range ow.Messages {
		oldWS[m.Message] = true
	}
	for i, m := range nw.Messages {
		if !oldWS[m.Message] {
			c.added(newS.WebSocket.Messages[i].Pos, "added websocket message %s", m.Name)
		}
	}

	oldByName, newByName := map[string]int{}, map[string]int{}
	oldByCode := map[CodeValue]int{}
	for i, e := range om.Errors {
		oldByName[e.Name] = i
		if e.HasCode {
			oldByCode[e.Code] = i
		}
	}
	for i, e := range nm.Errors {
		newByName[e.Name] = i
	}
	for i, oe := range om.Errors {
		if _, ok := newByName[oe.Name]; ok {
			continue
		}
		renamed := false
		for j, ne := range nm.Errors {
			if ne.HasCode && ne.Code == oe.Code {
				if _, existed := oldByName[ne.Name]; !existed {
					c.breaking(newS.Errors[j].Name.Pos, "error %s renamed to %s", oe.Name, ne.Name)
					renamed = true
				}
			}
		}
		if !renamed {
			c.breaking(oldS.Errors[i].Name.Pos, "error %s (code %v) removed", oe.Name, oe.Code)
		}
	}
	for j, ne := range nm.Errors {
		i, ok := oldByName[ne.Name]
		if !ok {
			if k, had := oldByCode[ne.Code]; had && ne.HasCode {
				if _, still := newByName[om.Errors[k].Name]; !still {
					continue // a rename, reported above
				}
			}
			c.added(newS.Errors[j].Name.Pos, "added error %s (code %v)", ne.Name, ne.Code)
			continue
		}
		c.compareError(&oldS.Errors[i], om.Errors[i], &newS.Errors[j], ne)
	}
}

func (c *compat) compareError(oldS *ErrorSpec, oe *ErrorDef, newS *ErrorSpec, ne *ErrorDef) {
	name := ne.Name
	if oe.Code != ne.Code || oe.HasCode != ne.HasCode {
		c.breaking(at(newS.Code.Pos, newS.Pos), "code of %s changed from %v to %v", name, codeOrNone(oe), codeOrNone(ne))
	}
	if oe.Type != ne.Type {
		c.breaking(at(newS.Type.Pos, newS.Pos), "type of %s changed from %q to %q", name, oe.Type, ne.Type)
	}
	if oe.Status != ne.Status {
		c.breaking(newS.Status.Pos, "default status of %s changed from %d to %d", name, oe.Status, ne.Status)
	}
	statusesPos := newS.Status.Pos
	if len(newS.Statuses) > 0 {
		statusesPos = newS.Statuses[0].Pos
	}
	compareSet(c, "status", name, oe.Statuses, ne.Statuses, statusesPos)
	aliasesPos := newS.Pos
	if len(newS.Aliases) > 0 {
		aliasesPos = newS.Aliases[0].Pos
	}
	compareSet(c, "alias", name, oe.Aliases, ne.Aliases, aliasesPos)
	c.compareFields(name, oe.OwnFields, ne.OwnFields, newS.Fields, newS.Pos)
	c.compareHeaders(name, oe.OwnHeaders, ne.OwnHeaders, newS.Headers, newS.Pos)
	if oe.Retry != ne.Retry {
		c.breaking(at(newS.Retry.Pos, newS.Pos), "retry of %s changed from %s to %s", name, oe.Retry, ne.Retry)
	}
	for i, op := range oe.Params {
		switch {
		case i >= len(ne.Params):
			j := slices.IndexFunc(oldS.Params, func(p ParamSpec) bool { return p.Name.Value == op.Name })
			c.breaking(oldS.Params[j].Name.Pos, "param %s of %s removed", op.Name, name)
		case ne.Params[i].Name != op.Name:
			if slices.ContainsFunc(ne.Params, func(p *Param) bool { return p.Name == op.Name }) {
				c.breaking(newS.Params[i].Name.Pos, "params of %s reordered: %s is now where %s was", name, ne.Params[i].Name, op.Name)
			} else {
				c.breaking(newS.Params[i].Name.Pos, "param %s of %s renamed to %s", op.Name, name, ne.Params[i].Name)
			}
		case ne.Params[i].Type != op.Type:
			c.breaking(newS.Params[i].Type.Pos, "param %s of %s retyped from %s to %s", op.Name, name, op.Type, ne.Params[i].Type)
		}
	}
	for i := len(oe.Params); i < len(ne.Params); i++ {
		c.breaking(newS.Params[i].Name.Pos, "param %s added to %s: it changes the signature of %s", ne.Params[i].Name, name, ne.Constructor)
	}
}

// compareSet reports the values of a set (statuses, aliases) that the new
// spec removes, which break clients, and adds, which do not.
func compareSet[T comparable](c *compat, what, name string, old, new []T, pos Pos) {
	for _, v := range old {
		if !slices.Contains(new, v) {
			c.breaking(pos, "%s %v of %s removed", what, v, name)
		}
	}
	for _, v := range new {
		if !slices.Contains(old, v) {
			c.added(pos, "added %s %v to %s", what, v, name)
		}
	}
}

// compareFields reports fields removed, retyped or moved to another
// member, which break clients, and fields added, which do not.
func (c *compat) compareFields(owner string, old, new []*Field, specs []FieldSpec, pos Pos) {
	compareNamed(c, "field", owner, old, new, pos,
		func(f *Field) string { return f.Name },
		func(name string) Pos { return specPos(specs, name, func(fs FieldSpec) Str { return fs.Name }, pos) },
		func(o, n *Field) string {
			switch {
			case n.Type != o.Type:
				return fmt.Sprintf("retyped from %s to %s", o.Type, n.Type)
			case n.Member.Name != o.Member.Name:
				return fmt.Sprintf("moved from member %s to %s", o.Member.Name, n.Member.Name)
			}
			return ""
		})
}

// compareHeaders reports header fields removed, retyped or moved to
// another header, which break clients, and header fields added, which do
// not.
func (c *compat) compareHeaders(owner string, old, new []*HeaderField, specs []HeaderSpec, pos Pos) {
	compareNamed(c, "header field", owner, old, new, pos,
		func(h *HeaderField) string { return h.Name },
		func(name string) Pos { return specPos(specs, name, func(hs HeaderSpec) Str { return hs.Name }, pos) },
		func(o, n *HeaderField) string {
			switch {
			case n.Type != o.Type || n.Format != o.Format:
				return fmt.Sprintf("changed from %s to %s", headerKind(o), headerKind(n))
			case n.Key != o.Key:
				return fmt.Sprintf("moved from header %s to %s", o.Key, n.Key)
			}
			return ""
		})
}

// compareNamed reports the Go fields of old that new removes or changes
// (changed says how, or ""), which break clients, and those it adds,
// which do not.
func compareNamed[T any](c *compat, what, owner string, old, new []T, pos Pos, name func(T) string, posOf func(string) Pos, changed func(o, n T) string) {
	for _, o := range old {
		i := slices.IndexFunc(new, func(n T) bool { return name(n) == name(o) })
		switch {
		case i < 0:
			c.breaking(pos, "%s %s of %s removed", what, name(o), owner)
		case changed(o, new[i]) != "":
			c.breaking(posOf(name(o)), "%s %s of %s %s", what, name(o), owner, changed(o, new[i]))
		}
	}
	for _, n := range new {
		if !slices.ContainsFunc(old, func(o T) bool { return name(o) == name(n) }) {
			c.added(posOf(name(n)), "added %s %s to %s", what, name(n), owner)
		}
	}
}

// specPos returns where the spec names a field, or def.
func specPos[S any](specs []S, name string, nameOf func(S) Str, def Pos) Pos {
	for _, s := range specs {
		if n := nameOf(s); n.Value == name {
			return n.Pos
		}
	}
	return def
}

// headerKind is a header's type and format, as the spec writes them.
func headerKind(h *HeaderField) string {
	if h.Format == FormatNone {
		return h.Type.String()
	}
	return h.Type.String() + " (" + h.Format.String() + ")"
}

func memberName(m *Member) string {
	if m == nil {
		return "none"
	}
	return strconv.Quote(m.Name)
}

func codeKind(str bool) string {
	if str {
		return "strings"
	}
	return "integers"
}

func codeOrNone(e *ErrorDef) any {
	if !e.HasCode {
		return "none"
	}
	return e.Code
}
