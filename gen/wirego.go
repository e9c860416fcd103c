package gen

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/gen/internal/wire"
)

// runtimeSource is the JSON code every generated package carries, kept as
// a real Go package so that it is compiled, tested and fuzzed on its own.
//
//go:embed internal/wire/wire.go
var runtimeSource string

// runtimeFile returns json.go: the runtime source below its package
// clause, under the generated package's header and name.
func runtimeFile(m *Model) (File, error) {
	_, body, ok := strings.Cut(runtimeSource, "\npackage wire\n")
	if !ok {
		return File{}, fmt.Errorf("errgen: internal/wire/wire.go has no package clause")
	}
	src := "// " + Header(m.SpecFile) + "\n\npackage " + m.Package + "\n" + body
	return File{Path: "json.go", Content: []byte(src)}, nil
}

// envelopePrefixes are the fixed bytes of the HTTP error body before its
// code and before its message. Field names are plain ASCII, checked by
// Build, so they need no escaping.
func envelopePrefixes(env Envelope) (code, message string) {
	return `{"` + env.Code + `":`, `,"` + env.Message + `":`
}

// webSocketPrefix is the fixed bytes of a WebSocket error message before
// its message.
func webSocketPrefix(ws WebSocket) string {
	return `{"` + ws.TypeField + `":` + jsonQuote(ws.Type) + `,"` + ws.MessageField + `":`
}

func jsonQuote(s string) string { return string(wire.AppendJSONString(nil, s)) }

// genHTTP emits http.go: the envelope encoder and decoder, WriteError,
// Parse, FromResponse and the WebSocket error message.
func genHTTP(f *jen.File, m *Model) {
	genEnvelopeConsts(f, m)
	for _, e := range m.Errors {
		genMarshalJSON(f, e.Name)
		genFill(f, e)
		genReceive(f, e)
	}
	genMarshalJSON(f, "UnknownError")
	genAppendError(f, m)
	genWriteError(f, m)
	genParse(f, m)
	genResolve(f, m)
	genFromResponse(f)
	genWebSocket(f, m)
}

// genEnvelopeConsts emits the envelope's JSON field names and the fixed
// bytes around its values.
func genEnvelopeConsts(f *jen.File, m *Model) {
	codePrefix, messagePrefix := envelopePrefixes(m.Envelope)
	f.Comment("The envelope's field names, and its bytes before the code and the message.")
	f.Const().Defs(
		jen.Id("codeField").Op("=").Lit(m.Envelope.Code),
		jen.Id("messageField").Op("=").Lit(m.Envelope.Message),
		jen.Id("codePrefix").Op("=").Lit(codePrefix),
		jen.Id("messagePrefix").Op("=").Lit(messagePrefix),
	)
	f.Line()
	f.Comment("MaxBodySize is how many bytes of a response body FromResponse reads at")
	f.Comment("most. A longer body is not decoded; its status picks the error.")
	f.Var().Id("MaxBodySize").Int64().Op("=").Lit(1).Op("<<").Lit(20)
	f.Line()
}

// genMarshalJSON emits, for an error type,
//
//	func (e *XxxError) MarshalJSON() ([]byte, error)
func genMarshalJSON(f *jen.File, name string) {
	f.Comment("MarshalJSON returns the error's HTTP body, the envelope.")
	f.Func().Params(jen.Id("e").Op("*").Id(name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("appendError").Call(jen.Nil(), jen.Id("e")), jen.Nil()),
	)
	f.Line()
}

