package faseeherr_test

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/generated/faseeherr"
)

// Example messages copied verbatim from the Faseeh error reference
// (seed document), not from errors.yaml or the generated code.
const (
	seedAuthenticationExample      = "Invalid API key"
	seedValidationExample          = "Text must have at least 3 words and 10 characters"
	seedInsufficientBalanceExample = "Insufficient wallet balance. Required: $0.50, Available: $0.25"
	seedModelAccessExample         = "This model is not enabled for your account. Please contact support@faseeh.ai to get access."
	seedConcurrencyLimitExample    = "Concurrency limit exceeded. Maximum 5 concurrent requests allowed. Current: 6. Please upgrade your plan https://app.faseeh.ai/en/subscription or contact support@faseeh.ai for more information."
	seedInternalExample            = "Internal server error"
	seedNotFoundExample            = "Model not found: faseeh-v2-preview"
)

// Every type of the package implements faseeherr.Error.
var (
	_ faseeherr.Error = (*faseeherr.AuthenticationError)(nil)
	_ faseeherr.Error = (*faseeherr.ValidationError)(nil)
	_ faseeherr.Error = (*faseeherr.InsufficientBalanceError)(nil)
	_ faseeherr.Error = (*faseeherr.ModelAccessError)(nil)
	_ faseeherr.Error = (*faseeherr.ConcurrencyLimitError)(nil)
	_ faseeherr.Error = (*faseeherr.InternalError)(nil)
	_ faseeherr.Error = (*faseeherr.NotFoundError)(nil)
	_ faseeherr.Error = (*faseeherr.UnknownError)(nil)
)

// Sinks keep results alive so that the allocation tests measure real heap
// allocations (the values escape) and nothing is optimised away.
var (
	validationSink *faseeherr.ValidationError
	balanceSink    *faseeherr.InsufficientBalanceError
	boolSink       bool
	intSink        int
	codeSink       faseeherr.Code
	stringSink     string
)

// errorCase describes one error type of the package.
type errorCase struct {
	name      string
	code      faseeherr.Code
	codeValue int
	status    int
	retryable bool
	sentinel  faseeherr.Error
	is        func(error) bool
	// defaultMsg is the message of the plain constructor and of the zero value.
	defaultMsg string
	// sentinelMsg is the message of the Err sentinel, when not defaultMsg:
	// a message rendered from params renders the zero params.
	sentinelMsg string
	// newDefault calls the constructor with "" (or with the seed's example
	// params for the types whose message is rendered from params).
	newDefault func() faseeherr.Error
	// newWithMessage returns an error of the type carrying msg.
	newWithMessage func(msg string) faseeherr.Error
	// zero returns a pointer to the zero value of the type.
	zero func() faseeherr.Error
	// withCause returns an error of the type with cause recorded by WithCause.
	withCause func(cause error) faseeherr.Error
	// as runs errors.As(err, &target) with target of the concrete pointer
	// type and returns target and the result.
	as func(err error) (faseeherr.Error, bool)
}

func asTarget[T any, PT interface {
	*T
	faseeherr.Error
}](err error) (faseeherr.Error, bool) {
	var target PT
	ok := errors.As(err, &target)
	if !ok {
		return nil, false
	}
	return target, true
}

