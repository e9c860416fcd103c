package gen

import (
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/gen/internal/wire"
)

// wireFS holds the runtime code every generated package carries (see
// runtimeSources), kept as a real Go package so that it is compiled,
// tested and fuzzed on its own.
//
//go:embed internal/wire/wire.go internal/wire/header.go internal/wire/retry.go
var wireFS embed.FS

// webSocketPrefix is the fixed bytes of a WebSocket error message before
// its message.
func webSocketPrefix(ws WebSocket) string {
	return `{"` + ws.TypeField + `":` + jsonQuote(ws.Type) + `,"` + ws.MessageField + `":`
}

func jsonQuote(s string) string { return string(wire.AppendJSONString(nil, s)) }

// genHTTP emits http.go: the body encoder and decoder, WriteError, Parse,
// FromResponse and the WebSocket error message.
func genHTTP(w *goWriter, m *Model) {
	f := w.f
	genMembers(f, m)
	genObjectTypes(f, m)
	for i, e := range m.Errors {
		f = w.next(i)
		genMarshalJSON(f, e.Name)
		genAppendBody(f, m, e.Name, e.Body, false, e.HasTemplate())
		genFill(f, e)
		if !plainLayout(m, e) {
			genReceive(f, m, e)
		}
	}
	f = w.split()
	genMarshalJSON(f, "UnknownError")
	genAppendBody(f, m, "UnknownError", m.UnknownBody, true, false)
	genHeaders(f, m)
	genAppendError(f, m)
	genWriteError(f, m)
	genParse(f, m)
	genParseWithHeader(f, m)
	genResolve(f, m)
	genFromResponse(f, m)
	genStreams(f, m)
	if m.WebSocket.Stream == nil {
		genWebSocket(f, m)
	}
}

// memberConst is the name of the constant that indexes member mb in the
// decoder's member array.
func memberConst(mb *Member) string {
	var b strings.Builder
	b.WriteString("member")
	for _, k := range mb.Path {
		b.WriteString(fieldName(words(k)))
	}
	return b.String()
}

// genMembers emits the members the decoder looks for:
//
//	const ( memberErrorCode = 1 ... )
//	type received [N]jsonMember
//	var envelope = received{{key: "error", kind: jsonObject, parent: -1}, ...}
func genMembers(f *jen.File, m *Model) {
	env := &m.Envelope
	f.Comment("The members of the body, by their place in received.")
	f.Const().DefsFunc(func(g *jen.Group) {
		for _, mb := range env.Members {
			g.Id(memberConst(mb)).Op("=").Lit(mb.Index).Comment(mb.Name)
		}
	})
	f.Line()
	f.Comment("received is what the decoder found of each member of a body.")
	f.Type().Id("received").Index(jen.Lit(len(env.Members))).Id("jsonMember")
	f.Line()
	f.Comment("envelope is the member tree of the body, for decodeJSON: each member with")
	f.Comment("its key, its kind and the object it is in.")
	f.Var().Id("envelope").Op("=").Id("received").ValuesFunc(memberTree(env.Members, func(mb *Member) jen.Code { return jen.Id(memberConst(mb)) }))
	f.Line()
	f.Comment("MaxBodySize is how many bytes of a response body FromResponse reads at")
	f.Comment("most. A longer body is not decoded; its status picks the error.")
	f.Var().Id("MaxBodySize").Int64().Op("=").Lit(1).Op("<<").Lit(20)
	f.Line()
}

// memberTree emits the jsonMember values of members, each naming its
// parent by index(parent), for decodeJSON.
func memberTree(members []*Member, index func(*Member) jen.Code) func(*jen.Group) {
	return func(g *jen.Group) {
		for _, mb := range members {
			var parent jen.Code = jen.Op("-").Lit(1)
			if mb.Parent != nil {
				parent = index(mb.Parent)
			}
			g.Values(jen.Id("key").Op(":").Lit(mb.Key()), jen.Id("kind").Op(":").Id(jsonKinds[mb.Kind]), jen.Id("parent").Op(":").Add(parent))
		}
	}
}

var jsonKinds = map[MemberKind]string{KindString: "jsonString", KindInt: "jsonInt", KindFloat: "jsonFloat", KindBool: "jsonBool", KindRaw: "jsonRaw", KindStrings: "jsonArray", KindObject: "jsonObject"}

// genMarshalJSON emits, for an error type,
//
//	func (e *XxxError) MarshalJSON() ([]byte, error)
func genMarshalJSON(f *jen.File, name string) {
	f.Comment("MarshalJSON returns the error's HTTP body.")
	f.Func().Params(jen.Id("e").Op("*").Id(name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Add(short(
		jen.Return(jen.Id("e").Dot("appendBody").Call(jen.Nil()), jen.Nil()),
	))
	f.Line()
}

// genAppendBody emits, for an error type,
//
//	func (e *XxxError) appendBody(b []byte) []byte
//
// which writes the body Build laid out: fixed text, the message (one with
// params rendered straight into b), the status, and each field when it is
// set.
func genAppendBody(f *jen.File, m *Model, name string, parts []BodyPart, unknown, templated bool) {
	f.Comment("appendBody appends the error's HTTP body to b.")
	f.Func().Params(jen.Id("e").Op("*").Id(name)).Id("appendBody").Params(jen.Id("b").Index().Byte()).Index().Byte().BlockFunc(func(g *jen.Group) {
		// Each object of fields alone gets its own mark (where it starts,
		// to take it back when nothing went in) and start (where its
		// members start); open holds those of the objects open now.
		var open []int
		objects := 0
		start := func(d int) *jen.Statement { return jen.Id("start" + strconv.Itoa(open[d-1])) }
		mark := func(d int) *jen.Statement { return jen.Id("mark" + strconv.Itoa(open[d-1])) }
		text := func(p BodyPart) *jen.Statement {
			return jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit(p.Text).Op("..."))
		}
		// comma writes the comma before a member of an object of fields
		// alone when a member came before it.
		comma := func(p BodyPart) jen.Code {
			if p.Depth == 0 {
				return jen.Null()
			}
			return jen.If(jen.Len(jen.Id("b")).Op(">").Add(start(p.Depth))).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(',')))
		}
		for _, p := range parts {
			switch p.Value {
			case ValueNone:
				g.Add(text(p))
			case ValueMessage:
				g.Add(text(p))
				g.Id("start").Op(":=").Len(jen.Id("b"))
				msg := jen.Id("e").Dot("appendMessage").Call(jen.Id("b"))
				if !templated {
					msg = jen.Append(jen.Id("b"), jen.Id("e").Dot("ErrorMessage").Call().Op("..."))
				}
				g.Id("b").Op("=").Id("closeJSONString").Call(msg, jen.Id("start"))
			case ValueStatus:
				g.Add(text(p))
				g.Id("b").Op("=").Qual("strconv", "AppendInt").Call(jen.Id("b"), jen.Int64().Call(jen.Id("e").Dot("HTTPStatus").Call()), jen.Lit(10))
			case ValueCode:
				if !p.Optional {
					g.Add(text(p))
					g.Id("b").Op("=").Add(appendValue(jen.Id("e").Dot("Code"), codeType(m)))
					continue
				}
				g.If(jen.Id("e").Dot("Code").Op("!=").Add(zeroCode(m))).Block(
					comma(p),
					text(p),
					jen.Id("b").Op("=").Add(appendValue(jen.Id("e").Dot("Code"), codeType(m))),
				)
			case ValueType:
				typ := jen.Id("e").Dot("Type")
				if !unknown {
					typ = jen.Id("e").Dot("x").Dot("get").Call().Dot("typ")
				}
				g.If(jen.Id("t").Op(":=").Add(typ), jen.Id("t").Op("!=").Lit("")).Block(
					comma(p),
					text(p),
					jen.Id("b").Op("=").Id("appendJSONString").Call(jen.Id("b"), jen.Id("t")),
				)
			case ValueField:
				v := func() *jen.Statement { return jen.Id("e").Dot(p.Field.Name) }
				if unknown && p.Field != m.Envelope.TitleField {
					v = func() *jen.Statement { return unknownField(p.Field) }
				}
				g.If(isSet(v(), p.Field.Type)).Block(
					comma(p),
					text(p),
					jen.Id("b").Op("=").Add(appendValue(v(), p.Field.Type)),
				)
			case ValueOpen:
				objects++
				markHere := jen.Id("mark" + strconv.Itoa(objects))
				g.Add(markHere).Op(":=").Len(jen.Id("b"))
				g.Add(comma(p))
				g.Add(text(p))
				open = append(open, objects)
				g.Add(start(p.Depth + 1)).Op(":=").Len(jen.Id("b"))
			case ValueClose:
				g.If(jen.Len(jen.Id("b")).Op("==").Add(start(p.Depth))).Block(
					jen.Id("b").Op("=").Id("b").Index(jen.Empty(), mark(p.Depth)),
				).Else().Block(text(p))
				open = open[:len(open)-1]
			}
		}
		g.Return(jen.Id("b"))
	})
	f.Line()
}

