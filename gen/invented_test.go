package gen

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// zeroRendered is e's template rendered with zero values, the message the
// generated code used to invent for an error whose params nobody gave.
func zeroRendered(e *ErrorDef) string {
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

// TestDocsNeverInventValues checks the reference and the OpenAPI examples
// of every golden spec: an error with params and no examples is shown
// with its placeholders, never with values nobody gave; every message is
// non-empty, and a status is never shown with an empty text. The generated
// code's side (Parse of a body that is not the envelope, WriteError of each
// sentinel) is run by TestEndToEnd.
func TestDocsNeverInventValues(t *testing.T) {
	emptyText := regexp.MustCompile("`\\d{3}` \\(\\)")
	for _, spec := range append(goodSpecs(t), apiSpecs(t)...) {
		t.Run(spec, func(t *testing.T) {
			m := loadSpec(t, spec)
			md, err := Markdown(m, "", "")
			require.NoError(t, err)
			oa := OpenAPI(m)
			assert.NotRegexp(t, emptyText, string(md))
			for _, e := range m.Errors {
				assert.NotEmpty(t, e.Message, e.Name)
				if !e.HasTemplate() || len(e.Examples) > 0 {
					continue
				}
				shown := jsonQuote(e.Unrendered)
				assert.Contains(t, string(md), shown, e.Name)
				assert.Contains(t, string(oa), shown, e.Name)
				if zero := jsonQuote(zeroRendered(e)); zero != shown {
					assert.NotContains(t, string(md), zero, e.Name)
					assert.NotContains(t, string(oa), zero, e.Name)
				}
			}
		})
	}
}

func TestAPIName(t *testing.T) {
	for api, want := range map[string]string{
		"Faseeh":           "Faseeh API",
		"My API":           "My API",
		"Acme Gateway API": "Acme Gateway API",
		"acme api":         "acme api",
		"Rapid":            "Rapid API",
		"RAPI":             "RAPI API",
	} {
		assert.Equal(t, want, apiName(api), api)
	}
}

func TestDefaultMessages(t *testing.T) {
	m := mustLoad(t, `version: 1
package: p
status_texts:
  - {status: 529, text: Site Overloaded}
errors:
  - {name: InternalError, code: 1, status: 500, fallback: true}
  - {name: OverloadedError, code: 2, status: 529}
  - {name: ClientGoneError, code: 3, status: 499, summary: The client went away}
  - {name: APIKeyLimitError, code: 4, status: 599}
`)
	var got []string
	for _, e := range m.Errors {
		got = append(got, e.Message+" | "+e.StatusText)
	}
	assert.Equal(t, []string{
		"Internal Server Error | Internal Server Error",
		"Site Overloaded | Site Overloaded",
		"The client went away | ",
		"API key limit | ",
	}, got)
	assert.Equal(t, 500, m.TimeoutStatus)
}

func mustLoad(t *testing.T, src string) *Model {
	t.Helper()
	m, err := Load("errors.yaml", []byte(src))
	require.NoError(t, err)
	return m
}