func errorCases() []errorCase {
	return []errorCase{
		{
			name: "AuthenticationError", code: faseeherr.CodeAuthentication, codeValue: 40101, status: 401,
			sentinel: faseeherr.ErrAuthentication, is: faseeherr.IsAuthenticationError,
			defaultMsg: seedAuthenticationExample,
			newDefault: func() faseeherr.Error { return faseeherr.NewAuthenticationError("") },
			newWithMessage: func(msg string) faseeherr.Error {
				return faseeherr.NewAuthenticationError(msg)
			},
			zero: func() faseeherr.Error { return &faseeherr.AuthenticationError{} },
			withCause: func(cause error) faseeherr.Error {
				return faseeherr.NewAuthenticationError("auth failed").WithCause(cause)
			},
			as: asTarget[faseeherr.AuthenticationError],
		},
		{
			name: "ValidationError", code: faseeherr.CodeValidation, codeValue: 40001, status: 400,
			sentinel: faseeherr.ErrValidation, is: faseeherr.IsValidationError,
			// errors.yaml gives no default message: the HTTP status text is used.
			defaultMsg: http.StatusText(http.StatusBadRequest),
			newDefault: func() faseeherr.Error { return faseeherr.NewValidationError("") },
			newWithMessage: func(msg string) faseeherr.Error {
				return faseeherr.NewValidationError(msg)
			},
			zero: func() faseeherr.Error { return &faseeherr.ValidationError{} },
			withCause: func(cause error) faseeherr.Error {
				return faseeherr.NewValidationError("bad input").WithCause(cause)
			},
			as: asTarget[faseeherr.ValidationError],
		},
		{
			name: "InsufficientBalanceError", code: faseeherr.CodeInsufficientBalance, codeValue: 40201, status: 402,
			sentinel: faseeherr.ErrInsufficientBalance, is: faseeherr.IsInsufficientBalanceError,
			defaultMsg:  seedInsufficientBalanceExample,
			sentinelMsg: "Insufficient wallet balance. Required: ${required}, Available: ${available}",
			newDefault:  func() faseeherr.Error { return faseeherr.NewInsufficientBalanceError(0.5, 0.25) },
			newWithMessage: func(msg string) faseeherr.Error {
				e := faseeherr.NewInsufficientBalanceError(0.5, 0.25)
				e.Message = msg
				return e
			},
			zero: func() faseeherr.Error { return &faseeherr.InsufficientBalanceError{Required: 0.5, Available: 0.25} },
			withCause: func(cause error) faseeherr.Error {
				return faseeherr.NewInsufficientBalanceError(0.5, 0.25).WithCause(cause)
			},
			as: asTarget[faseeherr.InsufficientBalanceError],
		},
		{
			name: "ModelAccessError", code: faseeherr.CodeModelAccess, codeValue: 40301, status: 403,
			sentinel: faseeherr.ErrModelAccess, is: faseeherr.IsModelAccessError,
			defaultMsg: seedModelAccessExample,
			newDefault: func() faseeherr.Error { return faseeherr.NewModelAccessError("") },
			newWithMessage: func(msg string) faseeherr.Error {
				return faseeherr.NewModelAccessError(msg)
			},
			zero: func() faseeherr.Error { return &faseeherr.ModelAccessError{} },
			withCause: func(cause error) faseeherr.Error {
				return faseeherr.NewModelAccessError("no access").WithCause(cause)
			},
			as: asTarget[faseeherr.ModelAccessError],
		},
		{
			name: "ConcurrencyLimitError", code: faseeherr.CodeConcurrencyLimit, codeValue: 42901, status: 429,
			retryable: true,
			sentinel:  faseeherr.ErrConcurrencyLimit, is: faseeherr.IsConcurrencyLimitError,
			defaultMsg:  seedConcurrencyLimitExample,
			sentinelMsg: "Concurrency limit exceeded. Maximum {max} concurrent requests allowed. Current: {current}. Please upgrade your plan https://app.faseeh.ai/en/subscription or contact support@faseeh.ai for more information.",
			newDefault:  func() faseeherr.Error { return faseeherr.NewConcurrencyLimitError(5, 6) },
			newWithMessage: func(msg string) faseeherr.Error {
				e := faseeherr.NewConcurrencyLimitError(5, 6)
				e.Message = msg
				return e
			},
			zero: func() faseeherr.Error { return &faseeherr.ConcurrencyLimitError{Max: 5, Current: 6} },
			withCause: func(cause error) faseeherr.Error {
				return faseeherr.NewConcurrencyLimitError(5, 6).WithCause(cause)
			},
			as: asTarget[faseeherr.ConcurrencyLimitError],
		},
		{
			name: "InternalError", code: faseeherr.CodeInternal, codeValue: 50001, status: 500,
			retryable: true,
			sentinel:  faseeherr.ErrInternal, is: faseeherr.IsInternalError,
			defaultMsg: seedInternalExample,
			newDefault: func() faseeherr.Error { return faseeherr.NewInternalError("") },
			newWithMessage: func(msg string) faseeherr.Error {
				return faseeherr.NewInternalError(msg)
			},
			zero: func() faseeherr.Error { return &faseeherr.InternalError{} },
			withCause: func(cause error) faseeherr.Error {
				return faseeherr.NewInternalError("upstream failed").WithCause(cause)
			},
			as: asTarget[faseeherr.InternalError],
		},
		{
			name: "NotFoundError", code: faseeherr.CodeNotFound, codeValue: 40401, status: 404,
			sentinel: faseeherr.ErrNotFound, is: faseeherr.IsNotFoundError,
			// errors.yaml gives no default message: the HTTP status text is used.
			defaultMsg: http.StatusText(http.StatusNotFound),
			newDefault: func() faseeherr.Error { return faseeherr.NewNotFoundError("") },
			newWithMessage: func(msg string) faseeherr.Error {
				return faseeherr.NewNotFoundError(msg)
			},
			zero: func() faseeherr.Error { return &faseeherr.NotFoundError{} },
			withCause: func(cause error) faseeherr.Error {
				return faseeherr.NewNotFoundError("missing").WithCause(cause)
			},
			as: asTarget[faseeherr.NotFoundError],
		},
	}
}