// codeType is the Go type under Code.
func codeType(m *Model) string {
	if m.Envelope.StringCodes {
		return "string"
	}
	return "int"
}

// isSet is the condition under which a field is written: it is not the
// zero value, and JSON text is valid.
func isSet(v *jen.Statement, typ string) *jen.Statement {
	switch typ {
	case "string":
		return v.Op("!=").Lit("")
	case "bool":
		return v
	case "int", "float64":
		return v.Op("!=").Lit(0)
	case "json":
		return jen.Len(v.Clone()).Op(">").Lit(0).Op("&&").Qual("encoding/json", "Valid").Call(v)
	}
	return v.Op("!=").Nil() // a slice, or a declared type's pointer
}

// goFieldType is the Go type of a field: a declared type T is held as *T,
// nil when absent.
func goFieldType(typ string) jen.Code {
	switch typ {
	case "json":
		return jen.Qual("encoding/json", "RawMessage")
	case "string", "int", "float64", "bool":
		return jen.Id(typ)
	case "[]string":
		return jen.Index().String()
	}
	if elem, ok := strings.CutPrefix(typ, "[]"); ok {
		return jen.Index().Id(elem)
	}
	return jen.Op("*").Id(typ)
}

// appendValue appends v of Go type typ to b as JSON.
func appendValue(v *jen.Statement, typ string) *jen.Statement {
	switch typ {
	case "string":
		return jen.Id("appendJSONString").Call(jen.Id("b"), jen.String().Call(v))
	case "int":
		return jen.Qual("strconv", "AppendInt").Call(jen.Id("b"), jen.Int64().Call(v), jen.Lit(10))
	case "float64":
		return jen.Id("appendJSONFloat").Call(jen.Id("b"), v)
	case "[]string":
		return jen.Id("appendJSONStrings").Call(jen.Id("b"), v)
	case "json":
		return jen.Append(jen.Id("b"), v.Op("..."))
	case "bool":
		return jen.Id("appendJSONBool").Call(jen.Id("b"), v)
	}
	if strings.HasPrefix(typ, "[]") {
		return jen.Id("appendObjects").Call(jen.Id("b"), v)
	}
	return v.Dot("appendJSON").Call(jen.Id("b"))
}

