package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/bench/problemerr"
)

// problemFields is what an implementation's own API says of an
// out-of-credit problem; accounts are joined with a space.
type problemFields struct {
	status             int
	typ, title, detail string
	instance, traceID  string
	balance            int
	accounts           string
}

// problemWant is the fixture, as every implementation must give it back.
var problemWant = problemFields{
	status: ProblemStatus, typ: ProblemType, title: ProblemTitle, detail: ProblemDetail,
	instance: ProblemInstance, balance: ProblemBalance, accounts: ProblemAccount1 + " " + ProblemAccount2,
}

// problemWantBody is the body both implementations send for the fixture:
// the fixed members, with status, then the extension members in the order
// problemerr writes them (envelope fields, then the error's fields, then
// params with a json member).
const problemWantBody = `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,` +
	`"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc",` +
	`"accounts":["/account/12345","/account/67890"],"balance":30}`

// problemImpl is one implementation of the problem details shape, as the
// benchmarks call it.
type problemImpl struct {
	name    string
	wrapped error
	fields  func(error) (problemFields, bool)

	encode     func([]byte, error) []byte
	decode     func(int, []byte) error
	writeError func(http.ResponseWriter, *http.Request, error)
}

func problemImpls() []problemImpl {
	return []problemImpl{
		{
			name:    "errgen",
			wrapped: errgenProblemWrapped,
			fields: func(err error) (problemFields, bool) {
				var e *problemerr.OutOfCreditError
				// The cost is not a member: errgen reads it back from the
				// detail, and an error that lost it is not the fixture.
				if !errors.As(err, &e) || e.Cost != ProblemCost {
					return problemFields{}, false
				}
				// The type and title are the Go type's (problem.yaml), which
				// the encode check sees on the wire.
				return problemFields{
					status: e.HTTPStatus(), typ: string(e.ErrorCode()), title: ProblemTitle, detail: e.ErrorMessage(),
					instance: e.Instance, traceID: e.TraceID, balance: e.Balance, accounts: strings.Join(e.Accounts, " "),
				}, true
			},
			encode:     errgenProblemEncode,
			decode:     errgenProblemDecode,
			writeError: errgenProblemWriteError,
		},
		{
			name:    "baseline",
			wrapped: baselineProblemWrapped,
			fields: func(err error) (problemFields, bool) {
				// One type for every problem: an out-of-credit is the one
				// with that type.
				var e *ProblemError
				if !errors.As(err, &e) || e.Type != ProblemType {
					return problemFields{}, false
				}
				return problemFields{
					status: e.Status, typ: e.Type, title: e.Title, detail: e.Detail,
					instance: e.Instance, traceID: e.TraceID, balance: e.Balance, accounts: strings.Join(e.Accounts, " "),
				}, true
			},
			encode:     baselineProblemEncode,
			decode:     baselineProblemDecode,
			writeError: baselineProblemWriteError,
		},
	}
}

// TestProblemBodyIsTheFixture checks that problemBody is, byte for byte,
// the documented body it says it is.
func TestProblemBodyIsTheFixture(t *testing.T) {
	src, err := os.ReadFile("../gen/testdata/apis/problem.fixtures.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var fixtures []struct {
		Name        string `yaml:"name"`
		Status      int    `yaml:"status"`
		ContentType string `yaml:"content_type"`
		Body        string `yaml:"body"`
	}
	if err := yaml.Unmarshal(src, &fixtures); err != nil {
		t.Fatal(err)
	}
	for _, f := range fixtures {
		if f.Name == "out of credit (RFC 9457 section 3)" {
			if f.Status != ProblemStatus || f.ContentType != "application/problem+json" || f.Body != string(problemBody) {
				t.Errorf("the fixture is %d %s %q, problemBody is %d %q", f.Status, f.ContentType, f.Body, ProblemStatus, problemBody)
			}
			return
		}
	}
	t.Fatal("problem.fixtures.yaml has no fixture \"out of credit (RFC 9457 section 3)\"")
}