// wrappings returns err as is, wrapped once by fmt.Errorf and joined by
// errors.Join with an unrelated error in front.
func wrappings(err error) []struct {
	name string
	err  error
} {
	return []struct {
		name string
		err  error
	}{
		{"direct", err},
		{"fmt.Errorf", fmt.Errorf("ctx: %w", err)},
		{"errors.Join", errors.Join(errors.New("unrelated"), err)},
	}
}

func TestCodeConstants(t *testing.T) {
	for _, tc := range errorCases() {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.codeValue, int(tc.code))
			assert.Equal(t, tc.name, tc.code.String())
			assert.Equal(t, tc.status, tc.code.HTTPStatus())
		})
	}
}

func TestUnknownCode(t *testing.T) {
	assert.Equal(t, "Code(12345)", faseeherr.Code(12345).String())
	assert.Equal(t, "Code(0)", faseeherr.Code(0).String())
	assert.Equal(t, http.StatusInternalServerError, faseeherr.Code(12345).HTTPStatus())
	assert.Equal(t, http.StatusInternalServerError, faseeherr.Code(0).HTTPStatus())
}

func TestConstructors(t *testing.T) {
	for _, tc := range errorCases() {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.newDefault()
			require.NotNil(t, err)
			assert.Equal(t, tc.code, err.ErrorCode())
			assert.Equal(t, tc.status, err.HTTPStatus())
			assert.Equal(t, tc.defaultMsg, err.ErrorMessage())
			assert.NotEmpty(t, err.ErrorMessage())

			s := err.Error()
			assert.Contains(t, s, tc.name)
			assert.Contains(t, s, strconv.Itoa(tc.codeValue))
			assert.Contains(t, s, tc.defaultMsg)

			const custom = "a custom message"
			withMsg := tc.newWithMessage(custom)
			assert.Equal(t, custom, withMsg.ErrorMessage())
			assert.Equal(t, tc.code, withMsg.ErrorCode())
			assert.Equal(t, tc.status, withMsg.HTTPStatus())
			assert.Contains(t, withMsg.Error(), custom)
			assert.Contains(t, withMsg.Error(), strconv.Itoa(tc.codeValue))
			assert.NotContains(t, withMsg.Error(), tc.defaultMsg)
		})
	}
}