// genFill emits, for an error whose template can be parsed back,
//
//	func (e *XxxError) fill(msg []byte) bool
//
// which sets the params from a received message when the template,
// rendered with them, gives back the message exactly. It strips the
// literal text at both ends, reads each value up to the literal text that
// follows it, and has each value's parser check that the value renders
// back as the text it was read from.
func genFill(f *jen.File, e *ErrorDef) {
	if !e.Parseable {
		return
	}
	f.Comment("fill sets e's params from a received message and reports whether the")
	f.Comment("template, rendered with them, is the message.")
	f.Func().Params(jen.Id("e").Op("*").Id(e.Name)).Id("fill").Params(jen.Id("msg").Index().Byte()).Bool().BlockFunc(func(g *jen.Group) {
		g.Var().Id("c").Id(e.Name)
		segs := e.Template
		if segs[0].Param == nil {
			g.List(jen.Id("s"), jen.Id("ok")).Op(":=").Id("cutPrefix").Call(jen.Id("msg"), jen.Lit(segs[0].Text), jen.True())
			segs = segs[1:]
		} else {
			g.List(jen.Id("s"), jen.Id("ok")).Op(":=").List(jen.Id("msg"), jen.True())
		}
		if last := segs[len(segs)-1]; last.Param == nil {
			g.List(jen.Id("s"), jen.Id("ok")).Op("=").Id("cutSuffix").Call(jen.Id("s"), jen.Lit(last.Text), jen.Id("ok"))
			segs = segs[:len(segs)-1]
		}
		// segs is now param, literal, param, ..., param.
		for i := 0; i < len(segs); i += 2 {
			p := segs[i].Param
			v := jen.Id("s")
			if i+1 < len(segs) {
				if i == 0 {
					g.Var().Id("v").Index().Byte()
				}
				g.List(jen.Id("v"), jen.Id("s"), jen.Id("ok")).Op("=").Id("cutParam").Call(jen.Id("s"), jen.Lit(segs[i+1].Text), jen.Id("ok"))
				v = jen.Id("v")
			}
			field := jen.Id("c").Dot(p.Field)
			switch {
			case p.Type == "int":
				g.List(field, jen.Id("ok")).Op("=").Id("parseIntParam").Call(v, jen.Lit(p.Base), jen.Id("ok"))
			case p.Type == "float64":
				g.List(field, jen.Id("ok")).Op("=").Id("parseFloatParam").Call(v, jen.LitRune(rune(p.Verb)), jen.Lit(p.Prec), jen.Id("ok"))
			case p.Verb == 'q':
				g.List(field, jen.Id("ok")).Op("=").Id("parseQuotedParam").Call(v, jen.Id("ok"))
			default:
				g.Add(field).Op("=").String().Call(v)
			}
		}
		g.If(jen.Id("ok")).BlockFunc(func(g *jen.Group) {
			for _, p := range e.Params {
				g.Id("e").Dot(p.Field).Op("=").Id("c").Dot(p.Field)
			}
		})
		g.Return(jen.Id("ok"))
	})
	f.Line()
}

// genAppendError emits
//
//	func AppendError(dst []byte, err error) []byte
//	func appendError(dst []byte, e Error) []byte
func genAppendError(f *jen.File, m *Model) {
	comment(f.Group, fmt.Sprintf("AppendError appends the HTTP body for err to dst: the envelope of the first API error in err's chain or, for any other error, of %s with its default message, so that the text of a non-API error never reaches a client.", m.Fallback.Sentinel))
	f.Func().Id("AppendError").Params(jen.Id("dst").Index().Byte(), jen.Id("err").Error()).Index().Byte().Block(
		jen.Id("e").Op(":=").Id("apiError").Call(jen.Id("err")),
		jen.If(jen.Id("e").Op("==").Nil()).Block(jen.Id("e").Op("=").Id(m.Fallback.Sentinel)),
		jen.Return(jen.Id("appendError").Call(jen.Id("dst"), jen.Id("e"))),
	)
	f.Line()
	f.Comment("messageAppender is an error that appends its message to a buffer, as the")
	f.Comment("errors of this package do, so that a message rendered from a template is")
	f.Comment("encoded without allocating.")
	f.Type().Id("messageAppender").Interface(
		jen.Id("appendMessage").Params(jen.Id("b").Index().Byte()).Index().Byte(),
	)
	f.Line()
	f.Comment("appendError appends e's envelope. The errors of this package render their")
	f.Comment("message straight into dst; an Error of another package gives its own.")
	f.Func().Id("appendError").Params(jen.Id("dst").Index().Byte(), jen.Id("e").Id("Error")).Index().Byte().Block(
		jen.Id("dst").Op("=").Id("appendEnvelopeHead").Call(jen.Id("dst"), jen.Id("codePrefix"), jen.Int().Call(jen.Id("e").Dot("ErrorCode").Call()), jen.Id("messagePrefix")),
		jen.Id("start").Op(":=").Len(jen.Id("dst")),
		jen.If(jen.List(jen.Id("m"), jen.Id("ok")).Op(":=").Id("e").Assert(jen.Id("messageAppender")), jen.Id("ok")).Block(
			jen.Id("dst").Op("=").Id("m").Dot("appendMessage").Call(jen.Id("dst")),
		).Else().Block(
			jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Id("e").Dot("ErrorMessage").Call().Op("...")),
		),
		jen.Return(jen.Append(jen.Id("closeJSONString").Call(jen.Id("dst"), jen.Id("start")), jen.LitRune('}'))),
	)
	f.Line()
}

