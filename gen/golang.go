package gen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// genErrors emits errors.go: codes, error types, constructors and matchers.
func genErrors(w *goWriter, m *Model) {
	f := w.f
	f.PackageComment(fmt.Sprintf("Package %s holds the errors of the %s: one type per error, with", m.Package, m.APIName))
	f.PackageComment("constructors, HTTP statuses and matchers that do not allocate.")
	if m.Description != "" {
		f.PackageComment("")
		for _, line := range wrap(m.Description, 76) {
			f.PackageComment(line)
		}
	}
	genCode(f, m)
	genErrorInterface(f, m)
	genUnknownError(f, m)
	genEnvelopeFields(f, m)
	genTypes(f, m)
	genDetails(f, m)
	genErrorString(f, m)
	genLogValue(f, m)
	for i, e := range m.Errors {
		f = w.next(i)
		genErrorType(f, m, e)
		genConstructor(f, e)
		if e.HasTemplate() {
			genRender(f, e)
		}
		genMethods(f, m, e)
	}
	genSentinels(w.split(), m)
	genMatchers(w, m)
	genPackageFuncs(w.split(), m)
}

// genCode emits
//
//	type Code int
//	const ( CodeXxx Code = 40001 ... )
//	func (c Code) String() string
//	func (c Code) HTTPStatus() int
func genCode(f *jen.File, m *Model) {
	coded := codedErrors(m.ByCode)
	if m.Envelope.StringCodes {
		comment(f.Group, fmt.Sprintf("Code is the error code of the %s, sent in the %s field.", m.APIName, fieldDoc(m.Envelope.Code)))
		f.Type().Id("Code").String()
	} else {
		comment(f.Group, fmt.Sprintf("Code is the numeric error code of the %s, sent in the %s field.", m.APIName, fieldDoc(m.Envelope.Code)))
		f.Type().Id("Code").Int()
	}
	f.Line()
	if len(coded) > 0 {
		comment(f.Group, fmt.Sprintf("The codes of the %s.", m.APIName))
		f.Const().DefsFunc(func(g *jen.Group) {
			for _, e := range coded {
				g.Comment(fmt.Sprintf("%s is the code of %s.", e.CodeConst, e.Name))
				g.Id(e.CodeConst).Id("Code").Op("=").Lit(e.Code.Value())
			}
		})
		f.Line()
	}

	unknown := jen.Lit("Code(").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("c"))).Op("+").Lit(")")
	if m.Envelope.StringCodes {
		unknown = jen.Lit("Code(").Op("+").Qual("strconv", "Quote").Call(jen.String().Call(jen.Id("c"))).Op("+").Lit(")")
	}
	f.Comment("String returns the name of the error the code stands for, or Code(N)")
	f.Comment("for a code this package does not know.")
	f.Func().Params(jen.Id("c").Id("Code")).Id("String").Params().String().Block(
		jen.Switch(jen.Id("c")).BlockFunc(func(g *jen.Group) {
			for _, e := range coded {
				g.Case(jen.Id(e.CodeConst)).Block(jen.Return(jen.Lit(e.Name)))
			}
		}),
		jen.Return(unknown),
	)
	f.Line()

	comment(f.Group, fmt.Sprintf("HTTPStatus returns the default HTTP status of the error the code stands for. A code this package does not know gets %d, the status of %s.", m.Fallback.Status, m.Fallback.Name))
	f.Func().Params(jen.Id("c").Id("Code")).Id("HTTPStatus").Params().Int().Block(
		jen.Switch(jen.Id("c")).BlockFunc(func(g *jen.Group) {
			for _, group := range byStatus(coded) {
				g.CaseFunc(func(g *jen.Group) {
					for _, e := range group {
						g.Id(e.CodeConst)
					}
				}).Block(jen.Return(jen.Lit(group[0].Status)))
			}
		}),
		jen.Return(jen.Lit(m.Fallback.Status)),
	)
}

// codedErrors are the errors that have a code of their own.
func codedErrors(errs []*ErrorDef) []*ErrorDef {
	var out []*ErrorDef
	for _, e := range errs {
		if e.HasCode {
			out = append(out, e)
		}
	}
	return out
}

// byStatus groups errors by default status, in order of status.
func byStatus(errs []*ErrorDef) [][]*ErrorDef {
	var groups [][]*ErrorDef
	index := map[int]int{}
	for _, e := range errs {
		i, ok := index[e.Status]
		if !ok {
			i = len(groups)
			index[e.Status] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], e)
	}
	// Insertion sort keeps this stable and the groups are few.
	for i := 1; i < len(groups); i++ {
		for j := i; j > 0 && groups[j][0].Status < groups[j-1][0].Status; j-- {
			groups[j], groups[j-1] = groups[j-1], groups[j]
		}
	}
	return groups
}

// genErrorInterface emits
//
//	type Error interface { error; ErrorCode() Code; HTTPStatus() int; ErrorMessage() string }
func genErrorInterface(f *jen.File, m *Model) {
	comment(f.Group, fmt.Sprintf("Error is implemented by every error of the %s: the types of this package, the Err values and UnknownError.", m.APIName))
	f.Type().Id("Error").Interface(
		jen.Error(),
		jen.Comment(fmt.Sprintf("ErrorCode returns the code sent in the %s field.", fieldDoc(m.Envelope.Code))),
		jen.Id("ErrorCode").Params().Id("Code"),
		jen.Comment("HTTPStatus returns the HTTP status the error is sent with."),
		jen.Id("HTTPStatus").Params().Int(),
		jen.Comment(fmt.Sprintf("ErrorMessage returns the message sent in the %s field; it is", fieldDoc(m.Envelope.Message))),
		jen.Comment("never empty."),
		jen.Id("ErrorMessage").Params().String(),
	)
	f.Line()
}