func TestZeroValue(t *testing.T) {
	for _, tc := range errorCases() {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.zero()
			assert.Equal(t, tc.code, err.ErrorCode())
			assert.Equal(t, tc.status, err.HTTPStatus())
			assert.Equal(t, tc.defaultMsg, err.ErrorMessage(), "an empty Message falls back to the default")
			assert.True(t, tc.is(err))
			assert.ErrorIs(t, err, tc.sentinel)
		})
	}
	assert.NotEmpty(t, (&faseeherr.NotFoundError{}).ErrorMessage())
	assert.Equal(t, "Insufficient wallet balance. Required: $0.00, Available: $0.00",
		(&faseeherr.InsufficientBalanceError{}).ErrorMessage())
}

func TestMatching(t *testing.T) {
	cases := errorCases()
	for _, tc := range cases {
		orig := tc.newDefault()
		for _, w := range wrappings(orig) {
			t.Run(tc.name+"/"+w.name, func(t *testing.T) {
				err := w.err
				for _, other := range cases {
					if other.name == tc.name {
						assert.True(t, errors.Is(err, other.sentinel), "errors.Is(err, %s sentinel)", other.name)
						assert.True(t, other.is(err), "Is%s", other.name)
					} else {
						assert.False(t, errors.Is(err, other.sentinel), "errors.Is(err, %s sentinel)", other.name)
						assert.False(t, other.is(err), "Is%s", other.name)
						_, ok := other.as(err)
						assert.False(t, ok, "errors.As to *%s", other.name)
					}
				}

				got, ok := tc.as(err)
				require.True(t, ok, "errors.As to *%s", tc.name)
				assert.Same(t, orig, got)

				code, ok := faseeherr.CodeOf(err)
				assert.True(t, ok)
				assert.Equal(t, tc.code, code)
				assert.Equal(t, tc.status, faseeherr.HTTPStatus(err))
				assert.Equal(t, tc.retryable, faseeherr.Retryable(err))

				assert.Contains(t, err.Error(), strconv.Itoa(tc.codeValue))
				assert.Contains(t, err.Error(), tc.defaultMsg)
			})
		}
	}
}

func TestSentinels(t *testing.T) {
	cases := errorCases()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.sentinel
			require.NotNil(t, s)
			assert.Equal(t, tc.code, s.ErrorCode())
			assert.Equal(t, tc.status, s.HTTPStatus())
			msg := tc.defaultMsg
			if tc.sentinelMsg != "" {
				msg = tc.sentinelMsg
			}
			assert.Equal(t, msg, s.ErrorMessage())
			assert.Contains(t, s.Error(), tc.name)
			assert.Contains(t, s.Error(), strconv.Itoa(tc.codeValue))
			assert.Contains(t, s.Error(), msg)

			for _, w := range wrappings(s) {
				for _, other := range cases {
					want := other.name == tc.name
					assert.Equal(t, want, errors.Is(w.err, other.sentinel), "%s: errors.Is(%s, %s)", w.name, tc.name, other.name)
					assert.Equal(t, want, other.is(w.err), "%s: Is%s(Err of %s)", w.name, other.name, tc.name)
				}
				code, ok := faseeherr.CodeOf(w.err)
				assert.True(t, ok, w.name)
				assert.Equal(t, tc.code, code, w.name)
				assert.Equal(t, tc.status, faseeherr.HTTPStatus(w.err), w.name)
				assert.Equal(t, tc.retryable, faseeherr.Retryable(w.err), w.name)

				// The sentinel never hands out the error it wraps, so the
				// shared value cannot be changed through errors.As.
				_, ok = tc.as(w.err)
				assert.False(t, ok, "%s: errors.As on the sentinel", w.name)
			}
		})
	}

	assert.Equal(t, faseeherr.CodeNotFound, faseeherr.ErrNotFound.ErrorCode())
	assert.Equal(t, http.StatusNotFound, faseeherr.ErrNotFound.HTTPStatus())
	assert.NotEmpty(t, faseeherr.ErrNotFound.ErrorMessage())
	assert.True(t, errors.Is(faseeherr.ErrNotFound, faseeherr.ErrNotFound))
	assert.True(t, faseeherr.IsNotFoundError(faseeherr.ErrNotFound))
}

