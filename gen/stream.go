package gen

// stream resolves how errors arrive in a stream: s is the data's envelope,
// nil for the HTTP body's. The data's members that the errors read are
// mapped onto the body's, so one resolver serves bodies and events; what
// the body has no member for, an event cannot carry.
func (b *builder) stream(what string, event Str, s *EnvelopeSpec, description Str, env *Envelope, errs []ErrorSpec) *Stream {
	st := &Stream{Event: event.Value, Description: description.Value}
	if event.Pos.IsValid() && !headerToken.MatchString(event.Value) {
		// An event name is a line of text; one with a space or a colon
		// is almost surely a mistake.
		b.errs.add(event.Pos, "%s event %q is not an event name: letters, digits and !#$%%&'*+.^_`|~-", what, event.Value)
	}
	if s == nil {
		st.Consts = env.Consts
		if st.Event == "" && len(st.Consts) == 0 {
			st.Told = told(env)
		}
		return st
	}
	if s.Format.Value == "problem" {
		b.errs.add(s.Format.Pos, "%s envelope cannot be in the problem format; problem details are HTTP bodies", what)
		return st
	}
	if len(s.Headers) > 0 {
		b.errs.add(s.Pos, "%s envelope cannot have headers; an event has none of its own", what)
	}
	var data Envelope
	body := b.members
	b.envelope(&data, *s, errs)
	b.members = body
	st.Members, st.Consts = data.Members, data.Consts
	slot := func(name string, from, to *Member, at Pos) {
		switch {
		case from == nil:
		case to == nil:
			b.errs.add(at, "%s envelope has a %s member, which the HTTP body's envelope has not; the errors could not keep it", what, name)
		default:
			st.Slots = append(st.Slots, Slot{From: from, To: to})
		}
	}
	slot("code", data.Code, env.Code, s.Code.Pos)
	slot("message", data.Message, env.Message, s.Message.Pos)
	slot("type", data.Type, env.Type, s.Type.Pos)
	slot("status", data.Status, env.Status, s.Status.Pos)
	for i, f := range data.Fields {
		to := fieldNamed(env, f.Name)
		at := s.Fields[i].Name.Pos
		switch {
		case to == nil:
			b.errs.add(at, "%s envelope field %s is not a field of the envelope; an event's fields are the envelope's, at their place in the event", what, f.Name)
		case to.Type != f.Type:
			b.errs.add(s.Fields[i].Type.Pos, "%s envelope field %s is of type %s; the envelope's is %s", what, f.Name, f.Type, to.Type)
		default:
			slot("field "+f.Name, f.Member, to.Member, at)
		}
	}
	if st.Event == "" && len(st.Consts) == 0 {
		st.Told = told(&data)
		if len(st.Told) == 0 {
			b.errs.add(s.Pos, "%s envelope has no code, type, message or const, and no event name says which events are errors", what)
		}
	}
	return st
}

// told returns the members whose presence tells an error body: its code,
// type and message.
func told(env *Envelope) []*Member {
	var out []*Member
	for _, m := range []*Member{env.Code, env.Type, env.Message} {
		if m != nil {
			out = append(out, m)
		}
	}
	return out
}

// fieldNamed returns the envelope's field of the Go name, or nil.
func fieldNamed(env *Envelope, name string) *Field {
	for _, f := range env.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// streams resolves the spec's sse and websocket envelopes.
func (b *builder) streams(m *Model, s *Spec) {
	if s.SSE.Pos.IsValid() {
		m.SSE = b.stream("sse", s.SSE.Event, s.SSE.Envelope, s.SSE.Description, &m.Envelope, s.Errors)
	}
	ws := s.WebSocket
	if ws.Envelope == nil {
		return
	}
	for _, f := range []struct {
		name string
		pos  Pos
	}{{"type_field", ws.TypeField.Pos}, {"type", ws.Type.Pos}, {"message_field", ws.MessageField.Pos}, {"messages", keyPos(ws.Messages)}} {
		if f.pos.IsValid() {
			b.errs.add(f.pos, "websocket %s cannot be set with websocket envelope: the envelope says what an error message holds, and its errors are the API's", f.name)
		}
	}
	m.WebSocket.Stream = b.stream("websocket", Str{}, ws.Envelope, ws.Description, &m.Envelope, s.Errors)
}

func keyPos(ms []WebSocketMessageSpec) Pos {
	if len(ms) == 0 {
		return Pos{}
	}
	return ms[0].Pos
}