// genUnknownError emits
//
//	type UnknownError struct { Code Code; Status int; Message string }
//	func (e *UnknownError) Error() string ...
func genUnknownError(f *jen.File, m *Model) {
	f.Comment("UnknownError is an API error whose code this package does not know, such")
	f.Comment("as one added to the API after this package was generated.")
	f.Type().Id("UnknownError").StructFunc(func(g *jen.Group) {
		g.Comment(fmt.Sprintf("Code is the code received in the %s field.", fieldDoc(m.Envelope.Code)))
		g.Id("Code").Id("Code")
		if m.Envelope.Type != nil {
			g.Comment(fmt.Sprintf("Type is the type received in the %s field.", fieldDoc(m.Envelope.Type)))
			g.Id("Type").String()
		}
		g.Comment("Status is the HTTP status received.")
		g.Id("Status").Int()
		g.Comment(fmt.Sprintf("Message is the message received in the %s field.", fieldDoc(m.Envelope.Message)))
		g.Id("Message").String()
		g.Comment("Body is an excerpt of the body received when it was not an error body.")
		g.Id("Body").String()
		if m.Envelope.Title != nil {
			g.Comment(fmt.Sprintf("Title is the title received in the %s member; sent only when set.", m.Envelope.Title.Name))
			g.Id("Title").String()
		}
		if m.Envelope.HasFieldsType() {
			g.Id("EnvelopeFields")
		}
	})
	f.Line()
	recv := func() *jen.Statement { return jen.Params(jen.Id("e").Op("*").Id("UnknownError")) }
	code := jen.Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("e").Dot("Code")))
	if m.Envelope.StringCodes {
		code = jen.String().Call(jen.Id("e").Dot("Code"))
	}
	f.Comment("Error returns the code and the message.")
	f.Func().Add(recv()).Id("Error").Params().String().Block(
		jen.Return(jen.Lit("UnknownError (").Op("+").Add(code).Op("+").Lit("): ").Op("+").Id("e").Dot("ErrorMessage").Call()),
	)
	f.Line()
	f.Comment("ErrorCode returns e.Code.")
	f.Func().Add(recv()).Id("ErrorCode").Params().Id("Code").Block(jen.Return(jen.Id("e").Dot("Code")))
	f.Line()
	invalid := jen.Id("e").Dot("Status").Op("<").Lit(400).Op("||").Id("e").Dot("Status").Op(">").Lit(599)
	what := "an HTTP error status"
	if errors2xx(m) {
		invalid = jen.Parens(jen.Id("e").Dot("Status").Op("<").Lit(200).Op("||").Id("e").Dot("Status").Op(">").Lit(299)).Op("&&").Parens(invalid)
		what = "a status an error is sent with (2xx, 4xx or 5xx)"
	}
	comment(f.Group, fmt.Sprintf("HTTPStatus returns e.Status, or %d when it is not %s.", m.Fallback.Status, what))
	f.Func().Add(recv()).Id("HTTPStatus").Params().Int().Block(
		jen.If(invalid).Block(jen.Return(jen.Lit(m.Fallback.Status))),
		jen.Return(jen.Id("e").Dot("Status")),
	)
	f.Line()
	if m.Envelope.Message == nil && m.Envelope.StringCodes {
		// Without a message member, the code is all an unknown error says.
		f.Comment("ErrorMessage returns e.Message, or, when it is empty, the code, else the")
		f.Comment("text of the HTTP status.")
		f.Func().Add(recv()).Id("ErrorMessage").Params().String().Block(
			jen.If(jen.Id("e").Dot("Message").Op("!=").Lit("")).Block(jen.Return(jen.Id("e").Dot("Message"))),
			jen.If(jen.Id("e").Dot("Code").Op("!=").Lit("")).Block(jen.Return(jen.String().Call(jen.Id("e").Dot("Code")))),
			jen.Return(jen.Id("statusText").Call(jen.Id("e").Dot("HTTPStatus").Call())),
		)
	} else {
		f.Comment("ErrorMessage returns e.Message, or the text of the HTTP status when it is empty.")
		f.Func().Add(recv()).Id("ErrorMessage").Params().String().Block(
			jen.If(jen.Id("e").Dot("Message").Op("==").Lit("")).Block(
				jen.Return(jen.Id("statusText").Call(jen.Id("e").Dot("HTTPStatus").Call())),
			),
			jen.Return(jen.Id("e").Dot("Message")),
		)
	}
	f.Line()
	f.Comment("LogValue returns the error's code, status, message, body excerpt and")
	f.Comment("fields, for log/slog.")
	f.Func().Add(recv()).Id("LogValue").Params().Qual("log/slog", "Value").BlockFunc(func(g *jen.Group) {
		d := jen.Op("&").Id("details").Values(jen.Id("body").Op(":").Id("e").Dot("Body"))
		if m.Envelope.Type == nil && len(m.Envelope.Fields) == 0 {
			g.Return(jen.Id("logValue").Call(jen.Lit("UnknownError"), jen.Id("e"), d))
			return
		}
		g.Var().Id("attrs").Index().Qual("log/slog", "Attr")
		if m.Envelope.Type != nil {
			g.If(jen.Id("e").Dot("Type").Op("!=").Lit("")).Block(
				jen.Id("attrs").Op("=").Append(jen.Id("attrs"), jen.Qual("log/slog", "String").Call(jen.Lit("type"), jen.Id("e").Dot("Type"))),
			)
		}
		for _, fl := range m.Envelope.Fields {
			g.Add(logFieldAttr(unknownField(fl), fl))
		}
		g.Return(jen.Id("logValue").Call(jen.Lit("UnknownError"), jen.Id("e"), d, jen.Id("attrs").Op("...")))
	})
	f.Line()
	genStatusText(f, m)
}

// genStatusText emits
//
//	func statusText(status int) string
//
// which never returns "": net/http's text, the spec's, or the number.
func genStatusText(f *jen.File, m *Model) {
	f.Comment("statusText returns the text of an HTTP status, never empty: net/http's,")
	f.Comment("the spec's for a status net/http does not know, or \"HTTP status N\".")
	f.Func().Id("statusText").Params(jen.Id("status").Int()).String().BlockFunc(func(g *jen.Group) {
		if len(m.StatusTexts) > 0 {
			g.Switch(jen.Id("status")).BlockFunc(func(g *jen.Group) {
				for _, st := range m.StatusTexts {
					g.Case(jen.Lit(st.Status)).Block(jen.Return(jen.Lit(st.Text)))
				}
			})
		}
		g.If(jen.Id("t").Op(":=").Qual("net/http", "StatusText").Call(jen.Id("status")), jen.Id("t").Op("!=").Lit("")).Block(jen.Return(jen.Id("t")))
		g.Return(jen.Lit("HTTP status ").Op("+").Qual("strconv", "Itoa").Call(jen.Id("status")))
	})
	f.Line()
}