func TestSeedExamples(t *testing.T) {
	b := faseeherr.NewInsufficientBalanceError(0.5, 0.25)
	assert.Equal(t, seedInsufficientBalanceExample, b.ErrorMessage())
	assert.Empty(t, b.Message, "rendered when sent")
	assert.Equal(t, 0.5, b.Required)
	assert.Equal(t, 0.25, b.Available)

	c := faseeherr.NewConcurrencyLimitError(5, 6)
	assert.Equal(t, seedConcurrencyLimitExample, c.ErrorMessage())
	assert.Empty(t, c.Message, "rendered when sent")
	assert.Equal(t, 5, c.Max)
	assert.Equal(t, 6, c.Current)
}

// TestRenderedMessages checks the rendered messages against the templates of
// errors.yaml formatted by fmt, for values other than the seed's examples.
func TestRenderedMessages(t *testing.T) {
	for _, v := range [][2]float64{{0, 0}, {1.005, 0.994}, {12.345, 0.125}, {-3.5, 1234567.891}, {1e300, 1e-300}} {
		got := faseeherr.NewInsufficientBalanceError(v[0], v[1]).ErrorMessage()
		want := fmt.Sprintf("Insufficient wallet balance. Required: $%.2f, Available: $%.2f", v[0], v[1])
		assert.Equal(t, want, got)
	}
	for _, v := range [][2]int{{0, 0}, {1, 2}, {20, 21}, {-1, 1 << 62}} {
		got := faseeherr.NewConcurrencyLimitError(v[0], v[1]).ErrorMessage()
		want := fmt.Sprintf("Concurrency limit exceeded. Maximum %d concurrent requests allowed. Current: %d. Please upgrade your plan https://app.faseeh.ai/en/subscription or contact support@faseeh.ai for more information.", v[0], v[1])
		assert.Equal(t, want, got)
	}
}

// TestErrorsYAML checks that errors.yaml, which the package is generated
// from, agrees with the seed document and with the table of this test.
func TestErrorsYAML(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "errors.yaml"))
	require.NoError(t, err)
	var spec struct {
		Errors []struct {
			Name     string   `yaml:"name"`
			Code     int      `yaml:"code"`
			Status   int      `yaml:"status"`
			Examples []string `yaml:"examples"`
		} `yaml:"errors"`
	}
	require.NoError(t, yaml.Unmarshal(data, &spec))

	seedExamples := map[string]string{
		"AuthenticationError":      seedAuthenticationExample,
		"ValidationError":          seedValidationExample,
		"InsufficientBalanceError": seedInsufficientBalanceExample,
		"ModelAccessError":         seedModelAccessExample,
		"ConcurrencyLimitError":    seedConcurrencyLimitExample,
		"InternalError":            seedInternalExample,
		"NotFoundError":            seedNotFoundExample,
	}
	cases := map[string]errorCase{}
	for _, tc := range errorCases() {
		cases[tc.name] = tc
	}
	require.Len(t, spec.Errors, len(cases))
	for _, e := range spec.Errors {
		tc, ok := cases[e.Name]
		require.True(t, ok, "unexpected error %s in errors.yaml", e.Name)
		assert.Equal(t, tc.codeValue, e.Code, e.Name)
		assert.Equal(t, tc.status, e.Status, e.Name)
		assert.Equal(t, []string{seedExamples[e.Name]}, e.Examples, e.Name)
	}
}

