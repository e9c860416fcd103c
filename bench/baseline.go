package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// baseline: what a user writes without a tool, with encoding/json.

// APIError is the hand-written error type.
type APIError struct {
	Code    int    `json:"errorCode"`
	Message string `json:"errorMessage"`
	Status  int    `json:"-"`
}

func (e *APIError) Error() string { return e.Message }

// Is makes an *APIError match a sentinel with the same code.
func (e *APIError) Is(target error) bool {
	t, ok := target.(*APIError)
	return ok && t.Code == e.Code
}

// ErrInsufficientBalance is the hand-written sentinel.
var ErrInsufficientBalance = &APIError{Code: Code, Message: "Insufficient wallet balance", Status: Status}

var baselineInternal = &APIError{Code: 50001, Message: "Internal server error", Status: 500}

// NewInsufficientBalanceError renders the message with fmt.Sprintf.
func NewInsufficientBalanceError(required, available float64) *APIError {
	return &APIError{Code: Code, Message: fmt.Sprintf(msgFormat, required, available), Status: Status}
}

// IsInsufficientBalance is errors.As and a code compare.
func IsInsufficientBalance(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.Code == Code
}

// HTTPStatusOf is errors.As and the Status field.
func HTTPStatusOf(err error) int {
	var e *APIError
	if errors.As(err, &e) {
		return e.Status
	}
	return http.StatusInternalServerError
}

// WriteError is errors.As, the header, WriteHeader and a json.Encoder.
func WriteError(w http.ResponseWriter, err error) {
	var e *APIError
	if !errors.As(err, &e) {
		e = baselineInternal
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.Status)
	// APIError always encodes, so an error here is a failed write: the
	// client went away and no one is left to tell, as in errgen's WriteError.
	_ = json.NewEncoder(w).Encode(e)
}

var baselineWrapped = wrap(NewInsufficientBalanceError(0.5, 0.25))

func baselineConstructTemplate() error {
	return NewInsufficientBalanceError(required, available)
}

func baselineConstructMessage() error {
	return &APIError{Code: Code, Message: message, Status: Status}
}

// baselineConstructCause: APIError has no field for a cause, so the user
// joins the two errors; errors.Is and errors.As then find both.
func baselineConstructCause() error {
	return errors.Join(NewInsufficientBalanceError(required, available), errCause)
}

func baselineIs(err error) bool {
	return errors.Is(err, ErrInsufficientBalance)
}

func baselineAs(err error) (*APIError, bool) {
	var e *APIError
	ok := errors.As(err, &e)
	return e, ok
}

func baselineIsXxx(err error) bool {
	return IsInsufficientBalance(err)
}

func baselineHTTPStatus(err error) int {
	return HTTPStatusOf(err)
}

// baselineEncode is errors.As and json.Marshal; json.Marshal cannot append
// to the caller's buffer.
func baselineEncode(_ []byte, err error) []byte {
	var e *APIError
	if !errors.As(err, &e) {
		e = baselineInternal
	}
	b, _ := json.Marshal(e)
	return b
}

func baselineDecode(status int, body []byte) error {
	e := new(APIError)
	if err := json.Unmarshal(body, e); err != nil {
		return &APIError{Code: 50001, Message: http.StatusText(status), Status: status}
	}
	e.Status = status
	return e
}

func baselineWriteError(w http.ResponseWriter, _ *http.Request, err error) {
	WriteError(w, err)
}