// genDetails emits the type that holds what few errors carry:
//
//	type details struct { cause error; code Code; status int; body string }
func genDetails(f *jen.File, m *Model) {
	f.Comment("details holds what few errors carry: a cause, or the code, status and body")
	f.Comment("an error was received with. Keeping them behind one pointer makes a new")
	f.Comment("error one small allocation. Details are never changed once set:")
	f.Comment("WithCause and WithStatus replace them, so copies of an error never share")
	f.Comment("a change.")
	f.Type().Id("details").StructFunc(func(g *jen.Group) {
		g.Id("cause").Error()
		g.Id("code").Id("Code").Comment("the code received, when not the error's own")
		g.Id("status").Int().Comment("the status to send or received, when not the default")
		g.Id("body").String().Comment("an excerpt of a received body that was not the envelope")
		if m.Envelope.Type != nil {
			g.Id("typ").String().Comment("the type received by an error that has none of its own")
		}
	})
	f.Line()
	f.Comment("get returns the details x points to, or none.")
	f.Func().Params(jen.Id("x").Op("*").Id("details")).Id("get").Params().Id("details").Block(
		jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Return(jen.Id("details").Values())),
		jen.Return(jen.Op("*").Id("x")),
	)
	f.Line()
	f.Comment("ptr returns a pointer to a copy of x, or nil when x holds nothing.")
	f.Func().Params(jen.Id("x").Id("details")).Id("ptr").Params().Op("*").Id("details").Block(
		jen.If(jen.Id("x").Op("==").Parens(jen.Id("details").Values())).Block(jen.Return(jen.Nil())),
		jen.Return(jen.Op("&").Id("x")),
	)
	f.Line()
	f.Comment("statusOr returns the status x holds, or def when it holds none.")
	f.Func().Params(jen.Id("x").Op("*").Id("details")).Id("statusOr").Params(jen.Id("def").Int()).Int().Block(
		jen.If(jen.Id("x").Op("!=").Nil().Op("&&").Id("x").Dot("status").Op("!=").Lit(0)).Block(jen.Return(jen.Id("x").Dot("status"))),
		jen.Return(jen.Id("def")),
	)
	f.Line()
	f.Comment("withCause returns a copy of x with its cause set to err.")
	f.Func().Params(jen.Id("x").Op("*").Id("details")).Id("withCause").Params(jen.Id("err").Error()).Op("*").Id("details").Block(
		jen.Id("d").Op(":=").Id("x").Dot("get").Call(),
		jen.Id("d").Dot("cause").Op("=").Id("err"),
		jen.Return(jen.Id("d").Dot("ptr").Call()),
	)
	f.Line()
}

// genErrorString emits the helpers of the Error methods:
//
//	func errorText(head, message string, cause error) string
//	func errorString(b []byte, cause error) string
//
// An error with a fixed message joins strings; one with params renders
// into a stack buffer. Either way only the string allocates.
func genErrorString(f *jen.File, m *Model) {
	if slices.ContainsFunc(m.Errors, func(e *ErrorDef) bool { return !e.HasTemplate() }) {
		f.Comment("errorText returns head and message, with \": \" and the cause's text after")
		f.Comment("them when there is a cause.")
		f.Func().Id("errorText").Params(jen.List(jen.Id("head"), jen.Id("message")).String(), jen.Id("cause").Error()).String().Block(
			jen.If(jen.Id("cause").Op("!=").Nil()).Block(
				jen.Return(jen.Id("head").Op("+").Id("message").Op("+").Lit(": ").Op("+").Id("cause").Dot("Error").Call()),
			),
			jen.Return(jen.Id("head").Op("+").Id("message")),
		)
		f.Line()
	}
	if slices.ContainsFunc(m.Errors, (*ErrorDef).HasTemplate) {
		f.Comment("errorString returns b as a string, with \": \" and the cause's text after it")
		f.Comment("when there is a cause.")
		f.Func().Id("errorString").Params(jen.Id("b").Index().Byte(), jen.Id("cause").Error()).String().Block(
			jen.If(jen.Id("cause").Op("!=").Nil()).Block(
				jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit(": ").Op("...")),
				jen.Id("b").Op("=").Append(jen.Id("b"), jen.Id("cause").Dot("Error").Call().Op("...")),
			),
			jen.Return(jen.String().Call(jen.Id("b"))),
		)
		f.Line()
	}
}

// genLogValue emits the helper of the LogValue methods:
//
//	func logValue(name string, e Error, x *details, params ...slog.Attr) slog.Value
//
// A log handler would otherwise take an error's MarshalJSON, the wire
// body, and drop its status and cause.
func genLogValue(f *jen.File, m *Model) {
	slogAttr := func(kind, key string, v jen.Code) jen.Code {
		return jen.Qual("log/slog", kind).Call(jen.Lit(key), v)
	}
	codeAttr := func(key string, v *jen.Statement) jen.Code {
		if m.Envelope.StringCodes {
			return slogAttr("String", key, jen.String().Call(v))
		}
		return slogAttr("Int", key, jen.Int().Call(v))
	}
	f.Comment("logValue returns an error as a log/slog group: its name, code, the code it")
	f.Comment("was received with when that was an alias, status, message, params, body")
	f.Comment("excerpt and cause, each only when known.")
	f.Func().Id("logValue").Params(
		jen.Id("name").String(), jen.Id("e").Id("Error"), jen.Id("x").Op("*").Id("details"), jen.Id("params").Op("...").Qual("log/slog", "Attr"),
	).Qual("log/slog", "Value").Block(
		jen.Id("d").Op(":=").Id("x").Dot("get").Call(),
		jen.Id("attrs").Op(":=").Make(jen.Index().Qual("log/slog", "Attr"), jen.Lit(0), jen.Lit(7).Op("+").Len(jen.Id("params"))),
		jen.Id("attrs").Op("=").Append(jen.Id("attrs"), slogAttr("String", "name", jen.Id("name"))),
		jen.If(jen.Id("c").Op(":=").Id("e").Dot("ErrorCode").Call(), jen.Id("c").Op("!=").Add(zeroCode(m))).Block(
			jen.Id("attrs").Op("=").Append(jen.Id("attrs"), codeAttr("code", jen.Id("c"))),
		),
		jen.If(jen.Id("d").Dot("code").Op("!=").Add(zeroCode(m))).Block(
			jen.Id("attrs").Op("=").Append(jen.Id("attrs"), codeAttr("received_code", jen.Id("d").Dot("code"))),
		),
		jen.Id("attrs").Op("=").Append(jen.Id("attrs"), slogAttr("Int", "status", jen.Id("e").Dot("HTTPStatus").Call()), slogAttr("String", "message", jen.Id("e").Dot("ErrorMessage").Call())),
		jen.Id("attrs").Op("=").Append(jen.Id("attrs"), jen.Id("params").Op("...")),
		jen.If(jen.Id("d").Dot("body").Op("!=").Lit("")).Block(
			jen.Id("attrs").Op("=").Append(jen.Id("attrs"), slogAttr("String", "body", jen.Id("d").Dot("body"))),
		),
		jen.If(jen.Id("d").Dot("cause").Op("!=").Nil()).Block(
			jen.Id("attrs").Op("=").Append(jen.Id("attrs"), slogAttr("Any", "cause", jen.Id("d").Dot("cause"))),
		),
		jen.Return(jen.Qual("log/slog", "GroupValue").Call(jen.Id("attrs").Op("..."))),
	)
	f.Line()
}

// unknownField is envelope field fl of UnknownError e: by way of
// EnvelopeFields when UnknownError has a field of the same name, such as
// Status.
func unknownField(fl *Field) *jen.Statement {
	switch fl.Name {
	case "Code", "Type", "Status", "Body":
		return jen.Id("e").Dot("EnvelopeFields").Dot(fl.Name)
	}
	return jen.Id("e").Dot(fl.Name)
}