func TestWithCause(t *testing.T) {
	cause := errors.New("dial tcp: connection refused")
	for _, tc := range errorCases() {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.withCause(cause)
			assert.Same(t, cause, errors.Unwrap(err))
			assert.ErrorIs(t, err, cause)
			assert.ErrorIs(t, fmt.Errorf("ctx: %w", err), cause)
			assert.ErrorIs(t, err, tc.sentinel)
			assert.True(t, tc.is(err))
			assert.Contains(t, err.Error(), cause.Error())
			assert.Contains(t, err.Error(), err.ErrorMessage())
			assert.NotContains(t, err.ErrorMessage(), cause.Error())
			code, ok := faseeherr.CodeOf(err)
			assert.True(t, ok)
			assert.Equal(t, tc.code, code)

			// Without a cause, Unwrap returns nil.
			assert.Nil(t, errors.Unwrap(tc.newDefault()))
		})
	}

	// An API error as cause: the outer error comes first in the chain.
	err := faseeherr.NewInternalError("lookup failed").WithCause(faseeherr.NewNotFoundError("voice"))
	assert.True(t, faseeherr.IsInternalError(err))
	assert.True(t, faseeherr.IsNotFoundError(err))
	code, ok := faseeherr.CodeOf(err)
	assert.True(t, ok)
	assert.Equal(t, faseeherr.CodeInternal, code)
	assert.Equal(t, http.StatusInternalServerError, faseeherr.HTTPStatus(err))
}

func TestInternalErrorWithStatus(t *testing.T) {
	for _, status := range []int{500, 502, 503, 504} {
		err := faseeherr.NewInternalError("").WithStatus(status)
		assert.Equal(t, status, err.HTTPStatus())
		assert.Equal(t, status, faseeherr.HTTPStatus(fmt.Errorf("ctx: %w", err)))
		assert.Equal(t, faseeherr.CodeInternal, err.ErrorCode())
		assert.True(t, faseeherr.Retryable(err))
	}
	for _, status := range []int{0, 200, 404, 418, 501, 505} {
		assert.Equal(t, 500, faseeherr.NewInternalError("").WithStatus(status).HTTPStatus(), "status %d", status)
	}
	// An invalid status leaves the one set before.
	assert.Equal(t, 503, faseeherr.NewInternalError("").WithStatus(503).WithStatus(418).HTTPStatus())

	// WithStatus returns the receiver, to chain.
	e := faseeherr.NewInternalError("")
	assert.Same(t, e, e.WithStatus(502))
}

func TestCodeOf(t *testing.T) {
	code, ok := faseeherr.CodeOf(nil)
	assert.False(t, ok)
	assert.Equal(t, faseeherr.Code(0), code)

	code, ok = faseeherr.CodeOf(errors.New("plain"))
	assert.False(t, ok)
	assert.Equal(t, faseeherr.Code(0), code)

	code, ok = faseeherr.CodeOf(fmt.Errorf("ctx: %w", errors.New("plain")))
	assert.False(t, ok)
	assert.Equal(t, faseeherr.Code(0), code)

	code, ok = faseeherr.CodeOf(fmt.Errorf("ctx: %w", faseeherr.NewNotFoundError("voice")))
	assert.True(t, ok)
	assert.Equal(t, faseeherr.CodeNotFound, code)

	code, ok = faseeherr.CodeOf(faseeherr.ErrNotFound)
	assert.True(t, ok)
	assert.Equal(t, faseeherr.CodeNotFound, code)

	// The first API error of the chain wins.
	code, ok = faseeherr.CodeOf(errors.Join(errors.New("plain"), faseeherr.NewValidationError(""), faseeherr.NewNotFoundError("")))
	assert.True(t, ok)
	assert.Equal(t, faseeherr.CodeValidation, code)
}

