package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoGenerateIsUpToDate runs every errgen line of go.generate.go with
// -check, so go test ./... fails, with the diff, whenever generated/ is
// stale against errors.yaml. The lines are read from go.generate.go itself
// so that this test and go generate cannot drift apart.
func TestGoGenerateIsUpToDate(t *testing.T) {
	const prefix = "//go:generate go run ./cmd/errgen "
	t.Chdir("../..")
	n := 0
	for _, line := range strings.Split(readText(t, "go.generate.go"), "\n") {
		args, ok := strings.CutPrefix(line, prefix)
		if !ok {
			continue
		}
		n++
		var stdout, stderr bytes.Buffer
		code := run(append(strings.Fields(args), "-check"), &stdout, &stderr)
		assert.Equal(t, 0, code, "stale; run go generate ./...\n%s%s", stdout.String(), stderr.String())
	}
	require.NotZero(t, n, "go.generate.go has no errgen line")
}