// logFieldAttr appends the log/slog attribute of a field to attrs when the
// field is set, keyed by its member's key.
func logFieldAttr(v *jen.Statement, fl *Field) jen.Code {
	var attr jen.Code
	switch fl.Type {
	case "string", "int", "bool":
		attr = jen.Qual("log/slog", map[string]string{"string": "String", "int": "Int", "bool": "Bool"}[fl.Type]).Call(jen.Lit(fl.Member.Key()), v)
	case "float64":
		attr = jen.Qual("log/slog", "Float64").Call(jen.Lit(fl.Member.Key()), v)
	case "json":
		attr = jen.Qual("log/slog", "String").Call(jen.Lit(fl.Member.Key()), jen.String().Call(v))
	default:
		attr = jen.Qual("log/slog", "Any").Call(jen.Lit(fl.Member.Key()), v)
	}
	return jen.If(isSet(v.Clone(), fl.Type)).Block(
		jen.Id("attrs").Op("=").Append(jen.Id("attrs"), attr),
	)
}

// errorHead is the start of an error's text: its name and code.
func errorHead(e *ErrorDef) string {
	if e.HasCode {
		return e.Name + " (" + e.Code.String() + "): "
	}
	return e.Name + ": "
}

// logAttr is the log/slog attribute of a param, keyed by its spec name.
func logAttr(p *Param) jen.Code {
	kind := map[string]string{"string": "String", "int": "Int", "float64": "Float64"}[p.Type]
	return jen.Qual("log/slog", kind).Call(jen.Lit(p.Name), jen.Id("e").Dot(p.Field))
}

// fieldDoc names a member in a doc comment: its path, or "(no)" when the
// body has none.
func fieldDoc(mb *Member) string {
	if mb == nil {
		return "(no)"
	}
	return mb.Name
}

// fieldComment documents a field: what it holds and where it is sent.
func fieldComment(fl *Field) string {
	what := "the " + fl.Member.Name + " member of the body"
	if fl.Doc != "" {
		what = strings.TrimSuffix(lowerFirst(fl.Doc), ".") + ", sent in the " + fl.Member.Name + " member"
	}
	return fl.Name + " is " + what + "; sent only when set."
}

// genEnvelopeFields emits, when the envelope has fields,
//
//	type EnvelopeFields struct { ... }
//	func (f *EnvelopeFields) fill(m *received, data []byte)
func genEnvelopeFields(f *jen.File, m *Model) {
	env := &m.Envelope
	if !env.HasFieldsType() {
		return
	}
	what, first := "members", ""
	switch {
	case len(env.Fields) == 0:
		what, first = "response headers", env.Headers[0].Name
	case len(env.Headers) == 0:
		first = env.Fields[0].Name
	default:
		what, first = "members and response headers", env.Fields[0].Name
	}
	comment(f.Group, fmt.Sprintf("EnvelopeFields are the %s any error of the %s may carry. Every error type embeds them, so that e.%s reads as any field.", what, m.APIName, first))
	f.Type().Id("EnvelopeFields").StructFunc(func(g *jen.Group) {
		for _, fl := range env.Fields {
			comment(g, fieldComment(fl))
			g.Id(fl.Name).Add(goFieldType(fl.Type))
		}
		for _, h := range env.Headers {
			comment(g, headerComment(h))
			g.Id(h.Name).Add(headerGoType(h))
		}
	})
	f.Line()
	if len(env.Fields) == 0 {
		return
	}
	f.Comment("fillFields sets the fields from the members m found in data.")
	f.Func().Params(jen.Id("e").Op("*").Id("EnvelopeFields")).Id("fillFields").Params(jen.Id("m").Op("*").Id("received"), jen.Id("data").Index().Byte()).BlockFunc(func(g *jen.Group) {
		for _, fl := range m.Envelope.Fields {
			g.Add(fillField(jen.Id("e").Dot(fl.Name), fl))
		}
	})
	f.Line()
}

// headerComment documents a header field: what it holds and the header
// it is read from and sent in.
func headerComment(h *HeaderField) string {
	what := "the " + h.Key + " header"
	if h.Doc != "" {
		what = strings.TrimSuffix(lowerFirst(h.Doc), ".") + ", in the " + h.Key + " header"
	}
	zero := map[HeaderType]string{HeaderString: "empty", HeaderInt: "nil", HeaderDuration: "zero", HeaderTime: "the zero time"}[h.Type]
	return h.Name + " is " + what + headerFormatDoc(h) + "; " + zero + " when absent, and sent only when set."
}

// headerFormatDoc says how a duration or time header is written.
func headerFormatDoc(h *HeaderField) string {
	if f := formatWords[h.Format]; f != "" {
		return " (" + f + ")"
	}
	return ""
}

var formatWords = map[HeaderFormat]string{
	FormatSeconds: "seconds, or an HTTP-date",
	FormatMillis:  "milliseconds",
	FormatGo:      "Go duration text, such as 1m30s",
	FormatHTTP:    "an HTTP-date",
	FormatUnix:    "Unix seconds",
	FormatRFC3339: "RFC 3339",
}

// headerList names headers in prose: Retry-After or X-Ratelimit-Reset.
func headerList(hs []*HeaderField) string {
	var keys []string
	for _, h := range hs {
		keys = append(keys, h.Key)
	}
	return joinInts(keys, "or")
}

// headerGoType is the Go type of a header field.
func headerGoType(h *HeaderField) jen.Code {
	switch h.Type {
	case HeaderInt:
		return jen.Op("*").Int()
	case HeaderDuration:
		return jen.Qual("time", "Duration")
	case HeaderTime:
		return jen.Qual("time", "Time")
	}
	return jen.String()
}

// genTypes emits the declared object types:
//
//	type ValidationIssue struct { Field string `json:"field,omitempty"` ... }
func genTypes(f *jen.File, m *Model) {
	for _, t := range m.Types {
		doc := t.Name + " is an object some errors carry."
		if t.Doc != "" {
			doc = t.Name + " is " + strings.TrimSuffix(lowerFirst(t.Doc), ".") + "."
		}
		comment(f.Group, doc)
		f.Type().Id(t.Name).StructFunc(func(g *jen.Group) {
			for _, fl := range t.Fields {
				what := "the " + fl.Member.Name + " member"
				if fl.Doc != "" {
					what = strings.TrimSuffix(lowerFirst(fl.Doc), ".") + ", sent in the " + fl.Member.Name + " member"
				}
				comment(g, fl.Name+" is "+what+"; sent only when set.")
				g.Id(fl.Name).Add(goFieldType(fl.Type)).Tag(map[string]string{"json": fl.Member.Key() + ",omitempty"})
			}
		})
		f.Line()
	}
}