// genObjectTypes emits, when the spec declares types, their decoders and
// encoders:
//
//	func (v *T) decode(data []byte)
//	func (v *T) appendJSON(b []byte) []byte
//	func decodeObject[T any, P object[T]](raw []byte) *T
//	func decodeObjects[T any, P object[T]](raw []byte) []T
//	func appendObjects[T any, P object[T]](b []byte, vs []T) []byte
func genObjectTypes(f *jen.File, m *Model) {
	if len(m.Types) == 0 {
		return
	}
	for _, t := range m.Types {
		f.Comment("decode sets v from the JSON object data, as json.Unmarshal does; a")
		f.Comment("member of the wrong kind is left unset.")
		f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("decode").Params(jen.Id("data").Index().Byte()).BlockFunc(func(g *jen.Group) {
			g.Id("m").Op(":=").Index(jen.Lit(len(t.Fields))).Id("jsonMember").ValuesFunc(func(g *jen.Group) {
				for _, fl := range t.Fields {
					g.Values(jen.Id("key").Op(":").Lit(fl.Member.Key()), jen.Id("kind").Op(":").Id(jsonKinds[fl.Member.Kind]), jen.Id("parent").Op(":").Op("-").Lit(1))
				}
			})
			g.If(jen.Id("decodeJSON").Call(jen.Id("data"), jen.Id("m").Index(jen.Op(":"))).Op("!=").Id("jsonDecoded")).Block(jen.Return())
			for i, fl := range t.Fields {
				g.Id("v").Dot(fl.Name).Op("=").Id("m").Index(jen.Lit(i)).Dot(accessors[fl.Type]).Call(jen.Id("data"))
			}
		})
		f.Line()
		f.Comment("appendJSON appends v to b as a JSON object of the fields that are set.")
		f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("appendJSON").Params(jen.Id("b").Index().Byte()).Index().Byte().BlockFunc(func(g *jen.Group) {
			g.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('{'))
			g.Id("start").Op(":=").Len(jen.Id("b"))
			for _, fl := range t.Fields {
				g.If(isSet(jen.Id("v").Dot(fl.Name), fl.Type)).Block(
					jen.If(jen.Len(jen.Id("b")).Op(">").Id("start")).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(','))),
					jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit(jsonQuote(fl.Member.Key())+":").Op("...")),
					jen.Id("b").Op("=").Add(appendValue(jen.Id("v").Dot(fl.Name), fl.Type)),
				)
			}
			g.Return(jen.Append(jen.Id("b"), jen.LitRune('}')))
		})
		f.Line()
	}
	constraint := func() *jen.Statement { return jen.Id("object").Types(jen.Id("T")) }
	typeParams := func() []jen.Code { return []jen.Code{jen.Id("T").Any(), jen.Id("P").Add(constraint())} }
	f.Comment("object is a pointer to a declared object type.")
	f.Type().Id("object").Types(jen.Id("T").Any()).Interface(
		jen.Op("*").Id("T"),
		jen.Id("decode").Params(jen.Id("data").Index().Byte()),
		jen.Id("appendJSON").Params(jen.Id("b").Index().Byte()).Index().Byte(),
	)
	f.Line()
	f.Comment("decodeObject returns the object raw holds, or nil when it holds another")
	f.Comment("kind of value.")
	f.Func().Id("decodeObject").Types(typeParams()...).Params(jen.Id("raw").Index().Byte()).Op("*").Id("T").Block(
		jen.If(jen.Len(jen.Id("raw")).Op("==").Lit(0).Op("||").Id("raw").Index(jen.Lit(0)).Op("!=").LitRune('{')).Block(jen.Return(jen.Nil())),
		jen.Id("v").Op(":=").New(jen.Id("T")),
		jen.Id("P").Call(jen.Id("v")).Dot("decode").Call(jen.Id("raw")),
		jen.Return(jen.Id("v")),
	)
	f.Line()
	f.Comment("decodeObjects returns the objects of the array raw holds, as json.Unmarshal")
	f.Comment("decodes it into a nil []T: nil when raw holds another kind of value, an")
	f.Comment("element that is not an object giving the zero T.")
	f.Func().Id("decodeObjects").Types(typeParams()...).Params(jen.Id("raw").Index().Byte()).Index().Id("T").Block(
		jen.If(jen.Len(jen.Id("raw")).Op("==").Lit(0).Op("||").Id("raw").Index(jen.Lit(0)).Op("!=").LitRune('[')).Block(jen.Return(jen.Nil())),
		jen.Id("vs").Op(":=").Index().Id("T").Values(),
		jen.For(
			jen.List(jen.Id("start"), jen.Id("end"), jen.Id("ok")).Op(":=").Id("nextJSONElement").Call(jen.Id("raw"), jen.Lit(0)),
			jen.Id("ok"),
			jen.List(jen.Id("start"), jen.Id("end"), jen.Id("ok")).Op("=").Id("nextJSONElement").Call(jen.Id("raw"), jen.Id("end")),
		).Block(
			jen.Var().Id("v").Id("T"),
			jen.Id("P").Call(jen.Op("&").Id("v")).Dot("decode").Call(jen.Id("raw").Index(jen.Id("start"), jen.Id("end"))),
			jen.Id("vs").Op("=").Append(jen.Id("vs"), jen.Id("v")),
		),
		jen.Return(jen.Id("vs")),
	)
	f.Line()
	f.Comment("appendObjects appends vs to b as a JSON array of objects.")
	f.Func().Id("appendObjects").Types(typeParams()...).Params(jen.Id("b").Index().Byte(), jen.Id("vs").Index().Id("T")).Index().Byte().Block(
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('[')),
		jen.For(jen.Id("i").Op(":=").Range().Id("vs")).Block(
			jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(','))),
			jen.Id("b").Op("=").Id("P").Call(jen.Op("&").Id("vs").Index(jen.Id("i"))).Dot("appendJSON").Call(jen.Id("b")),
		),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune(']'))),
	)
	f.Line()
}

// accessors name the method of jsonMember that reads a member as a field
// of each basic type keeps it.
var accessors = map[string]string{"string": "str", "int": "int", "float64": "float64", "bool": "bool", "[]string": "strings", "json": "json"}

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
	f.Comment("fill sets e's params from a message and reports whether it is the template's.")
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
	comment(f.Group, fmt.Sprintf("AppendError appends the HTTP body for err to dst: the body of the first API error in err's chain or, for any other error, of %s with its default message, so that the text of a non-API error never reaches a client.", m.Fallback.Sentinel))
	f.Func().Id("AppendError").Params(jen.Id("dst").Index().Byte(), jen.Id("err").Error()).Index().Byte().Block(
		jen.Id("e").Op(":=").Id("apiError").Call(jen.Id("err")),
		jen.If(jen.Id("e").Op("==").Nil()).Block(jen.Id("e").Op("=").Id(m.Fallback.Sentinel)),
		jen.Return(jen.Id("appendError").Call(jen.Id("dst"), jen.Id("e"))),
	)
	f.Line()
	f.Comment("bodyAppender is an error of this package, which appends its own body.")
	f.Type().Id("bodyAppender").Interface(
		jen.Id("appendBody").Params(jen.Id("b").Index().Byte()).Index().Byte(),
	)
	f.Line()
	f.Comment("appendError appends e's body. An Error of another package is written as")
	f.Comment("an UnknownError with its code, status and message.")
	f.Func().Id("appendError").Params(jen.Id("dst").Index().Byte(), jen.Id("e").Id("Error")).Index().Byte().Block(
		jen.If(jen.List(jen.Id("a"), jen.Id("ok")).Op(":=").Id("e").Assert(jen.Id("bodyAppender")), jen.Id("ok")).Block(
			jen.Return(jen.Id("a").Dot("appendBody").Call(jen.Id("dst"))),
		),
		jen.Id("u").Op(":=").Id("UnknownError").Values(jen.Dict{
			jen.Id("Code"):    jen.Id("e").Dot("ErrorCode").Call(),
			jen.Id("Status"):  jen.Id("e").Dot("HTTPStatus").Call(),
			jen.Id("Message"): jen.Id("e").Dot("ErrorMessage").Call(),
		}),
		jen.Return(jen.Id("u").Dot("appendBody").Call(jen.Id("dst"))),
	)
	f.Line()
}

// genWriteError emits
//
//	func WriteError(w http.ResponseWriter, err error)
func genWriteError(f *jen.File, m *Model) {
	f.Comment("jsonContentType is the Content-Type header value WriteError sets; like")
	f.Comment("net/http's own defaults, it is shared, so it must not be modified.")
	f.Var().Id("jsonContentType").Op("=").Index().String().Values(jen.Lit(m.Envelope.ContentType))
	f.Line()
	f.Comment("bodyPool recycles the buffers WriteError encodes into.")
	f.Var().Id("bodyPool").Op("=").Qual("sync", "Pool").Values(jen.Dict{
		jen.Id("New"): jen.Func().Params().Any().Block(
			jen.Id("b").Op(":=").Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(512)),
			jen.Return(jen.Op("&").Id("b")),
		),
	})
	f.Line()
	comment(f.Group, fmt.Sprintf("WriteError writes err as an HTTP error response: its status, Content-Type: "+m.Envelope.ContentType+" and its body. A wrapped API error is written as itself; any other error, nil included, is written as %s with its default message, never with its own text, and with the status nonAPIStatus gives: %d for a context.DeadlineExceeded, %d for a context.Canceled, else %d.", m.Fallback.Name, m.TimeoutStatus, clientClosedRequest, m.Fallback.Status))
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
		jen.Do(func(s *jen.Statement) {
			if hasHeaders(m) {
				s.If(jen.List(jen.Id("hw"), jen.Id("ok")).Op(":=").Id("e").Assert(jen.Interface(jen.Id("writeHeader").Params(jen.Qual("net/http", "Header")))), jen.Id("ok")).Block(
					jen.Id("hw").Dot("writeHeader").Call(jen.Id("w").Dot("Header").Call()),
				)
			}
		}),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("w").Dot("Write").Call(jen.Id("b")).Comment("a failed write means the client went away: no one is left to tell"),
		jen.If(jen.Cap(jen.Id("b")).Op("<=").Lit(64<<10)).Block(
			jen.Op("*").Id("bp").Op("=").Id("b"),
			jen.Id("bodyPool").Dot("Put").Call(jen.Id("bp")),
		),
	)
	f.Line()
}

