package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoldenCompat compares each case in testdata/compat with base.yaml,
// the spec it was edited from. Every kind of break has its own case; the
// additive case must break nothing.
func TestGoldenCompat(t *testing.T) {
	base := "testdata/compat/base.yaml"
	oldSrc, err := os.ReadFile(base)
	require.NoError(t, err)
	cases, err := filepath.Glob("testdata/compat/*.yaml")
	require.NoError(t, err)
	require.Greater(t, len(cases), 15)
	for _, spec := range cases {
		if spec == base {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(spec), ".yaml")
		t.Run(name, func(t *testing.T) {
			newSrc, err := os.ReadFile(spec)
			require.NoError(t, err)
			breaks, additions, err := Compat(base, oldSrc, spec, newSrc)
			require.NoError(t, err)
			if name == "additive" {
				assert.Empty(t, breaks, "a purely additive change breaks nothing")
				assert.NotEmpty(t, additions)
			} else {
				assert.NotEmpty(t, breaks, "%s must be reported as breaking", name)
			}
			var b strings.Builder
			for _, c := range breaks {
				b.WriteString(c.Pos.String() + ": breaking: " + c.Msg + "\n")
			}
			for _, c := range additions {
				b.WriteString(c.Pos.String() + ": compatible: " + c.Msg + "\n")
			}
			golden(t, strings.TrimSuffix(spec, ".yaml")+".golden", b.String())
		})
	}

	// Identical specs differ in nothing.
	breaks, additions, err := Compat(base, oldSrc, base, oldSrc)
	require.NoError(t, err)
	assert.Empty(t, breaks)
	assert.Empty(t, additions)
}

// TestCompatBodyShapes checks the breaks of a body's shape: a member path,
// the kind of the codes, a type value, a const, and a field removed,
// retyped or moved.
func TestCompatBodyShapes(t *testing.T) {
	old := `version: 1
package: p
envelope:
  code: error.code
  message: error.message
  type: error.type
  const: {ok: false}
  fields:
    - {name: Param, json: error.param, type: string}
errors:
  - name: CardDeclinedError
    code: card_declined
    type: card_error
    status: 402
    fields:
      - {name: DeclineCode, json: error.decline_code, type: string}
  - {name: APIError, type: api_error, status: 500, fallback: true}
`
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"member path", "code: error.code", "code: error.kind", `envelope code member changed from "error.code" to "error.kind"`},
		{"code kind", "code: card_declined", "code: 402001", "code of CardDeclinedError changed from card_declined to 402001"},
		{"type value", "type: card_error", "type: card", `type of CardDeclinedError changed from "card_error" to "card"`},
		{"const", "const: {ok: false}", "const: {ok: true}", "envelope const ok = true is new or changed"},
		{"field removed", "    fields:\n      - {name: DeclineCode, json: error.decline_code, type: string}\n", "", "field DeclineCode of CardDeclinedError removed"},
		{"field retyped", "{name: DeclineCode, json: error.decline_code, type: string}", "{name: DeclineCode, json: error.decline_code, type: int}", "field DeclineCode of CardDeclinedError retyped from string to int"},
		{"field moved", "json: error.param", "json: error.parameter", "field Param of the envelope moved from member error.param to error.parameter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			newSrc := strings.Replace(old, tc.from, tc.to, 1)
			require.NotEqual(t, old, newSrc)
			breaks, _, err := Compat("old.yaml", []byte(old), "new.yaml", []byte(newSrc))
			if tc.name == "code kind" {
				// A spec's codes are of one kind, so the new spec is
				// invalid until every code changes; compare with both.
				newSrc = strings.Replace(newSrc, "- {name: APIError, type: api_error", "- {name: APIError, code: 500, type: api_error", 1)
				breaks, _, err = Compat("old.yaml", []byte(old), "new.yaml", []byte(newSrc))
			}
			require.NoError(t, err)
			var msgs []string
			for _, b := range breaks {
				msgs = append(msgs, b.Msg)
			}
			assert.Contains(t, strings.Join(msgs, "\n"), tc.want)
		})
	}
}