// genErrorType emits
//
//	type XxxError struct { Message string; <params>; x *details }
func genErrorType(f *jen.File, m *Model, e *ErrorDef) {
	comment(f.Group, errorDoc(m, e))
	f.Type().Id(e.Name).StructFunc(func(g *jen.Group) {
		if e.HasTemplate() {
			comment(g, "Message, when set, is sent instead of the message rendered from the params.")
		} else {
			comment(g, fmt.Sprintf("Message is sent in the %s field; empty means the default.", fieldDoc(m.Envelope.Message)))
		}
		g.Id("Message").String()
		for _, p := range e.Params {
			if p.Doc != "" {
				comment(g, p.Field+" is "+strings.TrimSuffix(lowerFirst(p.Doc), ".")+".")
			} else {
				comment(g, p.Field+" is the value of {"+p.Name+"} in the message.")
			}
			g.Id(p.Field).Id(p.Type)
		}
		if m.Envelope.HasFieldsType() {
			g.Id("EnvelopeFields")
		}
		for _, fl := range e.OwnFields {
			comment(g, fieldComment(fl))
			g.Id(fl.Name).Add(goFieldType(fl.Type))
		}
		for _, h := range e.OwnHeaders {
			comment(g, headerComment(h))
			g.Id(h.Name).Add(headerGoType(h))
		}
		g.Line()
		g.Id("x").Op("*").Id("details").Comment("cause, status, received code and body; nil when none")
	})
	f.Line()
}

func errorDoc(m *Model, e *ErrorDef) string {
	var b strings.Builder
	if e.HasCode {
		fmt.Fprintf(&b, "%s is error %s of the %s, sent with HTTP status %d", e.Name, e.Code, m.APIName, e.Status)
	} else {
		fmt.Fprintf(&b, "%s is the %s error of type %q, sent with HTTP status %d", e.Name, m.APIName, e.Type, e.Status)
	}
	if e.StatusText != "" {
		fmt.Fprintf(&b, " (%s)", e.StatusText)
	}
	if others := without(e.Statuses, e.Status); len(others) > 0 {
		fmt.Fprintf(&b, " or %s", joinInts(others, "or"))
	}
	b.WriteString(".")
	if len(e.Aliases) > 0 {
		fmt.Fprintf(&b, " It also arrives as code %s with status %s.", joinInts(e.Aliases, "or"), joinInts(e.Statuses, "or"))
	}
	if e.Description != "" {
		b.WriteString("\n\n" + e.Description)
	}
	b.WriteString("\n\n")
	switch e.Retry {
	case RetryNever:
		b.WriteString("Retrying the same request fails the same way.")
	case RetryBackoff:
		b.WriteString("Clients may retry with exponential backoff.")
	case RetryWait:
		b.WriteString("Clients may retry once their requests in flight end.")
	case RetryAfter:
		b.WriteString("Clients may retry after the delay the server gives")
		if len(e.Delay) > 0 {
			b.WriteString(" in " + headerList(e.Delay))
		}
		b.WriteString(", else with exponential backoff.")
	}
	if e.Retry != RetryAfter && e.Retry != RetryNever && len(e.Delay) > 0 {
		b.WriteString(" A delay the server gives in " + headerList(e.Delay) + " comes first.")
	}
	if e.Fallback {
		b.WriteString(" WriteError sends it for any error that is not an API error.")
	}
	return b.String()
}

// genConstructor emits, for an error with params,
//
//	func NewXxxError(a T, b U) *XxxError
//
// and otherwise
//
//	func NewXxxError(message string) *XxxError
func genConstructor(f *jen.File, e *ErrorDef) {
	if !e.HasTemplate() {
		comment(f.Group, fmt.Sprintf("%s returns %s with the given message; \"\" means the default, %q.", e.Constructor, article(e.Name), e.Message))
		f.Func().Id(e.Constructor).Params(jen.Id("message").String()).Op("*").Id(e.Name).Block(
			jen.If(jen.Id("message").Op("==").Lit("")).Block(jen.Id("message").Op("=").Lit(e.Message)),
			jen.Return(jen.Op("&").Id(e.Name).Values(jen.Id("Message").Op(":").Id("message"))),
		)
		f.Line()
		return
	}
	comment(f.Group, fmt.Sprintf("%s returns %s whose message is rendered from its params when it is sent:", e.Constructor, article(e.Name)))
	f.Comment("")
	f.Comment("\t" + commentSafe(e.Message))
	f.Func().Id(e.Constructor).ParamsFunc(func(g *jen.Group) {
		for _, p := range e.Params {
			g.Id(p.Arg).Id(p.Type)
		}
	}).Op("*").Id(e.Name).Block(
		jen.Return(jen.Op("&").Id(e.Name).ValuesFunc(func(g *jen.Group) {
			for _, p := range e.Params {
				g.Id(p.Field).Op(":").Id(p.Arg)
			}
		})),
	)
	f.Line()
}

// genRender emits, for an error with params,
//
//	func (e *XxxError) appendMessage(b []byte) []byte
//
// which lets the encoder write a templated message straight into its
// buffer, and ErrorMessage render it into a stack buffer.
func genRender(f *jen.File, e *ErrorDef) {
	recv := jen.Params(jen.Id("e").Op("*").Id(e.Name))
	f.Comment("appendMessage appends the message sent: e.Message, or the template")
	f.Comment("formatted with e's params.")
	f.Func().Add(recv).Id("appendMessage").Params(jen.Id("b").Index().Byte()).Index().Byte().BlockFunc(func(g *jen.Group) {
		g.If(jen.Id("e").Dot("Message").Op("!=").Lit("")).Block(
			jen.Return(jen.Append(jen.Id("b"), jen.Id("e").Dot("Message").Op("..."))),
		)
		for _, s := range e.Template {
			g.Id("b").Op("=").Add(appendSegment(s))
		}
		g.Return(jen.Id("b"))
	})
	f.Line()
}

// messageBufSize is a stack buffer size that holds a rendered message in
// the common case: the literal text, room for each value, rounded up.
func messageBufSize(e *ErrorDef) int {
	size := 0
	for _, s := range e.Template {
		size += len(s.Text)
		if s.Param != nil {
			size += 24
		}
	}
	return min((size+63)/64*64, 1024)
}

// appendSegment is the expression that appends one template segment to b.
func appendSegment(s Segment) *jen.Statement {
	b := jen.Id("b")
	if s.Param == nil {
		return jen.Append(b, jen.Lit(s.Text).Op("..."))
	}
	p := s.Param
	v := jen.Id("e").Dot(p.Field)
	switch p.Type {
	case "int":
		return jen.Qual("strconv", "AppendInt").Call(b, jen.Int64().Call(v), jen.Lit(p.Base))
	case "float64":
		if p.Verb == 'f' {
			return jen.Id("appendFixed").Call(b, v, jen.Lit(p.Prec))
		}
		return jen.Qual("strconv", "AppendFloat").Call(b, v, jen.LitRune(rune(p.Verb)), jen.Lit(p.Prec), jen.Lit(64))
	}
	if p.Verb == 'q' {
		return jen.Qual("strconv", "AppendQuote").Call(b, v)
	}
	return jen.Append(b, v.Op("..."))
}