// TestProblemFixtures checks, once, that every implementation of the
// problem details shape encodes, decodes and writes the fixture right,
// before anything is timed.
func TestProblemFixtures(t *testing.T) {
	for _, im := range problemImpls() {
		t.Run(im.name, func(t *testing.T) {
			if got, ok := im.fields(im.wrapped); !ok || got != problemWant {
				t.Errorf("wrapped: %+v, want %+v", got, problemWant)
			}

			// Encode: the same bytes as the other implementation, into buf,
			// and the fixture's members plus status.
			buf := make([]byte, 0, 512)
			body := im.encode(buf, im.wrapped)
			if string(body) != problemWantBody {
				t.Errorf("encode: %s, want %s", body, problemWantBody)
			}
			var got, want map[string]any
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatalf("encode: %s: %v", body, err)
			}
			if err := json.Unmarshal(problemBody, &want); err != nil {
				t.Fatal(err)
			}
			want["status"] = float64(ProblemStatus)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("encode: %v, want the fixture's %v", got, want)
			}

			// Decode the documented body, and round-trip it.
			dec := im.decode(ProblemStatus, problemBody)
			if got, ok := im.fields(dec); !ok || got != problemWant {
				t.Errorf("decode: %+v, want %+v", got, problemWant)
			}
			if again := im.encode(nil, dec); string(again) != problemWantBody {
				t.Errorf("round trip: %s, want %s", again, problemWantBody)
			}
			if other := im.decode(500, []byte(`<html>Bad Gateway</html>`)); other == nil {
				t.Errorf("decode(HTML page) is nil")
			} else if _, ok := im.fields(other); ok {
				t.Errorf("decode(HTML page) is an out-of-credit problem: %v", other)
			}

			// WriteError, into a recorder and into the benchmarks' writer.
			rec := httptest.NewRecorder()
			im.writeError(rec, request, im.wrapped)
			if rec.Code != ProblemStatus {
				t.Errorf("writeError: status %d, want %d", rec.Code, ProblemStatus)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("writeError: Content-Type %q", ct)
			}
			written := rec.Body.Bytes()
			if im.name == "baseline" { // json.Encoder ends the body with a newline
				written = bytes.TrimSuffix(written, []byte("\n"))
			}
			if string(written) != problemWantBody {
				t.Errorf("writeError: body %s, want %s", written, problemWantBody)
			}
			w := newDiscardWriter()
			im.writeError(w, request, im.wrapped)
			im.writeError(w, request, im.wrapped)
			if w.status != ProblemStatus || w.n != 2*rec.Body.Len() {
				t.Errorf("writeError into discardWriter: status %d, %d bytes", w.status, w.n)
			}
			rec = httptest.NewRecorder()
			im.writeError(rec, request, errUnrelated)
			if rec.Code != 500 {
				t.Errorf("writeError(unrelated): status %d, want 500", rec.Code)
			}
		})
	}
}

// TestProblemAllocs asserts what BenchmarkProblem* report for errgen, so
// that a change in the generated code that costs an allocation fails go
// test, not only the table. The budgets: encode 0, WriteError at
// most 1, decode at most one plus one per string field kept. Decoding
// misses its budget (four: the error, instance and the two accounts) by
// two, both in the accounts member: its slice grows from nothing, so it is
// allocated twice, at one element and at two.
func TestProblemAllocs(t *testing.T) {
	const runs = 100
	buf := make([]byte, 0, 512)
	w := newDiscardWriter()
	var decoded error
	for _, tc := range []struct {
		name string
		f    func()
		want float64
	}{
		{"AppendError", func() { sinkBytes = errgenProblemEncode(buf, errgenProblemWrapped) }, 0},
		{"WriteError", func() { errgenProblemWriteError(w, request, errgenProblemWrapped) }, 0},
		// The error; a string for instance; for accounts, the slice, made
		// at its length, and one string of the array's text that its
		// elements are pieces of. The detail is the template's, rendered
		// from balance and cost, so it is not kept as a string, and the
		// type is matched without making it one.
		{"Parse", func() { decoded = errgenProblemDecode(ProblemStatus, problemBody) }, 4},
	} {
		if got := testing.AllocsPerRun(runs, tc.f); got != tc.want {
			t.Errorf("%s: %v allocations, want %v", tc.name, got, tc.want)
		}
	}
	sinkErr = decoded
}

// TestProblemAccountsLikeEncodingJSON checks the []string field against
// encoding/json on the elements its fast path takes as they stand and on
// those it decodes: escapes, invalid UTF-8, nulls, other kinds, empty.
func TestProblemAccountsLikeEncodingJSON(t *testing.T) {
	for _, accounts := range []string{
		`["/account/12345/msgs/abc", "/account/67890"]`,
		`["a\"b", "\u00e9", "c\\d"]`,
		"[\"\xff\xfe\", \"ok\"]",
		`["a", null, "b"]`,
		`["a", 1]`,
		`[]`,
		`null`,
		`"not a list"`,
	} {
		body := []byte(`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","accounts":` + accounts + `}`)
		var want struct {
			Accounts []string `json:"accounts"`
		}
		stdErr := json.Unmarshal(body, &want)
		var e *problemerr.OutOfCreditError
		if !errors.As(problemerr.Parse(403, body), &e) {
			t.Fatalf("%s: not an OutOfCreditError", accounts)
		}
		if stdErr != nil {
			// encoding/json keeps a partly decoded list on a type error;
			// errgen keeps nothing of a list it cannot read.
			if e.Accounts != nil {
				t.Errorf("%s: Accounts = %q, want nil", accounts, e.Accounts)
			}
			continue
		}
		if !reflect.DeepEqual(e.Accounts, want.Accounts) {
			t.Errorf("%s: Accounts = %#v, encoding/json gives %#v", accounts, e.Accounts, want.Accounts)
		}
	}
}
