package gen

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOpenAPIInfoVersion checks that info.version is the API's version
// from api_version, and a plain "unversioned" when the spec gives none,
// never the spec format's version.
func TestOpenAPIInfoVersion(t *testing.T) {
	const spec = `version: 1
package: shoperr
%serrors:
  - name: InternalError
    code: 50001
    status: 500
    fallback: true
`
	for _, tc := range []struct {
		name, field, want string
	}{
		{"absent", "", "unversioned"},
		{"date", "api_version: \"2024-06-01\"\n", "2024-06-01"},
		{"unquoted date", "api_version: 2024-06-01\n", "2024-06-01"},
		{"semver", "api_version: 1.4.0\n", "1.4.0"},
		{"empty", "api_version: \"\"\n", "unversioned"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Load("errors.yaml", fmt.Appendf(nil, spec, tc.field))
			require.NoError(t, err)
			var doc struct {
				Info struct{ Version string }
			}
			require.NoError(t, json.Unmarshal(OpenAPI(m), &doc))
			assert.Equal(t, tc.want, doc.Info.Version)
		})
	}
}