// genMethods emits the methods of XxxError: Error, ErrorCode, HTTPStatus,
// ErrorMessage, ResponseBody, Unwrap, Is, WithCause and, for an error with
// several statuses, WithStatus.
func genMethods(f *jen.File, m *Model, e *ErrorDef) {
	recv := func() *jen.Statement { return jen.Params(jen.Id("e").Op("*").Id(e.Name)) }
	self := func() *jen.Statement { return jen.Id("e") }

	f.Comment("Error returns the error's name, code and message, and its cause if any.")
	if e.HasTemplate() {
		f.Func().Add(recv()).Id("Error").Params().String().Block(
			jen.Var().Id("buf").Index(jen.Lit(256)).Byte(),
			jen.Id("b").Op(":=").Append(jen.Id("buf").Index(jen.Empty(), jen.Lit(0)), jen.Lit(errorHead(e)).Op("...")),
			jen.Return(jen.Id("errorString").Call(self().Dot("appendMessage").Call(jen.Id("b")), self().Dot("Unwrap").Call())),
		)
	} else {
		f.Func().Add(recv()).Id("Error").Params().String().Add(short(
			jen.Return(jen.Id("errorText").Call(jen.Lit(errorHead(e)), self().Dot("ErrorMessage").Call(), self().Dot("Unwrap").Call())),
		))
	}
	f.Line()

	if e.HasCode {
		comment(f.Group, fmt.Sprintf("ErrorCode returns %s, whatever code the error was received with.", e.CodeConst))
		f.Func().Add(recv()).Id("ErrorCode").Params().Id("Code").Add(short(jen.Return(jen.Id(e.CodeConst))))
	} else {
		comment(f.Group, fmt.Sprintf("ErrorCode returns the zero Code: %s is sent without a code, and its type, %q, tells it.", e.Name, e.Type))
		f.Func().Add(recv()).Id("ErrorCode").Params().Id("Code").Add(short(jen.Return(zeroCode(m))))
	}
	f.Line()

	if len(e.Aliases) > 0 {
		comment(f.Group, fmt.Sprintf("ReceivedCode returns the code e arrived with: %s, or the alias %s, which means %s when it comes with status %s.", e.CodeConst, joinInts(e.Aliases, "or"), e.Name, joinInts(e.Statuses, "or")))
		f.Func().Add(recv()).Id("ReceivedCode").Params().Id("Code").Block(
			jen.If(jen.Id("c").Op(":=").Add(self().Dot("x").Dot("get").Call().Dot("code")), jen.Id("c").Op("!=").Lit(0)).Block(jen.Return(jen.Id("c"))),
			jen.Return(jen.Id(e.CodeConst)),
		)
		f.Line()
	}

	logDoc := "LogValue returns e for log/slog: name, code, status, message"
	if e.HasTemplate() {
		logDoc += ", params (when the message is theirs)"
	}
	if len(e.Fields) > 0 {
		logDoc += ", fields that are set"
	}
	comment(f.Group, logDoc+" and cause.")
	if len(e.Fields) == 0 && !e.HasTemplate() {
		f.Func().Add(recv()).Id("LogValue").Params().Qual("log/slog", "Value").Add(short(
			jen.Return(jen.Id("logValue").Call(jen.Lit(e.Name), jen.Id("e"), jen.Id("e").Dot("x"))),
		))
		f.Line()
	} else {
		genLogValueMethod(f, e)
	}

	comment(f.Group, fmt.Sprintf("HTTPStatus returns %d, or the status set by WithStatus or received.", e.Status))
	f.Func().Add(recv()).Id("HTTPStatus").Params().Int().Add(short(
		jen.Return(self().Dot("x").Dot("statusOr").Call(jen.Lit(e.Status))),
	))
	f.Line()

	if e.HasTemplate() {
		f.Comment("ErrorMessage returns e.Message or, when empty, the rendered template.")
	} else {
		f.Comment("ErrorMessage returns e.Message, or the default message when it is empty.")
	}
	f.Func().Add(recv()).Id("ErrorMessage").Params().String().Block(
		jen.If(self().Dot("Message").Op("!=").Lit("")).Block(jen.Return(self().Dot("Message"))),
		jen.Do(func(s *jen.Statement) {
			if e.HasTemplate() {
				// Rendered into a stack buffer, only the string allocates.
				s.Var().Id("buf").Index(jen.Lit(messageBufSize(e))).Byte().Line()
				s.Return(jen.String().Call(self().Dot("appendMessage").Call(jen.Id("buf").Index(jen.Empty(), jen.Lit(0)))))
			} else {
				s.Return(jen.Lit(e.Message))
			}
		}),
	)
	f.Line()

	f.Comment("ResponseBody returns an excerpt of a received body that was not an error body.")
	f.Func().Add(recv()).Id("ResponseBody").Params().String().Add(short(jen.Return(self().Dot("x").Dot("get").Call().Dot("body"))))
	f.Line()

	f.Comment("Unwrap returns the cause set by WithCause.")
	f.Func().Add(recv()).Id("Unwrap").Params().Error().Add(short(jen.Return(self().Dot("x").Dot("get").Call().Dot("cause"))))
	f.Line()

	comment(f.Group, fmt.Sprintf("Is reports whether target is %s, for errors.Is.", e.Sentinel))
	f.Func().Add(recv()).Id("Is").Params(jen.Id("target").Error()).Bool().Add(short(
		jen.Return(jen.Id("isSentinel").Call(jen.Id("target"), jen.Id(e.Sentinel))),
	))
	f.Line()

	f.Comment("WithCause sets e's cause, for Unwrap and Error but never sent, and returns e.")
	f.Func().Add(recv()).Id("WithCause").Params(jen.Id("err").Error()).Op("*").Id(e.Name).Block(
		self().Dot("x").Op("=").Add(self().Dot("x").Dot("withCause").Call(jen.Id("err"))),
		jen.Return(self()),
	)
	f.Line()

	if others := without(e.Statuses, e.Status); len(others) > 0 {
		comment(f.Group, fmt.Sprintf("WithStatus sets the HTTP status e is sent with: %s. Any other status leaves it unchanged. It changes e and returns it, to chain after the constructor.", joinInts(e.Statuses, "or")))
		f.Func().Add(recv()).Id("WithStatus").Params(jen.Id("status").Int()).Op("*").Id(e.Name).Block(
			jen.Switch(jen.Id("status")).Block(
				jen.CaseFunc(func(g *jen.Group) {
					for _, s := range e.Statuses {
						g.Lit(s)
					}
				}).Block(
					jen.Id("x").Op(":=").Add(self().Dot("x").Dot("get").Call()),
					jen.Id("x").Dot("status").Op("=").Id("nonDefault").Call(jen.Id("status"), jen.Lit(e.Status)),
					self().Dot("x").Op("=").Id("x").Dot("ptr").Call(),
				),
			),
			jen.Return(self()),
		)
		f.Line()
	}
}

