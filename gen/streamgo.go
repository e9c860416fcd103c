package gen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
)

// genStreams emits the parsers of the error events of the streams the spec
// describes:
//
//	func ParseEvent(event string, data []byte) error
//	func ParseWebSocketMessage(data []byte) error
func genStreams(f *jen.File, m *Model) {
	if st := m.SSE; st != nil {
		genStream(f, m, st, "ParseEvent", "sseData", "an event of a Server-Sent Events stream")
	}
	if st := m.WebSocket.Stream; st != nil {
		genStream(f, m, st, "ParseWebSocketMessage", "webSocketData", "a WebSocket message")
	}
}

func genStream(f *jen.File, m *Model, st *Stream, name, members, what string) {
	if st.Members != nil {
		comment(f.Group, fmt.Sprintf("%s is the member tree of the data of %s, for decodeJSON.", members, what))
		f.Var().Id(members).Op("=").Index(jen.Lit(len(st.Members))).Id("jsonMember").ValuesFunc(memberTree(st.Members, func(mb *Member) jen.Code { return jen.Lit(mb.Index) }))
		f.Line()
	}
	idx := func(mb *Member) jen.Code {
		if st.Members == nil {
			return jen.Id(memberConst(mb))
		}
		return jen.Lit(mb.Index)
	}
	var tells []string
	for _, c := range st.Consts {
		tells = append(tells, fmt.Sprintf("whose data's %s is %s", c.Name, c.Const))
	}
	if len(st.Told) > 0 {
		var names []string
		for _, mb := range st.Told {
			names = append(names, mb.Name)
		}
		tells = append(tells, "whose data has a "+joinInts(names, "or")+" member")
	}
	subject := "one"
	if st.Event != "" {
		subject = "an event named " + jsonQuote(st.Event)
	}
	doc := fmt.Sprintf("%s returns the error that %s stands for, or nil when it is not an error: an error is %s %s.", name, what, subject, strings.Join(tells, " and "))
	doc = strings.Replace(doc, " .", ".", 1)
	doc += " Its " + map[bool]string{true: "code", false: "type"}[m.Envelope.Code != nil] + " tells the error as a body's does; an event carries no HTTP status, so the error's is its default."
	if st.Event != "" {
		doc += " An error event whose data is not an error object gives an *UnknownError that keeps an excerpt of it."
	}
	comment(f.Group, doc)
	params := []jen.Code{jen.Id("data").Index().Byte()}
	if name == "ParseEvent" {
		params = append([]jen.Code{jen.Id("event").String()}, params...)
	}
	f.Func().Id(name).Params(params...).Error().BlockFunc(func(g *jen.Group) {
		if name == "ParseEvent" && st.Event != "" {
			g.If(jen.Id("event").Op("!=").Lit(st.Event)).Block(jen.Return(jen.Nil()))
		}
		src := "envelope"
		if st.Members != nil {
			src = members
		}
		g.Id("m").Op(":=").Id(src)
		notError := jen.Id("decodeJSON").Call(jen.Id("data"), jen.Id("m").Index(jen.Op(":"))).Op("!=").Id("jsonDecoded")
		for _, c := range st.Consts {
			notError = notError.Op("||").Op("!").Parens(memberHolds(c, idx(c), "data"))
		}
		if len(st.Told) > 0 {
			var any *jen.Statement
			for _, mb := range st.Told {
				set := jen.Id("m").Index(idx(mb)).Dot("set")
				if any == nil {
					any = set
				} else {
					any = any.Op("||").Add(set)
				}
			}
			notError = notError.Op("||").Op("!").Parens(any)
		}
		g.If(notError).BlockFunc(func(g *jen.Group) {
			if st.Event != "" {
				g.Return(jen.Id("receiveUnknown").Call(jen.Lit(0), zeroCode(m), jen.Nil(), jen.Id("excerpt").Call(jen.Id("data")), jen.Nil(), jen.Nil()))
				return
			}
			g.Return(jen.Nil())
		})
		if st.Members == nil {
			g.Return(jen.Id("parseMembers").Call(jen.Lit(0), jen.Op("&").Id("m"), jen.Id("data")))
			return
		}
		g.Var().Id("r").Id("received")
		for _, sl := range st.Slots {
			g.Id("r").Index(jen.Id(memberConst(sl.To))).Op("=").Id("m").Index(jen.Lit(sl.From.Index)).Comment(sl.From.Name)
		}
		g.Return(jen.Id("parseMembers").Call(jen.Lit(0), jen.Op("&").Id("r"), jen.Id("data")))
	})
	f.Line()
}
