package gen

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/textproto"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// apiSpecs are the golden specs of public APIs in testdata/apis, written
// from their documentation, each with the documented bodies beside it in
// NAME.fixtures.yaml. pendingAPIs need spec features errgen does not have
// yet; their specs are kept for when it does.
var pendingAPIs = []string{}

func apiSpecs(t testing.TB) []string {
	specs, err := filepath.Glob("testdata/apis/*.yaml")
	require.NoError(t, err)
	var out []string
	for _, s := range specs {
		name := strings.TrimSuffix(filepath.Base(s), ".yaml")
		if !strings.HasSuffix(name, ".fixtures") && !slices.Contains(pendingAPIs, name) {
			out = append(out, s)
		}
	}
	require.NotEmpty(t, out)
	return out
}

// fixture is a documented body and what Parse must make of it.
type fixture struct {
	Name   string `yaml:"name"`
	Source string `yaml:"source"`
	Status int    `yaml:"status"`
	Body   string `yaml:"body"`
	// Resend false says the body is not what WriteError writes for the
	// error it parses to, with the reason in a comment: a member the
	// API leaves out that errgen always sends, a shape of another API.
	Resend *bool `yaml:"resend"`
	// Headers are the response's headers; Stream, sse or websocket, says
	// the body is the data of a stream's event (named Event) instead.
	Headers map[string]string `yaml:"headers"`
	Stream  string            `yaml:"stream"`
	Event   string            `yaml:"event"`
	Want    struct {
		Error   *string        `yaml:"error"` // nil: not an error body
		Message string         `yaml:"message"`
		Params  map[string]any `yaml:"params"`
		Fields  map[string]any `yaml:"fields"`
		Headers map[string]any `yaml:"headers"`
	} `yaml:"want"`
}

// parseExpr is the Go source that parses a fixture's body, data.
func (fx *fixture) parseExpr(t *testing.T) string {
	switch fx.Stream {
	case "sse":
		return "pkg.ParseEvent(" + strconv.Quote(fx.Event) + ", data)"
	case "websocket":
		return "pkg.ParseWebSocketMessage(data)"
	case "":
	default:
		t.Fatalf("fixture %s: stream %q is not sse or websocket", fx.Name, fx.Stream)
	}
	if len(fx.Headers) == 0 {
		return "pkg.Parse(status, data)"
	}
	var kv []string
	for _, k := range slices.Sorted(maps.Keys(fx.Headers)) {
		kv = append(kv, strconv.Quote(textproto.CanonicalMIMEHeaderKey(k))+": {"+strconv.Quote(fx.Headers[k])+"}")
	}
	return "pkg.ParseWithHeader(status, http.Header{" + strings.Join(kv, ", ") + "}, data)"
}

// fixtureTest renders the test of a spec's fixtures for its generated
// package, or nil when the spec has none.
func fixtureTest(t *testing.T, spec string, m *Model) []byte {
	src, err := os.ReadFile(strings.TrimSuffix(spec, ".yaml") + ".fixtures.yaml")
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	var fixtures []fixture
	require.NoError(t, yaml.Unmarshal(src, &fixtures), spec)
	require.NotEmpty(t, fixtures, spec)
	type row struct {
		Name, Body, Error, Message, Want, Parse string
		Status                                  int
		Resend                                  bool
		Headers                                 map[string]string
	}
	var rows []row
	for _, fx := range fixtures {
		r := row{Name: fx.Name + " (" + fx.Source + ")", Body: fx.Body, Status: fx.Status, Message: fx.Want.Message, Resend: fx.Stream == "" && (fx.Resend == nil || *fx.Resend), Parse: fx.parseExpr(t), Headers: map[string]string{}}
		for k, v := range fx.Headers {
			r.Headers[textproto.CanonicalMIMEHeaderKey(k)] = v
		}
		if fx.Want.Error != nil {
			r.Error = "*" + m.Package + "." + *fx.Want.Error
		}
		want := map[string]any{}
		for k, v := range fx.Want.Params {
			want[fieldName(words(k))] = v
		}
		for k, v := range fx.Want.Fields {
			want[k] = v
		}
		for k, v := range fx.Want.Headers {
			want[k] = v
		}
		b, err := json.Marshal(want)
		require.NoError(t, err)
		r.Want = string(b)
		rows = append(rows, r)
	}
	var out bytes.Buffer
	require.NoError(t, fixturesTest.Execute(&out, map[string]any{"Model": m, "Rows": rows}))
	return out.Bytes()
}