// genLogValueMethod emits the LogValue method of an error with params or
// fields, which it logs beside what logValue does.
func genLogValueMethod(f *jen.File, e *ErrorDef) {
	self := func() *jen.Statement { return jen.Id("e") }
	f.Func().Params(jen.Id("e").Op("*").Id(e.Name)).Id("LogValue").Params().Qual("log/slog", "Value").BlockFunc(func(g *jen.Group) {
		if len(e.Fields) > 0 {
			g.Var().Id("attrs").Index().Qual("log/slog", "Attr")
			if e.HasTemplate() {
				g.If(self().Dot("Message").Op("==").Lit("")).Block(
					jen.Id("attrs").Op("=").Append(jen.Id("attrs").Do(func(s *jen.Statement) {
						for _, p := range e.Params {
							s.Op(",").Add(logAttr(p))
						}
					})),
				)
			}
			for _, fl := range e.Fields {
				g.Add(logFieldAttr(jen.Id("e").Dot(fl.Name), fl))
			}
			g.Return(jen.Id("logValue").Call(jen.Lit(e.Name), jen.Id("e"), jen.Id("e").Dot("x"), jen.Id("attrs").Op("...")))
			return
		}
		if e.HasTemplate() {
			g.If(self().Dot("Message").Op("==").Lit("")).Block(
				jen.Return(jen.Id("logValue").CallFunc(func(g *jen.Group) {
					g.Lit(e.Name)
					g.Id("e")
					g.Id("e").Dot("x")
					for _, p := range e.Params {
						g.Add(logAttr(p))
					}
				})),
			)
		}
		g.Return(jen.Id("logValue").Call(jen.Lit(e.Name), jen.Id("e"), jen.Id("e").Dot("x")))
	})
	f.Line()
}

// genSentinels emits
//
//	type sentinel struct{ err Error }
//	var ( ErrXxx Error = &sentinel{&XxxError{}} ... )
func genSentinels(f *jen.File, m *Model) {
	f.Comment("sentinel is the type of the Err values, used by pointer so that errors.Is")
	f.Comment("compares one word. It answers with a zero-valued error of its type,")
	f.Comment("which it never hands out, so the values cannot change.")
	f.Type().Id("sentinel").Struct(jen.Id("err").Id("Error"))
	f.Line()
	for _, method := range []struct {
		name string
		typ  jen.Code
	}{{"Error", jen.String()}, {"ErrorCode", jen.Id("Code")}, {"HTTPStatus", jen.Int()}, {"ErrorMessage", jen.String()}} {
		f.Func().Params(jen.Id("s").Op("*").Id("sentinel")).Id(method.name).Params().Add(method.typ).Block(
			jen.Return(jen.Id("s").Dot("err").Dot(method.name).Call()),
		)
		f.Line()
	}
	f.Comment("MarshalJSON returns the HTTP body of the error the value stands for.")
	f.Func().Params(jen.Id("s").Op("*").Id("sentinel")).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("appendError").Call(jen.Nil(), jen.Id("s").Dot("err")), jen.Nil()),
	)
	f.Line()
	f.Comment("appendBody appends the HTTP body of the error the value stands for.")
	f.Func().Params(jen.Id("s").Op("*").Id("sentinel")).Id("appendBody").Params(jen.Id("b").Index().Byte()).Index().Byte().Block(
		jen.Return(jen.Id("s").Dot("err").Assert(jen.Id("bodyAppender")).Dot("appendBody").Call(jen.Id("b"))),
	)
	f.Line()
	f.Comment("LogValue returns the log/slog value of the error the value stands for.")
	f.Func().Params(jen.Id("s").Op("*").Id("sentinel")).Id("LogValue").Params().Qual("log/slog", "Value").Block(
		jen.Return(jen.Id("s").Dot("err").Assert(jen.Qual("log/slog", "LogValuer")).Dot("LogValue").Call()),
	)
	f.Line()
	f.Comment("isSentinel reports whether target is the Err value s, comparing the")
	f.Comment("pointers: the Is methods' test.")
	f.Func().Id("isSentinel").Params(jen.Id("target").Error(), jen.Id("s").Id("Error")).Bool().Block(
		jen.List(jen.Id("t"), jen.Id("ok")).Op(":=").Id("target").Assert(jen.Op("*").Id("sentinel")),
		jen.Return(jen.Id("ok").Op("&&").Id("Error").Call(jen.Id("t")).Op("==").Id("s")),
	)
	f.Line()
	f.Comment("newSentinel returns the Err value that stands for e's type.")
	f.Func().Id("newSentinel").Params(jen.Id("e").Id("Error")).Id("Error").Block(
		jen.Return(jen.Op("&").Id("sentinel").Values(jen.Id("e"))),
	)
	f.Line()
	f.Comment("Sentinels for errors.Is: errors.Is(err, ErrXxx) holds when err's chain holds")
	f.Comment("an XxxError. Returned as they are, they are sent with the default message,")
	f.Comment("or, for an error with params, with its template, placeholders and all.")
	f.Var().DefsFunc(func(g *jen.Group) {
		for _, e := range m.Errors {
			g.Comment(fmt.Sprintf("%s matches every %s.", e.Sentinel, e.Name))
			value := jen.Op("&").Id(e.Name).Values()
			if e.HasTemplate() {
				value = jen.Op("&").Id(e.Name).Values(jen.Id("Message").Op(":").Lit(e.Unrendered))
			}
			g.Id(e.Sentinel).Op("=").Id("newSentinel").Call(value)
		}
	})
	f.Line()
}

