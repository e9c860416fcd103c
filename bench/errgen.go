package bench

import (
	"errors"
	"net/http"

	"github.com/errgen/errgen/generated/faseeherr"
)

// errgen: the generated package, used as its README shows.

var errgenWrapped = wrap(faseeherr.NewInsufficientBalanceError(0.5, 0.25))

// errgenConstructTemplate builds the error from its params. errgen renders
// the message when it is sent or asked for, not here: encode and WriteError
// include that cost.
func errgenConstructTemplate() error {
	return faseeherr.NewInsufficientBalanceError(required, available)
}

// errgenConstructMessage is the message-given constructor. The fixture's
// error has a template, so its constructor takes params, not a message;
// NewInternalError(msg) is the generated constructor that takes the message
// as given, and costs what a message-given NewInsufficientBalanceError would.
func errgenConstructMessage() error {
	return faseeherr.NewInternalError(message)
}

func errgenConstructCause() error {
	return faseeherr.NewInsufficientBalanceError(required, available).WithCause(errCause)
}

func errgenIs(err error) bool {
	return errors.Is(err, faseeherr.ErrInsufficientBalance)
}

func errgenAs(err error) (*faseeherr.InsufficientBalanceError, bool) {
	var e *faseeherr.InsufficientBalanceError
	ok := errors.As(err, &e)
	return e, ok
}

func errgenIsXxx(err error) bool {
	return faseeherr.IsInsufficientBalanceError(err)
}

func errgenHTTPStatus(err error) int {
	return faseeherr.HTTPStatus(err)
}

func errgenEncode(buf []byte, err error) []byte {
	return faseeherr.AppendError(buf[:0], err)
}

func errgenDecode(status int, body []byte) error {
	return faseeherr.Parse(status, body)
}

func errgenWriteError(w http.ResponseWriter, _ *http.Request, err error) {
	faseeherr.WriteError(w, err)
}
