// Package bench compares the error package errgen generates for the Faseeh
// API (generated/faseeherr) with a hand-written baseline and with the error
// types of kratos, twirp and gRPC (served through grpc-gateway), on one
// fixture: InsufficientBalanceError, code 40201, HTTP 402, wrapped once with
// fmt.Errorf("synthesize: %w", err).
//
// A second fixture, Stripe's card_declined error (stripe.go), compares the
// package errgen generates for a nested body with a string code, a type and
// fields of its own (stripeerr) with a hand-written baseline, on encode,
// decode and WriteError. A third, RFC 9457's out-of-credit problem
// (problem.go), does the same for a problem details body with extension
// members (problemerr).
//
// Each implementation does every job the way its own documentation and
// generated code do it; the comments on each function say where a peer
// cannot do exactly what the others do. fixtures_test.go,
// stripe_fixtures_test.go and problem_fixtures_test.go check every
// implementation once; bench_test.go
// times them; run times all and prints the tables.
package bench

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
)

// The fixture.
const (
	Code    = 40201
	Status  = 402
	Message = "Insufficient wallet balance. Required: $0.50, Available: $0.25"

	// msgFormat renders Message from the two params, as a hand-written
	// constructor does.
	msgFormat = "Insufficient wallet balance. Required: $%.2f, Available: $%.2f"
)

// Variables rather than constants, so the compiler cannot fold a job away.
var (
	required     = 0.5
	available    = 0.25
	message      = Message
	errCause     = errors.New("wallet: balance 0.25 below cost 0.50")
	errUnrelated = errors.New("dial tcp 10.0.0.1:443: connection refused")
)

// wrap wraps err once, the same way for every implementation.
func wrap(err error) error {
	return fmt.Errorf("synthesize: %w", err)
}

// request is the request the WriteError jobs answer: kratos and grpc-gateway
// pick their codec by its Accept header, which it does not have.
var request = httptest.NewRequest(http.MethodPost, "/v1/synthesize", nil)

// discardWriter is the minimal http.ResponseWriter the WriteError jobs write
// into: one Header map, reused across calls, and a Write that drops the
// bytes.
type discardWriter struct {
	h      http.Header
	status int
	n      int
}

func newDiscardWriter() *discardWriter {
	return &discardWriter{h: make(http.Header)}
}

func (w *discardWriter) Header() http.Header { return w.h }

func (w *discardWriter) WriteHeader(status int) { w.status = status }

func (w *discardWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}

// The HTTP status each implementation sends the fixture with, and the body
// it writes: the input of the decode jobs. twirp and grpc-gateway cannot send
// 402 (see twirp.go and grpc.go).
var (
	errgenStatus   = Status
	baselineStatus = Status
	kratosStatus   = Status

	errgenBody   = errgenEncode(nil, errgenWrapped)
	baselineBody = baselineEncode(nil, baselineWrapped)
	kratosBody   = kratosEncode(nil, kratosWrapped)
	twirpBody    = twirpEncode(nil, twirpWrapped)
	grpcBody     = grpcEncode(nil, grpcWrapped)
)
