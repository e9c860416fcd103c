package gen

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "update golden files")

// goodSpecs are the valid golden cases, errors.yaml first.
func goodSpecs(t testing.TB) []string {
	specs, err := filepath.Glob("testdata/good/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, specs)
	return append([]string{"../errors.yaml"}, specs...)
}

// loadSpec reads and builds the spec at path, which must be valid.
func loadSpec(t testing.TB, path string) *Model {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	m, err := Load(path, src)
	require.NoError(t, err)
	return m
}

// golden compares got with the golden file, or rewrites it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./gen -update to create it")
	assert.Equal(t, string(want), got)
}

// bundle joins generated files into one golden text, each under a
// "-- path --" line, as txtar archives do.
func bundle(files []File) string {
	var b strings.Builder
	for _, f := range files {
		b.WriteString("-- " + filepath.ToSlash(f.Path) + " --\n")
		b.Write(f.Content)
	}
	return b.String()
}

func TestGoldenGood(t *testing.T) {
	specs, _ := filepath.Glob("testdata/good/*.yaml")
	for _, spec := range specs {
		name := strings.TrimSuffix(filepath.Base(spec), ".yaml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(spec)
			require.NoError(t, err)
			files, err := Generate(src, Options{Spec: spec, Out: name, Docs: name + ".md", OpenAPI: name + ".openapi.json"})
			require.NoError(t, err)
			golden(t, strings.TrimSuffix(spec, ".yaml")+".golden", bundle(files))
		})
	}
}

func TestGoldenBad(t *testing.T) {
	specs, _ := filepath.Glob("testdata/bad/*.yaml")
	require.NotEmpty(t, specs)
	for _, spec := range specs {
		name := strings.TrimSuffix(filepath.Base(spec), ".yaml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(spec)
			require.NoError(t, err)
			files, err := Generate(src, Options{Spec: spec, Out: name})
			require.Error(t, err, "a bad spec must not generate")
			assert.Nil(t, files)
			golden(t, strings.TrimSuffix(spec, ".yaml")+".golden", err.Error()+"\n")
		})
	}
}

// TestGoldenCustomTemplate renders every valid spec with the custom
// template in testdata/templates, as -docs-template does.
func TestGoldenCustomTemplate(t *testing.T) {
	tmpl := "testdata/templates/codes.md.tmpl"
	text, err := os.ReadFile(tmpl)
	require.NoError(t, err)
	var all strings.Builder
	for _, spec := range goodSpecs(t) {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		files, err := Generate(src, Options{Spec: spec, Docs: "codes.md", DocsTemplate: string(text), DocsTemplateName: tmpl})
		require.NoError(t, err)
		all.WriteString(bundle(files))
	}
	golden(t, "testdata/templates/codes.golden", all.String())
}

func TestCustomTemplateErrors(t *testing.T) {
	src, err := os.ReadFile("testdata/good/minimal.yaml")
	require.NoError(t, err)
	for _, tc := range []struct{ text, want string }{
		{"{{.Nope}}", "can't evaluate field Nope"},
		{"{{range .Errors}}", "unexpected EOF"},
		{"{{nosuchfunc}}", `function "nosuchfunc" not defined`},
	} {
		_, err := Generate(src, Options{Spec: "minimal.yaml", Docs: "x.md", DocsTemplate: tc.text, DocsTemplateName: "my.tmpl"})
		require.Error(t, err, tc.text)
		assert.Contains(t, err.Error(), "my.tmpl")
		assert.Contains(t, err.Error(), tc.want)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	for _, spec := range goodSpecs(t) {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		first, err := Generate(src, Options{Spec: spec, Out: "out", Docs: "errors.md"})
		require.NoError(t, err)
		for range 3 {
			again, err := Generate(src, Options{Spec: spec, Out: "out", Docs: "errors.md"})
			require.NoError(t, err)
			assert.Equal(t, bundle(first), bundle(again), spec)
		}
	}
}
