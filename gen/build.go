package gen

import (
	"go/token"
	"maps"
	"math"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Load parses and builds a spec in one step, reporting the problems of
// both stages together, in file order, the first MaxErrors of them.
func Load(filename string, src []byte) (*Model, error) {
	spec, perr := Parse(filename, src)
	if spec == nil {
		return nil, perr // unreadable as a whole: one problem
	}
	m, berr := Build(spec)
	if perr == nil && berr == nil {
		return m, nil
	}
	all, _ := perr.(ErrorList)
	if l, ok := berr.(ErrorList); ok {
		for _, e := range l {
			// A problem without a place follows from a value Parse could
			// not read, which it has reported already.
			if e.Pos.IsValid() || perr == nil {
				all = append(all, e)
			}
		}
	}
	return nil, all.cut().Err()
}

// Build checks the meaning of a parsed spec and resolves everything the
// emitters need. It reports every problem at once, in file order. It
// checks only the values that were read: a value Parse could not read has
// an invalid Pos, and Parse has reported it already.
func Build(spec *Spec) (*Model, error) {
	b := &builder{spec: spec, names: map[string]owner{}, errorNames: map[string]Pos{}, typePos: map[*ObjectType]Pos{}, problemTypes: map[string]*ErrorSpec{}}
	m := b.build()
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

type builder struct {
	spec  *Spec
	errs  ErrorList
	names map[string]owner // package-level Go identifiers taken so far

	errorNames map[string]Pos
	members    *members               // the envelope's member tree, which errors' fields join
	objects    map[string]*ObjectType // the declared types, by name
	types      []*ObjectType          // the same, in spec order
	typePos    map[*ObjectType]Pos
	// problemTypes are the type URIs of the problem format, by the error
	// that has each first.
	problemTypes map[string]*ErrorSpec
	errors2xx    bool // the envelope tells an error body on a 2xx status
	// envHeaders are the envelope's headers by canonical name, where each
	// was declared.
	envHeaders map[string]Pos
}

// owner is what took a Go identifier, for collision messages.
type owner struct {
	what string
	pos  Pos
}

var (
	envelopeField = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)
	paramName     = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
)

func (b *builder) build() *Model {
	s := b.spec
	m := &Model{
		SpecFile:      filepath.Base(s.Pos.File),
		Package:       s.Package.Value,
		API:           or(s.API.Value, s.Package.Value),
		StatusTexts:   b.statusTexts(s.StatusTexts),
		APIVersion:    s.APIVersion.Value,
		Description:   s.Description.Value,
		Handling:      s.Handling.Value,
		BestPractices: practices(s.BestPractices),
		Support:       support(s.Support),
	}
	if s.Version.Pos.IsValid() && s.Version.Value != 1 {
		b.errs.add(s.Version.Pos, "unsupported version %d; this errgen reads version 1", s.Version.Value)
	}
	switch p := s.Package.Value; {
	case !s.Package.Pos.IsValid():
	case token.IsKeyword(p):
		b.errs.add(s.Package.Pos, "package %q is a Go keyword; choose another name", p)
	case !token.IsIdentifier(p):
		b.errs.add(s.Package.Pos, "package %q is not a Go identifier", p)
	case p == "_":
		b.errs.add(s.Package.Pos, "package %q is the blank identifier; choose a name", p)
	case p == "main":
		b.errs.add(s.Package.Pos, "package main cannot be imported; choose another name")
	}
	for _, name := range packageNames {
		b.names[name] = owner{what: "errgen's own " + name}
	}
	m.APIName = apiName(m.API)
	m.Types = b.objectTypes(s.Types)
	b.envelope(&m.Envelope, s.Envelope, s.Errors)
	envNames := map[string]Pos{}
	for _, f := range s.Envelope.Fields {
		envNames[f.Name.Value] = f.Name.Pos
	}
	b.envHeaders = map[string]Pos{}
	m.Envelope.Headers = b.headers(s.Envelope.Headers, envNames, b.envHeaders, false)
	for _, h := range m.Envelope.Headers {
		if h.Key == retryAfterKey && (h.Type == HeaderDuration || h.Type == HeaderTime) {
			m.Envelope.Delay = append(m.Envelope.Delay, h)
		}
	}
	if m.Envelope.HasFieldsType() {
		b.names["EnvelopeFields"] = owner{what: "the type of the envelope's fields"}
	}
	if len(s.Envelope.Headers) > 0 || slices.ContainsFunc(s.Errors, func(e ErrorSpec) bool { return len(e.Headers) > 0 }) {
		b.names["ParseWithHeader"] = owner{what: "errgen's own ParseWithHeader"}
	}
	b.errors2xx = len(m.Envelope.Consts) > 0

	for i := range s.Errors {
		e := b.errorDef(&s.Errors[i], m.StatusTexts, &m.Envelope)
		m.Errors = append(m.Errors, e)
		if e.Fallback {
			if m.Fallback != nil {
				b.errs.add(s.Errors[i].Fallback.Pos, "%s is marked fallback too (%s is the first); exactly one error is the fallback", e.Name, m.Fallback.Name)
				continue
			}
			m.Fallback = e
		}
	}
	switch {
	case s.Errors != nil && len(s.Errors) == 0:
		b.errs.add(s.Keys["errors"], "errors is empty; a spec needs at least one error")
	case len(s.Errors) == 0:
		// Missing or not a list: Parse has said so.
	case m.Fallback == nil && !fallbackUnread(s.Errors):
		b.errs.add(s.Errors[0].Pos, "no error is the fallback; mark the one a non-API error is reported as with \"fallback: true\"")
	}
	if m.Fallback != nil {
		m.TimeoutStatus = m.Fallback.Status
		for _, s := range []int{http.StatusServiceUnavailable, http.StatusGatewayTimeout} {
			if slices.Contains(m.Fallback.Statuses, s) {
				m.TimeoutStatus = s
			}
		}
	}
	for i, e := range m.Errors {
		e.Body = body(&m.Envelope, e, false)
		b.checkBody(&m.Envelope, e, s.Errors[i].Pos)
	}
	unknown := &ErrorDef{Fields: m.Envelope.Fields}
	if m.Envelope.TitleField != nil {
		unknown.Fields = append(slices.Clone(unknown.Fields), m.Envelope.TitleField)
	}
	m.UnknownBody = body(&m.Envelope, unknown, true)
	m.ByCode = slices.Clone(m.Errors)
	slices.SortStableFunc(m.ByCode, func(a, b *ErrorDef) int { return compareCodes(a.Code, b.Code) })
	b.uniqueCodes(s.Errors)
	b.aliases(s.Errors, m.Errors)
	m.WebSocket = b.webSocket(s.WebSocket)
	b.streams(m, s)
	// Names the package declares only for some specs.
	if m.SSE != nil {
		b.names["ParseEvent"] = owner{what: "errgen's own ParseEvent"}
	}
	if m.WebSocket.Stream != nil {
		b.names["ParseWebSocketMessage"] = owner{what: "errgen's own ParseWebSocketMessage"}
	}
	m.Resolutions, m.StatusOwners = resolutions(m.ByCode)
	m.TypeResolutions = typeResolutions(m.Errors)
	m.MessageRules = messageRules(m.Errors)
	return m
}

// resolutions computes how a client maps what it receives to errors.
func resolutions(byCode []*ErrorDef) ([]Resolution, []StatusOwner) {
	index := map[CodeValue]int{}
	var res []Resolution
	at := func(code CodeValue) *Resolution {
		i, ok := index[code]
		if !ok {
			i = len(res)
			index[code] = i
			res = append(res, Resolution{Code: code})
		}
		return &res[i]
	}
	claims := map[int][]*ErrorDef{}
	for _, e := range byCode {
		if e.HasCode {
			at(e.Code).Owner = e
		}
		for _, st := range e.Statuses {
			claims[st] = append(claims[st], e)
		}
	}
	for _, e := range byCode {
		for _, a := range e.Aliases {
			r := at(a)
			r.Aliases = append(r.Aliases, e)
		}
	}
	slices.SortFunc(res, func(a, b Resolution) int { return compareCodes(a.Code, b.Code) })
	var owners []StatusOwner
	for st, es := range claims {
		// A 2xx body that is not the envelope is a success, never an error.
		if len(es) == 1 && st >= 400 {
			owners = append(owners, StatusOwner{Status: st, Error: es[0]})
		}
	}
	slices.SortFunc(owners, func(a, b StatusOwner) int { return a.Status - b.Status })
	return res, owners
}

// typeResolutions groups the errors without a code of their own by type:
// a received type means one of them.
func typeResolutions(errs []*ErrorDef) []TypeResolution {
	var out []TypeResolution
	index := map[string]int{}
	for _, e := range errs {
		if e.HasCode || e.Type == "" {
			continue
		}
		i, ok := index[e.Type]
		if !ok {
			i = len(out)
			index[e.Type] = i
			out = append(out, TypeResolution{Type: e.Type})
		}
		out[i].Errors = append(out[i].Errors, e)
	}
	slices.SortFunc(out, func(a, b TypeResolution) int { return strings.Compare(a.Type, b.Type) })
	return out
}

// messageRules groups by status the errors that a message tells: first
// those that a message of their own does, then those with a prefix.
func messageRules(errs []*ErrorDef) []MessageRule {
	var out []MessageRule
	add := func(e *ErrorDef) {
		for _, st := range e.Statuses {
			i := slices.IndexFunc(out, func(r MessageRule) bool { return r.Status == st })
			if i < 0 {
				i = len(out)
				out = append(out, MessageRule{Status: st})
			}
			out[i].Errors = append(out[i].Errors, e)
		}
	}
	for _, e := range errs {
		if e.ExactMessage {
			add(e)
		}
	}
	for _, e := range errs {
		if e.MessagePrefix != "" {
			add(e)
		}
	}
	slices.SortFunc(out, func(a, b MessageRule) int { return a.Status - b.Status })
	return out
}

// checkBody reports a body with no member that error e always sends: the
// encoder needs one to write the others after it.
func (b *builder) checkBody(env *Envelope, e *ErrorDef, at Pos) {
	if len(env.Members) == 0 {
		return // no member path could be read; Build has said why
	}
	for _, m := range env.Members {
		if m.Parent == nil && (alwaysSent(env, e, m, false) || m.Kind == KindObject && sendsUnder(env, e, m, false)) {
			return
		}
	}
	b.errs.add(at, "%s would send a body with no member it always sends; give the envelope a code, a message or a const", e.Name)
}

// fallbackUnread reports whether some error meant to set fallback but
// Parse could not read it; Parse has reported that, and it may be the one.
func fallbackUnread(errs []ErrorSpec) bool {
	for i := range errs {
		if errs[i].unread("fallback", errs[i].Fallback.Pos.IsValid()) {
			return true
		}
	}
	return false
}

// unread reports whether the error meant to set field name but Parse could
// not read it (read is false): the field was written with a value Parse
// rejected, or misspelled. Parse has reported either, so a check that
// needs the value would only repeat the problem.
func (s *ErrorSpec) unread(name string, read bool) bool {
	if read {
		return false
	}
	_, written := s.Keys[name]
	_, misspelled := s.Misspelled[name]
	return written || misspelled
}

// jsonFields checks a pair of JSON field names, as written (a, b) and as
// used with defaults filled in (av, bv): errgen writes them into generated
// code unescaped, and decoders match them without regard to case.
func (b *builder) jsonFields(what string, at Pos, a Str, av string, c Str, cv string) {
	for _, f := range []Str{a, c} {
		if f.Pos.IsValid() && !envelopeField.MatchString(f.Value) {
			b.errs.add(f.Pos, "field name %q must be letters, digits, '_', '.' or '-', starting with a letter or '_'", f.Value)
		}
	}
	if strings.EqualFold(av, cv) {
		b.errs.add(or2(c.Pos, at), "%s fields are both %q; JSON field names match without regard to case", what, av)
	}
}

// claim takes a package-level Go identifier for what, or reports the clash.
func (b *builder) claim(name, what string, pos Pos) {
	if prev, ok := b.names[name]; ok {
		if prev.pos.IsValid() {
			b.errs.add(pos, "%s needs the Go name %s, already taken by %s at %s", what, name, prev.what, prev.pos.short())
		} else {
			b.errs.add(pos, "%s needs the Go name %s, which is %s; rename it", what, name, prev.what)
		}
		return
	}
	b.names[name] = owner{what: what, pos: pos}
}

// apiName is the API's name as prose uses it: with " API" after it,
// unless it ends in that word already.
func apiName(api string) string {
	if f := strings.Fields(api); len(f) > 0 && strings.EqualFold(f[len(f)-1], "API") {
		return api
	}
	return api + " API"
}

// statusTexts checks the spec's texts for statuses net/http has none for.
func (b *builder) statusTexts(specs []StatusTextSpec) []StatusText {
	var out []StatusText
	seen := map[int]Pos{}
	for _, st := range specs {
		status, text := int(st.Status.Value), st.Text.Value
		switch {
		case !st.Status.Pos.IsValid():
			continue
		case status < 400 || status > 599:
			b.errs.add(st.Status.Pos, "status %d is not an HTTP error status (400-599)", status)
		case http.StatusText(status) != "":
			b.errs.add(st.Status.Pos, "status %d already has a text, %q; name only statuses Go does not know", status, http.StatusText(status))
		case seen[status].IsValid():
			b.errs.add(st.Status.Pos, "status %d is named twice (first at %s)", status, seen[status].short())
		case st.Text.Pos.IsValid() && strings.TrimSpace(text) == "":
			b.errs.add(st.Text.Pos, "text of status %d is empty", status)
		default:
			seen[status] = st.Status.Pos
			out = append(out, StatusText{Status: status, Text: text})
		}
	}
	slices.SortFunc(out, func(a, b StatusText) int { return a.Status - b.Status })
	return out
}

// statusText is the text of status: net/http's, else the spec's, else "".
func statusText(status int, texts []StatusText) string {
	if t := http.StatusText(status); t != "" {
		return t
	}
	for _, st := range texts {
		if st.Status == status {
			return st.Text
		}
	}
	return ""
}

// inWords writes an error's stem as a sentence: ConcurrencyLimit gives
// "Concurrency limit", APIKey "API key".
func inWords(stem string) string {
	ws := words(stem)
	for i, w := range ws {
		switch {
		case initialisms[w]:
			ws[i] = strings.ToUpper(w)
		case i == 0:
			ws[i] = title(w)
		}
	}
	return strings.Join(ws, " ")
}

func (b *builder) errorDef(s *ErrorSpec, texts []StatusText, env *Envelope) *ErrorDef {
	e := &ErrorDef{
		Name:               s.Name.Value,
		Type:               s.Type.Value,
		Status:             int(s.Status.Value),
		Fallback:           s.Fallback.Value,
		Summary:            s.Summary.Value,
		Description:        s.Description.Value,
		MessageDescription: s.MessageDescription.Value,
		Scenarios:          values(s.Scenarios),
		Examples:           values(s.Examples),
		Notes:              values(s.Notes),
		Tables:             b.tables(s.Tables),
		Action:             s.Action.Value,
		Fixes:              items(s.Fixes),
	}
	e.StatusText = statusText(e.Status, texts)

	stem, ok := strings.CutSuffix(e.Name, "Error")
	first, dup := b.errorNames[e.Name]
	switch {
	case !s.Name.Pos.IsValid():
	case dup:
		b.errs.add(s.Name.Pos, "duplicate name %q (first at %s)", e.Name, first.short())
	case !token.IsIdentifier(e.Name) || !token.IsExported(e.Name):
		b.errs.add(s.Name.Pos, "name %q is not an exported Go identifier", e.Name)
	case !ok:
		b.errs.add(s.Name.Pos, "name %q must end in Error", e.Name)
	case stem == "":
		b.errs.add(s.Name.Pos, "name %q needs a word before Error, as in NotFoundError", e.Name)
	default:
		b.errorNames[e.Name] = s.Name.Pos
		e.Stem = stem
		e.CodeConst, e.Sentinel = "Code"+stem, "Err"+stem
		e.Constructor, e.Matcher = "New"+e.Name, "Is"+e.Name
		what := "error " + e.Name
		b.claim(e.Name, what, s.Name.Pos)
		b.claim(e.CodeConst, what, s.Name.Pos)
		b.claim(e.Sentinel, what, s.Name.Pos)
		b.claim(e.Constructor, what, s.Name.Pos)
		b.claim(e.Matcher, what, s.Name.Pos)
	}

	if env.Problem {
		b.problemType(s, e)
	} else {
		e.Code, e.HasCode = b.code(s.Code, "code", env)
	}
	switch {
	case env.Problem:
	case s.Title.Pos.IsValid():
		b.errs.add(s.Title.Pos, "title is for problem types; set envelope.format to problem, or leave it out")
	case s.Type.Pos.IsValid() && env.Type == nil:
		b.errs.add(s.Type.Pos, "type %q needs envelope.type, the path of the member that carries it", e.Type)
	case s.Type.Pos.IsValid() && e.Type == "":
		b.errs.add(s.Type.Pos, "type is empty; leave it out for an error the envelope's type does not tell")
	case env.Code != nil && !s.Code.Pos.IsValid() && !s.unread("code", false) && e.Type == "" && s.MessagePrefix.Value == "" && s.Name.Pos.IsValid():
		b.errs.add(s.Pos, "error %s is missing required field \"code\" (only an error with a type or a message_prefix may leave it out)", e.Name)
	}
	e.MessagePrefix = s.MessagePrefix.Value
	if s.MessagePrefix.Pos.IsValid() && e.MessagePrefix == "" {
		b.errs.add(s.MessagePrefix.Pos, "message_prefix is empty; it would match every message")
	}
	b.status(s.Status)
	e.Statuses = []int{e.Status}
	if len(s.Statuses) > 0 {
		e.Statuses = b.statuses(s)
	}
	for _, a := range s.Aliases {
		if c, ok := b.code(a, "alias", env); ok {
			e.Aliases = append(e.Aliases, c)
		}
	}
	slices.SortFunc(e.Aliases, compareCodes)

	switch s.Retry.Value {
	case "", "never":
		e.Retry = RetryNever
	case "backoff":
		e.Retry = RetryBackoff
	case "wait":
		e.Retry = RetryWait
	case "after":
		e.Retry = RetryAfter
	default:
		b.errs.add(s.Retry.Pos, "retry %q is not never, backoff, wait or after", s.Retry.Value)
	}

	e.Params = b.params(s)
	e.Template = b.template(s, e.Params)
	// Without a message of its own, an error says what is known of it:
	// its status's text, its summary, or at least its name.
	fallbackMessage := e.StatusText
	if fallbackMessage == "" || e.Status < 400 { // "OK" says nothing of an error
		fallbackMessage = or(e.Summary, inWords(e.Stem))
	}
	if env.Problem {
		// A problem type's message, its detail, says at least its title.
		if s.Title.Pos.IsValid() && s.Title.Value == "" {
			b.errs.add(s.Title.Pos, "title is empty; leave it out to send %q", fallbackMessage)
		}
		e.Title = or(s.Title.Value, fallbackMessage)
		fallbackMessage = e.Title
	}
	if s.Message.Pos.IsValid() && s.Message.Value == "" {
		b.errs.add(s.Message.Pos, "message is empty; leave it out to send %q", fallbackMessage)
	}
	if e.MessagePrefix != "" && !env.Problem {
		// An error told by its prefix says at least the prefix, so that
		// what it sends is told as itself.
		fallbackMessage = e.MessagePrefix
	}
	switch {
	case s.Message.Pos.IsValid() && e.Template == nil:
		e.Message = literal(s.Message.Value)
		if e.MessagePrefix != "" && !strings.HasPrefix(e.Message, e.MessagePrefix) {
			b.errs.add(s.Message.Pos, "message %q does not start with message_prefix %q; a body %s sends would not be told as %s", e.Message, e.MessagePrefix, e.Name, e.Name)
		}
	case s.Message.Pos.IsValid():
		e.Message = s.Message.Value
	default:
		e.Message = fallbackMessage
	}
	for _, seg := range e.Template {
		if seg.Param != nil {
			e.Unrendered += "{" + seg.Param.Name + "}"
		} else {
			e.Unrendered += seg.Text
		}
	}
	e.Parseable = e.Template != nil
	for i := 1; i < len(e.Template); i++ {
		if e.Template[i].Param != nil && e.Template[i-1].Param != nil {
			e.Parseable = false
		}
	}
	if e.Fallback && len(e.Params) > 0 {
		b.errs.add(s.Fallback.Pos, "fallback %s cannot have params: it is sent with its default message", e.Name)
	}
	taken := map[string]Pos{}
	for _, f := range env.Fields {
		taken[f.Name] = Pos{}
	}
	for i, p := range e.Params {
		if _, dup := taken[p.Field]; dup && p.Field != "" {
			b.errs.add(s.Params[i].Name.Pos, "param %q needs the Go field %s, which a field of the envelope has", p.Name, p.Field)
		} else if p.Field != "" {
			taken[p.Field] = s.Params[i].Name.Pos
		}
	}
	e.OwnFields = b.fields(b.members, s.Fields, taken, true)
	e.Fields = append(slices.Clone(env.Fields), e.OwnFields...)
	for _, h := range env.Headers {
		taken[h.Name] = Pos{}
	}
	e.OwnHeaders = b.headers(s.Headers, taken, maps.Clone(b.envHeaders), true)
	e.Headers = append(slices.Clone(env.Headers), e.OwnHeaders...)
	b.retryDelay(s, e)
	e.ParamFields = b.paramFields(s, e.Params)
	// Without a code, type or prefix, a message of its own tells the
	// error among those of its status.
	e.ExactMessage = !e.HasCode && e.Type == "" && e.MessagePrefix == "" && s.Message.Value != ""
	return e
}

// problemType sets the code of a problem type: its type URI, unique in the
// spec.
func (b *builder) problemType(s *ErrorSpec, e *ErrorDef) {
	switch first, dup := b.problemTypes[s.Type.Value]; {
	case s.Code.Pos.IsValid():
		b.errs.add(s.Code.Pos, "code cannot be set with format problem: a problem type is identified by its type URI, which is its code")
	case !s.Type.Pos.IsValid():
		if !s.unread("type", false) && s.Name.Pos.IsValid() {
			b.errs.add(s.Pos, "error %s is missing required field \"type\" (with format problem, the URI of its problem type)", e.Name)
		}
	case s.Type.Value == "":
		b.errs.add(s.Type.Pos, "type is empty; a problem type needs its URI, or about:blank")
	case dup:
		b.errs.add(s.Type.Pos, "duplicate type %q (first used by %s at %s)", s.Type.Value, first.Name.Value, first.Type.Pos.short())
	default:
		b.problemTypes[s.Type.Value] = s
		e.Code, e.HasCode = CodeValue{Str: s.Type.Value}, true
	}
	e.Type = ""
}

// paramFields gives each param with a json path a field of the error's
// own at that member, named and typed as the param.
func (b *builder) paramFields(s *ErrorSpec, params []*Param) []*Field {
	var out []*Field
	for i, ps := range s.Params {
		if !ps.JSON.Pos.IsValid() || i >= len(params) || params[i] == nil || params[i].Field == "" {
			continue
		}
		p := params[i]
		f := &Field{Name: p.Field, Type: p.Type, Doc: p.Doc, Own: true}
		if f = b.members.field(f, ps.JSON, fieldKinds[p.Type]); f != nil {
			out = append(out, f)
		}
	}
	return out
}

// code checks a code or an alias and returns its value, and whether it is
// usable. Codes are positive int32s, or non-empty strings in a spec whose
// codes are strings.
func (b *builder) code(c Scalar, what string, env *Envelope) (CodeValue, bool) {
	switch {
	case !c.Pos.IsValid():
		return CodeValue{}, false
	case env.Code == nil && b.spec.Envelope.Code.Null:
		b.errs.add(c.Pos, "%s %s needs envelope.code, the path of the member that carries it; this envelope has none", what, c.Value)
	case env.Code == nil:
		// The code's path is not usable; Build has said why.
	case c.Kind != ScalarInt && c.Kind != ScalarString:
		b.errs.add(c.Pos, "%s %s must be an integer or a string", what, c.Value)
	case env.StringCodes && c.Kind != ScalarString:
		b.errs.add(c.Pos, "%s %s is an integer, but this spec's codes are strings, as its first one is", what, c.Value)
	case !env.StringCodes && c.Kind != ScalarInt:
		b.errs.add(c.Pos, "%s %q is a string, but this spec's codes are integers, as its first one is", what, c.Value)
	case c.Kind == ScalarString && c.Value == "":
		b.errs.add(c.Pos, "%s is an empty string", what)
	case c.Kind == ScalarString:
		return CodeValue{Str: c.Value}, true
	case c.Int <= 0 || c.Int > math.MaxInt32:
		b.errs.add(c.Pos, "%s %d must be between 1 and %d", what, c.Int, math.MaxInt32)
	default:
		return CodeValue{Int: int(c.Int)}, true
	}
	return CodeValue{}, false
}

// status checks a status: an HTTP error status, or a 2xx status in a spec
// whose envelope has consts that tell an error body from a success body.
func (b *builder) status(s Int) bool {
	switch {
	case !s.Pos.IsValid():
		return false
	case s.Value >= 200 && s.Value <= 299 && b.errors2xx:
		return true
	case s.Value >= 200 && s.Value <= 299:
		b.errs.add(s.Pos, "status %d is a success; an error may have it only when envelope.const tells its body from a success body", s.Value)
		return false
	case s.Value < 400 || s.Value > 599:
		b.errs.add(s.Pos, "status %d is not an HTTP error status (400-599)", s.Value)
		return false
	}
	return true
}

func (b *builder) statuses(s *ErrorSpec) []int {
	var out []int
	seen := map[int64]Pos{}
	for _, st := range s.Statuses {
		if first, dup := seen[st.Value]; dup {
			b.errs.add(st.Pos, "status %d is listed twice (first at %s)", st.Value, first.short())
			continue
		}
		seen[st.Value] = st.Pos
		if b.status(st) {
			out = append(out, int(st.Value))
		}
	}
	if _, ok := seen[s.Status.Value]; !ok && s.Status.Pos.IsValid() {
		b.errs.add(s.Statuses[0].Pos, "statuses must include the default status %d", s.Status.Value)
	}
	slices.Sort(out)
	return out
}

func (b *builder) uniqueCodes(errs []ErrorSpec) {
	codes := map[string]*ErrorSpec{}
	for i := range errs {
		s := &errs[i]
		if !s.Code.Pos.IsValid() {
			continue
		}
		if first, dup := codes[s.Code.Value]; dup {
			b.errs.add(s.Code.Pos, "duplicate code %s (first used by %s at %s)", s.Code.Value, first.Name.Value, first.Code.Pos.short())
		} else {
			codes[s.Code.Value] = s
		}
	}
}

// aliases checks that every (code, status) pair a client may receive
// resolves to exactly one error. An alias code means its owner only when
// received with one of the owner's statuses, so it clashes with another
// error that has the same code, as its own or as an alias, and shares one
// of those statuses.
func (b *builder) aliases(specs []ErrorSpec, defs []*ErrorDef) {
	type claimant struct {
		def *ErrorDef
		pos Pos
	}
	type pair struct {
		code   string
		status int
	}
	byPair := map[pair]claimant{}
	for i, e := range defs {
		if !e.HasCode {
			continue
		}
		for _, st := range e.Statuses {
			byPair[pair{e.Code.String(), st}] = claimant{e, specs[i].Code.Pos}
		}
	}
	for i, e := range defs {
		seen := map[string]Pos{}
		for _, a := range specs[i].Aliases {
			first, dup := seen[a.Value]
			switch {
			case dup:
				b.errs.add(a.Pos, "alias %s is listed twice (first at %s)", a.Value, first.short())
				continue
			case e.HasCode && a.Value == e.Code.String():
				b.errs.add(a.Pos, "alias %s is %s's own code", a.Value, e.Name)
				continue
			}
			seen[a.Value] = a.Pos
			for _, st := range e.Statuses {
				p := pair{a.Value, st}
				if prev, ok := byPair[p]; ok && prev.def != e {
					b.errs.add(a.Pos, "alias %s is ambiguous: code %s with status %d already means %s (at %s)", a.Value, a.Value, st, prev.def.Name, prev.pos.short())
					break
				}
				byPair[p] = claimant{e, a.Pos}
			}
		}
	}
}

func (b *builder) params(s *ErrorSpec) []*Param {
	var out []*Param
	fields := map[string]Pos{}
	for _, ps := range s.Params {
		p := &Param{Name: ps.Name.Value, Type: ps.Type.Value, Format: ps.Format.Value, Doc: ps.Doc.Value}
		out = append(out, p)
		if !ps.Name.Pos.IsValid() || !ps.Type.Pos.IsValid() {
			continue // not read; Parse has said why
		}
		if !paramName.MatchString(p.Name) {
			b.errs.add(ps.Name.Pos, "param name %q must be letters, digits and '_', starting with a letter", p.Name)
		} else {
			ws := words(p.Name)
			p.Field, p.Arg = paramFieldName(ws), argName(ws)
			if prev, ok := fields[p.Field]; ok {
				b.errs.add(ps.Name.Pos, "param %q needs the Go field %s, already taken by the param at %s", p.Name, p.Field, prev.short())
			} else {
				fields[p.Field] = ps.Name.Pos
			}
		}
		if !b.format(p, ps) {
			continue
		}
	}
	return out
}

var floatFormat = regexp.MustCompile(`^%(?:\.(\d{1,2}))?([efgEG])$`)

// format resolves a param's format into strconv terms.
func (b *builder) format(p *Param, ps ParamSpec) bool {
	switch p.Type {
	case "string":
		switch p.Format {
		case "", "%s", "%v":
			p.Verb = 's'
		case "%q":
			p.Verb = 'q'
		default:
			b.errs.add(ps.Format.Pos, "format %q does not fit type string; use %%s or %%q", p.Format)
			return false
		}
	case "int":
		bases := map[string]int{"": 10, "%d": 10, "%v": 10, "%x": 16, "%o": 8, "%b": 2}
		base, ok := bases[p.Format]
		if !ok {
			b.errs.add(ps.Format.Pos, "format %q does not fit type int; use %%d, %%x, %%o or %%b", p.Format)
			return false
		}
		p.Base = base
	case "float64":
		p.Verb, p.Prec = 'g', -1
		if p.Format == "" || p.Format == "%v" {
			break
		}
		m := floatFormat.FindStringSubmatch(p.Format)
		if m == nil {
			b.errs.add(ps.Format.Pos, "format %q does not fit type float64; use %%f, %%e or %%g, with an optional precision such as %%.2f", p.Format)
			return false
		}
		p.Verb = m[2][0]
		if m[1] != "" {
			p.Prec, _ = strconv.Atoi(m[1])
		} else if p.Verb != 'g' && p.Verb != 'G' {
			p.Prec = 6 // as fmt does
		}
	default:
		b.errs.add(ps.Type.Pos, "param type %q is not string, int or float64", p.Type)
		return false
	}
	return true
}

// template parses the message into segments when the error has params, and
// checks placeholders against params either way.
func (b *builder) template(s *ErrorSpec, params []*Param) []Segment {
	msg := s.Message
	byName := map[string]*Param{}
	for _, p := range params {
		byName[p.Name] = p
	}
	used := map[string]bool{}
	var segs []Segment
	var text strings.Builder
	src := msg.Value
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '{' && strings.HasPrefix(src[i:], "{{"), c == '}' && strings.HasPrefix(src[i:], "}}"):
			text.WriteByte(c)
			i++
		case c == '}':
			b.errs.add(msg.Pos, "message has an unmatched } at byte %d; write }} for a literal brace", i+1)
			return nil
		case c == '{':
			end := strings.IndexByte(src[i:], '}')
			if end < 0 {
				b.errs.add(msg.Pos, "message has an unclosed { at byte %d; write {{ for a literal brace", i+1)
				return nil
			}
			name := src[i+1 : i+end]
			p, ok := byName[name]
			switch {
			case name == "":
				b.errs.add(msg.Pos, "message has an empty placeholder {} at byte %d; put a param name inside, or write {{}} for literal braces", i+1)
				return nil
			case !ok && (s.unread("params", s.Params != nil) || unnamed(s.Params)):
				return nil // the param may be one Parse could not read
			case !ok:
				b.errs.add(msg.Pos, "placeholder {%s} has no param; declare it under params", name)
				return nil
			}
			if text.Len() > 0 {
				segs = append(segs, Segment{Text: text.String()})
				text.Reset()
			}
			segs = append(segs, Segment{Param: p})
			used[name] = true
			i += end
		default:
			text.WriteByte(c)
		}
	}
	if text.Len() > 0 {
		segs = append(segs, Segment{Text: text.String()})
	}
	for i, p := range params {
		if !used[p.Name] && s.Params[i].Name.Pos.IsValid() && !s.unread("message", msg.Pos.IsValid()) {
			b.errs.add(s.Params[i].Name.Pos, "param %q is not used in the message", p.Name)
		}
	}
	if len(params) == 0 {
		return nil
	}
	return segs
}