// errors2xx reports whether an error may come with a 2xx status: the
// envelope's consts tell its body from a success body.
func errors2xx(m *Model) bool { return len(m.Envelope.Consts) > 0 }

// genParse emits
//
//	func Parse(status int, body []byte) error
func genParse(f *jen.File, m *Model) {
	env := &m.Envelope
	doc := "Parse returns the error an HTTP response stands for, or nil when status is below 400"
	if errors2xx(m) {
		doc = "Parse returns the error an HTTP response stands for, or nil for a success: a status below 400 whose body is not an error body"
	}
	doc += ". It never fails. A body that is an error body gives the error its code means (an alias by the status it came with)"
	if env.Type != nil {
		doc += ", else, when it has no code, the error its type means"
	}
	doc += ", with the status, message and fields as received; an unknown code gives an *UnknownError. Any other body, such as a proxy's HTML page or an empty or truncated one, gives the error that the status alone means when exactly one error claims it, else an *UnknownError; either keeps an excerpt of the body."
	comment(f.Group, doc)
	f.Func().Id("Parse").Params(jen.Id("status").Int(), jen.Id("body").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		if errors2xx(m) {
			g.If(jen.Id("status").Op("<").Lit(200).Op("||").Id("status").Op(">=").Lit(300).Op("&&").Id("status").Op("<").Lit(400)).Block(jen.Return(jen.Nil()))
		} else {
			g.If(jen.Id("status").Op("<").Lit(400)).Block(jen.Return(jen.Nil()))
		}
		g.Id("m").Op(":=").Id("envelope")
		notBody := jen.Id("decodeJSON").Call(jen.Id("body"), jen.Id("m").Index(jen.Op(":"))).Op("!=").Id("jsonDecoded")
		for _, c := range env.Consts {
			notBody = notBody.Op("||").Op("!").Parens(constHolds(c))
		}
		g.If(notBody).BlockFunc(func(g *jen.Group) {
			if errors2xx(m) {
				g.If(jen.Id("status").Op("<").Lit(400)).Block(jen.Return(jen.Nil()))
			}
			g.Return(jen.Id("byStatus").Call(jen.Id("status"), jen.Nil(), jen.Id("excerpt").Call(jen.Id("body")), jen.Nil(), jen.Nil()))
		})
		if !hasStreams(m) {
			// One caller: the body is Parse's own, a call less.
			genParseMembers(g, m, func() jen.Code { return jen.Op("&").Id("m") })
			return
		}
		g.Return(jen.Id("parseMembers").Call(jen.Id("status"), jen.Op("&").Id("m"), jen.Id("body")))
	})
	f.Line()
	if !hasStreams(m) {
		return
	}
	f.Comment("parseMembers returns the error that the members m found in an error body")
	f.Comment("mean, received with status; 0 for an event of a stream, which has none.")
	f.Func().Id("parseMembers").Params(jen.Id("status").Int(), jen.Id("m").Op("*").Id("received"), jen.Id("body").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		genParseMembers(g, m, func() jen.Code { return jen.Id("m") })
	})
	f.Line()
}

// hasStreams reports whether errors also arrive as events of a stream,
// whose parsers share Parse's resolution of the members found.
func hasStreams(m *Model) bool { return m.SSE != nil || m.WebSocket.Stream != nil }

// genParseMembers emits the resolution of the members m found in an error
// body, received with status; mref is m as a pointer.
func genParseMembers(g *jen.Group, m *Model, mref func() jen.Code) {
	env := &m.Envelope
	if env.Message != nil {
		g.Var().Id("buf").Index(jen.Lit(256)).Byte()
		g.Id("message").Op(":=").Id("m").Index(jen.Id(memberConst(env.Message))).Dot("text").Call(jen.Id("body"), jen.Id("buf").Index(jen.Empty(), jen.Lit(0)))
		if env.Title != nil {
			// A problem without a detail says what its title says.
			g.If(jen.Len(jen.Id("message")).Op("==").Lit(0)).Block(
				jen.Id("message").Op("=").Id("m").Index(jen.Id(memberConst(env.Title))).Dot("text").Call(jen.Id("body"), jen.Id("buf").Index(jen.Empty(), jen.Lit(0))),
			)
		}
	} else {
		g.Var().Id("message").Index().Byte()
	}
	if env.Code != nil {
		code := jen.Id("m").Index(jen.Id(memberConst(env.Code)))
		if env.Problem {
			// about:blank, which a problem without a type is, means no
			// more than the status.
			g.If(jen.Id("typ").Op(":=").Add(code.Clone()).Dot("text").Call(jen.Id("body"), jen.Nil()), jen.Len(jen.Id("typ")).Op(">").Lit(0).Op("&&").String().Call(jen.Id("typ")).Op("!=").Lit("about:blank")).Block(
				jen.Return(jen.Id("resolve").Call(jen.Id("status"), jen.Id("typ"), jen.Id("message"), mref(), jen.Id("body"))),
			)
		} else if env.StringCodes {
			g.If(code.Clone().Dot("set")).Block(
				jen.Return(jen.Id("resolve").Call(jen.Id("status"), code.Clone().Dot("text").Call(jen.Id("body"), jen.Nil()), jen.Id("message"), mref(), jen.Id("body"))),
			)
		} else {
			g.If(code.Clone().Dot("set")).Block(
				jen.Return(jen.Id("resolve").Call(jen.Id("status"), jen.Id("Code").Call(code.Clone().Dot("num")), jen.Id("message"), mref(), jen.Id("body"))),
			)
		}
	}
	if len(m.TypeResolutions) > 0 {
		g.If(
			jen.Id("e").Op(":=").Id("resolveType").Call(jen.Id("status"), jen.Id("m").Index(jen.Id(memberConst(env.Type))).Dot("text").Call(jen.Id("body"), jen.Nil()), jen.Id("message"), mref(), jen.Id("body")),
			jen.Id("e").Op("!=").Nil(),
		).Block(jen.Return(jen.Id("e")))
	}
	if len(m.MessageRules) > 0 {
		g.If(
			jen.Id("e").Op(":=").Id("resolveMessage").Call(jen.Id("status"), jen.Id("message"), mref(), jen.Id("body")),
			jen.Id("e").Op("!=").Nil(),
		).Block(jen.Return(jen.Id("e")))
	}
	if env.Code != nil && !env.Problem {
		// A body without a usable code is not all it should be: the
		// error keeps an excerpt of it beside what it did carry.
		g.Return(jen.Id("byStatus").Call(jen.Id("status"), jen.Id("message"), jen.Id("excerpt").Call(jen.Id("body")), mref(), jen.Id("body")))
	} else {
		g.Return(jen.Id("byStatus").Call(jen.Id("status"), jen.Id("message"), jen.Lit(""), mref(), jen.Id("body")))
	}
}

