package gen

import (
	"fmt"
	"slices"
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
	if om.Envelope.Code != nm.Envelope.Code {
		c.breaking(at(newS.Envelope.Code.Pos, newS.Pos), "envelope code field renamed from %q to %q", om.Envelope.Code, nm.Envelope.Code)
	}
	if om.Envelope.Message != nm.Envelope.Message {
		c.breaking(at(newS.Envelope.Message.Pos, newS.Pos), "envelope message field renamed from %q to %q", om.Envelope.Message, nm.Envelope.Message)
	}
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
	oldByCode := map[int]int{}
	for i, e := range om.Errors {
		oldByName[e.Name] = i
		oldByCode[e.Code] = i
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
			if ne.Code == oe.Code {
				if _, existed := oldByName[ne.Name]; !existed {
					c.breaking(newS.Errors[j].Name.Pos, "error %s renamed to %s", oe.Name, ne.Name)
					renamed = true
				}
			}
		}
		if !renamed {
			c.breaking(oldS.Errors[i].Name.Pos, "error %s (code %d) removed", oe.Name, oe.Code)
		}
	}
	for j, ne := range nm.Errors {
		i, ok := oldByName[ne.Name]
		if !ok {
			if k, had := oldByCode[ne.Code]; had {
				if _, still := newByName[om.Errors[k].Name]; !still {
					continue // a rename, reported above
				}
			}
			c.added(newS.Errors[j].Name.Pos, "added error %s (code %d)", ne.Name, ne.Code)
			continue
		}
		c.compareError(&oldS.Errors[i], om.Errors[i], &newS.Errors[j], ne)
	}
}

func (c *compat) compareError(oldS *ErrorSpec, oe *ErrorDef, newS *ErrorSpec, ne *ErrorDef) {
	name := ne.Name
	if oe.Code != ne.Code {
		c.breaking(newS.Code.Pos, "code of %s changed from %d to %d", name, oe.Code, ne.Code)
	}
	if oe.Status != ne.Status {
		c.breaking(newS.Status.Pos, "default status of %s changed from %d to %d", name, oe.Status, ne.Status)
	}
	statusesPos := newS.Status.Pos
	if len(newS.Statuses) > 0 {
		statusesPos = newS.Statuses[0].Pos
	}
	c.compareSet("status", name, oe.Statuses, ne.Statuses, statusesPos)
	aliasesPos := newS.Pos
	if len(newS.Aliases) > 0 {
		aliasesPos = newS.Aliases[0].Pos
	}
	c.compareSet("alias", name, oe.Aliases, ne.Aliases, aliasesPos)
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
func (c *compat) compareSet(what, name string, old, new []int, pos Pos) {
	for _, v := range old {
		if !slices.Contains(new, v) {
			c.breaking(pos, "%s %d of %s removed", what, v, name)
		}
	}
	for _, v := range new {
		if !slices.Contains(old, v) {
			c.added(pos, "added %s %d to %s", what, v, name)
		}
	}
}