// unnamed reports whether some param has no name that Parse could read.
func unnamed(params []ParamSpec) bool {
	return slices.ContainsFunc(params, func(p ParamSpec) bool { return !p.Name.Pos.IsValid() })
}

// literal unescapes {{ and }} in a message without params.
func literal(msg string) string {
	return strings.NewReplacer("{{", "{", "}}", "}").Replace(msg)
}

func (b *builder) webSocket(s WebSocketSpec) WebSocket {
	ws := WebSocket{
		TypeField:    or(s.TypeField.Value, "type"),
		Type:         or(s.Type.Value, "error"),
		MessageField: or(s.MessageField.Value, "message"),
		Description:  s.Description.Value,
	}
	b.jsonFields("websocket type and message", s.Pos, s.TypeField, ws.TypeField, s.MessageField, ws.MessageField)
	texts := map[string]Pos{}
	for _, ms := range s.Messages {
		m := WebSocketMessage{Name: ms.Name.Value, Summary: ms.Summary.Value, Message: ms.Message.Value}
		if first, dup := texts[m.Message]; dup && ms.Message.Pos.IsValid() {
			b.errs.add(ms.Message.Pos, "websocket message %q is listed twice (first at %s); errors.Is could not tell them apart", m.Message, first.short())
		} else if ms.Message.Pos.IsValid() && m.Message == "" {
			b.errs.add(ms.Message.Pos, "websocket message %s is empty", m.Name)
		}
		texts[m.Message] = ms.Message.Pos
		if !token.IsIdentifier(m.Name) || !token.IsExported(m.Name) {
			b.errs.add(ms.Name.Pos, "websocket message name %q is not an exported Go identifier", m.Name)
		} else {
			m.GoName = "ErrWebSocket" + m.Name
			b.claim(m.GoName, "websocket message "+m.Name, ms.Name.Pos)
		}
		ws.Messages = append(ws.Messages, m)
	}
	return ws
}