// receiveFunc names the function that returns error e as received.
func receiveFunc(e *ErrorDef) string { return "receive" + e.Name }

// receiveCall returns error e as received with the variables status,
// code, message, m and data, and with body as given. Each case of resolve,
// resolveType and byStatus is this one plain call: inlined code in
// thousands of cases makes the compiler's work grow faster than the
// number of errors.
//
// A plain error is received by one function for all of them, whose
// plainError has its layout.
func receiveCall(m *Model, e *ErrorDef, code, body jen.Code) *jen.Statement {
	if plainLayout(m, e) {
		return jen.Return(jen.Parens(jen.Op("*").Id(e.Name)).Call(jen.Id("receivePlain").Call(
			jen.Id("status"), code, jen.Id("message"), body, jen.Id("m"), jen.Id("data"), jen.Lit(e.Status), jen.Lit(e.Message),
		)))
	}
	return jen.Return(jen.Id(receiveFunc(e)).Call(jen.Id("status"), code, jen.Id("message"), body, jen.Id("m"), jen.Id("data")))
}

// plainLayout reports whether e has neither params nor fields or headers
// of its own, nor keeps the type it is received with: whether its type has
// the layout of plainError.
func plainLayout(m *Model, e *ErrorDef) bool {
	return !e.HasTemplate() && len(e.OwnFields) == 0 && len(e.OwnHeaders) == 0 && (m.Envelope.Type == nil || e.Type != "")
}

// zeroCode is the zero Code, for an error received without one.
func zeroCode(m *Model) jen.Code {
	if m.Envelope.StringCodes {
		return jen.Lit("")
	}
	return jen.Lit(0)
}

// genReceive emits, per error,
//
//	func receiveXxxError(status int, code Code, message []byte, body string, m *received, data []byte) error
//
// which returns the error received with that status, code (an alias, or
// none), message, body excerpt and members: for an error with a
// template that can be parsed back, with the params when the message is
// the template's, else with the message as it came.
func genReceive(f *jen.File, m *Model, e *ErrorDef) {
	comment(f.Group, fmt.Sprintf("%s returns %s received with status, code, message, body excerpt and members.", receiveFunc(e), article(e.Name)))
	f.Func().Id(receiveFunc(e)).Params(
		jen.Id("status").Int(), jen.Id("code").Id("Code"), jen.Id("message").Index().Byte(), jen.Id("body").String(),
		jen.Id("m").Op("*").Id("received"), jen.Id("data").Index().Byte(),
	).Error().BlockFunc(func(g *jen.Group) {
		d := jen.Dict{
			jen.Id("code"):   jen.Id("code"),
			jen.Id("status"): jen.Id("nonDefault").Call(jen.Id("status"), jen.Lit(e.Status)),
			jen.Id("body"):   jen.Id("body"),
		}
		if m.Envelope.Type != nil && e.Type == "" {
			// An error without a type of its own keeps the one it came with.
			g.Var().Id("typ").String()
			g.If(jen.Id("m").Op("!=").Nil()).Block(
				jen.Id("typ").Op("=").Id("m").Index(jen.Id(memberConst(m.Envelope.Type))).Dot("str").Call(jen.Id("data")),
			)
			d[jen.Id("typ")] = jen.Id("typ")
		}
		g.List(jen.Id("e"), jen.Id("x")).Op(":=").Id("alloc").Index(jen.Id(e.Name)).Call(jen.Id("details").Values(d))
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
			// As the constructor does, a missing message is the default.
			g.Id("e").Dot("Message").Op("=").Id("messageOr").Call(jen.Id("message"), jen.Lit(e.Message))
		}
		if len(e.Fields) > 0 || len(e.ParamFields) > 0 {
			g.If(jen.Id("m").Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
				if len(m.Envelope.Fields) > 0 {
					g.Id("e").Dot("fillFields").Call(jen.Id("m"), jen.Id("data"))
				}
				for _, fl := range e.OwnFields {
					g.Add(fillField(jen.Id("e").Dot(fl.Name), fl))
				}
				// A param's own member, structured data, wins over the
				// value read from the message.
				for _, fl := range e.ParamFields {
					g.If(jen.Id("m").Index(jen.Id(memberConst(fl.Member))).Dot("set")).Block(fillField(jen.Id("e").Dot(fl.Name), fl))
				}
			})
		}
		g.Return(jen.Id("e"))
	})
	f.Line()
}

// genReceivePlain emits, when some errors are plain,
//
//	type plainError struct { Message string; x *details }
//	func receivePlain(status int, code Code, message []byte, body string, m *received, data []byte, def int, defMessage string) *plainError
//
// which receives every plain error: its caller converts the result to the
// error's own type, which has the same layout.
func genReceivePlain(f *jen.File, m *Model) {
	if !slices.ContainsFunc(m.Errors, func(e *ErrorDef) bool { return plainLayout(m, e) }) {
		return
	}
	f.Comment("plainError has the layout of each error without params, fields or headers")
	f.Comment("of its own, so that receivePlain receives them all.")
	f.Type().Id("plainError").StructFunc(func(g *jen.Group) {
		g.Comment("Message is the error's Message.")
		g.Id("Message").String()
		if m.Envelope.HasFieldsType() {
			g.Id("EnvelopeFields")
		}
		g.Id("x").Op("*").Id("details")
	})
	f.Line()
	f.Comment("receivePlain returns a plain error received with status, code (an alias,")
	f.Comment("or none), message, body excerpt and the members found in data, if any;")
	f.Comment("def and defMessage are the error's default status and message.")
	f.Func().Id("receivePlain").Params(
		jen.Id("status").Int(), jen.Id("code").Id("Code"), jen.Id("message").Index().Byte(), jen.Id("body").String(),
		jen.Id("m").Op("*").Id("received"), jen.Id("data").Index().Byte(), jen.Id("def").Int(), jen.Id("defMessage").String(),
	).Op("*").Id("plainError").BlockFunc(func(g *jen.Group) {
		g.List(jen.Id("e"), jen.Id("x")).Op(":=").Id("alloc").Index(jen.Id("plainError")).Call(jen.Id("details").Values(jen.Dict{
			jen.Id("code"):   jen.Id("code"),
			jen.Id("status"): jen.Id("nonDefault").Call(jen.Id("status"), jen.Id("def")),
			jen.Id("body"):   jen.Id("body"),
		}))
		g.Id("e").Dot("x").Op("=").Id("x")
		g.Id("e").Dot("Message").Op("=").Id("messageOr").Call(jen.Id("message"), jen.Id("defMessage"))
		if len(m.Envelope.Fields) > 0 {
			g.If(jen.Id("m").Op("!=").Nil()).Block(jen.Id("e").Dot("fillFields").Call(jen.Id("m"), jen.Id("data")))
		}
		g.Return(jen.Id("e"))
	})
	f.Line()
}

