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
		genAppendJSON(f, e.Name)
		genFill(f, e)
	}
	genAppendJSON(f, "UnknownError")
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

// genAppendJSON emits, for an error type,
//
//	func (e *XxxError) AppendJSON(dst []byte) []byte
//	func (e *XxxError) MarshalJSON() ([]byte, error)
func genAppendJSON(f *jen.File, name string) {
	recv := func() *jen.Statement { return jen.Params(jen.Id("e").Op("*").Id(name)) }
	f.Comment("AppendJSON appends the error's HTTP body, the envelope, to dst.")
	f.Func().Add(recv()).Id("AppendJSON").Params(jen.Id("dst").Index().Byte()).Index().Byte().Block(
		jen.Return(jen.Id("appendError").Call(jen.Id("dst"), jen.Id("e"))),
	)
	f.Line()
	f.Comment("MarshalJSON returns the error's HTTP body, the envelope.")
	f.Func().Add(recv()).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("e").Dot("AppendJSON").Call(jen.Nil()), jen.Nil()),
	)
	f.Line()
}

// genFill emits, for an error whose template can be parsed back,
//
//	func (e *XxxError) fill()
//
// which sets the params from a received message. It reads each value up to
// the literal text that follows it, then renders the candidate again and
// keeps it only if that gives back the message exactly.
func genFill(f *jen.File, e *ErrorDef) {
	if !e.Parseable {
		return
	}
	f.Comment("fill sets e's params from e.Message, when the message was rendered from")
	f.Comment("the template.")
	f.Func().Params(jen.Id("e").Op("*").Id(e.Name)).Id("fill").Params().BlockFunc(func(g *jen.Group) {
		g.Var().Id("c").Id(e.Name)
		g.Var().Id("v").String()
		segs := e.Template
		if segs[0].Param == nil {
			g.List(jen.Id("s"), jen.Id("ok")).Op(":=").Qual("strings", "CutPrefix").Call(jen.Id("e").Dot("Message"), jen.Lit(segs[0].Text))
			segs = segs[1:]
		} else {
			g.List(jen.Id("s"), jen.Id("ok")).Op(":=").List(jen.Id("e").Dot("Message"), jen.True())
		}
		for i := 0; i < len(segs); i++ {
			p := segs[i].Param
			sep, rest := "", jen.Id("_")
			if i+1 < len(segs) {
				sep = segs[i+1].Text
				i++
				if i+1 < len(segs) {
					rest = jen.Id("s")
				}
			}
			g.List(jen.Id("v"), rest, jen.Id("ok")).Op("=").Id("cutParam").Call(jen.Id("s"), jen.Lit(sep), jen.Id("ok"))
			field := jen.Id("c").Dot(p.Field)
			switch {
			case p.Type == "int":
				g.List(field, jen.Id("ok")).Op("=").Id("parseIntParam").Call(jen.Id("v"), jen.Lit(p.Base), jen.Id("ok"))
			case p.Type == "float64":
				g.List(field, jen.Id("ok")).Op("=").Id("parseFloatParam").Call(jen.Id("v"), jen.Id("ok"))
			case p.Verb == 'q':
				g.List(field, jen.Id("ok")).Op("=").Id("parseQuotedParam").Call(jen.Id("v"), jen.Id("ok"))
			default:
				g.Add(field).Op("=").Id("v")
			}
		}
		g.Var().Id("buf").Index(jen.Lit(messageBufSize(e))).Byte()
		g.If(jen.Id("ok").Op("&&").String().Call(jen.Id("c").Dot("appendMessage").Call(jen.Id("buf").Index(jen.Empty(), jen.Lit(0)))).Op("==").Id("e").Dot("Message")).BlockFunc(func(g *jen.Group) {
			for _, p := range e.Params {
				g.Id("e").Dot(p.Field).Op("=").Id("c").Dot(p.Field)
			}
		})
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
	f.Func().Id("appendError").Params(jen.Id("dst").Index().Byte(), jen.Id("e").Id("Error")).Index().Byte().Block(
		jen.Return(jen.Id("appendEnvelope").Call(jen.Id("dst"), jen.Id("codePrefix"), jen.Int().Call(jen.Id("e").Dot("ErrorCode").Call()), jen.Id("messagePrefix"), jen.Id("e").Dot("ErrorMessage").Call())),
	)
	f.Line()
}

// genWriteError emits
//
//	func WriteError(w http.ResponseWriter, err error)
func genWriteError(f *jen.File, m *Model) {
	f.Comment("bodyPool recycles the buffers WriteError encodes into.")
	f.Var().Id("bodyPool").Op("=").Qual("sync", "Pool").Values(jen.Dict{
		jen.Id("New"): jen.Func().Params().Any().Block(
			jen.Id("b").Op(":=").Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(512)),
			jen.Return(jen.Op("&").Id("b")),
		),
	})
	f.Line()
	comment(f.Group, fmt.Sprintf("WriteError writes err as an HTTP error response: its status, Content-Type: application/json and the envelope. A wrapped API error is written as itself; any other error, nil included, is written as %s with its default message, never with its own text.", m.Fallback.Name))
	f.Func().Id("WriteError").Params(jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("err").Error()).Block(
		jen.Id("e").Op(":=").Id("apiError").Call(jen.Id("err")),
		jen.If(jen.Id("e").Op("==").Nil()).Block(jen.Id("e").Op("=").Id(m.Fallback.Sentinel)),
		jen.Id("bp").Op(":=").Id("bodyPool").Dot("Get").Call().Assert(jen.Op("*").Index().Byte()),
		jen.Id("b").Op(":=").Id("appendError").Call(jen.Parens(jen.Op("*").Id("bp")).Index(jen.Empty(), jen.Lit(0)), jen.Id("e")),
		jen.Id("w").Dot("Header").Call().Index(jen.Lit("Content-Type")).Op("=").Index().String().Values(jen.Lit("application/json")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("e").Dot("HTTPStatus").Call()),
		jen.Id("w").Dot("Write").Call(jen.Id("b")),
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
		jen.Id("ok").Op(":=").Id("decodeJSONObject").Call(jen.Id("body"), jen.Op("&").Id("m")),
		jen.If(jen.Id("ok").Op("&&").Id("m").Index(jen.Lit(0)).Dot("set")).Block(
			jen.Return(jen.Id("resolve").Call(jen.Id("status"), jen.Id("Code").Call(jen.Id("m").Index(jen.Lit(0)).Dot("num")), jen.Id("m").Index(jen.Lit(1)).Dot("str"))),
		),
		jen.If(jen.Op("!").Id("ok")).Block(
			jen.Id("m").Index(jen.Lit(1)).Dot("str").Op("=").Lit(""), // a body that does not decode carries no message
		),
		jen.Return(jen.Id("byStatus").Call(jen.Id("status"), jen.Id("m").Index(jen.Lit(1)).Dot("str"), jen.Id("excerpt").Call(jen.Id("body")))),
	)
	f.Line()
}

// received is the expression that builds error e as received with the
// given code and status variables; code is kept only for an alias.
func received(e *ErrorDef, alias bool, body bool) *jen.Statement {
	return jen.Op("&").Id(e.Name).ValuesFunc(func(g *jen.Group) {
		g.Id("Message").Op(":").Id("message")
		if alias {
			g.Id("code").Op(":").Id("code")
		}
		g.Id("status").Op(":").Id("nonDefault").Call(jen.Id("status"), jen.Lit(e.Status))
		if body {
			g.Id("body").Op(":").Id("body")
		}
	})
}

// returnReceived returns error e as received, filling its params first
// when its template can be parsed back.
func returnReceived(g *jen.Group, e *ErrorDef, alias, body bool) {
	if !e.Parseable {
		g.Return(received(e, alias, body))
		return
	}
	g.Id("e").Op(":=").Add(received(e, alias, body))
	g.Id("e").Dot("fill").Call()
	g.Return(jen.Id("e"))
}

// genResolve emits
//
//	func resolve(status int, code Code, message string) error
//	func byStatus(status int, message, body string) error
func genResolve(f *jen.File, m *Model) {
	f.Comment("resolve returns the error a received code and status mean.")
	f.Func().Id("resolve").Params(jen.Id("status").Int(), jen.Id("code").Id("Code"), jen.Id("message").String()).Error().Block(
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
								}).BlockFunc(func(g *jen.Group) { returnReceived(g, a, true, false) })
							}
						})
					}
					if r.Owner != nil {
						returnReceived(g, r.Owner, false, false)
					}
				})
			}
		}),
		jen.Return(jen.Op("&").Id("UnknownError").Values(jen.Dict{
			jen.Id("Code"):    jen.Id("code"),
			jen.Id("Status"):  jen.Id("status"),
			jen.Id("Message"): jen.Id("message"),
		})),
	)
	f.Line()

	f.Comment("byStatus returns the error a status means when the body is not the")
	f.Comment("envelope: the one error that claims the status, if only one does.")
	f.Func().Id("byStatus").Params(jen.Id("status").Int(), jen.List(jen.Id("message"), jen.Id("body")).String()).Error().Block(
		jen.Switch(jen.Id("status")).BlockFunc(func(g *jen.Group) {
			for _, o := range m.StatusOwners {
				g.Case(jen.Lit(o.Status)).Block(jen.Return(received(o.Error, false, true)))
			}
		}),
		jen.Return(jen.Op("&").Id("UnknownError").Values(jen.Dict{
			jen.Id("Status"):  jen.Id("status"),
			jen.Id("Message"): jen.Id("message"),
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
			jen.Return(jen.Id("byStatus").Call(jen.Id("resp").Dot("StatusCode"), jen.Lit(""), jen.Id("excerpt").Call(jen.Id("body")))),
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
			jen.Values(jen.Id("key").Op(":").Lit(ws.TypeField), jen.Id("kind").Op(":").Id("jsonString"), jen.Id("want").Op(":").Lit(ws.Type)),
			jen.Values(jen.Id("key").Op(":").Lit(ws.MessageField), jen.Id("kind").Op(":").Id("jsonString")),
		),
		jen.If(jen.Op("!").Id("decodeJSONObject").Call(jen.Id("data"), jen.Op("&").Id("m")).Op("||").Op("!").Id("m").Index(jen.Lit(0)).Dot("set").Op("||").Id("m").Index(jen.Lit(0)).Dot("str").Op("!=").Lit(ws.Type)).Block(
			jen.Return(jen.Nil(), jen.False()),
		),
		jen.Return(jen.Op("&").Id("WebSocketError").Values(jen.Id("Message").Op(":").Id("m").Index(jen.Lit(1)).Dot("str")), jen.True()),
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
