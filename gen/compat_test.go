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