// fillField sets v from the member of field fl that m found in data.
func fillField(v *jen.Statement, fl *Field) *jen.Statement {
	mb := jen.Id("m").Index(jen.Id(memberConst(fl.Member)))
	switch {
	case fl.Object == nil:
		return v.Op("=").Add(mb).Dot(accessors[fl.Type]).Call(jen.Id("data"))
	case strings.HasPrefix(fl.Type, "[]"):
		return v.Op("=").Id("decodeObjects").Index(jen.Id(fl.Object.Name)).Call(mb.Dot("raw").Call(jen.Id("data")))
	}
	return v.Op("=").Id("decodeObject").Index(jen.Id(fl.Object.Name)).Call(mb.Dot("raw").Call(jen.Id("data")))
}

// genResolve emits
//
//	func resolve(status int, code Code, message []byte, m *received, data []byte) error
//	func resolveType(status int, typ, message []byte, m *received, data []byte) error
//	func byStatus(status int, message []byte, body string, m *received, data []byte) error
func genResolve(f *jen.File, m *Model) {
	env := &m.Envelope
	f.Comment("alloc returns a new T and, when x holds anything, a copy of x in the same")
	f.Comment("allocation.")
	f.Func().Id("alloc").Types(jen.Id("T").Any()).Params(jen.Id("x").Id("details")).Params(jen.Op("*").Id("T"), jen.Op("*").Id("details")).Block(
		jen.If(jen.Id("x").Op("==").Parens(jen.Id("details").Values())).Block(jen.Return(jen.New(jen.Id("T")), jen.Nil())),
		jen.Id("p").Op(":=").Op("&").Struct(jen.Id("e").Id("T"), jen.Id("x").Id("details")).Values(jen.Id("x").Op(":").Id("x")),
		jen.Return(jen.Op("&").Id("p").Dot("e"), jen.Op("&").Id("p").Dot("x")),
	)
	f.Line()
	genReceivePlain(f, m)
	params := func(first ...jen.Code) []jen.Code {
		return append(first, jen.Id("message").Index().Byte(), jen.Id("m").Op("*").Id("received"), jen.Id("data").Index().Byte())
	}
	if env.Code != nil {
		// A string code comes as the bytes of the body: switch on it
		// without making it a string, and make a Code only of an alias
		// or an unknown code, which the error keeps. An error's own code
		// it does not keep.
		codeParam, switchOn, kept := jen.Id("code").Id("Code"), jen.Id("code"), jen.Id("code")
		if env.StringCodes {
			codeParam, switchOn, kept = jen.Id("code").Index().Byte(), jen.String().Call(jen.Id("code")), jen.Id("Code").Call(jen.Id("code"))
		}
		f.Comment("resolve returns the error a received code and status mean.")
		f.Func().Id("resolve").Params(params(jen.Id("status").Int(), codeParam)...).Error().Block(
			jen.Switch(switchOn).BlockFunc(func(g *jen.Group) {
				for _, r := range m.Resolutions {
					c := caseCode(m, r.Code)
					if env.StringCodes {
						c = jen.String().Call(c)
					}
					g.Case(c).BlockFunc(func(g *jen.Group) {
						if len(r.Aliases) > 0 {
							g.Switch(jen.Id("status")).BlockFunc(func(g *jen.Group) {
								for _, a := range r.Aliases {
									g.CaseFunc(func(g *jen.Group) {
										for _, s := range a.Statuses {
											g.Lit(s)
										}
									}).Block(receiveCall(m, a, kept.Clone(), jen.Lit("")))
								}
							})
						}
						if r.Owner != nil {
							g.Add(receiveCall(m, r.Owner, zeroCode(m), jen.Lit("")))
						}
					})
				}
			}),
			jen.Return(jen.Id("receiveUnknown").Call(jen.Id("status"), kept.Clone(), jen.Id("message"), jen.Lit(""), jen.Id("m"), jen.Id("data"))),
		)
		f.Line()
	}
	if len(m.TypeResolutions) > 0 {
		f.Comment("resolveType returns the error a received type means, when no code came:")
		f.Comment("among the errors of that type, the one whose message prefix the message")
		f.Comment("starts with, else the one that claims the status, else the first; nil for")
		f.Comment("a type no error without a code has.")
		f.Func().Id("resolveType").Params(params(jen.Id("status").Int(), jen.Id("typ").Index().Byte())...).Error().Block(
			jen.Switch(jen.String().Call(jen.Id("typ"))).BlockFunc(func(g *jen.Group) {
				for _, r := range m.TypeResolutions {
					g.Case(jen.Lit(r.Type)).BlockFunc(func(g *jen.Group) {
						// Among errors of one type, a message prefix
						// tells its error first; the others by status.
						unprefixed := r.Errors
						if len(r.Errors) > 1 {
							unprefixed = nil
							for _, e := range r.Errors {
								if e.MessagePrefix == "" {
									unprefixed = append(unprefixed, e)
									continue
								}
								g.If(jen.Qual("bytes", "HasPrefix").Call(jen.Id("message"), jen.Index().Byte().Parens(jen.Lit(e.MessagePrefix)))).Block(receiveCall(m, e, zeroCode(m), jen.Lit("")))
							}
							if len(unprefixed) == 0 {
								unprefixed = r.Errors
							}
						}
						if len(unprefixed) > 1 {
							g.Switch(jen.Id("status")).BlockFunc(func(g *jen.Group) {
								claimed := map[int]bool{}
								for _, e := range unprefixed[1:] {
									var statuses []jen.Code
									for _, s := range e.Statuses {
										if !claimed[s] && !slices.Contains(unprefixed[0].Statuses, s) {
											claimed[s] = true
											statuses = append(statuses, jen.Lit(s))
										}
									}
									if len(statuses) > 0 {
										g.Case(statuses...).Block(receiveCall(m, e, zeroCode(m), jen.Lit("")))
									}
								}
							})
						}
						g.Add(receiveCall(m, unprefixed[0], zeroCode(m), jen.Lit("")))
					})
				}
			}),
			jen.Return(jen.Nil()),
		)
		f.Line()
	}

	if len(m.MessageRules) > 0 {
		f.Comment("resolveMessage returns the error a received message tells, among the")
		f.Comment("errors of the status: by being its own message, else by its start; nil")
		f.Comment("for none.")
		f.Func().Id("resolveMessage").Params(params(jen.Id("status").Int())...).Error().Block(
			jen.Switch(jen.Id("status")).BlockFunc(func(g *jen.Group) {
				for _, r := range m.MessageRules {
					g.Case(jen.Lit(r.Status)).BlockFunc(func(g *jen.Group) {
						g.Switch().BlockFunc(func(g *jen.Group) {
							for _, e := range r.Errors {
								var match jen.Code
								switch {
								case e.MessagePrefix != "":
									match = jen.Qual("bytes", "HasPrefix").Call(jen.Id("message"), jen.Index().Byte().Parens(jen.Lit(e.MessagePrefix)))
								case e.Parseable:
									match = jen.Parens(jen.Op("&").Id(e.Name).Values()).Dot("fill").Call(jen.Id("message"))
								case e.HasTemplate():
									match = jen.String().Call(jen.Id("message")).Op("==").Lit(e.Unrendered)
								default:
									match = jen.String().Call(jen.Id("message")).Op("==").Lit(e.Message)
								}
								g.Case(match).Block(receiveCall(m, e, zeroCode(m), jen.Lit("")))
							}
						})
					})
				}
			}),
			jen.Return(jen.Nil()),
		)
		f.Line()
	}

	f.Comment("byStatus returns the error a status means when the body carries no code")
	f.Comment("or type that tells: the one error that claims the status, if only one does.")
	f.Func().Id("byStatus").Params(jen.Id("status").Int(), jen.Id("message").Index().Byte(), jen.Id("body").String(), jen.Id("m").Op("*").Id("received"), jen.Id("data").Index().Byte()).Error().Block(
		jen.Switch(jen.Id("status")).BlockFunc(func(g *jen.Group) {
			for _, o := range m.StatusOwners {
				g.Case(jen.Lit(o.Status)).Block(receiveCall(m, o.Error, zeroCode(m), jen.Id("body")))
			}
		}),
		jen.Return(jen.Id("receiveUnknown").Call(jen.Id("status"), zeroCode(m), jen.Id("message"), jen.Id("body"), jen.Id("m"), jen.Id("data"))),
	)
	f.Line()

	f.Comment("receiveUnknown returns an UnknownError received with status, code,")
	f.Comment("message, body excerpt and the members found in data, if any.")
	f.Func().Id("receiveUnknown").Params(jen.Id("status").Int(), jen.Id("code").Id("Code"), jen.Id("message").Index().Byte(), jen.Id("body").String(), jen.Id("m").Op("*").Id("received"), jen.Id("data").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Id("e").Op(":=").Op("&").Id("UnknownError").Values(jen.Dict{
			jen.Id("Code"):    jen.Id("code"),
			jen.Id("Status"):  jen.Id("status"),
			jen.Id("Message"): jen.String().Call(jen.Id("message")),
			jen.Id("Body"):    jen.Id("body"),
		})
		if env.Type != nil || env.Title != nil || len(env.Fields) > 0 {
			g.If(jen.Id("m").Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
				if env.Type != nil {
					g.Id("e").Dot("Type").Op("=").Id("m").Index(jen.Id(memberConst(env.Type))).Dot("str").Call(jen.Id("data"))
				}
				if env.Title != nil {
					g.Id("e").Dot("Title").Op("=").Id("m").Index(jen.Id(memberConst(env.Title))).Dot("str").Call(jen.Id("data"))
				}
				if len(env.Fields) > 0 {
					g.Id("e").Dot("fillFields").Call(jen.Id("m"), jen.Id("data"))
				}
			})
		}
		g.Return(jen.Id("e"))
	})
	f.Line()
	genReceivedAccessors(f)
	f.Comment("messageOr returns a received message, or def when none came.")
	f.Func().Id("messageOr").Params(jen.Id("message").Index().Byte(), jen.Id("def").String()).String().Block(
		jen.If(jen.Len(jen.Id("message")).Op("==").Lit(0)).Block(jen.Return(jen.Id("def"))),
		jen.Return(jen.String().Call(jen.Id("message"))),
	)
	f.Line()
}