func TestHTTPStatus(t *testing.T) {
	assert.Equal(t, http.StatusOK, faseeherr.HTTPStatus(nil))
	assert.Equal(t, http.StatusInternalServerError, faseeherr.HTTPStatus(errors.New("x")))
	assert.Equal(t, http.StatusNotFound, faseeherr.HTTPStatus(fmt.Errorf("ctx: %w", faseeherr.ErrNotFound)))
	assert.Equal(t, http.StatusNotFound, faseeherr.HTTPStatus(fmt.Errorf("ctx: %w", faseeherr.NewNotFoundError(""))))
	assert.Equal(t, http.StatusTooManyRequests, faseeherr.HTTPStatus(errors.Join(errors.New("x"), faseeherr.NewConcurrencyLimitError(1, 2))))
}

func TestRetryable(t *testing.T) {
	assert.False(t, faseeherr.Retryable(nil))
	assert.False(t, faseeherr.Retryable(errors.New("plain")))
	assert.False(t, faseeherr.Retryable(fmt.Errorf("ctx: %w", errors.New("plain"))))

	assert.True(t, faseeherr.Retryable(faseeherr.NewInternalError("")))
	assert.True(t, faseeherr.Retryable(faseeherr.NewConcurrencyLimitError(5, 6)))
	assert.True(t, faseeherr.Retryable(faseeherr.ErrInternal))
	assert.True(t, faseeherr.Retryable(faseeherr.ErrConcurrencyLimit))
	assert.False(t, faseeherr.Retryable(faseeherr.NewAuthenticationError("")))
	assert.False(t, faseeherr.Retryable(faseeherr.NewValidationError("")))
	assert.False(t, faseeherr.Retryable(faseeherr.NewInsufficientBalanceError(1, 0)))
	assert.False(t, faseeherr.Retryable(faseeherr.NewModelAccessError("")))
	assert.False(t, faseeherr.Retryable(faseeherr.NewNotFoundError("")))

	assert.True(t, faseeherr.Retryable(&faseeherr.UnknownError{Code: 12345, Status: 429}))
	assert.True(t, faseeherr.Retryable(&faseeherr.UnknownError{Code: 12345, Status: 503}))
	assert.True(t, faseeherr.Retryable(fmt.Errorf("ctx: %w", &faseeherr.UnknownError{Code: 12345, Status: 503})))
	assert.False(t, faseeherr.Retryable(&faseeherr.UnknownError{Code: 12345, Status: 400}))
}

func TestUnknownError(t *testing.T) {
	e := &faseeherr.UnknownError{Code: 12345, Status: 503, Message: "try later"}
	assert.Equal(t, faseeherr.Code(12345), e.ErrorCode())
	assert.Equal(t, 503, e.HTTPStatus())
	assert.Equal(t, "try later", e.ErrorMessage())
	assert.Contains(t, e.Error(), "12345")
	assert.Contains(t, e.Error(), "try later")

	// An empty message falls back to the text of the status.
	e = &faseeherr.UnknownError{Code: 12345, Status: 429}
	assert.Equal(t, http.StatusText(http.StatusTooManyRequests), e.ErrorMessage())
	assert.Contains(t, e.Error(), http.StatusText(http.StatusTooManyRequests))

	// A status that is not an HTTP error status gives 500.
	e = &faseeherr.UnknownError{Code: 12345}
	assert.Equal(t, 500, e.HTTPStatus())
	assert.Equal(t, http.StatusText(500), e.ErrorMessage())
	assert.Equal(t, 500, (&faseeherr.UnknownError{Code: 12345, Status: 200}).HTTPStatus())

	// It goes through the package functions but matches no known error.
	wrapped := fmt.Errorf("ctx: %w", &faseeherr.UnknownError{Code: 12345, Status: 418, Message: "teapot"})
	code, ok := faseeherr.CodeOf(wrapped)
	assert.True(t, ok)
	assert.Equal(t, faseeherr.Code(12345), code)
	assert.Equal(t, 418, faseeherr.HTTPStatus(wrapped))
	for _, tc := range errorCases() {
		assert.False(t, tc.is(wrapped), tc.name)
		assert.False(t, errors.Is(wrapped, tc.sentinel), tc.name)
	}
	var target *faseeherr.UnknownError
	require.True(t, errors.As(wrapped, &target))
	assert.Equal(t, "teapot", target.Message)
}

