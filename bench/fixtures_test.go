package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"

	kerrors "github.com/go-kratos/kratos/v2/errors"
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"github.com/twitchtv/twirp"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/errgen/errgen/generated/faseeherr"
)

// ident is what an implementation's own API says of an error: the HTTP
// status it is sent with, its code (or the peer's equivalent) and message.
type ident struct {
	status  int
	code    string
	message string
}

// impl is one implementation, as the benchmarks call it.
type impl struct {
	name    string
	wrapped error
	other   error // a different error of the same kind, wrapped
	status  int
	body    []byte

	ident func(error) ident
	want  ident // of the fixture, unwrapped
	// wireMessage is the message the body carries; it differs from
	// want.message only for grpc (see grpc.go).
	wireMessage string
	// wantBody is the body as generic JSON.
	wantBody map[string]any

	constructTemplate func() error
	constructMessage  func() error
	constructCause    func() error // nil when the peer has no cause
	is, isXxx         func(error) bool
	as                func(error) bool
	httpStatus        func(error) int
	encode            func([]byte, error) []byte
	decode            func(int, []byte) error
	writeError        func(http.ResponseWriter, *http.Request, error)
}

var grpcWireMessage = "synthesize: rpc error: code = FailedPrecondition desc = " + Message

func impls() []impl {
	return []impl{
		{
			name:    "errgen",
			wrapped: errgenWrapped,
			other:   wrap(faseeherr.NewValidationError("")),
			status:  errgenStatus,
			body:    errgenBody,
			ident: func(err error) ident {
				var e faseeherr.Error
				if !errors.As(err, &e) {
					return ident{}
				}
				code, _ := faseeherr.CodeOf(err)
				return ident{faseeherr.HTTPStatus(err), strconv.Itoa(int(code)), e.ErrorMessage()}
			},
			want:              ident{402, "40201", Message},
			wireMessage:       Message,
			wantBody:          map[string]any{"errorCode": 40201.0, "errorMessage": Message},
			constructTemplate: errgenConstructTemplate,
			constructMessage:  errgenConstructMessage,
			constructCause:    errgenConstructCause,
			is:                errgenIs,
			isXxx:             errgenIsXxx,
			as:                func(err error) bool { _, ok := errgenAs(err); return ok },
			httpStatus:        errgenHTTPStatus,
			encode:            errgenEncode,
			decode:            errgenDecode,
			writeError:        errgenWriteError,
		},
		{
			name:    "baseline",
			wrapped: baselineWrapped,
			other:   wrap(&APIError{Code: 40001, Message: "Bad Request", Status: 400}),
			status:  baselineStatus,
			body:    baselineBody,
			ident: func(err error) ident {
				e, ok := baselineAs(err)
				if !ok {
					return ident{}
				}
				return ident{e.Status, strconv.Itoa(e.Code), e.Message}
			},
			want:              ident{402, "40201", Message},
			wireMessage:       Message,
			wantBody:          map[string]any{"errorCode": 40201.0, "errorMessage": Message},
			constructTemplate: baselineConstructTemplate,
			constructMessage:  baselineConstructMessage,
			constructCause:    baselineConstructCause,
			is:                baselineIs,
			isXxx:             baselineIsXxx,
			as:                func(err error) bool { _, ok := baselineAs(err); return ok },
			httpStatus:        baselineHTTPStatus,
			encode:            baselineEncode,
			decode:            baselineDecode,
			writeError:        baselineWriteError,
		},
		{
			name:    "kratos",
			wrapped: kratosWrapped,
			other:   wrap(kerrors.New(400, "VALIDATION", "Bad Request")),
			status:  kratosStatus,
			body:    kratosBody,
			ident: func(err error) ident {
				e, ok := kratosAs(err)
				if !ok {
					return ident{}
				}
				return ident{kerrors.Code(err), e.Reason, e.Message}
			},
			want:        ident{402, kratosReason, Message},
			wireMessage: Message,
			wantBody: map[string]any{"code": 402.0, "reason": kratosReason, "message": Message,
				"metadata": map[string]any{}},
			constructTemplate: kratosConstructTemplate,
			constructMessage:  kratosConstructMessage,
			constructCause:    kratosConstructCause,
			is:                kratosIs,
			isXxx:             kratosIsXxx,
			as:                func(err error) bool { _, ok := kratosAs(err); return ok },
			httpStatus:        kratosHTTPStatus,
			encode:            kratosEncode,
			decode:            kratosDecode,
			writeError:        kratosWriteError,
		},
		{
			name:    "twirp",
			wrapped: twirpWrapped,
			other:   wrap(twirp.NewError(twirp.InvalidArgument, "Bad Request")),
			status:  twirpStatus,
			body:    twirpBody,
			ident: func(err error) ident {
				e, ok := twirpAs(err)
				if !ok {
					return ident{}
				}
				return ident{twirpHTTPStatus(err), string(e.Code()), e.Msg()}
			},
			want:              ident{412, "failed_precondition", Message},
			wireMessage:       Message,
			wantBody:          map[string]any{"code": "failed_precondition", "msg": Message},
			constructTemplate: twirpConstructTemplate,
			constructMessage:  twirpConstructMessage,
			constructCause:    twirpConstructCause,
			is:                twirpIs,
			isXxx:             twirpIsXxx,
			as:                func(err error) bool { _, ok := twirpAs(err); return ok },
			httpStatus:        twirpHTTPStatus,
			encode:            twirpEncode,
			decode:            twirpDecode,
			writeError:        twirpWriteError,
		},
		{
			name:    "grpc",
			wrapped: grpcWrapped,
			other:   wrap(status.Error(codes.InvalidArgument, "Bad Request")),
			status:  grpcStatus,
			body:    grpcBody,
			ident: func(err error) ident {
				s, ok := grpcAs(err)
				if !ok {
					return ident{}
				}
				return ident{runtime.HTTPStatusFromCode(s.Code()), s.Code().String(), s.Message()}
			},
			want:              ident{400, "FailedPrecondition", Message},
			wireMessage:       grpcWireMessage,
			wantBody:          map[string]any{"code": 9.0, "message": grpcWireMessage, "details": []any{}},
			constructTemplate: grpcConstructTemplate,
			constructMessage:  grpcConstructMessage,
			is:                grpcIs,
			isXxx:             grpcIsXxx,
			as:                func(err error) bool { _, ok := grpcAs(err); return ok },
			httpStatus:        grpcHTTPStatus,
			encode:            grpcEncode,
			decode:            grpcDecode,
			writeError:        grpcWriteError,
		},
	}
}