// genReceivedAccessors emits the methods that read a member's value as a
// field keeps it: the zero value when the member was absent, null or of
// another kind.
func genReceivedAccessors(f *jen.File) {
	m := func() *jen.Statement { return jen.Id("m").Op("*").Id("jsonMember") }
	f.Comment("str returns the member's string, or \"\".")
	f.Func().Params(m()).Id("str").Params(jen.Id("data").Index().Byte()).String().Block(
		jen.Return(jen.String().Call(jen.Id("m").Dot("text").Call(jen.Id("data"), jen.Nil()))),
	)
	f.Line()
	f.Comment("int returns the member's integer, or 0.")
	f.Func().Params(m()).Id("int").Params(jen.Id("_").Index().Byte()).Int().Block(
		jen.If(jen.Op("!").Id("m").Dot("set")).Block(jen.Return(jen.Lit(0))),
		jen.Return(jen.Id("m").Dot("num")),
	)
	f.Line()
	f.Comment("float64 returns the member's number, or 0.")
	f.Func().Params(m()).Id("float64").Params(jen.Id("_").Index().Byte()).Float64().Block(
		jen.If(jen.Op("!").Id("m").Dot("set")).Block(jen.Return(jen.Lit(0))),
		jen.Return(jen.Id("m").Dot("float")),
	)
	f.Line()
	f.Comment("strings returns the member's strings, or nil. The slice is made at its")
	f.Comment("length, counted first; when every element is a plain string, the")
	f.Comment("elements are pieces of one string made of the array's text: two")
	f.Comment("allocations in all.")
	f.Func().Params(m()).Id("strings").Params(jen.Id("data").Index().Byte()).Index().String().Block(
		jen.Id("raw").Op(":=").Id("m").Dot("raw").Call(jen.Id("data")),
		jen.If(jen.Id("raw").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.List(jen.Id("n"), jen.Id("plain")).Op(":=").List(jen.Lit(0), jen.True()),
		jen.For(
			jen.List(jen.Id("start"), jen.Id("end"), jen.Id("ok")).Op(":=").Id("nextJSONElement").Call(jen.Id("raw"), jen.Lit(0)),
			jen.Id("ok"),
			jen.List(jen.Id("start"), jen.Id("end"), jen.Id("ok")).Op("=").Id("nextJSONElement").Call(jen.Id("raw"), jen.Id("end")),
		).Block(
			jen.Id("n").Op("++"),
			// A plain element is a string as it stands: no escapes, and
			// valid UTF-8, which encoding/json would otherwise replace.
			jen.Id("plain").Op("=").Id("plain").Op("&&").Id("raw").Index(jen.Id("start")).Op("==").LitRune('"').Op("&&").Qual("bytes", "IndexByte").Call(jen.Id("raw").Index(jen.Id("start"), jen.Id("end")), jen.LitRune('\\')).Op("<").Lit(0).Op("&&").Qual("unicode/utf8", "Valid").Call(jen.Id("raw").Index(jen.Id("start"), jen.Id("end"))),
		),
		jen.If(jen.Op("!").Id("plain")).Block(
			// Escapes, nulls or values of the wrong kind: decode each.
			jen.List(jen.Id("ss"), jen.Id("ok")).Op(":=").Id("decodeJSONStrings").Call(jen.Make(jen.Index().String(), jen.Lit(0), jen.Id("n")), jen.Id("raw")),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil())),
			jen.Return(jen.Id("ss")),
		),
		jen.List(jen.Id("all"), jen.Id("ss")).Op(":=").List(jen.String().Call(jen.Id("raw")), jen.Make(jen.Index().String(), jen.Lit(0), jen.Id("n"))),
		jen.For(
			jen.List(jen.Id("start"), jen.Id("end"), jen.Id("ok")).Op(":=").Id("nextJSONElement").Call(jen.Id("raw"), jen.Lit(0)),
			jen.Id("ok"),
			jen.List(jen.Id("start"), jen.Id("end"), jen.Id("ok")).Op("=").Id("nextJSONElement").Call(jen.Id("raw"), jen.Id("end")),
		).Block(
			jen.Id("ss").Op("=").Append(jen.Id("ss"), jen.Id("all").Index(jen.Id("start").Op("+").Lit(1), jen.Id("end").Op("-").Lit(1))),
		),
		jen.Return(jen.Id("ss")),
	)
	f.Line()
	f.Comment("json returns a copy of the member's JSON text, or nil.")
	f.Func().Params(m()).Id("json").Params(jen.Id("data").Index().Byte()).Qual("encoding/json", "RawMessage").Block(
		jen.Return(jen.Qual("bytes", "Clone").Call(jen.Id("m").Dot("raw").Call(jen.Id("data")))),
	)
	f.Line()
	f.Comment("bool returns the member's boolean, or false.")
	f.Func().Params(m()).Id("bool").Params(jen.Id("_").Index().Byte()).Bool().Block(
		jen.Return(jen.Id("m").Dot("set").Op("&&").Id("m").Dot("boolean")),
	)
	f.Line()
}