var fixturesTest = template.Must(template.New("").Funcs(template.FuncMap{"quote": strconv.Quote}).Parse(`package {{.Model.Package}}_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	pkg "e2e/{{.Model.Package}}"
)

var _ http.Header // in the parse of a fixture with headers

// TestFixtures parses each body the API's documentation shows, checks the
// error, message, params and fields it gives, and writes the error back:
// the body must be the documented one, as JSON.
func TestFixtures(t *testing.T) {
	for _, fx := range []struct {
		name, body, error, message, want string
		status                           int
		resend                           bool
		headers                          map[string]string
		parse                            func(status int, data []byte) error
	}{
{{- range .Rows}}
		{ {{- quote .Name}}, {{quote .Body}}, {{quote .Error}}, {{quote .Message}}, {{quote .Want}}, {{.Status}}, {{.Resend}}, {{printf "%#v" .Headers}}, func(status int, data []byte) error { return {{.Parse}} }},
{{- end}}
	} {
		t.Run(fx.name, func(t *testing.T) {
			got := fx.parse(fx.status, []byte(fx.body))
			if fx.error == "" {
				if got != nil {
					t.Fatalf("a success body parsed as %#v", got)
				}
				return
			}
			if typ := fmt.Sprintf("%T", got); typ != fx.error {
				t.Fatalf("parsed as %s %v, want %s", typ, got, fx.error)
			}
			e := got.(pkg.Error)
			if fx.message != "" && e.ErrorMessage() != fx.message {
				t.Errorf("message %q, want %q", e.ErrorMessage(), fx.message)
			}
			var want map[string]any
			if err := json.Unmarshal([]byte(fx.want), &want); err != nil {
				t.Fatal(err)
			}
			v := reflect.ValueOf(got).Elem()
			for name, w := range want {
				f := v.FieldByName(name)
				if !f.IsValid() {
					t.Errorf("%s has no field %s", fx.error, name)
					continue
				}
				if !sameValue(t, f, w) {
					t.Errorf("%s = %#v, want %#v", name, f.Interface(), w)
				}
			}
			if !fx.resend {
				return
			}
			// A member that is null counts as absent, as the decoder
			// reads it, so the comparison leaves nulls out.
			rec := httptest.NewRecorder()
			pkg.WriteError(rec, got)
			if rec.Code != fx.status || !sameJSON(t, withoutNulls(t, rec.Body.Bytes()), withoutNulls(t, []byte(fx.body))) {
				t.Errorf("written back as %d %s", rec.Code, rec.Body.Bytes())
			}
			// The headers the error keeps go back as they came.
			for k, h := range fx.headers {
				if got := rec.Header().Get(k); got != "" && got != h {
					t.Errorf("header %s written back as %q, want %q", k, got, h)
				}
			}
		})
	}
}

// withoutNulls returns body with its null members left out.
func withoutNulls(t *testing.T, body []byte) []byte {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	var drop func(any) any
	drop = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if e == nil {
					delete(x, k)
				} else {
					x[k] = drop(e)
				}
			}
		case []any:
			for i, e := range x {
				x[i] = drop(e)
			}
		}
		return v
	}
	b, err := json.Marshal(drop(v))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sameValue compares a field with the fixture's value: null is the zero
// value, a json field holds the JSON text the fixture gives as a string,
// an object of a declared type or a list of them is compared field by
// field, and anything else is compared as JSON.
func sameValue(t *testing.T, f reflect.Value, want any) bool {
	if want == nil {
		return f.IsZero()
	}
	switch g := f.Interface().(type) {
	case time.Duration:
		return g.String() == want
	case time.Time:
		w, err := time.Parse(time.RFC3339, fmt.Sprint(want))
		return err == nil && g.Equal(w)
	}
	if raw, ok := f.Interface().(json.RawMessage); ok {
		s, _ := want.(string)
		return sameJSON(t, raw, []byte(s))
	}
	if f.Kind() == reflect.Pointer && !f.IsNil() {
		f = f.Elem()
	}
	switch w := want.(type) {
	case map[string]any:
		if f.Kind() != reflect.Struct {
			return false
		}
		for name, v := range w {
			if g := f.FieldByName(name); !g.IsValid() || !sameValue(t, g, v) {
				return false
			}
		}
		return true
	case []any:
		if f.Kind() != reflect.Slice || f.Len() != len(w) {
			return false
		}
		for i, v := range w {
			if !sameValue(t, f.Index(i), v) {
				return false
			}
		}
		return true
	}
	got, err := json.Marshal(f.Interface())
	if err != nil {
		t.Fatal(err)
	}
	w, _ := json.Marshal(want)
	return sameJSON(t, got, w)
}
`))