// TestFixtures checks, once, that every implementation does each job right on
// the fixture, before anything is timed.
func TestFixtures(t *testing.T) {
	for _, im := range impls() {
		t.Run(im.name, func(t *testing.T) {
			if im.status != Status {
				t.Logf("%s cannot send HTTP 402: its closest code %q is sent with %d", im.name, im.want.code, im.status)
			}
			if im.want.status != im.status {
				t.Fatalf("want.status %d != status %d", im.want.status, im.status)
			}

			// Construct.
			if got := im.ident(im.constructTemplate()); got != im.want {
				t.Errorf("construct/template: %+v, want %+v", got, im.want)
			}
			if im.name == "errgen" {
				e := errgenConstructTemplate().(*faseeherr.InsufficientBalanceError)
				if e.Required != 0.5 || e.Available != 0.25 || e.ErrorMessage() != Message {
					t.Errorf("construct/template: %+v", e)
				}
				m := errgenConstructMessage().(*faseeherr.InternalError)
				if m.ErrorMessage() != Message || m.HTTPStatus() != 500 || m.ErrorCode() != faseeherr.CodeInternal {
					t.Errorf("construct/message: %q %d %d", m.ErrorMessage(), m.HTTPStatus(), m.ErrorCode())
				}
			} else if got := im.ident(im.constructMessage()); got != im.want {
				t.Errorf("construct/message: %+v, want %+v", got, im.want)
			}
			if im.constructCause != nil {
				err := im.constructCause()
				if got := im.ident(err); got != im.want {
					t.Errorf("construct/cause: %+v, want %+v", got, im.want)
				}
				if !errors.Is(err, errCause) {
					t.Errorf("construct/cause: errors.Is(err, cause) is false")
				}
				if !im.is(err) {
					t.Errorf("construct/cause: is is false")
				}
			}

			// The wrapped fixture: its message through the peer's API.
			wrappedWant := im.want
			wrappedWant.message = im.wireMessage
			if got := im.ident(im.wrapped); got != wrappedWant {
				t.Errorf("wrapped: %+v, want %+v", got, wrappedWant)
			}

			// Is, As, IsXxx.
			for name, f := range map[string]func(error) bool{"is": im.is, "isXxx": im.isXxx} {
				if !f(im.wrapped) {
					t.Errorf("%s(wrapped) is false", name)
				}
				if f(im.other) {
					t.Errorf("%s(another error of %s) is true", name, im.name)
				}
				if f(errUnrelated) || f(nil) {
					t.Errorf("%s(unrelated or nil) is true", name)
				}
			}
			if !im.as(im.wrapped) {
				t.Errorf("as(wrapped) is false")
			}
			if im.name != "grpc" && im.as(errUnrelated) { // status.FromError reports false, but see below
				t.Errorf("as(unrelated) is true")
			}
			if im.name == "grpc" {
				if _, ok := status.FromError(errUnrelated); ok {
					t.Errorf("status.FromError(unrelated) is ok")
				}
			}

			// HTTP status.
			if got := im.httpStatus(im.wrapped); got != im.status {
				t.Errorf("httpStatus(wrapped) = %d, want %d", got, im.status)
			}
			if got := im.httpStatus(errUnrelated); got != 500 {
				t.Errorf("httpStatus(unrelated) = %d, want 500", got)
			}

			// Encode.
			buf := make([]byte, 0, 512)
			body := im.encode(buf, im.wrapped)
			if !bytes.Equal(body, im.body) {
				t.Errorf("encode: %s, want %s", body, im.body)
			}
			var got map[string]any
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatalf("encode: %s: %v", body, err)
			}
			if !reflect.DeepEqual(got, im.wantBody) {
				t.Errorf("encode: %v, want %v", got, im.wantBody)
			}
			if im.name == "errgen" && string(body) != string(baselineBody) {
				t.Errorf("errgen body %s != encoding/json body %s", body, baselineBody)
			}

			// Decode, and round-trip.
			dec := im.decode(im.status, im.body)
			wantDec := im.want
			wantDec.message = im.wireMessage
			if got := im.ident(dec); got != wantDec {
				t.Errorf("decode: %+v, want %+v", got, wantDec)
			}
			if !im.is(dec) || !im.isXxx(dec) || im.httpStatus(dec) != im.status {
				t.Errorf("decode: the decoded error does not match")
			}
			if again := im.encode(nil, dec); !bytes.Equal(again, im.body) {
				t.Errorf("round trip: %s, want %s", again, im.body)
			}
			if im.name == "errgen" {
				e, ok := dec.(*faseeherr.InsufficientBalanceError)
				if !ok || e.Required != 0.5 || e.Available != 0.25 || e.ErrorMessage() != Message {
					t.Errorf("decode: %#v", dec)
				}
			}
			if im.name == "baseline" {
				if e := dec.(*APIError); *e != (APIError{Code, Message, Status}) {
					t.Errorf("decode: %+v", e)
				}
			}

			// WriteError, into a recorder and into the benchmarks' writer.
			rec := httptest.NewRecorder()
			im.writeError(rec, request, im.wrapped)
			if rec.Code != im.status {
				t.Errorf("writeError: status %d, want %d", rec.Code, im.status)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
				t.Errorf("writeError: Content-Type %q", ct)
			}
			written := rec.Body.Bytes()
			if im.name == "baseline" { // json.Encoder ends the body with a newline
				written = bytes.TrimSuffix(written, []byte("\n"))
			}
			if !bytes.Equal(written, im.body) {
				t.Errorf("writeError: body %s, want %s", written, im.body)
			}
			w := newDiscardWriter()
			im.writeError(w, request, im.wrapped)
			im.writeError(w, request, im.wrapped)
			if w.status != im.status || w.n != 2*rec.Body.Len() {
				t.Errorf("writeError into discardWriter: status %d, %d bytes", w.status, w.n)
			}
			rec = httptest.NewRecorder()
			im.writeError(rec, request, errUnrelated)
			if rec.Code != 500 {
				t.Errorf("writeError(unrelated): status %d, want 500", rec.Code)
			}
			if strings.Contains(rec.Body.String(), "connection refused") {
				t.Logf("writeError(unrelated) sends the unrelated error's text: %s", rec.Body)
			}
		})
	}
}