// constHolds is the condition under which the decoded body holds const
// member c with its value.
func constHolds(c *Member) *jen.Statement {
	return memberHolds(c, jen.Id(memberConst(c)), "body")
}

// memberHolds reports whether const member c, at index i of m, holds its
// value in data.
func memberHolds(c *Member, i jen.Code, data string) *jen.Statement {
	mb := jen.Id("m").Index(i)
	set := mb.Clone().Dot("set").Op("&&")
	switch c.Kind {
	case KindBool:
		if c.Const == "true" {
			return set.Add(mb.Clone().Dot("boolean"))
		}
		return set.Op("!").Add(mb.Clone().Dot("boolean"))
	case KindInt:
		return set.Add(mb.Clone().Dot("num")).Op("==").Id(c.Const)
	case KindFloat:
		return set.Add(mb.Clone().Dot("float")).Op("==").Id(c.Const)
	}
	var text string
	_ = json.Unmarshal([]byte(c.Const), &text) // Build wrote it from a string
	return jen.String().Call(mb.Clone().Dot("text").Call(jen.Id(data), jen.Nil())).Op("==").Lit(text)
}

// caseCode is a code in a switch: its constant when it is an error's own
// code, else the value.
func caseCode(m *Model, code CodeValue) *jen.Statement {
	i, _ := slices.BinarySearchFunc(m.ByCode, code, func(e *ErrorDef, c CodeValue) int { return compareCodes(e.Code, c) })
	for _, e := range m.ByCode[i:] {
		if e.Code != code {
			break
		}
		if e.HasCode {
			return jen.Id(e.CodeConst)
		}
	}
	return jen.Lit(code.Value())
}

// genFromResponse emits
//
//	func FromResponse(resp *http.Response) error
func genFromResponse(f *jen.File, m *Model) {
	if errors2xx(m) {
		comment(f.Group, "FromResponse returns the error resp stands for, as Parse does, or nil for a success. It reads at most MaxBodySize bytes of the body and leaves closing it to the caller; a body that is longer, or that fails to read, is resolved by its status. The body of a 2xx response, which may be an error, is read too; when it is not an error, resp.Body is given back the bytes read, so the caller reads the whole body as if nothing had.")
	} else {
		comment(f.Group, "FromResponse returns the error resp stands for, as Parse does, or nil when its status is below 400. It reads at most MaxBodySize bytes of the body and leaves closing it to the caller; a body that is longer, or that fails to read, is resolved by its status.")
	}
	// With header fields, every error returned has them read.
	withHeaders := func(err jen.Code) jen.Code {
		if !hasHeaders(m) {
			return err
		}
		return jen.Id("readHeaders").Call(err, jen.Id("resp").Dot("Header"))
	}
	f.Func().Id("FromResponse").Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Error().BlockFunc(func(g *jen.Group) {
		success := jen.Id("resp").Dot("StatusCode").Op("<").Lit(400)
		if errors2xx(m) {
			success = jen.Id("resp").Dot("StatusCode").Op("<").Lit(200).Op("||").Id("resp").Dot("StatusCode").Op(">=").Lit(300).Op("&&").Id("resp").Dot("StatusCode").Op("<").Lit(400)
		}
		g.If(success).Block(jen.Return(jen.Nil()))
		g.If(jen.Id("resp").Dot("Body").Op("==").Nil()).Block(jen.Return(withHeaders(jen.Id("Parse").Call(jen.Id("resp").Dot("StatusCode"), jen.Nil()))))
		g.List(jen.Id("body"), jen.Id("err")).Op(":=").Qual("io", "ReadAll").Call(jen.Qual("io", "LimitReader").Call(jen.Id("resp").Dot("Body"), jen.Id("MaxBodySize").Op("+").Lit(1)))
		if errors2xx(m) {
			g.If(jen.Id("resp").Dot("StatusCode").Op("<").Lit(400)).Block(
				jen.Var().Id("e").Error(),
				jen.If(jen.Id("err").Op("==").Nil().Op("&&").Int64().Call(jen.Len(jen.Id("body"))).Op("<=").Id("MaxBodySize")).Block(
					jen.Id("e").Op("=").Add(withHeaders(jen.Id("Parse").Call(jen.Id("resp").Dot("StatusCode"), jen.Id("body")))),
				),
				jen.If(jen.Id("e").Op("==").Nil()).Block(
					jen.Id("resp").Dot("Body").Op("=").Id("replayBody").Values(jen.Qual("io", "MultiReader").Call(jen.Qual("bytes", "NewReader").Call(jen.Id("body")), jen.Id("resp").Dot("Body")), jen.Id("resp").Dot("Body")),
				),
				jen.Return(jen.Id("e")),
			)
		}
		g.If(jen.Id("err").Op("!=").Nil().Op("||").Int64().Call(jen.Len(jen.Id("body"))).Op(">").Id("MaxBodySize")).Block(
			jen.Return(withHeaders(jen.Id("byStatus").Call(jen.Id("resp").Dot("StatusCode"), jen.Nil(), jen.Id("excerpt").Call(jen.Id("body")), jen.Nil(), jen.Nil()))),
		)
		g.Return(withHeaders(jen.Id("Parse").Call(jen.Id("resp").Dot("StatusCode"), jen.Id("body"))))
	})
	f.Line()
	f.Comment("errorStatus reports whether a response of the status may be an error, for")
	f.Comment("RetryTransport, which reads no other body.")
	if errors2xx(m) {
		f.Func().Id("errorStatus").Params(jen.Id("status").Int()).Bool().Block(
			jen.Return(jen.Id("status").Op(">=").Lit(400).Op("||").Id("status").Op(">=").Lit(200).Op("&&").Id("status").Op("<").Lit(300)),
		)
	} else {
		f.Func().Id("errorStatus").Params(jen.Id("status").Int()).Bool().Block(jen.Return(jen.Id("status").Op(">=").Lit(400)))
	}
	f.Line()
	if errors2xx(m) {
		f.Comment("replayBody is a response body that gives back the bytes FromResponse read")
		f.Comment("before the rest, and closes the original.")
		f.Type().Id("replayBody").Struct(jen.Qual("io", "Reader"), jen.Qual("io", "Closer"))
		f.Line()
	}
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
