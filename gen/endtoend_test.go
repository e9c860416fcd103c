package gen

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"github.com/stretchr/testify/require"
)

// TestEndToEnd compiles, vets and runs the package generated from every
// golden spec and errors.yaml. For each spec it writes a test program,
// derived from the model, that builds every error and checks its code,
// statuses, message and matchers. The expected messages come from
// fmt.Sprintf with each param's format, an oracle independent of the
// strconv calls the generated code makes. A golden file proves the bytes
// did not change; only running the code proves they are right.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs generated code with the go command")
	}
	gobin := goCommand(t)
	dir := t.TempDir()
	write := func(path string, content []byte) {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, content, 0o644))
	}
	write(filepath.Join(dir, "go.mod"), []byte("module e2e\n\ngo 1.26\n"))

	for _, spec := range goodSpecs(t) {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		m, err := Load(spec, src)
		require.NoError(t, err)
		pkgDir := filepath.Join(dir, m.Package)
		files, err := GoFiles(m)
		require.NoError(t, err)
		for _, f := range files {
			write(filepath.Join(pkgDir, f.Path), f.Content)
		}
		var test bytes.Buffer
		require.NoError(t, endToEndTest.Execute(&test, endToEndData(m)))
		write(filepath.Join(pkgDir, "endtoend_test.go"), test.Bytes())
	}

	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command(gobin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), out)
	}
}

func goCommand(t *testing.T) string {
	gobin := filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	if _, err := os.Stat(gobin); err != nil {
		gobin, err = exec.LookPath("go")
		if err != nil {
			t.Skip("no go command")
		}
	}
	return gobin
}

type endToEndError struct {
	*ErrorDef
	Args        string // Go source of the constructor's arguments
	WantMessage string
	Retryable   bool
}

// sampleValues are the constructor arguments the end-to-end test passes,
// chosen to exercise quoting, signs and precision.
var sampleValues = map[string]any{
	"string":  `say "hi" {x} \ ok`,
	"int":     -42,
	"float64": 1234.5678,
}

func endToEndData(m *Model) map[string]any {
	var errs []endToEndError
	for _, e := range m.Errors {
		ee := endToEndError{ErrorDef: e, WantMessage: e.Message, Retryable: e.Retry != RetryNever}
		if e.HasTemplate() {
			var args []string
			for _, p := range e.Params {
				v := sampleValues[p.Type]
				if s, ok := v.(string); ok {
					args = append(args, strconv.Quote(s))
				} else {
					args = append(args, fmt.Sprint(v))
				}
			}
			ee.Args = strings.Join(args, ", ")
			var msg strings.Builder
			for _, s := range e.Template {
				if s.Param == nil {
					msg.WriteString(s.Text)
					continue
				}
				msg.WriteString(fmt.Sprintf(or(s.Param.Format, "%v"), sampleValues[s.Param.Type]))
			}
			ee.WantMessage = msg.String()
		} else {
			ee.Args = `""`
		}
		errs = append(errs, ee)
	}
	return map[string]any{"Model": m, "Errors": errs}
}

var endToEndTest = template.Must(template.New("").Parse(`package {{.Model.Package}}_test

import (
	"errors"
	"fmt"
	"testing"

	pkg "e2e/{{.Model.Package}}"
)

func TestEndToEnd(t *testing.T) {
	all := []error{
{{- range .Errors}}
		pkg.{{.Constructor}}({{.Args}}),
{{- end}}
	}
	matchers := []func(error) bool{
{{- range .Errors}}
		pkg.{{.Matcher}},
{{- end}}
	}
	sentinels := []error{
{{- range .Errors}}
		pkg.{{.Sentinel}},
{{- end}}
	}
{{range $i, $e := .Errors}}
	t.Run({{printf "%q" .Name}}, func(t *testing.T) {
		err := all[{{$i}}]
		wrapped := fmt.Errorf("context: %w", err)
		api := err.(pkg.Error)
		if got, want := api.ErrorMessage(), {{printf "%q" .WantMessage}}; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
		if api.ErrorCode() != {{.Code}} || pkg.{{.CodeConst}} != {{.Code}} || pkg.{{.CodeConst}}.String() != {{printf "%q" .Name}} {
			t.Errorf("code %d (%s)", api.ErrorCode(), api.ErrorCode())
		}
		if api.HTTPStatus() != {{.Status}} || pkg.{{.CodeConst}}.HTTPStatus() != {{.Status}} || pkg.HTTPStatus(wrapped) != {{.Status}} {
			t.Errorf("status %d", api.HTTPStatus())
		}
		if c, ok := pkg.CodeOf(wrapped); !ok || c != pkg.{{.CodeConst}} {
			t.Errorf("CodeOf = %v, %v", c, ok)
		}
		if pkg.Retryable(wrapped) != {{.Retryable}} {
			t.Errorf("Retryable = %v", !{{.Retryable}})
		}
		var target *pkg.{{.Name}}
		if !errors.As(wrapped, &target) || target != err {
			t.Errorf("errors.As failed")
		}
		for j := range all {
			if got, want := matchers[j](wrapped), j == {{$i}}; got != want {
				t.Errorf("matcher %d = %v", j, got)
			}
			if got, want := errors.Is(wrapped, sentinels[j]), j == {{$i}}; got != want {
				t.Errorf("errors.Is sentinel %d = %v", j, got)
			}
		}
		if !pkg.{{.Matcher}}(sentinels[{{$i}}]) || pkg.HTTPStatus(sentinels[{{$i}}]) != {{.Status}} {
			t.Errorf("sentinel does not stand for its error")
		}
	})
{{end}}
	if pkg.HTTPStatus(errors.New("plain")) != {{.Model.Fallback.Status}} || pkg.HTTPStatus(nil) != 200 {
		t.Errorf("HTTPStatus of non-API errors")
	}
	if got := pkg.Code(0).String(); got != "Code(0)" {
		t.Errorf("unknown code prints as %q", got)
	}
}
`))
