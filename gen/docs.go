package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
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
		"body": func(code int, message string) string {
			codePrefix, messagePrefix := envelopePrefixes(m.Envelope)
			return indentJSON(wire.AppendEnvelope(nil, codePrefix, code, messagePrefix, message))
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
		"statuses": statusesDoc,
		"codes":    codesDoc,
		"statusList": func(e *ErrorDef) string {
			return joinStatuses(e.Statuses, "/")
		},
		"retry":     retryDoc,
		"table":     func(t Table) string { return markdownTable(t.Columns, t.Rows) },
		"reference": referenceTable,
		"inc":       func(i int) int { return i + 1 },
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
// example, else the message it is sent with by default, which for a
// template is the one rendered with zero values.
func example(e *ErrorDef) string {
	if len(e.Examples) > 0 {
		return e.Examples[0]
	}
	if !e.HasTemplate() {
		return e.Message
	}
	var b strings.Builder
	for _, s := range e.Template {
		if s.Param == nil {
			b.WriteString(s.Text)
			continue
		}
		zero := map[string]any{"string": "", "int": 0, "float64": 0.0}[s.Param.Type]
		fmt.Fprintf(&b, or(s.Param.Format, "%v"), zero)
	}
	return b.String()
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

func statusesDoc(e *ErrorDef) string {
	parts := make([]string, len(e.Statuses))
	for i, s := range e.Statuses {
		parts[i] = fmt.Sprintf("`%d` (%s)", s, http.StatusText(s))
	}
	return strings.Join(parts, ", ")
}

func codesDoc(e *ErrorDef) string {
	s := fmt.Sprintf("`%d`", e.Code)
	for _, a := range e.Aliases {
		s += fmt.Sprintf(" (or `%d` with status %s)", a, joinStatuses(e.Statuses, "/"))
	}
	return s
}

func joinStatuses(statuses []int, sep string) string {
	parts := make([]string, len(statuses))
	for i, s := range statuses {
		parts[i] = strconv.Itoa(s)
	}
	return strings.Join(parts, sep)
}

func retryDoc(e *ErrorDef) string {
	switch e.Retry {
	case RetryBackoff:
		return "retry with exponential backoff"
	case RetryWait:
		return "retry once your requests in flight complete"
	}
	return "do not retry the same request"
}

func referenceTable(m *Model) string {
	var rows [][]string
	for _, e := range m.ByCode {
		rows = append(rows, []string{fmt.Sprintf("`%d`", e.Code), joinStatuses(e.Statuses, "/"), e.Name, e.Summary})
		for _, a := range e.Aliases {
			rows = append(rows, []string{fmt.Sprintf("`%d`", a), joinStatuses(e.Statuses, "/"), e.Name, "Alias of `" + strconv.Itoa(e.Code) + "`"})
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
