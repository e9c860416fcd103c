package main

import (
	"archive/zip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// adoptionSection is the README section whose commands TestAdoption runs.
const adoptionSection = "## Use errgen in your repository"

// readmeSection returns the shell commands of a README section, in order.
func readmeSection(t *testing.T, heading string) []string {
	readme := readText(t, "../../README.md")
	_, section, ok := strings.Cut(readme, heading+"\n")
	require.True(t, ok, "README has no %q section", heading)
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	var cmds []string
	for _, block := range fence.FindAllStringSubmatch(section, -1) {
		if block[1] != "sh" {
			continue
		}
		for _, line := range strings.Split(block[2], "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				cmds = append(cmds, line)
			}
		}
	}
	return cmds
}

// TestAdoption is a new user in an empty module, following only the
// README: it runs every command of the "Use errgen in your repository"
// section as written, against this checkout published at v0.1.0 through
// a local module proxy, with a small program that uses the generated
// package, vendoring, the -check line and the -compat line against a
// release tag.
func TestAdoption(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command in a new module")
	}
	for _, tool := range []string{"go", "git", "sh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s command", tool)
		}
	}
	proxy := publish(t, "v0.1.0")
	dir := t.TempDir()
	env := append(os.Environ(),
		"GOPROXY=file://"+filepath.ToSlash(proxy)+","+goEnv(t, "GOPROXY"),
		"GONOSUMDB=github.com/errgen/errgen", "GOFLAGS=", "GOWORK=off",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
	)
	sh := func(cmd string) (string, error) {
		c := exec.Command("sh", "-c", cmd)
		c.Dir, c.Env = dir, env
		out, err := c.CombinedOutput()
		return string(out), err
	}
	must := func(cmd string) string {
		t.Helper()
		out, err := sh(cmd)
		require.NoError(t, err, "%s\n%s", cmd, out)
		return out
	}
	must("go mod init example.com/shop")

	cmds := readmeSection(t, adoptionSection)
	require.Len(t, cmds, 10, "the README's adoption commands changed; update this test with them")
	for _, cmd := range cmds {
		t.Logf("$ %s", cmd)
		switch {
		case strings.HasPrefix(cmd, "go vet"):
			// The user writes a program against the generated package.
			require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(adoptionProgram), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "main_test.go"), []byte(adoptionTest), 0o644))
		case strings.HasPrefix(cmd, "go tool errgen -spec errors.yaml -out"):
			// Release v1.0.0, then add an error, as a team would.
			must("git init -q && git add -A && git commit -qm v1 && git tag v1.0.0")
			f, err := os.OpenFile(filepath.Join(dir, "errors.yaml"), os.O_APPEND|os.O_WRONLY, 0)
			require.NoError(t, err)
			_, err = f.WriteString("\n  - name: ConflictError\n    code: 40901\n    status: 409\n")
			require.NoError(t, err)
			require.NoError(t, f.Close())
			must("go generate ./...")
		}
		out := must(cmd)
		if strings.Contains(cmd, "-compat") {
			assert.Contains(t, out, "compatible: added error ConflictError")
		}
		if strings.Contains(cmd, "-version") {
			assert.Contains(t, out, "v0.1.0")
		}
	}
	assert.Contains(t, must("go tool errgen -version"), "errgen v0.1.0")

	// A change that breaks clients fails the -compat line.
	spec := filepath.Join(dir, "errors.yaml")
	src, err := os.ReadFile(spec)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(spec, []byte(strings.Replace(string(src), "code: 40401", "code: 40402", 1)), 0o644))
	out, err := sh("go tool errgen -compat errors.released.yaml -spec errors.yaml")
	require.Error(t, err)
	assert.Contains(t, out, "errors.yaml:")
	assert.Contains(t, out, "breaking: code of NotFoundError changed from 40401 to 40402")
}

const adoptionProgram = `package main

import (
	"fmt"
	"net/http"

	"example.com/shop/apierr"
)

func handler(w http.ResponseWriter, r *http.Request) {
	apierr.WriteError(w, fmt.Errorf("lookup: %w", apierr.NewNotFoundError("voice", r.URL.Path)))
}

func main() {
	http.HandleFunc("/", handler)
	fmt.Println(apierr.CodeNotFound.HTTPStatus())
}
`

const adoptionTest = `package main

import (
	"net/http/httptest"
	"testing"

	"example.com/shop/apierr"
)

func TestHandler(t *testing.T) {
	rec := httptest.NewRecorder()
	handler(rec, httptest.NewRequest("GET", "/v1", nil))
	err := apierr.Parse(rec.Code, rec.Body.Bytes())
	var nf *apierr.NotFoundError
	if rec.Code != 404 || !apierr.IsNotFoundError(err) || !asNotFound(err, &nf) || nf.ID != "/v1" || nf.Kind != "voice" {
		t.Fatalf("got %d %s: %#v", rec.Code, rec.Body, err)
	}
}

func asNotFound(err error, target **apierr.NotFoundError) bool {
	e, ok := err.(*apierr.NotFoundError)
	*target = e
	return ok
}
`

func goEnv(t *testing.T, name string) string {
	out, err := exec.Command("go", "env", name).Output()
	require.NoError(t, err)
	return strings.TrimSpace(string(out))
}

// publish lays this checkout out as version of github.com/errgen/errgen
// in a file-based module proxy, as a release would be, and returns the
// proxy's directory. It packs the files git tracks, less the bench module.
func publish(t *testing.T, version string) string {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	out, err := exec.Command("git", "-C", root, "ls-files").Output()
	if err != nil {
		t.Skip("not a git checkout")
	}
	proxy := t.TempDir()
	dir := filepath.Join(proxy, "github.com", "errgen", "errgen", "@v")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	zf, err := os.Create(filepath.Join(dir, version+".zip"))
	require.NoError(t, err)
	zw := zip.NewWriter(zf)
	for _, path := range strings.Fields(string(out)) {
		if strings.HasPrefix(path, "bench/") {
			continue // a module of its own
		}
		content, err := os.ReadFile(filepath.Join(root, path))
		if err != nil {
			continue // deleted in the working tree
		}
		w, err := zw.Create("github.com/errgen/errgen@" + version + "/" + path)
		require.NoError(t, err)
		_, err = w.Write(content)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, zf.Close())
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, version+".mod"), gomod, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, version+".info"), []byte(`{"Version":"`+version+`","Time":"2026-11-01T00:00:00Z"}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "list"), []byte(version+"\n"), 0o644))
	return proxy
}
