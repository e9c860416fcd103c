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
// golden spec, errors.yaml and a synthetic spec of 100 errors
// (TestLargeValidSpec type-checks 2,000 in process; BenchmarkGoBuild
// builds up to 10,000, where compiling is the cost being measured). For each spec it writes a test program, derived from the
// model, that builds every error and checks its code, statuses, message
// and matchers. The expected messages come from
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

	specs := map[string][]byte{"synthetic.yaml": syntheticSpec(100)}
	for _, spec := range append(goodSpecs(t), apiSpecs(t)...) {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		specs[spec] = src
	}
	for spec, src := range specs {
		m, err := Load(spec, src)
		require.NoError(t, err)
		pkgDir := filepath.Join(dir, m.Package)
		files, err := GoFiles(m)
		require.NoError(t, err)
		for _, f := range files {
			write(filepath.Join(pkgDir, f.Path), f.Content)
		}
		var test bytes.Buffer
		data := endToEndData(m)
		if len(m.Errors) > 50 {
			// The whole package is compiled and vetted; the behaviour of
			// a sample of its errors is run, to keep the test quick.
			var sample []endToEndError
			for i, e := range data["Errors"].([]endToEndError) {
				if i%10 == 0 {
					sample = append(sample, e)
				}
			}
			data["Errors"] = sample
		}
		require.NoError(t, endToEndTest.Execute(&test, data))
		write(filepath.Join(pkgDir, "endtoend_test.go"), test.Bytes())
		test.Reset()
		require.NoError(t, retryTest.Execute(&test, retryData(m, data["Errors"].([]endToEndError))))
		write(filepath.Join(pkgDir, "retry_test.go"), test.Bytes())
		if fixtures := fixtureTest(t, spec, m); fixtures != nil {
			write(filepath.Join(pkgDir, "fixtures_test.go"), fixtures)
		}
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
	BodyExpr    string // Go expression of the body, of code, msg and status
	// NoMessageExpr is the body without a message.
	NoMessageExpr string
	CodeLit       string   // Go literal of the code, "nil" for none
	AliasLits     []string // of the aliases
	Unknown       string   // the message when no values are known
	Retryable     bool
	Fields        map[string]string // Go source of each param field's expected value
	// ParamMembers are the top-level members params are written to, each
	// with the Go source of its value when the constructor's sample
	// values are set.
	ParamMembers []paramMember
	// Told says a body without a message still tells the error: by its
	// code, its type, or a status that only it claims.
	Told bool
}

type paramMember struct{ Key, Value string }

// sampleValue returns a constructor argument for p, chosen to exercise
// quoting and signs, and to survive p's format so that it round-trips.
func sampleValue(p *Param) any {
	switch p.Type {
	case "string":
		return `a"b\c{d}`
	case "int":
		return -42
	}
	for _, v := range []float64{0.25, 1234.5, 3, 0} {
		if f, err := strconv.ParseFloat(fmt.Sprintf(or(p.Format, "%v"), v), 64); err == nil && f == v {
			return v
		}
	}
	return 0.0
}

// bodyExpr is the Go source of error e's body as nested maps, for
// encoding/json: its consts, its code (the expression code), its type, the
// message (msg, when withMessage) and the status.
func bodyExpr(env *Envelope, e *ErrorDef, withMessage bool, code, msg, status string) string {
	var object func(parent *Member) string
	object = func(parent *Member) string {
		var parts []string
		for _, mb := range env.Members {
			if mb.Parent != parent {
				continue
			}
			v := ""
			switch {
			case mb.Kind == KindObject:
				if inner := object(mb); inner != "map[string]any{}" {
					v = inner
				}
			case mb.Const != "":
				v = "json.RawMessage(" + strconv.Quote(mb.Const) + ")"
			case mb == env.Code && e.HasCode:
				v = code
			case mb == env.Type && e.Type != "":
				v = strconv.Quote(e.Type)
			case mb == env.Title && withMessage && e.Title != "":
				// Without a detail, a problem's message is its title; a
				// body without either has the error's default message.
				v = strconv.Quote(e.Title)
			case mb == env.Message && withMessage:
				v = msg

			case mb == env.Status:
				v = status
			}
			if v != "" {
				parts = append(parts, strconv.Quote(mb.Key())+": "+v)
			}
		}
		return "map[string]any{" + strings.Join(parts, ", ") + "}"
	}
	return object(nil)
}

