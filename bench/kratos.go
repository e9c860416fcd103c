package bench

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/go-kratos/kratos/v2/encoding"
	kerrors "github.com/go-kratos/kratos/v2/errors"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
)

// kratos: github.com/go-kratos/kratos/v2/errors, as protoc-gen-go-errors
// generates it for an enum value INSUFFICIENT_BALANCE = 0 [(errors.code) =
// 402]. A kratos error carries the HTTP status as its code and the enum name
// as its reason; the numeric code 40201 has no field of its own, so the
// reason identifies the error.

const kratosReason = "INSUFFICIENT_BALANCE"

// kratosSentinel is the error errors.Is compares with: kratos errors match
// on code and reason.
var kratosSentinel = kerrors.New(Status, kratosReason, "")

var kratosWrapped = wrap(kerrors.New(Status, kratosReason, Message))

// kratosCodec is the codec kratos' HTTP transport picks for JSON.
var kratosCodec = encoding.GetCodec("json")

// kratosConstructTemplate is the generated ErrorInsufficientBalance(format,
// args...): errors.New(402, reason, fmt.Sprintf(format, args...)).
func kratosConstructTemplate() error {
	return kerrors.New(Status, kratosReason, fmt.Sprintf(msgFormat, required, available))
}

func kratosConstructMessage() error {
	return kerrors.New(Status, kratosReason, message)
}

func kratosConstructCause() error {
	return kerrors.New(Status, kratosReason, fmt.Sprintf(msgFormat, required, available)).WithCause(errCause)
}

func kratosIs(err error) bool {
	return errors.Is(err, kratosSentinel)
}

func kratosAs(err error) (*kerrors.Error, bool) {
	var e *kerrors.Error
	ok := errors.As(err, &e)
	return e, ok
}

// kratosIsXxx is the generated IsInsufficientBalance.
func kratosIsXxx(err error) bool {
	if err == nil {
		return false
	}
	e := kerrors.FromError(err)
	return e.Reason == kratosReason && e.Code == Status
}

func kratosHTTPStatus(err error) int {
	return kerrors.Code(err)
}

// kratosEncode is what DefaultErrorEncoder marshals: FromError and the JSON
// codec (protojson). The codec cannot append to the caller's buffer.
func kratosEncode(_ []byte, err error) []byte {
	b, _ := kratosCodec.Marshal(kerrors.FromError(err))
	return b
}

// kratosDecode is the body of the HTTP client's DefaultErrorDecoder, on the
// bytes in hand.
func kratosDecode(status int, body []byte) error {
	e := new(kerrors.Error)
	if err := kratosCodec.Unmarshal(body, e); err != nil {
		return kerrors.Newf(status, kerrors.UnknownReason, "").WithCause(err)
	}
	e.Code = int32(status)
	return e
}

// kratosWriteError is the HTTP transport's DefaultErrorEncoder.
func kratosWriteError(w http.ResponseWriter, r *http.Request, err error) {
	khttp.DefaultErrorEncoder(w, r, err)
}