// genWriteError emits
//
//	func WriteError(w http.ResponseWriter, err error)
func genWriteError(f *jen.File, m *Model) {
	f.Comment("jsonContentType is the Content-Type header value WriteError sets; like")
	f.Comment("net/http's own defaults, it is shared, so it must not be modified.")
	f.Var().Id("jsonContentType").Op("=").Index().String().Values(jen.Lit("application/json"))
	f.Line()
	f.Comment("bodyPool recycles the buffers WriteError encodes into.")
	f.Var().Id("bodyPool").Op("=").Qual("sync", "Pool").Values(jen.Dict{
		jen.Id("New"): jen.Func().Params().Any().Block(
			jen.Id("b").Op(":=").Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(512)),
			jen.Return(jen.Op("&").Id("b")),
		),
	})
	f.Line()
	comment(f.Group, fmt.Sprintf("WriteError writes err as an HTTP error response: its status, Content-Type: application/json and the envelope. A wrapped API error is written as itself; any other error, nil included, is written as %s with its default message, never with its own text, and with the status nonAPIStatus gives: %d for a context.DeadlineExceeded, %d for a context.Canceled, else %d.", m.Fallback.Name, m.TimeoutStatus, clientClosedRequest, m.Fallback.Status))
	f.Func().Id("WriteError").Params(jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("err").Error()).Block(
		jen.Id("e").Op(":=").Id("apiError").Call(jen.Id("err")),
		jen.Var().Id("status").Int(),
		jen.If(jen.Id("e").Op("!=").Nil()).Block(
			jen.Id("status").Op("=").Id("e").Dot("HTTPStatus").Call(),
		).Else().Block(
			jen.List(jen.Id("e"), jen.Id("status")).Op("=").List(jen.Id(m.Fallback.Sentinel), jen.Id("nonAPIStatus").Call(jen.Id("err"))),
		),
		jen.Id("bp").Op(":=").Id("bodyPool").Dot("Get").Call().Assert(jen.Op("*").Index().Byte()),
		jen.Id("b").Op(":=").Id("appendError").Call(jen.Parens(jen.Op("*").Id("bp")).Index(jen.Empty(), jen.Lit(0)), jen.Id("e")),
		jen.Id("w").Dot("Header").Call().Index(jen.Lit("Content-Type")).Op("=").Id("jsonContentType"),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("w").Dot("Write").Call(jen.Id("b")).Comment("a failed write means the client went away: no one is left to tell"),
		jen.If(jen.Cap(jen.Id("b")).Op("<=").Lit(64<<10)).Block(
			jen.Op("*").Id("bp").Op("=").Id("b"),
			jen.Id("bodyPool").Dot("Put").Call(jen.Id("bp")),
		),
	)
	f.Line()
}

// genParse emits
//
//	func Parse(status int, body []byte) error
func genParse(f *jen.File, m *Model) {
	comment(f.Group, "Parse returns the error an HTTP response stands for, or nil when status is below 400. It never fails: a body that is the envelope gives the error its code means (an alias by the status it came with), with the status and message as received; an unknown code gives an *UnknownError. Any other body, such as a proxy's HTML page or an empty or truncated one, gives the error that the status alone means when exactly one error claims it, else an *UnknownError; either keeps an excerpt of the body.")
	f.Func().Id("Parse").Params(jen.Id("status").Int(), jen.Id("body").Index().Byte()).Error().Block(
		jen.If(jen.Id("status").Op("<").Lit(400)).Block(jen.Return(jen.Nil())),
		jen.Id("m").Op(":=").Index(jen.Lit(2)).Id("jsonMember").Values(
			jen.Values(jen.Id("key").Op(":").Id("codeField"), jen.Id("kind").Op(":").Id("jsonInt")),
			jen.Values(jen.Id("key").Op(":").Id("messageField"), jen.Id("kind").Op(":").Id("jsonString")),
		),
		jen.If(jen.Op("!").Id("decodeJSONObject").Call(jen.Id("body"), jen.Op("&").Id("m"))).Block(
			jen.Return(jen.Id("byStatus").Call(jen.Id("status"), jen.Nil(), jen.Id("excerpt").Call(jen.Id("body")))), // a body that does not decode carries no message
		),
		jen.Var().Id("buf").Index(jen.Lit(256)).Byte(),
		jen.Id("message").Op(":=").Id("m").Index(jen.Lit(1)).Dot("text").Call(jen.Id("body"), jen.Id("buf").Index(jen.Empty(), jen.Lit(0))),
		jen.If(jen.Op("!").Id("m").Index(jen.Lit(0)).Dot("set")).Block(
			jen.Return(jen.Id("byStatus").Call(jen.Id("status"), jen.Id("message"), jen.Id("excerpt").Call(jen.Id("body")))),
		),
		jen.Return(jen.Id("resolve").Call(jen.Id("status"), jen.Id("Code").Call(jen.Id("m").Index(jen.Lit(0)).Dot("num")), jen.Id("message"))),
	)
	f.Line()
}

