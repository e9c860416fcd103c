package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	mainFile     = "package main\n\nfunc main() {}\n"
	externalTest = "package main_test\n\nimport \"testing\"\n\nfunc TestApp(t *testing.T) {}\n"
	// A generator program, kept out of every build, in a package of its own.
	ignoredProgram = "//go:build ignore\n\n// Program gen writes table.go.\npackage gen\n\nfunc main() {}\n"
)

// TestInitPackage checks that go.generate.go joins the package already in
// the directory, whatever else lies beside it, and takes the directory's
// name only when there is none.
func TestInitPackage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		dir   string
		files map[string]string
		want  string
	}{
		{"empty", "shop", nil, "shop"},
		{"main", "shop", map[string]string{"main.go": mainFile}, "main"},
		{"main and external test", "shop", map[string]string{"app_test.go": externalTest, "main.go": mainFile}, "main"},
		{"main and ignored program", "shop", map[string]string{"a_gen.go": ignoredProgram, "main.go": mainFile}, "main"},
		{"only external test", "shop", map[string]string{"app_test.go": externalTest}, "shop"},
		{"only ignored program", "shop", map[string]string{"gen.go": ignoredProgram}, "shop"},
		{"internal test", "shop", map[string]string{"app_test.go": "package store\n"}, "store"},
		{"library", "shop", map[string]string{"doc.go": "// Package store sells.\npackage store\n", "store.go": "package store\n"}, "store"},
		{"not Go", "shop", map[string]string{"broken.go": "<html>\n", "main.go": mainFile}, "main"},
		{"unusable directory name", "1-shop", nil, "main"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), tc.dir)
			require.NoError(t, os.Mkdir(dir, 0o755))
			for name, src := range tc.files {
				require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
			}
			r := errgen(t, "init", dir)
			require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
			assert.Regexp(t, `(?m)^package `+tc.want+`$`, string(readFile(t, filepath.Join(dir, "go.generate.go"))))
			assert.FileExists(t, filepath.Join(dir, "errors.yaml"))
		})
	}
}

func TestInitRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	spec := writeSpec(t, dir, "errors.yaml", goodSpec)
	r := errgen(t, "init", dir)
	assert.Equal(t, 1, r.code)
	assert.Equal(t, "errgen init: "+spec+" already exists; not overwriting it\n", r.stderr)
	assert.Equal(t, goodSpec, string(readFile(t, spec)))
	assert.NoFileExists(t, filepath.Join(dir, "go.generate.go"))
}

// TestInitGeneratesAndVets runs errgen init in a module whose directory
// holds package main, then the go:generate line it wrote, then go vet
// -tags generate, which fails when go.generate.go and main.go disagree on
// the package, and go build of a program that uses the starter errors.
func TestInitGeneratesAndVets(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command in a new module")
	}
	dir := t.TempDir()
	env := append(os.Environ(), "GOFLAGS=", "GOWORK=off", "GOTOOLCHAIN=local")
	goCmd := func(args ...string) {
		t.Helper()
		c := exec.Command("go", args...)
		c.Dir, c.Env = dir, env
		out, err := c.CombinedOutput()
		require.NoError(t, err, "go %s\n%s", strings.Join(args, " "), out)
	}
	goCmd("mod", "init", "example.com/shop")
	program := `package main

import (
	"fmt"

	"example.com/shop/apierr"
)

func main() {
	fmt.Println(apierr.NewNotFoundError("book", "978-0"), apierr.HTTPStatus(apierr.NewRateLimitError(60)))
}
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(program), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app_test.go"), []byte(externalTest), 0o644))
	r := errgen(t, "init", dir)
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)

	// Run the go:generate line of go.generate.go, as go generate would.
	directive := regexp.MustCompile(`(?m)^//go:generate go tool errgen (.+)$`).FindStringSubmatch(string(readFile(t, filepath.Join(dir, "go.generate.go"))))
	require.NotNil(t, directive, "go.generate.go has no errgen line")
	t.Chdir(dir)
	r = errgen(t, strings.Fields(directive[1])...)
	require.Equal(t, 0, r.code, "errgen %s\n%s", directive[1], r.stderr)
	assert.FileExists(t, filepath.Join(dir, "apierr", "errors.md"))

	goCmd("vet", "-tags", "generate", "./...")
	goCmd("vet", "./...")
	goCmd("build", "./...")
}
