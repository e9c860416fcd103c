package gen

import (
	"fmt"
	"slices"

	"github.com/dave/jennifer/jen"
)

// hasHeaders reports whether any error keeps a response header.
func hasHeaders(m *Model) bool {
	if len(m.Envelope.Headers) > 0 {
		return true
	}
	return slices.ContainsFunc(m.Errors, func(e *ErrorDef) bool { return len(e.OwnHeaders) > 0 })
}

// genHeaders emits the methods that read and write the header fields,
// and that give the server's retry delay: on EnvelopeFields for the
// envelope's headers, and on each error type with headers of its own,
// which calls EnvelopeFields' first.
//
//	func (e *EnvelopeFields) readHeader(h http.Header, now time.Time)
//	func (e *EnvelopeFields) writeHeader(h http.Header)
//	func (e *EnvelopeFields) retryDelay(now time.Time) (time.Duration, bool)
func genHeaders(f *jen.File, m *Model) {
	env := &m.Envelope
	if len(env.Headers) > 0 {
		genHeaderMethods(f, "EnvelopeFields", env.Headers, false)
	}
	if len(env.Delay) > 0 {
		genRetryDelay(f, "EnvelopeFields", env.Delay)
	}
	for _, e := range m.Errors {
		if len(e.OwnHeaders) > 0 {
			genHeaderMethods(f, e.Name, e.OwnHeaders, len(env.Headers) > 0)
		}
		if len(e.Delay) > 0 && !slices.Equal(e.Delay, env.Delay) {
			genRetryDelay(f, e.Name, e.Delay)
		}
	}
}

func genHeaderMethods(f *jen.File, typ string, hs []*HeaderField, embedded bool) {
	recv := func() *jen.Statement { return jen.Params(jen.Id("e").Op("*").Id(typ)) }
	f.Comment("readHeader sets the header fields from h; now is when the response came,")
	f.Comment("for a delay given as a date.")
	f.Func().Add(recv()).Id("readHeader").Params(jen.Id("h").Qual("net/http", "Header"), jen.Id("now").Qual("time", "Time")).BlockFunc(func(g *jen.Group) {
		if embedded {
			g.Id("e").Dot("EnvelopeFields").Dot("readHeader").Call(jen.Id("h"), jen.Id("now"))
		}
		for _, h := range hs {
			v := jen.Id("e").Dot(h.Name)
			key := jen.Lit(h.Key)
			switch h.Type {
			case HeaderString:
				g.Add(v).Op("=").Id("headerString").Call(jen.Id("h"), key)
			case HeaderInt:
				g.If(jen.List(jen.Id("n"), jen.Id("ok")).Op(":=").Id("headerInt").Call(jen.Id("h"), key), jen.Id("ok")).Block(
					v.Clone().Op("=").Op("&").Id("n"),
				)
			case HeaderDuration:
				g.Add(v).Op("=").Id("headerDuration").Call(jen.Id("h"), key, jen.Id(formatConst(h.Format)), jen.Id("now"))
			case HeaderTime:
				g.Add(v).Op("=").Id("headerTime").Call(jen.Id("h"), key, jen.Id(formatConst(h.Format)), jen.Id("now"))
			}
		}
	})
	f.Line()
	f.Comment("writeHeader sets the headers of the fields that are set.")
	f.Func().Add(recv()).Id("writeHeader").Params(jen.Id("h").Qual("net/http", "Header")).BlockFunc(func(g *jen.Group) {
		if embedded {
			g.Id("e").Dot("EnvelopeFields").Dot("writeHeader").Call(jen.Id("h"))
		}
		for _, h := range hs {
			v := jen.Id("e").Dot(h.Name)
			key := jen.Lit(h.Key)
			// The setters leave out an empty string, a delay that is not
			// positive and the zero time themselves.
			switch h.Type {
			case HeaderString:
				g.Id("setHeaderString").Call(jen.Id("h"), key, v)
			case HeaderInt:
				g.If(v.Clone().Op("!=").Nil()).Block(jen.Id("setHeaderInt").Call(jen.Id("h"), key, jen.Op("*").Add(v.Clone())))
			case HeaderDuration:
				g.Id("setHeaderDuration").Call(jen.Id("h"), key, v, jen.Id(formatConst(h.Format)))
			case HeaderTime:
				g.Id("setHeaderTime").Call(jen.Id("h"), key, v, jen.Id(formatConst(h.Format)))
			}
		}
	})
	f.Line()
}

// genRetryDelay emits the method that gives the delay the server asked
// for before a retry: the first of the delay headers that holds one.
func genRetryDelay(f *jen.File, typ string, delay []*HeaderField) {
	comment(f.Group, fmt.Sprintf("retryDelay returns the delay the server asked for in %s, if any; now turns a time into a delay.", headerList(delay)))
	f.Func().Params(jen.Id("e").Op("*").Id(typ)).Id("retryDelay").Params(jen.Id("now").Qual("time", "Time")).Params(jen.Qual("time", "Duration"), jen.Bool()).BlockFunc(func(g *jen.Group) {
		for _, h := range delay {
			v := jen.Id("e").Dot(h.Name)
			if h.Type == HeaderDuration {
				g.If(v.Clone().Op(">").Lit(0)).Block(jen.Return(v.Clone(), jen.True()))
				continue
			}
			g.If(jen.List(jen.Id("d"), jen.Id("ok")).Op(":=").Id("retryDelayUntil").Call(v.Clone(), jen.Id("now")), jen.Id("ok")).Block(jen.Return(jen.Id("d"), jen.True()))
		}
		g.Return(jen.Lit(0), jen.False())
	})
	f.Line()
}

// formatConst names the runtime's constant for a header format.
func formatConst(f HeaderFormat) string {
	return map[HeaderFormat]string{
		FormatSeconds: "headerSeconds",
		FormatMillis:  "headerMillis",
		FormatGo:      "headerGoDuration",
		FormatHTTP:    "headerHTTPDate",
		FormatUnix:    "headerUnixTime",
		FormatRFC3339: "headerRFC3339",
	}[f]
}

// genParseWithHeader emits, when errors keep headers,
//
//	func ParseWithHeader(status int, header http.Header, body []byte) error
//	func readHeaders(err error, h http.Header) error
func genParseWithHeader(f *jen.File, m *Model) {
	if !hasHeaders(m) {
		return
	}
	f.Comment("ParseWithHeader returns the error an HTTP response stands for, as Parse")
	f.Comment("does, with its header fields read from header.")
	f.Func().Id("ParseWithHeader").Params(jen.Id("status").Int(), jen.Id("header").Qual("net/http", "Header"), jen.Id("body").Index().Byte()).Error().Block(
		jen.Return(jen.Id("readHeaders").Call(jen.Id("Parse").Call(jen.Id("status"), jen.Id("body")), jen.Id("header"))),
	)
	f.Line()
	f.Comment("readHeaders sets the header fields of err, an error Parse returned, from h.")
	f.Func().Id("readHeaders").Params(jen.Id("err").Error(), jen.Id("h").Qual("net/http", "Header")).Error().Block(
		jen.If(jen.List(jen.Id("r"), jen.Id("ok")).Op(":=").Id("err").Assert(jen.Interface(
			jen.Id("readHeader").Params(jen.Qual("net/http", "Header"), jen.Qual("time", "Time")),
		)), jen.Id("ok")).Block(
			jen.Id("r").Dot("readHeader").Call(jen.Id("h"), jen.Qual("time", "Now").Call()),
		),
		jen.Return(jen.Id("err")),
	)
	f.Line()
}