// returnReceived returns error e as received with the variables status,
// code and message, and with body when body is set. Each case of resolve
// and byStatus is this one plain call: inlined code in thousands of cases
// makes the compiler's work grow faster than the number of errors.
func returnReceived(g *jen.Group, e *ErrorDef, body bool) {
	code := jen.Id("code")
	if body {
		code = jen.Id(e.CodeConst)
	}
	bodyArg := jen.Lit("")
	if body {
		bodyArg = jen.Id("body")
	}
	g.Return(jen.Id(receiveFunc(e)).Call(jen.Id("status"), code, jen.Id("message"), bodyArg))
}

func receiveFunc(e *ErrorDef) string { return "receive" + e.Name }

// genReceive emits, per error,
//
//	func receiveXxxError(status int, code Code, message []byte, body string) error
//
// which returns the error received with that status, code (an alias, or
// its own), message and body excerpt: for an error with a template that
// can be parsed back, with the params when the message is the template's,
// else with the message as it came.
func genReceive(f *jen.File, e *ErrorDef) {
	comment(f.Group, fmt.Sprintf("%s returns %s received with status, code (its own or an alias), message and body.", receiveFunc(e), article(e.Name)))
	f.Func().Id(receiveFunc(e)).Params(jen.Id("status").Int(), jen.Id("code").Id("Code"), jen.Id("message").Index().Byte(), jen.Id("body").String()).Error().BlockFunc(func(g *jen.Group) {
		g.If(jen.Id("code").Op("==").Id(e.CodeConst)).Block(jen.Id("code").Op("=").Lit(0))
		g.List(jen.Id("e"), jen.Id("x")).Op(":=").Id("alloc").Index(jen.Id(e.Name)).Call(jen.Id("details").Values(jen.Dict{
			jen.Id("code"):   jen.Id("code"),
			jen.Id("status"): jen.Id("nonDefault").Call(jen.Id("status"), jen.Lit(e.Status)),
			jen.Id("body"):   jen.Id("body"),
		}))
		g.Id("e").Dot("x").Op("=").Id("x")
		switch {
		case e.HasTemplate():
			// A response without a message gave no values: the message
			// keeps its placeholders rather than render zeros.
			g.Switch().BlockFunc(func(g *jen.Group) {
				g.Case(jen.Len(jen.Id("message")).Op("==").Lit(0)).Block(
					jen.Id("e").Dot("Message").Op("=").Lit(e.Unrendered),
				)
				if e.Parseable {
					g.Case(jen.Op("!").Id("e").Dot("fill").Call(jen.Id("message"))).Block(
						jen.Id("e").Dot("Message").Op("=").String().Call(jen.Id("message")),
					)
				} else {
					g.Default().Block(jen.Id("e").Dot("Message").Op("=").String().Call(jen.Id("message")))
				}
			})
		default:
			g.Id("e").Dot("Message").Op("=").String().Call(jen.Id("message"))
		}
		g.Return(jen.Id("e"))
	})
	f.Line()
}

