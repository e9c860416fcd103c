package bench

import (
	"context"
	"fmt"
	"net/http"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
)

// grpc: google.golang.org/grpc/status and codes, served over HTTP by
// grpc-gateway. A status carries one of the fixed gRPC codes and a message.
// FailedPrecondition is the code closest to an insufficient balance;
// grpc-gateway sends it with HTTP 400 (no gRPC code maps to 402), and the
// 40201 code is not sent (it would need an ErrorInfo detail, which would cost
// grpc more than what is measured here).
//
// status.FromError, on a wrapped status error, replaces the message with
// err.Error(): the body grpc-gateway writes for the fixture carries
// "synthesize: rpc error: code = FailedPrecondition desc = " before the
// message. That is grpc's behaviour and is measured as it is.

const grpcCode = codes.FailedPrecondition

// grpcStatus is the HTTP status grpc-gateway sends grpcCode with.
var grpcStatus = runtime.HTTPStatusFromCode(grpcCode)

var grpcWrapped = wrap(status.Error(grpcCode, Message))

// The gateway's mux, and the marshaler it picks for a request without an
// Accept header: its default JSONPb (EmitUnpopulated).
var (
	gatewayMux       = runtime.NewServeMux()
	_, gatewayMarsh  = runtime.MarshalerForRequest(gatewayMux, request)
	gatewayUnmarshal = protojson.UnmarshalOptions{DiscardUnknown: true}
)

func grpcConstructTemplate() error {
	return status.Errorf(grpcCode, msgFormat, required, available)
}

func grpcConstructMessage() error {
	return status.Error(grpcCode, message)
}

// A gRPC status has no cause: there is no construct-with-cause job for grpc.

func grpcIs(err error) bool {
	return status.Code(err) == grpcCode
}

func grpcAs(err error) (*status.Status, bool) {
	return status.FromError(err)
}

// grpcIsXxx: gRPC has no per-error matcher; the closest is the code
// compare, the same as grpcIs.
func grpcIsXxx(err error) bool {
	return status.Code(err) == grpcCode
}

func grpcHTTPStatus(err error) int {
	return runtime.HTTPStatusFromCode(status.Code(err))
}

// grpcEncode is what DefaultHTTPErrorHandler marshals: status.Convert and
// the mux's marshaler on the status proto.
func grpcEncode(_ []byte, err error) []byte {
	b, _ := gatewayMarsh.Marshal(status.Convert(err).Proto())
	return b
}

// grpcDecode is protojson into the status proto, then status.FromProto.
func grpcDecode(status_ int, body []byte) error {
	p := new(spb.Status)
	if err := gatewayUnmarshal.Unmarshal(body, p); err != nil {
		return status.Error(codes.Unknown, fmt.Sprintf("HTTP %d: %s", status_, body))
	}
	return status.FromProto(p).Err()
}

// grpcWriteError is grpc-gateway's DefaultHTTPErrorHandler, which the mux
// calls (through runtime.HTTPError) for an error a handler returns.
func grpcWriteError(w http.ResponseWriter, r *http.Request, err error) {
	runtime.DefaultHTTPErrorHandler(context.Background(), gatewayMux, gatewayMarsh, w, r, err)
}
