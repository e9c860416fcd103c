package gen

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseRecordsMisspellings checks that Parse tells Build which fields
// an error meant to set under a misspelled name, and only those: an unknown
// field that resembles no missing field is not a misspelling of one.
func TestParseRecordsMisspellings(t *testing.T) {
	const src = `version: 1
package: p
errors:
  - name: BookNotFoundError
    code: 2
    status: 404
    mesage: "Book {isbn} not found"
    parms: [{name: isbn, type: string}]
    colour: red
  - {name: InternalError, code: 1, status: 500, fallback: true}
`
	spec, err := Parse("errors.yaml", []byte(src))
	require.Error(t, err)
	require.Len(t, spec.Errors, 2)
	assert.Equal(t, Misspellings{
		"message": {File: "errors.yaml", Line: 7, Col: 5},
		"params":  {File: "errors.yaml", Line: 8, Col: 5},
	}, spec.Errors[0].Misspelled)
	assert.Nil(t, spec.Errors[1].Misspelled)
}