// genResolve emits
//
//	func resolve(status int, code Code, message []byte) error
//	func byStatus(status int, message []byte, body string) error
func genResolve(f *jen.File, m *Model) {
	f.Comment("alloc returns a new T and, when x holds anything, a copy of x in the same")
	f.Comment("allocation.")
	f.Func().Id("alloc").Types(jen.Id("T").Any()).Params(jen.Id("x").Id("details")).Params(jen.Op("*").Id("T"), jen.Op("*").Id("details")).Block(
		jen.If(jen.Id("x").Op("==").Parens(jen.Id("details").Values())).Block(jen.Return(jen.New(jen.Id("T")), jen.Nil())),
		jen.Id("p").Op(":=").Op("&").Struct(jen.Id("e").Id("T"), jen.Id("x").Id("details")).Values(jen.Id("x").Op(":").Id("x")),
		jen.Return(jen.Op("&").Id("p").Dot("e"), jen.Op("&").Id("p").Dot("x")),
	)
	f.Line()
	f.Comment("resolve returns the error a received code and status mean.")
	f.Func().Id("resolve").Params(jen.Id("status").Int(), jen.Id("code").Id("Code"), jen.Id("message").Index().Byte()).Error().Block(
		jen.Switch(jen.Id("code")).BlockFunc(func(g *jen.Group) {
			for _, r := range m.Resolutions {
				g.Case(caseCode(m, r.Code)).BlockFunc(func(g *jen.Group) {
					if len(r.Aliases) > 0 {
						g.Switch(jen.Id("status")).BlockFunc(func(g *jen.Group) {
							for _, a := range r.Aliases {
								g.CaseFunc(func(g *jen.Group) {
									for _, s := range a.Statuses {
										g.Lit(s)
									}
								}).BlockFunc(func(g *jen.Group) { returnReceived(g, a, false) })
							}
						})
					}
					if r.Owner != nil {
						returnReceived(g, r.Owner, false)
					}
				})
			}
		}),
		jen.Return(jen.Op("&").Id("UnknownError").Values(jen.Dict{
			jen.Id("Code"):    jen.Id("code"),
			jen.Id("Status"):  jen.Id("status"),
			jen.Id("Message"): jen.String().Call(jen.Id("message")),
		})),
	)
	f.Line()

	f.Comment("byStatus returns the error a status means when the body is not the")
	f.Comment("envelope: the one error that claims the status, if only one does.")
	f.Func().Id("byStatus").Params(jen.Id("status").Int(), jen.Id("message").Index().Byte(), jen.Id("body").String()).Error().Block(
		jen.Switch(jen.Id("status")).BlockFunc(func(g *jen.Group) {
			for _, o := range m.StatusOwners {
				g.Case(jen.Lit(o.Status)).BlockFunc(func(g *jen.Group) { returnReceived(g, o.Error, true) })
			}
		}),
		jen.Return(jen.Op("&").Id("UnknownError").Values(jen.Dict{
			jen.Id("Status"):  jen.Id("status"),
			jen.Id("Message"): jen.String().Call(jen.Id("message")),
			jen.Id("Body"):    jen.Id("body"),
		})),
	)
	f.Line()
}

// caseCode is a code in a switch: its constant when it is an error's own
// code, else the number.
func caseCode(m *Model, code int) *jen.Statement {
	for _, e := range m.ByCode {
		if e.Code == code {
			return jen.Id(e.CodeConst)
		}
	}
	return jen.Lit(code)
}

// genFromResponse emits
//
//	func FromResponse(resp *http.Response) error
func genFromResponse(f *jen.File) {
	comment(f.Group, "FromResponse returns the error resp stands for, as Parse does, or nil when its status is below 400. It reads at most MaxBodySize bytes of the body and leaves closing it to the caller; a body that is longer, or that fails to read, is resolved by its status.")
	f.Func().Id("FromResponse").Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Error().Block(
		jen.If(jen.Id("resp").Dot("StatusCode").Op("<").Lit(400)).Block(jen.Return(jen.Nil())),
		jen.If(jen.Id("resp").Dot("Body").Op("==").Nil()).Block(jen.Return(jen.Id("Parse").Call(jen.Id("resp").Dot("StatusCode"), jen.Nil()))),
		jen.List(jen.Id("body"), jen.Id("err")).Op(":=").Qual("io", "ReadAll").Call(jen.Qual("io", "LimitReader").Call(jen.Id("resp").Dot("Body"), jen.Id("MaxBodySize").Op("+").Lit(1))),
		jen.If(jen.Id("err").Op("!=").Nil().Op("||").Int64().Call(jen.Len(jen.Id("body"))).Op(">").Id("MaxBodySize")).Block(
			jen.Return(jen.Id("byStatus").Call(jen.Id("resp").Dot("StatusCode"), jen.Nil(), jen.Id("excerpt").Call(jen.Id("body")))),
		),
		jen.Return(jen.Id("Parse").Call(jen.Id("resp").Dot("StatusCode"), jen.Id("body"))),
	)
	f.Line()
}