// genMatchers emits, per error,
//
//	func IsXxxError(err error) bool
//
// and the chain walk they share.
func genMatchers(w *goWriter, m *Model) {
	for i, e := range m.Errors {
		f := w.next(i)
		comment(f.Group, fmt.Sprintf("%s reports whether errors.Is(err, %s), without allocating.", e.Matcher, e.Sentinel))
		f.Func().Id(e.Matcher).Params(jen.Id("err").Error()).Bool().Add(short(
			jen.Return(jen.Id("matches").Call(jen.Id("err"), jen.Id(e.Sentinel))),
		))
		f.Line()
	}

	// Two walks of err's chain, each with its test in the loop: through a
	// func value, the test would cost IsXxxError a third of its time.
	unwrapped := func(self func(err jen.Code) jen.Code, none jen.Code) []jen.Code {
		return []jen.Code{
			jen.Case(jen.Interface(jen.Id("Unwrap").Params().Error())).Block(
				jen.Id("err").Op("=").Id("x").Dot("Unwrap").Call(),
			),
			jen.Case(jen.Interface(jen.Id("Unwrap").Params().Index().Error())).Block(
				jen.For(jen.List(jen.Id("_"), jen.Id("err")).Op(":=").Range().Id("x").Dot("Unwrap").Call()).Block(
					self(jen.Id("err")),
				),
				jen.Return(none),
			),
			jen.Default().Block(jen.Return(none)),
		}
	}
	f := w.split()
	f.Comment("matches reports whether err's chain holds target, or an error whose Is")
	f.Comment("method reports target, walking it as errors.Is does, but with type")
	f.Comment("switches where errors.Is uses reflection, so it does not allocate.")
	f.Func().Id("matches").Params(jen.List(jen.Id("err"), jen.Id("target")).Error()).Bool().Block(
		jen.For(jen.Id("err").Op("!=").Nil()).Block(
			jen.If(
				jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Id("err").Assert(jen.Interface(jen.Id("Is").Params(jen.Error()).Bool())),
				jen.Id("err").Op("==").Id("target").Op("||").Id("ok").Op("&&").Id("x").Dot("Is").Call(jen.Id("target")),
			).Block(jen.Return(jen.True())),
			jen.Switch(jen.Id("x").Op(":=").Id("err").Assert(jen.Type())).Block(unwrapped(func(err jen.Code) jen.Code {
				return jen.If(jen.Id("matches").Call(err, jen.Id("target"))).Block(jen.Return(jen.True()))
			}, jen.False())...),
		),
		jen.Return(jen.False()),
	)
	f.Line()

	f.Comment("apiError returns the first API error in err's chain, walking it as")
	f.Comment("matches does, or nil. An Err sentinel gives the zero-valued error it")
	f.Comment("stands for.")
	f.Func().Id("apiError").Params(jen.Id("err").Error()).Id("Error").Block(
		jen.For(jen.Id("err").Op("!=").Nil()).Block(
			jen.Switch(jen.Id("x").Op(":=").Id("err").Assert(jen.Type())).Block(append([]jen.Code{
				jen.Case(jen.Op("*").Id("sentinel")).Block(jen.Return(jen.Id("x").Dot("err"))),
				jen.Case(jen.Id("Error")).Block(jen.Return(jen.Id("x"))),
			}, unwrapped(func(err jen.Code) jen.Code {
				return jen.If(jen.Id("e").Op(":=").Id("apiError").Call(err), jen.Id("e").Op("!=").Nil()).Block(jen.Return(jen.Id("e")))
			}, jen.Nil())...)...),
		),
		jen.Return(jen.Nil()),
	)
	f.Line()
}

// genPackageFuncs emits CodeOf, HTTPStatus and Retryable.
func genPackageFuncs(f *jen.File, m *Model) {
	f.Comment("CodeOf returns the code of the first API error in err's chain: the code of")
	f.Comment("its type, so that a switch on it agrees with errors.As.")
	f.Func().Id("CodeOf").Params(jen.Id("err").Error()).Params(jen.Id("Code"), jen.Bool()).Block(
		jen.If(jen.Id("e").Op(":=").Id("apiError").Call(jen.Id("err")), jen.Id("e").Op("!=").Nil()).Block(
			jen.Return(jen.Id("e").Dot("ErrorCode").Call(), jen.True()),
		),
		jen.Return(zeroCode(m), jen.False()),
	)
	f.Line()

	f.Comment("HTTPStatus returns the HTTP status to send err with, as WriteError sends")
	f.Comment("it: 200 for nil, the status of the first API error in err's chain, or the")
	f.Comment("status of any other error as nonAPIStatus gives it.")
	f.Func().Id("HTTPStatus").Params(jen.Id("err").Error()).Int().Block(
		jen.If(jen.Id("err").Op("==").Nil()).Block(jen.Return(jen.Qual("net/http", "StatusOK"))),
		jen.If(jen.Id("e").Op(":=").Id("apiError").Call(jen.Id("err")), jen.Id("e").Op("!=").Nil()).Block(
			jen.Return(jen.Id("e").Dot("HTTPStatus").Call()),
		),
		jen.Return(jen.Id("nonAPIStatus").Call(jen.Id("err"))),
	)
	f.Line()

	comment(f.Group, fmt.Sprintf("nonAPIStatus returns the status an error that is not an API error is sent with, as %s: %d when a handler's context passed its deadline (the server gave up; a client may retry as %s says), %d (Client Closed Request, as nginx logs it) when its client went away, which no client will read but keeps access logs and metrics from counting a server error, and %d otherwise.", m.Fallback.Name, m.TimeoutStatus, m.Fallback.Name, clientClosedRequest, m.Fallback.Status))
	f.Func().Id("nonAPIStatus").Params(jen.Id("err").Error()).Int().Block(
		jen.Switch().Block(
			jen.Case(jen.Qual("errors", "Is").Call(jen.Id("err"), jen.Qual("context", "DeadlineExceeded"))).Block(jen.Return(jen.Lit(m.TimeoutStatus))),
			jen.Case(jen.Qual("errors", "Is").Call(jen.Id("err"), jen.Qual("context", "Canceled"))).Block(jen.Return(jen.Lit(clientClosedRequest))),
		),
		jen.Return(jen.Lit(m.Fallback.Status)),
	)
	f.Line()

	var retryable []*ErrorDef
	for _, e := range m.Errors {
		if e.Retry != RetryNever {
			retryable = append(retryable, e)
		}
	}
	f.Comment("Retryable reports whether the request that failed with err may be retried:")
	f.Comment("the first API error in err's chain says so in the spec or, for an")
	f.Comment("UnknownError, its status is 429 or 5xx. Other errors are not retryable.")
	f.Func().Id("Retryable").Params(jen.Id("err").Error()).Bool().Block(
		jen.Switch(jen.Id("e").Op(":=").Id("apiError").Call(jen.Id("err")).Assert(jen.Type())).BlockFunc(func(g *jen.Group) {
			if len(retryable) > 0 {
				g.CaseFunc(func(g *jen.Group) {
					for _, e := range retryable {
						g.Op("*").Id(e.Name)
					}
				}).Block(jen.Return(jen.True()))
			}
			g.Case(jen.Op("*").Id("UnknownError")).Block(
				jen.Id("s").Op(":=").Id("e").Dot("HTTPStatus").Call(),
				jen.Return(jen.Id("s").Op("==").Qual("net/http", "StatusTooManyRequests").Op("||").Id("s").Op(">=").Lit(500)),
			)
		}),
		jen.Return(jen.False()),
	)
}

// clientClosedRequest is the status nginx logs for a request whose client
// went away before the answer; net/http has no name for it.
const clientClosedRequest = 499

func without(xs []int, x int) []int {
	var out []int
	for _, v := range xs {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

// joinInts writes 1, 2 or 3.
func joinInts[T any](xs []T, conj string) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " " + conj + " " + s[len(s)-1]
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// article puts "a" or "an" before a name.
func article(name string) string {
	if strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

// commentSafe returns s as it may stand on one // comment line: as it is,
// or Go-quoted when it holds a line break, a control character or */.
func commentSafe(s string) string {
	for _, r := range s {
		if r < ' ' || r == 0x7f {
			return strconv.Quote(s)
		}
	}
	if strings.Contains(s, "*/") {
		return strconv.Quote(s)
	}
	return s
}