func TestAllocations(t *testing.T) {
	const runs = 100
	for _, tc := range errorCases() {
		wrapped := fmt.Errorf("ctx: %w", tc.newDefault())
		joined := errors.Join(errors.New("x"), tc.newDefault())
		t.Run(tc.name, func(t *testing.T) {
			assert.Zero(t, testing.AllocsPerRun(runs, func() { boolSink = tc.is(wrapped) }), "Is%s", tc.name)
			assert.Zero(t, testing.AllocsPerRun(runs, func() { boolSink = tc.is(joined) }), "Is%s on errors.Join", tc.name)
			assert.Zero(t, testing.AllocsPerRun(runs, func() { boolSink = errors.Is(wrapped, tc.sentinel) }), "errors.Is")
			assert.Zero(t, testing.AllocsPerRun(runs, func() { intSink = faseeherr.HTTPStatus(wrapped) }), "HTTPStatus")
			assert.Zero(t, testing.AllocsPerRun(runs, func() { codeSink, boolSink = faseeherr.CodeOf(wrapped) }), "CodeOf")
		})
	}

	assert.Zero(t, testing.AllocsPerRun(runs, func() { boolSink = faseeherr.IsNotFoundError(faseeherr.ErrNotFound) }))
	assert.Zero(t, testing.AllocsPerRun(runs, func() { intSink = faseeherr.HTTPStatus(faseeherr.ErrNotFound) }))

	assert.Equal(t, 1.0, testing.AllocsPerRun(runs, func() {
		validationSink = faseeherr.NewValidationError("msg")
	}))
	// The message is rendered when it is sent, not when the error is made.
	assert.Equal(t, 1.0, testing.AllocsPerRun(runs, func() {
		balanceSink = faseeherr.NewInsufficientBalanceError(0.5, 0.25)
	}))
	cause := errors.New("wallet: balance 0.25 below cost 0.50")
	assert.Equal(t, 2.0, testing.AllocsPerRun(runs, func() {
		balanceSink = faseeherr.NewInsufficientBalanceError(0.5, 0.25).WithCause(cause)
	}))
	balance := faseeherr.NewInsufficientBalanceError(0.5, 0.25)
	assert.Equal(t, 1.0, testing.AllocsPerRun(runs, func() {
		stringSink = balance.ErrorMessage()
	}))
	// Error renders name, code, message and cause into one string.
	for _, err := range []error{balance, faseeherr.NewInsufficientBalanceError(0.5, 0.25).WithCause(cause), faseeherr.NewValidationError("bad").WithCause(cause)} {
		assert.Equal(t, 1.0, testing.AllocsPerRun(runs, func() { stringSink = err.Error() }), "%s", err)
	}
	assert.Equal(t, "InsufficientBalanceError (40201): "+seedInsufficientBalanceExample+": "+cause.Error(),
		faseeherr.NewInsufficientBalanceError(0.5, 0.25).WithCause(cause).Error())
}

// goneError is an error of another package that reports itself as
// ErrNotFound through its Is method, as errors.Is allows.
type goneError struct{}

func (goneError) Error() string        { return "gone" }
func (goneError) Is(target error) bool { return target == faseeherr.ErrNotFound }

// TestMatchersFollowIs checks that IsXxxError agrees with errors.Is on an
// error whose Is method claims the sentinel, wrapped or joined.
func TestMatchersFollowIs(t *testing.T) {
	for _, w := range wrappings(goneError{}) {
		assert.True(t, errors.Is(w.err, faseeherr.ErrNotFound), w.name)
		assert.True(t, faseeherr.IsNotFoundError(w.err), w.name)
		assert.False(t, faseeherr.IsValidationError(w.err), w.name)
	}
}
