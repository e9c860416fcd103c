package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/errgen/errgen/gen/internal/wire"
	"github.com/errgen/errgen/templates"
)

// ReferenceTemplate is the text of the built-in Markdown reference template.
func ReferenceTemplate() string {
	b, err := templates.FS.ReadFile(templates.Reference)
	if err != nil {
		panic("gen: the reference template is not embedded: " + err.Error())
	}
	return string(b)
}

// Markdown renders m with a text/template, the built-in reference when
// text is "". name is used in error messages. A template error is the
// template's fault, so it is returned, never panicked.
func Markdown(m *Model, name, text string) ([]byte, error) {
	if text == "" {
		name, text = templates.Reference, ReferenceTemplate()
	}
	t, err := template.New(name).Funcs(docFuncs(m)).Parse(text)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	data := struct {
		*Model
		Header string
	}{m, Header(m.SpecFile)}
	if err := t.Execute(&buf, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// docFuncs are the functions templates may call, documented in the README.
func docFuncs(m *Model) template.FuncMap {
	return template.FuncMap{
		// body and wsbody encode with the generated packages' own code.
		"body": func(e any, message string) (string, error) {
			def, err := errorOf(m, e)
			if err != nil {
				return "", err
			}
			return indentJSON(sample(def.Body, message, def.Status)), nil
		},
		// sampleError is the error whose body shows the format: the one
		// of the lowest code, else the first.
		"sampleError": func() *ErrorDef {
			for _, e := range m.ByCode {
				if e.HasCode {
					return e
				}
			}
			return m.Errors[0]
		},
		"wsbody": func(message string) string {
			return indentJSON(wire.AppendStringObject(nil, webSocketPrefix(m.WebSocket), message))
		},
		"compact": func(s string) string {
			var buf bytes.Buffer
			if json.Compact(&buf, []byte(s)) != nil {
				return s
			}
			return buf.String()
		},
		"code":     codeSpan,
		"example":  example,
		"statuses": func(e *ErrorDef) string { return statusesDoc(e, m.StatusTexts) },
		"codes":    codesDoc,
		"statusList": func(e *ErrorDef) string {
			return joinStatuses(e.Statuses, "/")
		},
		"retry":      retryDoc,
		"properties": func(e *ErrorDef) string { return propertiesDoc(&m.Envelope, e) },
		"headers":    headersDoc,
		"stream":     func(st *Stream) string { return streamDoc(&m.Envelope, st, st == m.SSE) },
		"table":      func(t Table) string { return markdownTable(t.Columns, t.Rows) },
		"reference":  referenceTable,
		"inc":        func(i int) int { return i + 1 },
	}
}

// indentJSON lays out a compact JSON body as the reference shows it;
// json.Indent changes only white space, never the encoder's escaping.
func indentJSON(compact []byte) string {
	var buf bytes.Buffer
	if err := json.Indent(&buf, compact, "", "  "); err != nil {
		return string(compact)
	}
	return buf.String()
}

// example is the message shown in an error's example body: its first
// example, else its default message or, for a template, the template with
// its placeholders, as the package sends it when its values are unknown.
// An example never shows a value nobody gave.
func example(e *ErrorDef) string {
	switch {
	case len(e.Examples) > 0:
		return e.Examples[0]
	case e.HasTemplate():
		return e.Unrendered
	}
	return e.Message
}

// codeSpan writes s as a Markdown code span: fenced with more backticks
// than it holds in a row, padded when it starts or ends with one, and
// Go-quoted when it holds a line break or a tab, which a span cannot show.
func codeSpan(s string) string {
	if strings.ContainsAny(s, "\n\r\t") {
		s = strconv.Quote(s)
	}
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

func statusesDoc(e *ErrorDef, texts []StatusText) string {
	parts := make([]string, len(e.Statuses))
	for i, s := range e.Statuses {
		parts[i] = fmt.Sprintf("`%d`", s)
		if t := statusText(s, texts); t != "" {
			parts[i] += " (" + t + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// errorOf finds the error a template names: an error itself, or its code.
func errorOf(m *Model, e any) (*ErrorDef, error) {
	if def, ok := e.(*ErrorDef); ok {
		return def, nil
	}
	for _, def := range m.Errors {
		if def.HasCode && fmt.Sprint(def.Code.Value()) == fmt.Sprint(e) {
			return def, nil
		}
	}
	return nil, fmt.Errorf("body: no error has code %v", e)
}

// propertiesDoc lists the members of an error's body, one Markdown item
// each: consts, code, type, message, status, then its fields.
func propertiesDoc(env *Envelope, e *ErrorDef) string {
	var items []string
	for _, c := range env.Consts {
		items = append(items, fmt.Sprintf("- %s: always %s", codeSpan(c.Name), codeSpan(c.Const)))
	}
	if env.Code != nil && e.HasCode {
		kind := "number"
		if env.StringCodes {
			kind = "string"
		}
		items = append(items, fmt.Sprintf("- %s (%s): Error code %s", codeSpan(env.Code.Name), kind, codesDoc(e)))
	}
	if env.Type != nil && e.Type != "" {
		item := fmt.Sprintf("- %s (string): %s", codeSpan(env.Type.Name), codeSpan(e.Type))
		if !e.HasCode {
			item += ", which identifies the error"
		}
		items = append(items, item)
	}
	if env.Message != nil {
		items = append(items, fmt.Sprintf("- %s (string): %s", codeSpan(env.Message.Name), or(e.MessageDescription, "The error message")))
	}
	if env.Status != nil {
		items = append(items, fmt.Sprintf("- %s (number): the HTTP status", codeSpan(env.Status.Name)))
	}
	for _, f := range e.Fields {
		item := fmt.Sprintf("- %s (%s, optional)", codeSpan(f.Member.Name), f.Type)
		if f.Doc != "" {
			item += ": " + f.Doc
		}
		items = append(items, item)
	}
	return strings.Join(items, "\n")
}

func codesDoc(e *ErrorDef) string {
	if !e.HasCode {
		return "none; the type " + codeSpan(e.Type) + " tells it"
	}
	s := codeSpan(e.Code.String())
	for _, a := range e.Aliases {
		s += fmt.Sprintf(" (or %s with status %s)", codeSpan(a.String()), joinStatuses(e.Statuses, "/"))
	}
	return s
}

// codeCell is the code column of the reference table.
func codeCell(e *ErrorDef) string {
	if !e.HasCode {
		return "type " + codeSpan(e.Type)
	}
	return codeSpan(e.Code.String())
}

func joinStatuses(statuses []int, sep string) string {
	parts := make([]string, len(statuses))
	for i, s := range statuses {
		parts[i] = strconv.Itoa(s)
	}
	return strings.Join(parts, sep)
}

func retryDoc(e *ErrorDef) string {
	var delay string
	if len(e.Delay) > 0 {
		var keys []string
		for _, h := range e.Delay {
			keys = append(keys, "`"+h.Key+"`")
		}
		delay = joinInts(keys, "or")
	}
	switch e.Retry {
	case RetryBackoff:
		if delay != "" {
			return "retry with exponential backoff, waiting at least the delay in " + delay + " when the response gives one"
		}
		return "retry with exponential backoff"
	case RetryWait:
		return "retry once your requests in flight complete"
	case RetryAfter:
		return "retry after the delay in " + delay + ", else with exponential backoff"
	}
	return "do not retry the same request"
}

// headersDoc lists an error's response headers, one Markdown item each.
func headersDoc(e *ErrorDef) string {
	var b strings.Builder
	for i, h := range e.Headers {
		if i > 0 {
			b.WriteString("\n")
		}
		what := map[HeaderType]string{HeaderString: "string", HeaderInt: "integer"}[h.Type]
		fmt.Fprintf(&b, "- `%s` (%s)", h.Key, or(formatWords[h.Format], what))
		if h.Doc != "" {
			b.WriteString(": " + h.Doc)
		}
	}
	return b.String()
}

func referenceTable(m *Model) string {
	var rows [][]string
	for _, e := range m.ByCode {
		rows = append(rows, []string{codeCell(e), joinStatuses(e.Statuses, "/"), e.Name, e.Summary})
		for _, a := range e.Aliases {
			rows = append(rows, []string{codeSpan(a.String()), joinStatuses(e.Statuses, "/"), e.Name, "Alias of " + codeSpan(e.Code.String())})
		}
	}
	return markdownTable([]string{"Error Code", "HTTP Status", "Error Type", "Description"}, rows)
}

// markdownTable writes a table with its columns padded to one width, as
// the seed documents are written.
func markdownTable(columns []string, rows [][]string) string {
	width := make([]int, len(columns))
	for i, c := range columns {
		width[i] = max(3, utf8.RuneCountInString(c))
	}
	for _, r := range rows {
		for i, c := range r {
			if i < len(width) {
				width[i] = max(width[i], utf8.RuneCountInString(c))
			}
		}
	}
	var b strings.Builder
	line := func(cells []string, pad string) {
		b.WriteString("|")
		for i := range width {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			b.WriteString(" " + c + strings.Repeat(pad, width[i]-utf8.RuneCountInString(c)) + " |")
		}
		b.WriteString("\n")
	}
	line(columns, " ")
	dashes := make([]string, len(width))
	for i, w := range width {
		dashes[i] = strings.Repeat("-", w)
	}
	line(dashes, "-")
	for _, r := range rows {
		line(r, " ")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// streamDoc says how an error arrives in a stream: which events are
// errors, and where the data carries what a body does.
func streamDoc(env *Envelope, st *Stream, isSSE bool) string {
	subject := "a message"
	if st.Event != "" {
		subject = "an `" + st.Event + "` event"
	} else if isSSE {
		subject = "an event"
	}
	var tells []string
	for _, c := range st.Consts {
		tells = append(tells, "`"+c.Name+"` is `"+c.Const+"`")
	}
	var b strings.Builder
	b.WriteString("An error is " + subject)
	if len(tells) > 0 {
		b.WriteString(" whose data's " + joinInts(tells, "and whose"))
	}
	if len(st.Told) > 0 {
		var names []string
		for _, m := range st.Told {
			names = append(names, "`"+m.Name+"`")
		}
		b.WriteString(" whose data has " + joinInts(names, "or"))
	}
	b.WriteString(".")
	if st.Members == nil {
		b.WriteString(" Its data is an error body, as above, and means what the body would.")
		return b.String()
	}
	var where []string
	for _, sl := range st.Slots {
		what := "`" + sl.To.Name + "`"
		if sl.To.Field != nil {
			what = sl.To.Field.Name + " (`" + sl.To.Name + "` of the body)"
		}
		switch sl.To {
		case env.Code:
			what = "the code"
		case env.Message:
			what = "the message"
		case env.Type:
			what = "the type"
		case env.Status:
			what = "the status"
		}
		where = append(where, what+" in `"+sl.From.Name+"`")
	}
	b.WriteString(" Its data carries " + joinInts(where, "and") + ", and means what those would in a body.")
	return b.String()
}