// paramField returns the param of e whose member mb is, or nil.
func paramField(e *ErrorDef, mb *Member) *Param {
	for _, f := range e.ParamFields {
		if f.Member == mb {
			for _, p := range e.Params {
				if p.Field == f.Name {
					return p
				}
			}
		}
	}
	return nil
}

func goLiteral(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

func endToEndData(m *Model) map[string]any {
	var errs []endToEndError
	typeCount := map[string]int{}
	for _, e := range m.Errors {
		typeCount[e.Type]++
	}
	for _, e := range m.Errors {
		ee := endToEndError{ErrorDef: e, WantMessage: e.Message, Unknown: or(e.Unrendered, e.Message), Retryable: e.Retry != RetryNever, Fields: map[string]string{}}
		ee.BodyExpr = bodyExpr(&m.Envelope, e, true, "code", "msg", "status")
		ee.NoMessageExpr = bodyExpr(&m.Envelope, e, false, goLiteral(e.Code.Value()), "", strconv.Itoa(e.Status))
		for _, mb := range m.Envelope.Members {
			if p := paramField(e, mb); p != nil && mb.Parent == nil {
				ee.ParamMembers = append(ee.ParamMembers, paramMember{strconv.Quote(mb.Key()), goLiteral(sampleValue(p))})
			}
		}
		// A prefix among errors of one type tells the error only with
		// the message.
		ee.Told = e.HasCode || e.Type != "" && (e.MessagePrefix == "" || typeCount[e.Type] == 1)
		for _, o := range m.StatusOwners {
			ee.Told = ee.Told || o.Error == e && o.Status == e.Status
		}
		ee.CodeLit = "nil"
		if e.HasCode {
			ee.CodeLit = goLiteral(e.Code.Value())
		}
		for _, a := range e.Aliases {
			ee.AliasLits = append(ee.AliasLits, goLiteral(a.Value()))
		}
		if e.HasTemplate() {
			var args []string
			for _, p := range e.Params {
				args = append(args, goLiteral(sampleValue(p)))
				ee.Fields[p.Field] = goLiteral(sampleValue(p))
			}
			ee.Args = strings.Join(args, ", ")
			var msg strings.Builder
			for _, s := range e.Template {
				if s.Param == nil {
					msg.WriteString(s.Text)
					continue
				}
				fmt.Fprintf(&msg, or(s.Param.Format, "%v"), sampleValue(s.Param))
			}
			ee.WantMessage = msg.String()
		} else {
			ee.Args = `""`
		}
		errs = append(errs, ee)
	}
	unknownErr := &ErrorDef{HasCode: true, Code: CodeValue{Int: 1}}
	for _, r := range m.Resolutions {
		unknownErr.Code.Int = max(unknownErr.Code.Int, r.Code.Int+1)
	}
	if m.Envelope.StringCodes {
		unknownErr.Code = CodeValue{Str: "no_such_code"}
	}
	unknown := unknownErr.Code.Value()
	owned := map[int]bool{}
	for _, o := range m.StatusOwners {
		owned[o.Status] = true
	}
	unowned := 0
	for st := 400; st <= 599; st++ {
		if !owned[st] {
			unowned = st
			break
		}
	}
	return map[string]any{
		"Model": m, "Errors": errs, "UnknownCode": goLiteral(unknown), "UnownedStatus": unowned,
		"UnknownBodyExpr": bodyExpr(&m.Envelope, unknownErr, true, goLiteral(unknown), `"new"`, "418"),
	}
}

var endToEndTest = template.Must(template.New("").Parse(`package {{.Model.Package}}_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	pkg "e2e/{{.Model.Package}}"
)

// mustJSON encodes a body with encoding/json, independently of the
// package's encoder.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// sameJSON reports whether two bodies decode to the same value.
func sameJSON(t *testing.T, a, b []byte) bool {
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return reflect.DeepEqual(x, y)
}

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
		// envelope is the body of this error, built from the spec's
		// member paths with encoding/json.
		// params says the constructor's sample values are set.
		envelope := func(code any, msg string, status int, params bool) []byte {
			b := {{.BodyExpr}}
{{- range .ParamMembers}}
			if params {
				b[{{.Key}}] = {{.Value}}
			}
{{- end}}
			return mustJSON(b)
		}
		_ = envelope
		err := all[{{$i}}]
		wrapped := fmt.Errorf("context: %w", err)
		api := err.(pkg.Error)
		if got, want := api.ErrorMessage(), {{printf "%q" .WantMessage}}; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
{{- range $field, $want := .Fields}}
		if got := err.(*pkg.{{$e.Name}}).{{$field}}; got != {{$want}} {
			t.Errorf("{{$field}} = %v", got)
		}
{{- end}}
{{- if .HasCode}}
		if api.ErrorCode() != {{.CodeLit}} || pkg.{{.CodeConst}} != {{.CodeLit}} || pkg.{{.CodeConst}}.String() != {{printf "%q" .Name}} {
			t.Errorf("code %v (%s)", api.ErrorCode(), api.ErrorCode())
		}
{{- else}}
		if api.ErrorCode() != {{if $.Model.Envelope.StringCodes}}""{{else}}0{{end}} {
			t.Errorf("an error without a code has code %v", api.ErrorCode())
		}
{{- end}}
		if api.HTTPStatus() != {{.Status}} || {{if .HasCode}}pkg.{{.CodeConst}}.HTTPStatus() != {{.Status}} || {{end}}pkg.HTTPStatus(wrapped) != {{.Status}} {
			t.Errorf("status %d", api.HTTPStatus())
		}
		if c, ok := pkg.CodeOf(wrapped); !ok || c != api.ErrorCode() {
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
		if _, ok := err.(slog.LogValuer); !ok {
			t.Errorf("not a slog.LogValuer")
		}

		// Nobody gave the sentinel values, so it says what the error says
		// without them, and so does a response that carried no message.
		unknown := {{printf "%q" .Unknown}}
		if got := sentinels[{{$i}}].(pkg.Error).ErrorMessage(); got != unknown {
			t.Errorf("sentinel message %q, want %q", got, unknown)
		}
		rec := httptest.NewRecorder()
		pkg.WriteError(rec, sentinels[{{$i}}])
		if !sameJSON(t, rec.Body.Bytes(), envelope({{.CodeLit}}, unknown, {{.Status}}, false)) {
			t.Errorf("WriteError of the sentinel sent %s", rec.Body.Bytes())
		}
{{- if .Told}}
		if got := pkg.Parse({{.Status}}, mustJSON({{.NoMessageExpr}})).(pkg.Error).ErrorMessage(); got != unknown {
			t.Errorf("a body without a message parsed with message %q, want %q", got, unknown)
		}
{{- end}}

		// Round trip: what WriteError sends, Parse gives back, for every status.
		for _, status := range []int{ {{- range .Statuses}}{{.}}, {{end -}} } {
			sent := pkg.{{.Constructor}}({{.Args}})
{{- if gt (len .Statuses) 1}}
			sent.WithStatus(status)
{{- end}}
			rec := httptest.NewRecorder()
			pkg.WriteError(rec, fmt.Errorf("handler: %w", sent.WithCause(errors.New("secret cause"))))
			body := rec.Body.Bytes()
			if rec.Code != status || rec.Header().Get("Content-Type") != {{printf "%q" $.Model.Envelope.ContentType}} {
				t.Errorf("WriteError sent %d %q", rec.Code, rec.Header().Get("Content-Type"))
			}
			if bytes.Contains(body, []byte("secret")) || !sameJSON(t, body, envelope({{.CodeLit}}, sent.ErrorMessage(), status, true)) {
				t.Errorf("WriteError body %s", body)
			}
			if m, _ := sent.MarshalJSON(); !bytes.Equal(m, body) {
				t.Errorf("MarshalJSON %s, WriteError %s", m, body)
			}
			got := pkg.Parse(rec.Code, body)
			sent.WithCause(nil)
{{- if or .Parseable (not .Params)}}
			if !reflect.DeepEqual(got, sent) {
				t.Errorf("round trip at %d: got %#v, sent %#v", status, got, sent)
			}
{{- else}}
			// Side-by-side placeholders cannot be told apart: the error,
			// its code, status and message come back, its params do not.
			g, ok := got.(*pkg.{{.Name}})
			if !ok || g.ErrorCode() != sent.ErrorCode() || g.HTTPStatus() != sent.HTTPStatus() || g.ErrorMessage() != sent.ErrorMessage() {
				t.Errorf("round trip at %d: got %#v, sent %#v", status, got, sent)
			}
{{- end}}
		}

		// Every documented example parses to this error with that message,
		// and encodes back to the same body.
		for _, example := range []string{ {{- range .Examples}}{{printf "%q" .}}, {{end -}} } {
			body := envelope({{.CodeLit}}, example, {{.Status}}, false)
			got := pkg.Parse({{.Status}}, body)
			var e *pkg.{{.Name}}
			if !errors.As(got, &e) || e.ErrorMessage() != example {
				t.Errorf("example %q parsed as %#v", example, got)
				continue
			}
{{- if not .ParamFields}}
			if again, _ := e.MarshalJSON(); !sameJSON(t, again, body) {
				t.Errorf("example %q encodes back as %s", example, again)
			}
{{- else}}
			// The params read from the example are written to their own
			// members too, which the example body does not have.
{{- end}}
		}

{{- if .Aliases}}

		// Each alias means this error with one of its statuses, and keeps the code received.
		for _, alias := range []pkg.Code{ {{- range .AliasLits}}{{.}}, {{end -}} } {
			for _, status := range []int{ {{- range .Statuses}}{{.}}, {{end -}} } {
				got := pkg.Parse(status, envelope(alias, "aliased", status, false))
				var e *pkg.{{.Name}}
				if !errors.As(got, &e) || e.ReceivedCode() != alias || e.ErrorCode() != pkg.{{$e.CodeConst}} || e.HTTPStatus() != status || e.ErrorMessage() != "aliased" {
					t.Errorf("alias %d at %d parsed as %#v", alias, status, got)
				}
			}
		}
{{- end}}
	})
{{end}}
	if pkg.HTTPStatus(errors.New("plain")) != {{.Model.Fallback.Status}} || pkg.HTTPStatus(nil) != 200 {
		t.Errorf("HTTPStatus of non-API errors")
	}
	if got := pkg.Code({{if .Model.Envelope.StringCodes}}"x"{{else}}0{{end}}).String(); got != {{if .Model.Envelope.StringCodes}}` + "`" + `Code("x")` + "`" + `{{else}}"Code(0)"{{end}} {
		t.Errorf("unknown code prints as %q", got)
	}

	t.Run("ForeignError", func(t *testing.T) {
		rec := httptest.NewRecorder()
		pkg.WriteError(rec, fmt.Errorf("query: %w", errors.New("secret: password=hunter2")))
		body := rec.Body.String()
		if strings.Contains(body, "secret") || strings.Contains(body, "hunter2") || rec.Code != {{.Model.Fallback.Status}} {
			t.Errorf("foreign error written as %d %s", rec.Code, body)
		}
		if !pkg.{{.Model.Fallback.Matcher}}(pkg.Parse(rec.Code, rec.Body.Bytes())) {
			t.Errorf("foreign error does not parse as the fallback")
		}
	})

{{- if .Model.Envelope.Consts}}

	t.Run("SuccessBody", func(t *testing.T) {
		// A 2xx body without the consts is a success: FromResponse gives
		// the bytes it read back to the body.
		body := strings.Repeat("{\"result\":[1,2,3]}", 1)
		resp := &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(body))}
		if err := pkg.FromResponse(resp); err != nil {
			t.Fatalf("success parsed as %v", err)
		}
		if b, err := io.ReadAll(resp.Body); err != nil || string(b) != body {
			t.Errorf("body read back as %q, %v", b, err)
		}
		if pkg.Parse(204, nil) != nil || pkg.Parse(301, nil) != nil {
			t.Errorf("a success is not an error")
		}
	})
{{- end}}

{{- if .Model.Envelope.Code}}

	t.Run("UnknownCode", func(t *testing.T) {
		got := pkg.Parse(418, mustJSON({{.UnknownBodyExpr}}))
		want := &pkg.UnknownError{Code: {{.UnknownCode}}, Status: 418{{if .Model.Envelope.Message}}, Message: "new"{{end}}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %#v", got)
		}
	})
{{- end}}

	t.Run("NotTheEnvelope", func(t *testing.T) {
		html := []byte("<html><body>502 Bad Gateway</body></html>")
{{- range .Model.StatusOwners}}
		if got := pkg.Parse({{.Status}}, html); !pkg.{{.Error.Matcher}}(got) || got.(*pkg.{{.Error.Name}}).ResponseBody() != string(html) || pkg.HTTPStatus(got) != {{.Status}} {
			t.Errorf("status {{.Status}} parsed as %#v", got)
		} else if msg := got.(pkg.Error).ErrorMessage(); msg != {{printf "%q" (or .Error.Unrendered .Error.Message)}} {
			t.Errorf("status {{.Status}} parsed with message %q", msg)
		}
{{- end}}
{{- if .UnownedStatus}}
		if got, ok := pkg.Parse({{.UnownedStatus}}, html).(*pkg.UnknownError); !ok || got.Body != string(html) || got.Status != {{.UnownedStatus}} {
			t.Errorf("unclaimed status parsed as %#v", got)
		}
{{- end}}
		if pkg.Parse(200, html) != nil || pkg.Parse(399, nil) != nil {
			t.Errorf("a status below 400 is not an error")
		}
	})

{{- if not .Model.WebSocket.Stream}}
	t.Run("WebSocket", func(t *testing.T) {
		known := []*pkg.WebSocketError{ {{- range .Model.WebSocket.Messages}}pkg.{{.GoName}}, {{end -}} }
		for _, k := range known {
			data, _ := k.MarshalJSON()
			got, ok := pkg.ParseWebSocketError(data)
			if !ok || !errors.Is(got, k) || got.Message != k.Message {
				t.Errorf("%s parsed as %#v, %v", data, got, ok)
			}
		}
		data, _ := (&pkg.WebSocketError{Message: "x"}).MarshalJSON()
		var v map[string]string
		if err := json.Unmarshal(data, &v); err != nil || v[{{printf "%q" .Model.WebSocket.TypeField}}] != {{printf "%q" .Model.WebSocket.Type}} || v[{{printf "%q" .Model.WebSocket.MessageField}}] != "x" {
			t.Errorf("WebSocket message %s", data)
		}
		if _, ok := pkg.ParseWebSocketError([]byte("{\"errorCode\":1,\"errorMessage\":\"x\"}")); ok {
			t.Errorf("an HTTP envelope is not a WebSocket error")
		}
		if _, ok := pkg.ParseWebSocketError([]byte("not json")); ok {
			t.Errorf("text is not a WebSocket error")
		}
	})
{{- end}}
}

var (
	_ = http.StatusOK
	_ = io.EOF
)
`))