func (b *builder) tables(ts []TableSpec) []Table {
	var out []Table
	for _, t := range ts {
		tab := Table{Title: t.Title.Value, Columns: values(t.Columns)}
		for _, row := range t.Rows {
			// Without columns, which are required, Parse has said why.
			if len(row) != len(t.Columns) && t.Columns != nil {
				pos := t.Pos
				if len(row) > 0 {
					pos = row[0].Pos
				}
				b.errs.add(pos, "table row has %s; the table has %s", count(len(row), "cell"), count(len(t.Columns), "column"))
			}
			tab.Rows = append(tab.Rows, values(row))
		}
		out = append(out, tab)
	}
	return out
}

func values(ss []Str) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Value)
	}
	return out
}

func items(is []ItemSpec) []Item {
	var out []Item
	for _, i := range is {
		out = append(out, Item{Text: i.Text.Value, Items: values(i.Items)})
	}
	return out
}

func practices(ps []PracticeSpec) []Practice {
	var out []Practice
	for _, p := range ps {
		out = append(out, Practice{Title: p.Title.Value, Text: p.Text.Value})
	}
	return out
}

func support(s SupportSpec) Support {
	out := Support{Description: s.Description.Value}
	for _, c := range s.Contacts {
		out.Contacts = append(out.Contacts, Contact{Label: c.Label.Value, Text: or(c.Text.Value, c.URL.Value), URL: c.URL.Value})
	}
	return out
}

func or2(p, def Pos) Pos {
	if p.IsValid() {
		return p
	}
	return def
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
