package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/bench/stripeerr"
)

// stripeFields is what an implementation's own API says of a Stripe error.
type stripeFields struct {
	status                                  int
	code, typ, message                      string
	docURL, charge, declineCode, adviceCode string
}

// stripeWant is the fixture, as every implementation must give it back.
var stripeWant = stripeFields{
	status: StripeStatus, code: StripeCode, typ: StripeType, message: StripeMessage,
	docURL: StripeDocURL, charge: StripeCharge, declineCode: StripeDeclineCode,
}

// stripeWantBody is the body both implementations send for the fixture,
// members in the order of stripe.yaml: code, type, message, then the
// fields.
const stripeWantBody = `{"error":{"code":"card_declined","type":"card_error","message":"Your card was declined.",` +
	`"doc_url":"https://stripe.com/docs/error-codes/card-declined","charge":"ch_1CvniGCVPrIw8vG8LQs21231","decline_code":"do_not_honor"}}`

// stripeImpl is one implementation of the Stripe shape, as the benchmarks
// call it.
type stripeImpl struct {
	name    string
	wrapped error
	fields  func(error) (stripeFields, bool)

	encode     func([]byte, error) []byte
	decode     func(int, []byte) error
	writeError func(http.ResponseWriter, *http.Request, error)
}

func stripeImpls() []stripeImpl {
	return []stripeImpl{
		{
			name:    "errgen",
			wrapped: errgenStripeWrapped,
			fields: func(err error) (stripeFields, bool) {
				var e *stripeerr.CardDeclinedError
				if !errors.As(err, &e) {
					return stripeFields{}, false
				}
				// The type is the Go type's: CardDeclinedError is a card_error
				// (stripe.yaml), which the encode check sees on the wire.
				return stripeFields{
					status: e.HTTPStatus(), code: string(e.ErrorCode()), typ: StripeType, message: e.ErrorMessage(),
					docURL: e.DocURL, charge: e.Charge, declineCode: e.DeclineCode, adviceCode: e.AdviceCode,
				}, true
			},
			encode:     errgenStripeEncode,
			decode:     errgenStripeDecode,
			writeError: errgenStripeWriteError,
		},
		{
			name:    "baseline",
			wrapped: baselineStripeWrapped,
			fields: func(err error) (stripeFields, bool) {
				// One type for every error: a card_declined is the one with
				// that code.
				var e *StripeError
				if !errors.As(err, &e) || e.Body.Code != StripeCode {
					return stripeFields{}, false
				}
				b := e.Body
				return stripeFields{
					status: e.Status, code: b.Code, typ: b.Type, message: b.Message,
					docURL: b.DocURL, charge: b.Charge, declineCode: b.DeclineCode, adviceCode: b.AdviceCode,
				}, true
			},
			encode:     baselineStripeEncode,
			decode:     baselineStripeDecode,
			writeError: baselineStripeWriteError,
		},
	}
}

// TestStripeBodyIsTheFixture checks that stripeBody is, byte for byte, the
// documented body it says it is.
func TestStripeBodyIsTheFixture(t *testing.T) {
	src, err := os.ReadFile("../gen/testdata/apis/stripe.fixtures.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var fixtures []struct {
		Name   string `yaml:"name"`
		Status int    `yaml:"status"`
		Body   string `yaml:"body"`
	}
	if err := yaml.Unmarshal(src, &fixtures); err != nil {
		t.Fatal(err)
	}
	for _, f := range fixtures {
		if f.Name == "card declined, do not honor" {
			if f.Status != StripeStatus || f.Body != string(stripeBody) {
				t.Errorf("the fixture is %d %q, stripeBody is %d %q", f.Status, f.Body, StripeStatus, stripeBody)
			}
			return
		}
	}
	t.Fatal("stripe.fixtures.yaml has no fixture \"card declined, do not honor\"")
}

// TestStripeFixtures checks, once, that every implementation of the Stripe
// shape encodes, decodes and writes the fixture right, before anything is
// timed.
func TestStripeFixtures(t *testing.T) {
	for _, im := range stripeImpls() {
		t.Run(im.name, func(t *testing.T) {
			if got, ok := im.fields(im.wrapped); !ok || got != stripeWant {
				t.Errorf("wrapped: %+v, want %+v", got, stripeWant)
			}

			// Encode: the same bytes as the other implementation, into buf.
			buf := make([]byte, 0, 512)
			body := im.encode(buf, im.wrapped)
			if string(body) != stripeWantBody {
				t.Errorf("encode: %s, want %s", body, stripeWantBody)
			}
			var got, want map[string]any
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatalf("encode: %s: %v", body, err)
			}
			if err := json.Unmarshal(stripeBody, &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("encode: %v, want the fixture's %v", got, want)
			}

			// Decode the documented body, and round-trip it.
			dec := im.decode(StripeStatus, stripeBody)
			if got, ok := im.fields(dec); !ok || got != stripeWant {
				t.Errorf("decode: %+v, want %+v", got, stripeWant)
			}
			if again := im.encode(nil, dec); string(again) != stripeWantBody {
				t.Errorf("round trip: %s, want %s", again, stripeWantBody)
			}
			if other := im.decode(500, []byte(`<html>Bad Gateway</html>`)); other == nil {
				t.Errorf("decode(HTML page) is nil")
			} else if _, ok := im.fields(other); ok {
				t.Errorf("decode(HTML page) is a card_declined error: %v", other)
			}

			// WriteError, into a recorder and into the benchmarks' writer.
			rec := httptest.NewRecorder()
			im.writeError(rec, request, im.wrapped)
			if rec.Code != StripeStatus {
				t.Errorf("writeError: status %d, want %d", rec.Code, StripeStatus)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("writeError: Content-Type %q", ct)
			}
			written := rec.Body.Bytes()
			if im.name == "baseline" { // json.Encoder ends the body with a newline
				written = bytes.TrimSuffix(written, []byte("\n"))
			}
			if string(written) != stripeWantBody {
				t.Errorf("writeError: body %s, want %s", written, stripeWantBody)
			}
			w := newDiscardWriter()
			im.writeError(w, request, im.wrapped)
			im.writeError(w, request, im.wrapped)
			if w.status != StripeStatus || w.n != 2*rec.Body.Len() {
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

// TestStripeAllocs asserts what BenchmarkStripe* report for errgen, so that
// a change in the generated code that costs an allocation fails go test,
// not only the table. The budgets: encode 0, WriteError at most 1,
// decode at most one plus one per string field kept.
func TestStripeAllocs(t *testing.T) {
	const runs = 100
	buf := make([]byte, 0, 512)
	w := newDiscardWriter()
	var decoded error
	for _, tc := range []struct {
		name string
		f    func()
		want float64
	}{
		{"AppendError", func() { sinkBytes = errgenStripeEncode(buf, errgenStripeWrapped) }, 0},
		{"WriteError", func() { errgenStripeWriteError(w, request, errgenStripeWrapped) }, 0},
		// The error, then a string each for the message, doc_url, charge and
		// decline_code: the code is matched without making it a string.
		{"Parse", func() { decoded = errgenStripeDecode(StripeStatus, stripeBody) }, 5},
	} {
		if got := testing.AllocsPerRun(runs, tc.f); got != tc.want {
			t.Errorf("%s: %v allocations, want %v", tc.name, got, tc.want)
		}
	}
	sinkErr = decoded
}
