// errgen never copies this file. Each generated package declares
// Retryable, FromResponse and errorStatus from its spec; the stand-ins
// here let package wire compile, and retry.go be tested, on its own.

package wire

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"
)

// errorsOn2xx makes errorStatus and FromResponse act as those of a
// package whose API sends some errors with a 2xx status, as Slack's does.
// Tests set it.
var errorsOn2xx bool

// errorStatus reports whether FromResponse may find an error in a
// response with status, for RetryTransport, which hands every other
// response back unread. A generated package declares it as status >= 400,
// or, when its API sends errors with a 2xx status, also
// 200 <= status && status < 300.
func errorStatus(status int) bool {
	return status >= 400 || errorsOn2xx && 200 <= status && status < 300
}

// Retryable stands in for the generated Retryable: the first error in
// err's chain that can tell says whether the request may be retried.
func Retryable(err error) bool {
	e, ok := errors.AsType[retryableError](err)
	return ok && e.retryable()
}

// retryableError is an error that tells whether the request that failed
// with it may be retried, as the spec says of each generated error type.
type retryableError interface {
	error
	retryable() bool
}

// standInBodyLimit is how much of a body FromResponse reads: little, so
// that tests see RetryTransport hand on what it read and then the rest.
const standInBodyLimit = 512

// FromResponse stands in for the generated FromResponse. A response with
// a status of 400 or more is a *statusError, retryable for 429 and 5xx,
// with the delay of its Retry-After header. With errorsOn2xx, so is a 2xx
// response whose body starts with {"ok":false, as Slack sends errors,
// retryable when the body says "ratelimited".
func FromResponse(resp *http.Response) error {
	if !errorStatus(resp.StatusCode) {
		return nil
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, standInBodyLimit))
	if resp.StatusCode < 400 && !bytes.HasPrefix(body, []byte(`{"ok":false`)) {
		return nil
	}
	return &statusError{
		status:     resp.StatusCode,
		body:       string(body),
		canRetry:   resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 || bytes.Contains(body, []byte(`"ratelimited"`)),
		retryAfter: headerDuration(resp.Header, "Retry-After", headerSeconds, time.Now()),
	}
}

// statusError stands in for the generated error types.
type statusError struct {
	status     int
	body       string // what FromResponse read of it
	canRetry   bool
	retryAfter time.Duration
}

func (e *statusError) Error() string {
	return "status " + strconv.Itoa(e.status) + ": " + e.body
}

func (e *statusError) retryable() bool { return e.canRetry }

func (e *statusError) retryDelay(time.Time) (time.Duration, bool) {
	return e.retryAfter, e.retryAfter > 0
}