// genWebSocket emits the WebSocket error message type, its parser and the
// known messages.
func genWebSocket(f *jen.File, m *Model) {
	ws := m.WebSocket
	prefix := webSocketPrefix(ws)
	comment(f.Group, fmt.Sprintf("WebSocketError is an error message sent over a WebSocket: %s\"...\"}.", prefix))
	f.Type().Id("WebSocketError").Struct(
		jen.Comment(fmt.Sprintf("Message is sent in the %s field.", ws.MessageField)),
		jen.Id("Message").String(),
	)
	f.Line()
	recv := func() *jen.Statement { return jen.Params(jen.Id("e").Op("*").Id("WebSocketError")) }
	f.Comment("Error returns the message.")
	f.Func().Add(recv()).Id("Error").Params().String().Block(jen.Return(jen.Id("e").Dot("Message")))
	f.Line()
	f.Comment("Is reports whether target is a *WebSocketError with the same message, so")
	f.Comment("that errors.Is matches a received message against the Err values.")
	f.Func().Add(recv()).Id("Is").Params(jen.Id("target").Error()).Bool().Block(
		jen.List(jen.Id("t"), jen.Id("ok")).Op(":=").Id("target").Assert(jen.Op("*").Id("WebSocketError")),
		jen.Return(jen.Id("ok").Op("&&").Id("t").Dot("Message").Op("==").Id("e").Dot("Message")),
	)
	f.Line()
	f.Comment("AppendJSON appends the WebSocket message to dst.")
	f.Func().Add(recv()).Id("AppendJSON").Params(jen.Id("dst").Index().Byte()).Index().Byte().Block(
		jen.Return(jen.Id("appendStringObject").Call(jen.Id("dst"), jen.Lit(prefix), jen.Id("e").Dot("Message"))),
	)
	f.Line()
	f.Comment("MarshalJSON returns the WebSocket message.")
	f.Func().Add(recv()).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("e").Dot("AppendJSON").Call(jen.Nil()), jen.Nil()),
	)
	f.Line()
	comment(f.Group, fmt.Sprintf("ParseWebSocketError recognises a WebSocket error message: a JSON object whose %s is %s. It reports false for other messages and for data that is not JSON.", ws.TypeField, jsonQuote(ws.Type)))
	f.Func().Id("ParseWebSocketError").Params(jen.Id("data").Index().Byte()).Params(jen.Op("*").Id("WebSocketError"), jen.Bool()).Block(
		jen.Id("m").Op(":=").Index(jen.Lit(2)).Id("jsonMember").Values(
			jen.Values(jen.Id("key").Op(":").Lit(ws.TypeField), jen.Id("kind").Op(":").Id("jsonString")),
			jen.Values(jen.Id("key").Op(":").Lit(ws.MessageField), jen.Id("kind").Op(":").Id("jsonString")),
		),
		jen.Var().Id("buf").Index(jen.Lit(256)).Byte(),
		jen.If(jen.Op("!").Id("decodeJSONObject").Call(jen.Id("data"), jen.Op("&").Id("m")).Op("||").Op("!").Id("m").Index(jen.Lit(0)).Dot("set").Op("||").String().Call(jen.Id("m").Index(jen.Lit(0)).Dot("text").Call(jen.Id("data"), jen.Id("buf").Index(jen.Empty(), jen.Lit(0)))).Op("!=").Lit(ws.Type)).Block(
			jen.Return(jen.Nil(), jen.False()),
		),
		jen.Return(jen.Op("&").Id("WebSocketError").Values(jen.Id("Message").Op(":").String().Call(jen.Id("m").Index(jen.Lit(1)).Dot("text").Call(jen.Id("data"), jen.Id("buf").Index(jen.Empty(), jen.Lit(0))))), jen.True()),
	)
	f.Line()
	if len(ws.Messages) == 0 {
		return
	}
	f.Comment("The known WebSocket error messages, for errors.Is.")
	f.Var().DefsFunc(func(g *jen.Group) {
		for _, msg := range ws.Messages {
			comment(g, fmt.Sprintf("%s is the message for: %s.", msg.GoName, strings.TrimSuffix(or(msg.Summary, msg.Name), ".")))
			g.Id(msg.GoName).Op("=").Op("&").Id("WebSocketError").Values(jen.Id("Message").Op(":").Lit(msg.Message))
		}
	})
}
