package faseeherr_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errgen/errgen/generated/faseeherr"
)

// The example bodies of the Faseeh error reference (seed document), copied
// verbatim, pretty-printed as the seed shows them. wireCompact turns them
// into the bytes on the wire.
const (
	seedEnvelopeAuthentication = `{
  "errorCode": 40101,
  "errorMessage": "Invalid API key"
}`
	seedEnvelopeValidation = `{
  "errorCode": 40001,
  "errorMessage": "Text must have at least 3 words and 10 characters"
}`
	seedEnvelopeInsufficientBalance = `{
  "errorCode": 40201,
  "errorMessage": "Insufficient wallet balance. Required: $0.50, Available: $0.25"
}`
	seedEnvelopeModelAccess = `{
  "errorCode": 40301,
  "errorMessage": "This model is not enabled for your account. Please contact support@faseeh.ai to get access."
}`
	seedEnvelopeConcurrencyLimit = `{
  "errorCode": 42901,
  "errorMessage": "Concurrency limit exceeded. Maximum 5 concurrent requests allowed. Current: 6. Please upgrade your plan https://app.faseeh.ai/en/subscription or contact support@faseeh.ai for more information."
}`
	seedEnvelopeInternal = `{
  "errorCode": 50001,
  "errorMessage": "Internal server error"
}`
	seedEnvelopeNotFound = `{
  "errorCode": 40401,
  "errorMessage": "Model not found: faseeh-v2-preview"
}`

	// The two WebSocket error messages of the seed, verbatim.
	seedWSMissingAuthentication = "x-api-key or Authorization header is required. Provide it in query string, headers, or initConnection message."
	seedWSInvalidMessageType    = `Invalid message type. Expected "voice-request"`
)

// Sinks for the allocation tests of this file.
var (
	wireErrSink   error
	wireBytesSink []byte
	wireWSSink    *faseeherr.WebSocketError
)

// wireCompact returns the compact form of a JSON text, as sent on the wire.
func wireCompact(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, json.Compact(&b, []byte(s)))
	return b.String()
}

// wireSanitized returns s as encoding/json decodes it back from a JSON
// string: every byte of invalid UTF-8 becomes U+FFFD.
func wireSanitized(s string) string {
	return string([]rune(s))
}

// wireEnvelope is the envelope as a client decodes it with encoding/json.
type wireEnvelope struct {
	ErrorCode    int    `json:"errorCode"`
	ErrorMessage string `json:"errorMessage"`
}

// wireDecodeEnvelope decodes body strictly: exactly the two fields.
func wireDecodeEnvelope(t testing.TB, body []byte) wireEnvelope {
	t.Helper()
	require.True(t, json.Valid(body), "not valid JSON: %q", body)
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var env wireEnvelope
	require.NoError(t, dec.Decode(&env), "%q", body)
	_, err := dec.Token()
	require.ErrorIs(t, err, io.EOF, "trailing data in %q", body)
	return env
}

// wireRaceEnabled reports whether the test binary was built with -race,
// under which sync.Pool drops items at random on purpose.
func wireRaceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" && s.Value == "true" {
			return true
		}
	}
	return false
}

// wireBodyOf is implemented by the types of the package that keep an
// excerpt of a body that was not the envelope.
type wireBodyOf interface {
	ResponseBody() string
}

// wireBody returns the excerpt a parsed error keeps.
func wireBody(t testing.TB, err error) string {
	t.Helper()
	var u *faseeherr.UnknownError
	if errors.As(err, &u) {
		return u.Body
	}
	b, ok := err.(wireBodyOf)
	require.True(t, ok, "%T has no Body", err)
	return b.ResponseBody()
}

// wireResponse returns a response with status and body, as a client gets it.
func wireResponse(status int, body io.Reader) *http.Response {
	resp := &http.Response{StatusCode: status, Header: http.Header{}}
	if body != nil {
		resp.Body = io.NopCloser(body)
	}
	return resp
}

// wireWriteCase is one error handed to WriteError and what it must write.
type wireWriteCase struct {
	name   string
	err    error
	status int
	body   string
	// secret is text that must not reach the client.
	secret string
}

func wireWriteCases(t testing.TB) []wireWriteCase {
	foreign := errors.New("pq: password authentication failed for user \"admin\"")
	secret := errors.New("secret: dial tcp 10.0.0.7:5432: token=hunter2")
	internalBody := wireCompact(t, seedEnvelopeInternal)
	return []wireWriteCase{
		{name: "Authentication", err: faseeherr.NewAuthenticationError(""), status: 401, body: wireCompact(t, seedEnvelopeAuthentication)},
		{name: "Validation", err: faseeherr.NewValidationError(seedValidationExample), status: 400, body: wireCompact(t, seedEnvelopeValidation)},
		{name: "InsufficientBalance", err: faseeherr.NewInsufficientBalanceError(0.5, 0.25), status: 402, body: wireCompact(t, seedEnvelopeInsufficientBalance)},
		{name: "ModelAccess", err: faseeherr.NewModelAccessError(""), status: 403, body: wireCompact(t, seedEnvelopeModelAccess)},
		{name: "ConcurrencyLimit", err: faseeherr.NewConcurrencyLimitError(5, 6), status: 429, body: wireCompact(t, seedEnvelopeConcurrencyLimit)},
		{name: "Internal", err: faseeherr.NewInternalError(""), status: 500, body: internalBody},
		{name: "Internal502", err: faseeherr.NewInternalError("").WithStatus(502), status: 502, body: internalBody},
		{name: "Internal503", err: faseeherr.NewInternalError("").WithStatus(503), status: 503, body: internalBody},
		{name: "Internal504", err: faseeherr.NewInternalError("").WithStatus(504), status: 504, body: internalBody},
		{name: "NotFound", err: faseeherr.NewNotFoundError(seedNotFoundExample), status: 404, body: wireCompact(t, seedEnvelopeNotFound)},
		{name: "NotFoundDefault", err: faseeherr.NewNotFoundError(""), status: 404, body: `{"errorCode":40401,"errorMessage":"Not Found"}`},
		{name: "ValidationDefault", err: faseeherr.NewValidationError(""), status: 400, body: `{"errorCode":40001,"errorMessage":"Bad Request"}`},
		{name: "ErrNotFound", err: faseeherr.ErrNotFound, status: 404, body: `{"errorCode":40401,"errorMessage":"Not Found"}`},
		{name: "ErrAuthentication", err: faseeherr.ErrAuthentication, status: 401, body: wireCompact(t, seedEnvelopeAuthentication)},
		{name: "ErrInternal", err: faseeherr.ErrInternal, status: 500, body: internalBody},
		{name: "ErrInsufficientBalance", err: faseeherr.ErrInsufficientBalance, status: 402, body: `{"errorCode":40201,"errorMessage":"Insufficient wallet balance. Required: ${required}, Available: ${available}"}`},
		{name: "Unknown", err: &faseeherr.UnknownError{Code: 40901, Status: 409, Message: "Conflict: voice exists"}, status: 409, body: `{"errorCode":40901,"errorMessage":"Conflict: voice exists"}`},
		{name: "Foreign", err: foreign, status: 500, body: internalBody, secret: foreign.Error()},
		{name: "InternalWithCause", err: faseeherr.NewInternalError("").WithCause(secret), status: 500, body: internalBody, secret: secret.Error()},
		{name: "ValidationWithCause", err: faseeherr.NewValidationError(seedValidationExample).WithCause(secret), status: 400, body: wireCompact(t, seedEnvelopeValidation), secret: secret.Error()},
		{name: "NotFoundWithForeignCause", err: faseeherr.NewNotFoundError(seedNotFoundExample).WithCause(foreign), status: 404, body: wireCompact(t, seedEnvelopeNotFound), secret: foreign.Error()},
	}
}

func TestWriteError(t *testing.T) {
	for _, tc := range wireWriteCases(t) {
		for _, w := range wrappings(tc.err) {
			t.Run(tc.name+"/"+w.name, func(t *testing.T) {
				rec := httptest.NewRecorder()
				// A Content-Type set before is replaced; other headers stay.
				rec.Header().Set("Content-Type", "text/html; charset=utf-8")
				rec.Header().Set("X-Request-Id", "req-1")
				faseeherr.WriteError(rec, w.err)

				assert.Equal(t, tc.status, rec.Code)
				assert.Equal(t, []string{"application/json"}, rec.Header()["Content-Type"])
				assert.Equal(t, "req-1", rec.Header().Get("X-Request-Id"))
				assert.Equal(t, tc.body, rec.Body.String())

				env := wireDecodeEnvelope(t, rec.Body.Bytes())
				assert.NotZero(t, env.ErrorCode)
				assert.NotEmpty(t, env.ErrorMessage)

				// The same bytes come from AppendError, and the status from
				// HTTPStatus.
				assert.Equal(t, tc.body, string(faseeherr.AppendError(nil, w.err)))
				assert.Equal(t, tc.body, string(faseeherr.AppendError([]byte("prefix"), w.err))[len("prefix"):])
				assert.Equal(t, tc.status, faseeherr.HTTPStatus(w.err))

				if tc.secret != "" {
					for _, leak := range []string{tc.secret, "pq:", "password", "admin", "hunter2", "10.0.0.7", "secret"} {
						assert.NotContains(t, rec.Body.String(), leak)
						for k, vs := range rec.Header() {
							assert.NotContains(t, k+strings.Join(vs, ","), leak)
						}
					}
				}
				// Nothing from the wrapping reaches the client either.
				assert.NotContains(t, rec.Body.String(), "ctx:")
				assert.NotContains(t, rec.Body.String(), "unrelated")
			})
		}
	}
}

// TestWriteErrorRoundTrip sends every error through a real HTTP server and
// parses it back: an error parsed from the wire equals the one sent.
func TestWriteErrorRoundTrip(t *testing.T) {
	sent := []faseeherr.Error{
		faseeherr.NewAuthenticationError(""),
		faseeherr.NewValidationError(seedValidationExample),
		faseeherr.NewInsufficientBalanceError(0.5, 0.25),
		faseeherr.NewInsufficientBalanceError(12.34, 0),
		faseeherr.NewModelAccessError(""),
		faseeherr.NewConcurrencyLimitError(5, 6),
		faseeherr.NewConcurrencyLimitError(20, 21),
		faseeherr.NewInternalError(""),
		faseeherr.NewInternalError("ElevenLabs is down").WithStatus(502),
		faseeherr.NewInternalError("").WithStatus(503),
		faseeherr.NewInternalError("").WithStatus(504),
		faseeherr.NewNotFoundError(seedNotFoundExample),
		faseeherr.NewValidationError("quotes \" backslash \\ newline \n tab \t emoji 😀 <b>&amp;</b> \u2028"),
		&faseeherr.UnknownError{Code: 40901, Status: 409, Message: "Conflict"},
	}
	var mu sync.Mutex
	var next faseeherr.Error
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		e := next
		mu.Unlock()
		faseeherr.WriteError(w, fmt.Errorf("handler: %w", e))
	}))
	defer srv.Close()

	for _, e := range sent {
		t.Run(fmt.Sprintf("%T/%d", e, e.HTTPStatus()), func(t *testing.T) {
			mu.Lock()
			next = e
			mu.Unlock()
			resp, err := srv.Client().Get(srv.URL)
			require.NoError(t, err)
			defer func() { assert.NoError(t, resp.Body.Close()) }()
			assert.Equal(t, e.HTTPStatus(), resp.StatusCode)
			assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))

			got := faseeherr.FromResponse(resp)
			require.Error(t, got)
			assert.Equal(t, e, got)
			assert.IsType(t, e, got)
		})
	}

	// The NotFound alias, 50001 with 404, is parsed as a NotFoundError,
	// which is sent as what it is, 40401 with 404, and reads back the same
	// but for the code it was received with.
	alias := faseeherr.Parse(404, []byte(`{"errorCode":50001,"errorMessage":"Voice not found"}`))
	rec := httptest.NewRecorder()
	faseeherr.WriteError(rec, alias)
	assert.Equal(t, 404, rec.Code)
	assert.Equal(t, `{"errorCode":40401,"errorMessage":"Voice not found"}`, rec.Body.String())
	again := faseeherr.Parse(rec.Code, rec.Body.Bytes())
	assert.Equal(t, faseeherr.NewNotFoundError("Voice not found"), again)
	assert.Equal(t, faseeherr.CodeNotFound, again.(*faseeherr.NotFoundError).ReceivedCode())
	assert.Equal(t, faseeherr.Code(50001), alias.(*faseeherr.NotFoundError).ReceivedCode())
}

// TestWriteErrorConcurrent writes from many goroutines, so that -race sees
// the shared buffer pool in use.
func TestWriteErrorConcurrent(t *testing.T) {
	cases := wireWriteCases(t)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				tc := cases[(g+i)%len(cases)]
				rec := httptest.NewRecorder()
				faseeherr.WriteError(rec, tc.err)
				if rec.Code != tc.status || rec.Body.String() != tc.body {
					select {
					case errs <- fmt.Sprintf("%s: got %d %q", tc.name, rec.Code, rec.Body.String()):
					default:
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestMarshalJSONMatchesAppendError(t *testing.T) {
	values := []faseeherr.Error{
		faseeherr.NewAuthenticationError(""),
		faseeherr.NewValidationError(seedValidationExample),
		faseeherr.NewInsufficientBalanceError(0.5, 0.25),
		faseeherr.NewModelAccessError(""),
		faseeherr.NewConcurrencyLimitError(5, 6),
		faseeherr.NewInternalError("").WithStatus(503),
		faseeherr.NewNotFoundError(seedNotFoundExample),
		&faseeherr.InsufficientBalanceError{},
		&faseeherr.UnknownError{Code: 40901, Status: 409, Message: "Conflict"},
		&faseeherr.UnknownError{Code: 7},
	}
	for _, e := range values {
		t.Run(fmt.Sprintf("%T", e), func(t *testing.T) {
			got, err := json.Marshal(e)
			require.NoError(t, err)
			assert.Equal(t, string(faseeherr.AppendError(nil, e)), string(got))
			// AppendError appends.
			assert.Equal(t, "xyz"+string(got), string(faseeherr.AppendError([]byte("xyz"), e)))

			env := wireDecodeEnvelope(t, got)
			assert.Equal(t, int(e.ErrorCode()), env.ErrorCode)
			assert.Equal(t, e.ErrorMessage(), env.ErrorMessage)

			// Inside another value, the error is its envelope.
			outer, err := json.Marshal(struct {
				Error any `json:"error"`
			}{e})
			require.NoError(t, err)
			assert.Equal(t, `{"error":`+string(got)+`}`, string(outer))
		})
	}

	// The sentinels marshal as the error they stand for.
	for _, tc := range errorCases() {
		got, err := json.Marshal(tc.sentinel)
		require.NoError(t, err, tc.name)
		assert.Equal(t, string(faseeherr.AppendError(nil, tc.sentinel)), string(got), tc.name)
		env := wireDecodeEnvelope(t, got)
		assert.Equal(t, tc.codeValue, env.ErrorCode, tc.name)
		assert.Equal(t, tc.sentinel.ErrorMessage(), env.ErrorMessage, tc.name)
	}
}

// wireTrickyMessages are messages whose JSON encoding needs care.
var wireTrickyMessages = []string{
	`say "hi" and "bye"`,
	`C:\path\to\file \\ \" \n`,
	"controls \x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1f DEL \x7f end",
	"newline \n carriage \r tab \t",
	"<script>alert('x')</script> & &amp; < >",
	"line\u2028separator\u2029paragraph",
	"invalid \xff\xfe utf8 \xc3 truncated \xe2\x82",
	"surrogate half \xed\xa0\x80 encoded",
	"overlong \xc0\xaf slash",
	"emoji 😀 👍🏽 🇸🇦 👨‍👩‍👧",
	"عربي فصيح",
	"replacement char \ufffd itself",
	"\x00",
	"/ slash and \u007f",
}

func TestAppendErrorEscaping(t *testing.T) {
	for _, msg := range wireTrickyMessages {
		for _, tc := range errorCases() {
			e := tc.newWithMessage(msg)
			t.Run(fmt.Sprintf("%s/%q", tc.name, msg), func(t *testing.T) {
				body := faseeherr.AppendError(nil, e)
				require.True(t, json.Valid(body), "%q", body)
				assert.True(t, utf8.Valid(body), "the body is valid UTF-8: %q", body)
				// U+2028 and U+2029 are escaped, so the body is valid JavaScript.
				assert.NotContains(t, string(body), "\u2028")
				assert.NotContains(t, string(body), "\u2029")
				for _, c := range body {
					assert.GreaterOrEqual(t, c, byte(' '), "raw control byte in %q", body)
				}

				env := wireDecodeEnvelope(t, body)
				assert.Equal(t, tc.codeValue, env.ErrorCode)
				assert.Equal(t, wireSanitized(msg), env.ErrorMessage)

				// The package's own client reads back the same message.
				parsed := faseeherr.Parse(tc.status, body)
				require.Error(t, parsed)
				assert.Equal(t, wireSanitized(msg), parsed.(faseeherr.Error).ErrorMessage())
				assert.Equal(t, tc.code, parsed.(faseeherr.Error).ErrorCode())

				// json.Marshal gives the same bytes, except that it escapes
				// <, > and & for HTML, which AppendError leaves as they are.
				marshalled, err := json.Marshal(e)
				require.NoError(t, err)
				html := strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`).Replace(string(body))
				assert.Equal(t, html, string(marshalled))
				if !strings.ContainsAny(msg, "<>&") {
					assert.Equal(t, string(body), string(marshalled))
				}
			})
		}
	}
}

// TestAppendErrorLikeEncodingJSON compares the bytes with those of
// encoding/json with HTML escaping off, byte for byte.
func TestAppendErrorLikeEncodingJSON(t *testing.T) {
	for _, msg := range wireTrickyMessages {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(wireEnvelope{ErrorCode: 40001, ErrorMessage: msg}))
		want := strings.TrimSuffix(b.String(), "\n")
		got := faseeherr.AppendError(nil, faseeherr.NewValidationError(msg))
		assert.Equal(t, want, string(got), "%q", msg)
	}
}

func TestParseKnownCodes(t *testing.T) {
	type parseCase struct {
		status int
		body   string
		want   error
	}
	cases := []parseCase{
		{401, seedEnvelopeAuthentication, faseeherr.NewAuthenticationError("")},
		{400, seedEnvelopeValidation, faseeherr.NewValidationError(seedValidationExample)},
		{402, seedEnvelopeInsufficientBalance, faseeherr.NewInsufficientBalanceError(0.5, 0.25)},
		{403, seedEnvelopeModelAccess, faseeherr.NewModelAccessError("")},
		{429, seedEnvelopeConcurrencyLimit, faseeherr.NewConcurrencyLimitError(5, 6)},
		{500, seedEnvelopeInternal, faseeherr.NewInternalError("")},
		{502, seedEnvelopeInternal, faseeherr.NewInternalError("").WithStatus(502)},
		{503, seedEnvelopeInternal, faseeherr.NewInternalError("").WithStatus(503)},
		{504, seedEnvelopeInternal, faseeherr.NewInternalError("").WithStatus(504)},
		{404, seedEnvelopeNotFound, faseeherr.NewNotFoundError(seedNotFoundExample)},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%d", tc.status), func(t *testing.T) {
			got := faseeherr.Parse(tc.status, []byte(tc.body))
			assert.Equal(t, tc.want, got)
			fromResp := faseeherr.FromResponse(wireResponse(tc.status, strings.NewReader(tc.body)))
			assert.Equal(t, tc.want, fromResp)
			assert.Empty(t, wireBody(t, got), "an envelope keeps no excerpt")
		})
	}

	// The seed's params are read back out of the messages.
	b, ok := faseeherr.Parse(402, []byte(seedEnvelopeInsufficientBalance)).(*faseeherr.InsufficientBalanceError)
	require.True(t, ok)
	assert.Equal(t, 0.5, b.Required)
	assert.Equal(t, 0.25, b.Available)
	assert.Equal(t, seedInsufficientBalanceExample, b.ErrorMessage())
	assert.Empty(t, b.Message, "the template with the params read gives the message back")

	c, ok := faseeherr.Parse(429, []byte(seedEnvelopeConcurrencyLimit)).(*faseeherr.ConcurrencyLimitError)
	require.True(t, ok)
	assert.Equal(t, 5, c.Max)
	assert.Equal(t, 6, c.Current)
	assert.Equal(t, seedConcurrencyLimitExample, c.ErrorMessage())
	assert.Empty(t, c.Message)

	// A known code with another status keeps the type and the received
	// status.
	for _, status := range []int{400, 403, 418, 500, 503} {
		got := faseeherr.Parse(status, []byte(seedEnvelopeInsufficientBalance))
		e, ok := got.(*faseeherr.InsufficientBalanceError)
		require.True(t, ok, "%d: %T", status, got)
		assert.Equal(t, status, e.HTTPStatus())
		assert.Equal(t, faseeherr.CodeInsufficientBalance, e.ErrorCode())
		assert.Equal(t, seedInsufficientBalanceExample, e.ErrorMessage())
		assert.Equal(t, 0.5, e.Required)
		assert.True(t, errors.Is(got, faseeherr.ErrInsufficientBalance))

		v, ok := faseeherr.Parse(status, []byte(seedEnvelopeValidation)).(*faseeherr.ValidationError)
		require.True(t, ok)
		assert.Equal(t, status, v.HTTPStatus())
		assert.Equal(t, seedValidationExample, v.Message)
	}

	// The message is kept as sent, escapes decoded.
	got := faseeherr.Parse(400, []byte(`{"errorCode":40001,"errorMessage":"line\nbreak \"q\" \\ \/ \u00e9 \ud83d\ude00 \u2028"}`))
	assert.Equal(t, &faseeherr.ValidationError{Message: "line\nbreak \"q\" \\ / é 😀 \u2028"}, got)
	// Raw invalid UTF-8 and lone surrogates become U+FFFD, as with encoding/json.
	got = faseeherr.Parse(400, []byte("{\"errorCode\":40001,\"errorMessage\":\"a\xffb \\ud800 c\"}"))
	assert.Equal(t, "a\ufffdb \ufffd c", got.(*faseeherr.ValidationError).Message)
	// Fields in any order, any case, with whitespace and extra members.
	got = faseeherr.Parse(400, []byte(" {\n\t\"extra\": [1, {\"a\": null}],\r\n \"ERRORMESSAGE\" : \"m\" , \"errorcode\" : 40001 } \n"))
	assert.Equal(t, &faseeherr.ValidationError{Message: "m"}, got)
	// A missing message falls back to the default.
	got = faseeherr.Parse(400, []byte(`{"errorCode":40001}`))
	assert.Equal(t, "Bad Request", got.(faseeherr.Error).ErrorMessage())
}

func TestParseNotFoundAlias(t *testing.T) {
	body := []byte(`{"errorCode":50001,"errorMessage":"Model not found: faseeh-v2-preview"}`)

	got := faseeherr.Parse(404, body)
	nf, ok := got.(*faseeherr.NotFoundError)
	require.True(t, ok, "%T", got)
	// The type and the code tell one story; the code received has a name
	// of its own.
	assert.Equal(t, faseeherr.CodeNotFound, nf.ErrorCode())
	assert.Equal(t, faseeherr.Code(50001), nf.ReceivedCode())
	assert.Equal(t, 404, nf.HTTPStatus())
	assert.Equal(t, seedNotFoundExample, nf.Message)
	assert.True(t, errors.Is(got, faseeherr.ErrNotFound))
	assert.False(t, errors.Is(got, faseeherr.ErrInternal))
	assert.True(t, faseeherr.IsNotFoundError(got))
	assert.False(t, faseeherr.IsInternalError(got))
	assert.False(t, faseeherr.Retryable(got))
	code, ok := faseeherr.CodeOf(got)
	assert.True(t, ok)
	assert.Equal(t, faseeherr.CodeNotFound, code)
	assert.Equal(t, "NotFoundError", code.String())

	for _, status := range []int{500, 502, 503, 504} {
		got = faseeherr.Parse(status, body)
		ie, ok := got.(*faseeherr.InternalError)
		require.True(t, ok, "%d: %T", status, got)
		assert.Equal(t, faseeherr.CodeInternal, ie.ErrorCode())
		assert.Equal(t, status, ie.HTTPStatus())
		assert.Equal(t, seedNotFoundExample, ie.Message)
		assert.False(t, faseeherr.IsNotFoundError(got))
		assert.True(t, faseeherr.Retryable(got))
	}

	// 40401 is a NotFoundError with its own code.
	got = faseeherr.Parse(404, []byte(seedEnvelopeNotFound))
	assert.Equal(t, faseeherr.CodeNotFound, got.(faseeherr.Error).ErrorCode())
}

func TestParseUnknownCode(t *testing.T) {
	got := faseeherr.Parse(409, []byte(`{"errorCode":40901,"errorMessage":"Voice already exists"}`))
	assert.Equal(t, &faseeherr.UnknownError{Code: 40901, Status: 409, Message: "Voice already exists"}, got)

	got = faseeherr.Parse(503, []byte(`{"errorCode":-1,"errorMessage":""}`))
	assert.Equal(t, &faseeherr.UnknownError{Code: -1, Status: 503}, got)
	assert.Equal(t, http.StatusText(http.StatusServiceUnavailable), got.(faseeherr.Error).ErrorMessage())
	assert.True(t, faseeherr.Retryable(got))

	got = faseeherr.Parse(400, []byte(`{"errorCode":9223372036854775807,"errorMessage":"big"}`))
	assert.Equal(t, &faseeherr.UnknownError{Code: 9223372036854775807, Status: 400, Message: "big"}, got)

	// A status beyond the HTTP error range is kept as received.
	got = faseeherr.Parse(799, []byte(`{"errorCode":1,"errorMessage":"odd"}`))
	assert.Equal(t, &faseeherr.UnknownError{Code: 1, Status: 799, Message: "odd"}, got)
	assert.Equal(t, 500, got.(faseeherr.Error).HTTPStatus())
}

func TestParseParamsMismatch(t *testing.T) {
	balance := []string{
		"Insufficient wallet balance. Required: $0.5, Available: $0.25",
		"Insufficient wallet balance. Required: $abc, Available: $0.25",
		"Insufficient wallet balance. Required: $0.50, Available: $0.25 today",
		"Insufficient wallet balance. Required: 0.50, Available: 0.25",
		"Insufficient wallet balance. Required: $+0.50, Available: $0.25",
		"Insufficient wallet balance",
		"Your wallet is empty",
	}
	for _, msg := range balance {
		body, err := json.Marshal(wireEnvelope{ErrorCode: 40201, ErrorMessage: msg})
		require.NoError(t, err)
		got, ok := faseeherr.Parse(402, body).(*faseeherr.InsufficientBalanceError)
		require.True(t, ok, msg)
		assert.Equal(t, msg, got.Message)
		assert.Equal(t, msg, got.ErrorMessage())
		assert.Zero(t, got.Required, msg)
		assert.Zero(t, got.Available, msg)
	}
	concurrency := []string{
		"Concurrency limit exceeded. Maximum 5 concurrent requests allowed. Current: 6.",
		"Concurrency limit exceeded. Maximum five concurrent requests allowed. Current: 6. Please upgrade your plan https://app.faseeh.ai/en/subscription or contact support@faseeh.ai for more information.",
		"Concurrency limit exceeded. Maximum +5 concurrent requests allowed. Current: 6. Please upgrade your plan https://app.faseeh.ai/en/subscription or contact support@faseeh.ai for more information.",
		"Concurrency limit exceeded. Maximum 05 concurrent requests allowed. Current: 6. Please upgrade your plan https://app.faseeh.ai/en/subscription or contact support@faseeh.ai for more information.",
		"Too many requests",
	}
	for _, msg := range concurrency {
		body, err := json.Marshal(wireEnvelope{ErrorCode: 42901, ErrorMessage: msg})
		require.NoError(t, err)
		got, ok := faseeherr.Parse(429, body).(*faseeherr.ConcurrencyLimitError)
		require.True(t, ok, msg)
		assert.Equal(t, msg, got.Message)
		assert.Zero(t, got.Max, msg)
		assert.Zero(t, got.Current, msg)
	}

	// Other values that match the template are read back.
	got := faseeherr.Parse(402, faseeherr.AppendError(nil, faseeherr.NewInsufficientBalanceError(1234.5, 0.01))).(*faseeherr.InsufficientBalanceError)
	assert.Equal(t, 1234.5, got.Required)
	assert.Equal(t, 0.01, got.Available)
	cl := faseeherr.Parse(429, faseeherr.AppendError(nil, faseeherr.NewConcurrencyLimitError(20, 1000))).(*faseeherr.ConcurrencyLimitError)
	assert.Equal(t, 20, cl.Max)
	assert.Equal(t, 1000, cl.Current)
}

// TestParseNonEnvelope: a body that is not the envelope is resolved by its
// status, never panics and keeps an excerpt.
// TestParseWrongKinds checks that a member of the wrong kind costs only
// itself: a message that is not a string leaves the code to tell the
// error, and a code that is not a number leaves the message and the status.
func TestParseWrongKinds(t *testing.T) {
	got := faseeherr.Parse(402, []byte(`{"errorCode":40201,"errorMessage":5}`))
	ib, ok := got.(*faseeherr.InsufficientBalanceError)
	require.True(t, ok, "%T", got)
	assert.Equal(t, unrenderedInsufficientBalance, ib.ErrorMessage())
	assert.Empty(t, ib.ResponseBody())

	body := `{"errorCode":"40201","errorMessage":"Out of credit"}`
	got = faseeherr.Parse(402, []byte(body))
	ib, ok = got.(*faseeherr.InsufficientBalanceError)
	require.True(t, ok, "%T", got)
	assert.Equal(t, "Out of credit", ib.ErrorMessage())
	assert.Equal(t, body, ib.ResponseBody())

	got = faseeherr.Parse(409, []byte(body))
	assert.Equal(t, &faseeherr.UnknownError{Status: 409, Message: "Out of credit", Body: body}, got)
}

func TestParseNonEnvelope(t *testing.T) {
	html := "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
	bodies := map[string]string{
		"html":          html,
		"plain":         "upstream connect error or disconnect/reset before headers. reset reason: connection termination",
		"empty":         "",
		"space":         " \n\t ",
		"truncated":     `{"errorCode":4020`,
		"truncatedMsg":  `{"errorCode":40201,"errorMessage":"Insufficient`,
		"stringCode":    `{"errorCode":"40201","errorMessage":"x"}`,
		"floatCode":     `{"errorCode":40201.5,"errorMessage":"x"}`,
		"expCode":       `{"errorCode":4.0201e4,"errorMessage":"x"}`,
		"overflowCode":  `{"errorCode":99999999999999999999,"errorMessage":"x"}`,
		"boolCode":      `{"errorCode":true}`,
		"nullCode":      `{"errorCode":null,"errorMessage":"x"}`,
		"noCode":        `{"errorMessage":"x"}`,
		"invalidUTF8":   "\xff\xfe\xfd not json \xc3",
		"array":         `[{"errorCode":40201,"errorMessage":"x"}]`,
		"null":          `null`,
		"number":        `40201`,
		"string":        `"40201"`,
		"object":        `{}`,
		"trailing":      `{"errorCode":40201,"errorMessage":"x"} trailing`,
		"twoObjects":    `{"errorCode":40201,"errorMessage":"x"}{"errorCode":40201,"errorMessage":"x"}`,
		"trailingComma": `{"errorCode":40201,"errorMessage":"x",}`,
		"bom":           "\xef\xbb\xbf{\"errorCode\":40201,\"errorMessage\":\"x\"}",
		"rawControl":    "{\"errorCode\":40201,\"errorMessage\":\"a\tb\"}",
		"badEscape":     `{"errorCode":40201,"errorMessage":"\x41"}`,
		"shortUnicode":  `{"errorCode":40201,"errorMessage":"\u12"}`,
		"singleQuotes":  `{'errorCode':40201}`,
		"bareKeys":      `{errorCode:40201}`,
		"nested":        `{"x":` + strings.Repeat("[", 100000),
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			excerpt := body
			if len(excerpt) > 512 {
				excerpt = excerpt[:512]
			}

			var got error
			require.NotPanics(t, func() { got = faseeherr.Parse(502, []byte(body)) })
			ie, ok := got.(*faseeherr.InternalError)
			require.True(t, ok, "%T", got)
			assert.Equal(t, 502, ie.HTTPStatus())
			assert.Equal(t, faseeherr.CodeInternal, ie.ErrorCode())
			assert.Equal(t, excerpt, ie.ResponseBody())
			assert.NotEmpty(t, ie.ErrorMessage())

			require.NotPanics(t, func() { got = faseeherr.Parse(404, []byte(body)) })
			nf, ok := got.(*faseeherr.NotFoundError)
			require.True(t, ok, "%T", got)
			assert.Equal(t, 404, nf.HTTPStatus())
			assert.Equal(t, faseeherr.CodeNotFound, nf.ErrorCode())
			assert.Equal(t, excerpt, nf.ResponseBody())

			require.NotPanics(t, func() { got = faseeherr.Parse(402, []byte(body)) })
			ib, ok := got.(*faseeherr.InsufficientBalanceError)
			require.True(t, ok, "%T", got)
			assert.Equal(t, excerpt, ib.ResponseBody())
			assert.Zero(t, ib.Required)
			assert.Zero(t, ib.Available)

			require.NotPanics(t, func() { got = faseeherr.Parse(418, []byte(body)) })
			ue, ok := got.(*faseeherr.UnknownError)
			require.True(t, ok, "%T", got)
			assert.Equal(t, 418, ue.Status)
			assert.Equal(t, faseeherr.Code(0), ue.Code)
			assert.Equal(t, excerpt, ue.Body)
			assert.NotEmpty(t, ue.ErrorMessage())

			require.NotPanics(t, func() {
				got = faseeherr.FromResponse(wireResponse(502, strings.NewReader(body)))
			})
			assert.IsType(t, &faseeherr.InternalError{}, got)
			assert.Equal(t, 502, got.(faseeherr.Error).HTTPStatus())
			assert.Equal(t, excerpt, wireBody(t, got))
		})
	}

	// Every status that one error claims gives that error.
	for status, want := range map[int]faseeherr.Error{
		400: faseeherr.ErrValidation, 401: faseeherr.ErrAuthentication, 402: faseeherr.ErrInsufficientBalance,
		403: faseeherr.ErrModelAccess, 404: faseeherr.ErrNotFound, 429: faseeherr.ErrConcurrencyLimit,
		500: faseeherr.ErrInternal, 502: faseeherr.ErrInternal, 503: faseeherr.ErrInternal, 504: faseeherr.ErrInternal,
	} {
		got := faseeherr.Parse(status, []byte(html))
		assert.True(t, errors.Is(got, want), "%d: %T", status, got)
		assert.Equal(t, status, got.(faseeherr.Error).HTTPStatus())
		assert.Equal(t, want.ErrorCode(), got.(faseeherr.Error).ErrorCode())
		assert.Equal(t, html, wireBody(t, got))
	}
	// Others give an UnknownError.
	for _, status := range []int{405, 409, 413, 418, 422, 451, 501, 505, 599} {
		got := faseeherr.Parse(status, []byte(html))
		assert.Equal(t, &faseeherr.UnknownError{Status: status, Body: html}, got)
	}
}

func TestParseExcerptBounded(t *testing.T) {
	big := "<!DOCTYPE html><html><body>" + strings.Repeat("<p>Service Unavailable</p>", 4000) + "</body></html>"
	got := faseeherr.Parse(503, []byte(big))
	body := wireBody(t, got)
	assert.LessOrEqual(t, len(body), 512)
	assert.Equal(t, big[:512], body)

	// The cut falls on a rune boundary.
	for prefix := 0; prefix < 4; prefix++ {
		for _, r := range []string{"é", "€", "😀"} {
			s := strings.Repeat("a", prefix) + strings.Repeat(r, 400)
			got := faseeherr.Parse(418, []byte(s))
			ex := got.(*faseeherr.UnknownError).Body
			assert.LessOrEqual(t, len(ex), 512)
			assert.Greater(t, len(ex), 512-utf8.UTFMax)
			assert.True(t, utf8.ValidString(ex), "%d %q", prefix, r)
			assert.True(t, strings.HasPrefix(s, ex))
		}
	}

	// A body with no rune start near the cut is still bounded.
	junk := bytes.Repeat([]byte{0x80}, 2000)
	ex := faseeherr.Parse(418, junk).(*faseeherr.UnknownError).Body
	assert.LessOrEqual(t, len(ex), 512)
	assert.True(t, strings.HasPrefix(string(junk), ex))
}

func TestParseBelow400(t *testing.T) {
	for _, status := range []int{-1, 0, 100, 200, 204, 301, 304, 399} {
		assert.NoError(t, faseeherr.Parse(status, []byte(seedEnvelopeInternal)), status)
		assert.NoError(t, faseeherr.Parse(status, nil), status)
		assert.NoError(t, faseeherr.FromResponse(wireResponse(status, strings.NewReader(seedEnvelopeInternal))), status)
		assert.NoError(t, faseeherr.FromResponse(wireResponse(status, nil)), status)
	}
	assert.Error(t, faseeherr.Parse(400, nil))
}

// wireStdlibEnvelope is what encoding/json makes of a body, for comparison
// with Parse.
type wireStdlibEnvelope struct {
	ErrorCode    *int    `json:"errorCode"`
	ErrorMessage *string `json:"errorMessage"`
}

// wireCheckLikeStdlib checks that Parse decodes body as json.Unmarshal does:
// where json.Unmarshal fails or finds no code, Parse resolves by status.
func wireCheckLikeStdlib(t *testing.T, body []byte) {
	t.Helper()
	var env wireStdlibEnvelope
	stdErr := json.Unmarshal(body, &env)
	// Like json.Unmarshal, Parse goes on past a member of the wrong kind.
	var typeErr *json.UnmarshalTypeError
	if errors.As(stdErr, &typeErr) {
		stdErr = nil
	}
	var got error
	require.NotPanics(t, func() { got = faseeherr.Parse(418, body) }, "%q", body)
	require.Error(t, got)
	if stdErr == nil && env.ErrorCode != nil {
		e, ok := got.(faseeherr.Error)
		require.True(t, ok)
		assert.Equal(t, faseeherr.Code(*env.ErrorCode), e.ErrorCode(), "%q", body)
		assert.Equal(t, 418, e.HTTPStatus(), "%q", body)
		if env.ErrorMessage != nil && *env.ErrorMessage != "" {
			assert.Equal(t, *env.ErrorMessage, e.ErrorMessage(), "%q", body)
		}
		return
	}
	u, ok := got.(*faseeherr.UnknownError)
	require.True(t, ok, "%q: encoding/json: %v, code %v; Parse gave %T %v", body, stdErr, env.ErrorCode, got, got)
	assert.Equal(t, faseeherr.Code(0), u.Code, "%q", body)
	assert.Equal(t, 418, u.Status)
	if len(body) <= 512 {
		assert.Equal(t, string(body), u.Body)
	}
	if stdErr == nil && env.ErrorMessage != nil {
		assert.Equal(t, *env.ErrorMessage, u.Message, "%q", body)
	}
}

// TestParseLikeEncodingJSON checks Parse against encoding/json on valid,
// invalid and odd bodies, and on every prefix of some of them.
func TestParseLikeEncodingJSON(t *testing.T) {
	nest := func(n int) string {
		return `{"x":` + strings.Repeat("[", n-1) + strings.Repeat("]", n-1) + `,"errorCode":40001,"errorMessage":"deep"}`
	}
	bodies := []string{
		seedEnvelopeAuthentication, seedEnvelopeValidation, seedEnvelopeInsufficientBalance,
		seedEnvelopeModelAccess, seedEnvelopeConcurrencyLimit, seedEnvelopeInternal, seedEnvelopeNotFound,
		`{"errorCode":40001,"errorMessage":"x"}`,
		`{"ERRORCODE":40001,"ErrorMessage":"x"}`,
		`{"errorcode":40001,"errorCode":40101}`,
		`{"errorCode":40001,"errorCode":null}`,
		`{"errorCode":null,"errorCode":40001}`,
		`{"errorCode":40001,"errorMessage":"x","errorMessage":"y"}`,
		`{"errorCode":40001,"errorMessage":null}`,
		`{"error\u0043ode":40001}`,
		`{"errorMe\u017f\u017fage":"long s","errorCode":40001}`,
		`{"errorMeſſage":"long s raw","errorCode":40001}`,
		`{"errorCode\u0000":40001}`,
		`{"errorCode":-0}`,
		`{"errorCode":0}`,
		`{"errorCode":01}`,
		`{"errorCode":+1}`,
		`{"errorCode":-}`,
		`{"errorCode":1e2}`,
		`{"errorCode":1E2}`,
		`{"errorCode":40001.0}`,
		`{"errorCode":9223372036854775807}`,
		`{"errorCode":-9223372036854775808}`,
		`{"errorCode":9223372036854775808}`,
		`{"errorCode":99999999999999999999}`,
		`{"errorCode":"40001"}`,
		`{"errorCode":[40001]}`,
		`{"errorCode":{"v":40001}}`,
		`{"errorCode":40001,"errorMessage":"a\u0000b"}`,
		`{"errorCode":40001,"errorMessage":"\ud800"}`,
		`{"errorCode":40001,"errorMessage":"\ud800\u0041"}`,
		`{"errorCode":40001,"errorMessage":"\udc00\ud800"}`,
		`{"errorCode":40001,"errorMessage":"\ud800\ud800\udc00"}`,
		`{"errorCode":40001,"errorMessage":"\ud83d\ude00 \uD83D\uDE00"}`,
		`{"errorCode":40001,"errorMessage":"\ud83d"}`,
		`{"errorCode":40001,"errorMessage":"\ud83d\"}`,
		`{"errorCode":40001,"errorMessage":"\ud83d\u"}`,
		`{"errorCode":40001,"errorMessage":"\ud83d\uzzzz"}`,
		`{"errorCode":40001,"errorMessage":"\b\f\n\r\t\/\\\""}`,
		"{\"errorCode\":40001,\"errorMessage\":\"a\xffb\xed\xa0\x80c\"}",
		"{\"errorCode\":40001,\"errorMessage\":\"tab\there\"}",
		"{\"errorCode\":40001,\"errorMessage\":\"del\x7fok\"}",
		`{"errorCode":40001,"errorMessage":"\x"}`,
		`{"errorCode":40001,"errorMessage":"\u12"}`,
		`{"errorCode":40001,"errorMessage":"\u12G4"}`,
		`{"errorCode":40001,}`,
		`{,"errorCode":40001}`,
		`{"errorCode":40001} x`,
		" \t\r\n{\"errorCode\":40001} \t\r\n",
		"\u00a0{\"errorCode\":40001}",
		"\xef\xbb\xbf{\"errorCode\":40001}",
		`{"x":[1,{"y":null,"z":[true,false]}],"errorCode":40001,"w":"v"}`,
		`{"x":[1,],"errorCode":40001}`,
		`{"x":[,1],"errorCode":40001}`,
		`{"x":tru,"errorCode":40001}`,
		`{"x":nul,"errorCode":40001}`,
		`{"x":True,"errorCode":40001}`,
		`{"x":1e,"errorCode":40001}`,
		`{"x":1.,"errorCode":40001}`,
		`{"x":.5,"errorCode":40001}`,
		`{"x":-,"errorCode":40001}`,
		`{"x":1.5e+10,"errorCode":40001}`,
		`{"x":-0.0e-0,"errorCode":40001}`,
		`{"x":{"errorCode":40101},"errorCode":40001}`,
		`{"x":{"errorCode":40101}}`,
		`{"x":"\u0000","errorCode":40001}`,
		`{"errorCode":40001,"errorMessage":"x"}{}`,
		`{"errorCode" 40001}`,
		`{"errorCode":40001 "errorMessage":"x"}`,
		`{errorCode:40001}`,
		`{"errorCode":40001`,
		`{"errorCode":`,
		`{"errorCode"`,
		`{"`,
		`{`,
		`}`,
		`null`,
		` null `,
		`nul`,
		`[]`,
		`""`,
		`40001`,
		`true`,
		`{}`,
		``,
		` `,
		nest(9999), nest(10000), nest(10001),
		`{"x":` + strings.Repeat("[", 100000),
		`{"x":` + strings.Repeat(`{"y":`, 20000),
	}
	for _, body := range bodies {
		wireCheckLikeStdlib(t, []byte(body))
	}

	// Every prefix of bodies with escapes, to reach each cut in a string.
	for _, body := range []string{
		`{"errorCode":40001,"errorMessage":"\ud83d\ude00 \u00e9 \" \\ \n x"}`,
		"{\"x\":[1.5e-3,{\"y\":null}],\"errorMe\\u0073sage\":\"a\xffb\",\"errorCode\":-40001}",
		`{"type":"error","message":"\ud800\udc00"}`,
	} {
		for i := 0; i <= len(body); i++ {
			wireCheckLikeStdlib(t, []byte(body[:i]))
		}
	}
}

// wireCountingReader generates size bytes on the fly and counts how many
// were read, and the largest read asked for.
type wireCountingReader struct {
	size    int64
	read    int64
	maxAsk  int
	chunk   int // at most this many bytes per Read, when not 0
	closed  bool
	failAt  int64 // return failErr once this many bytes were read, when not 0
	failErr error
}

func (r *wireCountingReader) Read(p []byte) (int, error) {
	r.maxAsk = max(r.maxAsk, len(p))
	if r.failAt > 0 && r.read >= r.failAt {
		return 0, r.failErr
	}
	if r.read >= r.size {
		return 0, io.EOF
	}
	n := len(p)
	if r.chunk > 0 {
		n = min(n, r.chunk)
	}
	n = int(min(int64(n), r.size-r.read))
	if r.failAt > 0 {
		n = int(min(int64(n), r.failAt-r.read))
	}
	for i := range p[:n] {
		p[i] = "<html>"[(r.read+int64(i))%6]
	}
	r.read += int64(n)
	return n, nil
}

func (r *wireCountingReader) Close() error {
	r.closed = true
	return nil
}

// wireErrReader fails every Read with err, as a broken connection does.
type wireErrReader struct{ err error }

func (r wireErrReader) Read([]byte) (int, error) { return 0, r.err }

// wirePadded returns an envelope padded with trailing spaces to exactly size
// bytes.
func wirePadded(t testing.TB, size int) []byte {
	env := []byte(`{"errorCode":40001,"errorMessage":"padded"}`)
	require.LessOrEqual(t, len(env), size)
	return append(env, bytes.Repeat([]byte{' '}, size-len(env))...)
}

func TestFromResponseBodySize(t *testing.T) {
	require.Equal(t, int64(1<<20), faseeherr.MaxBodySize)

	// 0 bytes: resolved by status.
	got := faseeherr.FromResponse(wireResponse(418, bytes.NewReader(nil)))
	assert.Equal(t, &faseeherr.UnknownError{Status: 418}, got)
	got = faseeherr.FromResponse(wireResponse(502, bytes.NewReader(nil)))
	assert.IsType(t, &faseeherr.InternalError{}, got)
	assert.Equal(t, 502, got.(faseeherr.Error).HTTPStatus())

	// Exactly 1 MiB: decoded. The status 418 tells apart a decoded
	// ValidationError from an UnknownError resolved by status.
	body := wirePadded(t, 1<<20)
	got = faseeherr.FromResponse(wireResponse(418, bytes.NewReader(body)))
	v, ok := got.(*faseeherr.ValidationError)
	require.True(t, ok, "%T", got)
	assert.Equal(t, "padded", v.Message)
	assert.Equal(t, 418, v.HTTPStatus())

	// 1 MiB + 1: not decoded, resolved by status, with a bounded excerpt.
	body = wirePadded(t, 1<<20+1)
	got = faseeherr.FromResponse(wireResponse(418, bytes.NewReader(body)))
	u, ok := got.(*faseeherr.UnknownError)
	require.True(t, ok, "%T", got)
	assert.Equal(t, faseeherr.Code(0), u.Code)
	assert.Equal(t, 418, u.Status)
	assert.Equal(t, string(body[:512]), u.Body)
	got = faseeherr.FromResponse(wireResponse(400, bytes.NewReader(body)))
	v, ok = got.(*faseeherr.ValidationError)
	require.True(t, ok, "%T", got)
	// Not decoded: the default message, as NewValidationError("") gives,
	// and an excerpt of the body.
	assert.Equal(t, "Bad Request", v.Message)
	assert.Equal(t, string(body[:512]), v.ResponseBody())
	assert.Equal(t, string(body[:512]), v.ResponseBody())

	// Parse itself has no limit: the same body is decoded.
	assert.IsType(t, &faseeherr.ValidationError{}, faseeherr.Parse(418, body))
}

// TestFromResponseReadsAtMostMaxBodySize: io.LimitReader shortens every Read
// to what is left of its limit, so io.ReadAll never asks the body for more
// than MaxBodySize+1 bytes in all, whatever its buffer size: no slack.
func TestFromResponseReadsAtMostMaxBodySize(t *testing.T) {
	const size = 100 << 20
	for _, chunk := range []int{0, 1000, 4093} {
		r := &wireCountingReader{size: size, chunk: chunk}
		resp := &http.Response{StatusCode: 502, Body: r}
		var got error
		require.NotPanics(t, func() { got = faseeherr.FromResponse(resp) })

		assert.Equal(t, faseeherr.MaxBodySize+1, r.read, "chunk %d", chunk)
		assert.LessOrEqual(t, int64(r.maxAsk), faseeherr.MaxBodySize+1)
		assert.False(t, r.closed, "FromResponse leaves closing the body to the caller")

		ie, ok := got.(*faseeherr.InternalError)
		require.True(t, ok, "%T", got)
		assert.Equal(t, 502, ie.HTTPStatus())
		assert.Len(t, ie.ResponseBody(), 512)
		assert.True(t, strings.HasPrefix(ie.ResponseBody(), "<html><html>"))
	}

	// A smaller MaxBodySize is honoured the same way.
	old := faseeherr.MaxBodySize
	t.Cleanup(func() { faseeherr.MaxBodySize = old })
	faseeherr.MaxBodySize = 100
	r := &wireCountingReader{size: size}
	got := faseeherr.FromResponse(&http.Response{StatusCode: 404, Body: r})
	assert.Equal(t, int64(101), r.read)
	assert.LessOrEqual(t, r.maxAsk, 101)
	assert.IsType(t, &faseeherr.NotFoundError{}, got)
	assert.Equal(t, strings.Repeat("<html>", 17)[:101], wireBody(t, got))
}

func TestFromResponseMaxBodySizeChanged(t *testing.T) {
	old := faseeherr.MaxBodySize
	t.Cleanup(func() { faseeherr.MaxBodySize = old })
	faseeherr.MaxBodySize = 64

	// 64 bytes: decoded.
	body := wirePadded(t, 64)
	got := faseeherr.FromResponse(wireResponse(418, bytes.NewReader(body)))
	v, ok := got.(*faseeherr.ValidationError)
	require.True(t, ok, "%T", got)
	assert.Equal(t, "padded", v.Message)
	assert.Equal(t, 418, v.HTTPStatus())
	assert.Empty(t, v.ResponseBody())
	got = faseeherr.FromResponse(wireResponse(400, bytes.NewReader(body)))
	assert.Equal(t, &faseeherr.ValidationError{Message: "padded"}, got)

	// 65 bytes: resolved by status.
	body = wirePadded(t, 65)
	got = faseeherr.FromResponse(wireResponse(418, bytes.NewReader(body)))
	assert.Equal(t, &faseeherr.UnknownError{Status: 418, Body: string(body)}, got)

	// The seed's 40201 body, longer than 64 bytes, is no longer decoded.
	got = faseeherr.FromResponse(wireResponse(402, strings.NewReader(seedEnvelopeInsufficientBalance)))
	ib, ok := got.(*faseeherr.InsufficientBalanceError)
	require.True(t, ok, "%T", got)
	// Its params are unknown, so its message keeps its placeholders.
	assert.Equal(t, "Insufficient wallet balance. Required: ${required}, Available: ${available}", ib.Message)
	assert.Zero(t, ib.Required)
	assert.Equal(t, seedEnvelopeInsufficientBalance[:65], ib.ResponseBody())
}

func TestFromResponseReadError(t *testing.T) {
	boom := errors.New("connection reset by peer")
	env := `{"errorCode":40001,"errorMessage":"x"}`

	// A complete envelope followed by a read error is not trusted.
	body := io.MultiReader(strings.NewReader(env), wireErrReader{boom})
	var got error
	require.NotPanics(t, func() { got = faseeherr.FromResponse(wireResponse(418, body)) })
	assert.Equal(t, &faseeherr.UnknownError{Status: 418, Body: env}, got)

	// Some bytes, then an error.
	r := &wireCountingReader{size: 1 << 20, failAt: 300, failErr: boom}
	require.NotPanics(t, func() { got = faseeherr.FromResponse(&http.Response{StatusCode: 503, Body: r}) })
	ie, ok := got.(*faseeherr.InternalError)
	require.True(t, ok, "%T", got)
	assert.Equal(t, 503, ie.HTTPStatus())
	assert.Equal(t, strings.Repeat("<html>", 50), ie.ResponseBody())
	assert.Equal(t, int64(300), r.read)

	// A read error before any byte.
	got = faseeherr.FromResponse(wireResponse(404, wireErrReader{boom}))
	assert.IsType(t, &faseeherr.NotFoundError{}, got)
	assert.Empty(t, wireBody(t, got))

	// io.ErrUnexpectedEOF mid-body, as net/http reports a cut connection.
	cut := io.MultiReader(strings.NewReader(`{"errorCode":402`), wireErrReader{io.ErrUnexpectedEOF})
	got = faseeherr.FromResponse(wireResponse(402, cut))
	ib, ok := got.(*faseeherr.InsufficientBalanceError)
	require.True(t, ok, "%T", got)
	assert.Equal(t, `{"errorCode":402`, ib.ResponseBody())

	// No body at all.
	got = faseeherr.FromResponse(&http.Response{StatusCode: 502})
	assert.IsType(t, &faseeherr.InternalError{}, got)
	assert.Equal(t, 502, got.(faseeherr.Error).HTTPStatus())
	assert.Empty(t, wireBody(t, got))
	assert.Equal(t, &faseeherr.UnknownError{Status: 418}, faseeherr.FromResponse(&http.Response{StatusCode: 418}))
	assert.NoError(t, faseeherr.FromResponse(&http.Response{StatusCode: 200}))
}

func TestFromResponseHostileBodies(t *testing.T) {
	bodies := map[string]string{
		"nestedArrays":  `{"x":` + strings.Repeat("[", 100000),
		"nestedObjects": strings.Repeat(`{"x":`, 100000),
		"nestedClosed":  `{"x":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `,"errorCode":40001}`,
		"overflow":      `{"errorCode":99999999999999999999,"errorMessage":"x"}`,
		"negOverflow":   `{"errorCode":-99999999999999999999,"errorMessage":"x"}`,
		"stringCode":    `{"errorCode":"40001","errorMessage":"x"}`,
		"floatCode":     `{"errorCode":40001.5,"errorMessage":"x"}`,
		"hugeExponent":  `{"errorCode":1e999999999,"errorMessage":"x"}`,
		"longNumber":    `{"errorCode":` + strings.Repeat("9", 100000) + `}`,
		"longString":    `{"errorCode":40001,"errorMessage":"` + strings.Repeat(`\u`, 100000),
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			var got error
			require.NotPanics(t, func() { got = faseeherr.FromResponse(wireResponse(418, strings.NewReader(body))) })
			u, ok := got.(*faseeherr.UnknownError)
			require.True(t, ok, "%T %v", got, got)
			assert.Equal(t, faseeherr.Code(0), u.Code)
			assert.Equal(t, 418, u.Status)
			assert.LessOrEqual(t, len(u.Body), 512)
			assert.True(t, strings.HasPrefix(body, u.Body))

			require.NotPanics(t, func() { got = faseeherr.FromResponse(wireResponse(500, strings.NewReader(body))) })
			assert.IsType(t, &faseeherr.InternalError{}, got)
		})
	}
}

func TestWebSocketErrorMarshal(t *testing.T) {
	assert.Equal(t, seedWSMissingAuthentication, faseeherr.ErrWebSocketMissingAuthentication.Message)
	assert.Equal(t, seedWSInvalidMessageType, faseeherr.ErrWebSocketInvalidMessageType.Message)
	assert.Equal(t, seedWSMissingAuthentication, faseeherr.ErrWebSocketMissingAuthentication.Error())

	cases := map[*faseeherr.WebSocketError]string{
		faseeherr.ErrWebSocketMissingAuthentication: `{"type":"error","message":"x-api-key or Authorization header is required. Provide it in query string, headers, or initConnection message."}`,
		faseeherr.ErrWebSocketInvalidMessageType:    `{"type":"error","message":"Invalid message type. Expected \"voice-request\""}`,
		{Message: ""}:                               `{"type":"error","message":""}`,
		{Message: "a\nb \\ \u2028 \xff"}:            `{"type":"error","message":"a\nb \\ \u2028 \ufffd"}`,
	}
	for e, want := range cases {
		got, err := json.Marshal(e)
		require.NoError(t, err)
		assert.Equal(t, want, string(got))
		assert.Equal(t, want, string(e.AppendJSON(nil)))
		assert.Equal(t, "p"+want, string(e.AppendJSON([]byte("p"))))

		var m map[string]string
		require.NoError(t, json.Unmarshal(got, &m))
		assert.Equal(t, map[string]string{"type": "error", "message": wireSanitized(e.Message)}, m)

		back, ok := faseeherr.ParseWebSocketError(got)
		require.True(t, ok)
		assert.Equal(t, wireSanitized(e.Message), back.Message)
	}
}

func TestParseWebSocketError(t *testing.T) {
	missing, err := json.Marshal(seedWSMissingAuthentication)
	require.NoError(t, err)
	invalid, err := json.Marshal(seedWSInvalidMessageType)
	require.NoError(t, err)

	for _, tc := range []struct {
		name string
		data string
		want *faseeherr.WebSocketError
	}{
		{"missing", `{"type":"error","message":` + string(missing) + `}`, faseeherr.ErrWebSocketMissingAuthentication},
		{"invalid", `{"type":"error","message":` + string(invalid) + `}`, faseeherr.ErrWebSocketInvalidMessageType},
		{"order", `{"message":` + string(invalid) + `,"type":"error"}`, faseeherr.ErrWebSocketInvalidMessageType},
		{"extra", `{"requestId":"r-1","type":"error","code":4001,"meta":{"a":[1,2,null]},"message":` + string(missing) + `,"ts":1.5e3}`, faseeherr.ErrWebSocketMissingAuthentication},
		{"space", "\n\t{ \"type\" :\r\n \"error\" ,\t\"message\" : " + string(missing) + " }\n", faseeherr.ErrWebSocketMissingAuthentication},
		{"keyCase", `{"TYPE":"error","Message":` + string(invalid) + `}`, faseeherr.ErrWebSocketInvalidMessageType},
		{"escaped", `{"type":"\u0065rror","message":"Invalid message type. Expected \u0022voice-request\u0022"}`, faseeherr.ErrWebSocketInvalidMessageType},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := faseeherr.ParseWebSocketError([]byte(tc.data))
			require.True(t, ok)
			require.NotNil(t, got)
			assert.Equal(t, tc.want.Message, got.Message)
			assert.True(t, errors.Is(got, tc.want))
			assert.True(t, errors.Is(fmt.Errorf("ws: %w", got), tc.want))
			other := faseeherr.ErrWebSocketInvalidMessageType
			if tc.want == other {
				other = faseeherr.ErrWebSocketMissingAuthentication
			}
			assert.False(t, errors.Is(got, other))
			// A WebSocket error is not an HTTP API error.
			assert.False(t, errors.Is(got, faseeherr.ErrValidation))
			_, isAPI := faseeherr.CodeOf(got)
			assert.False(t, isAPI)
		})
	}

	// Another message is not matched by the Err values.
	got, ok := faseeherr.ParseWebSocketError([]byte(`{"type":"error","message":"Voice not found"}`))
	require.True(t, ok)
	assert.Equal(t, "Voice not found", got.Message)
	assert.False(t, errors.Is(got, faseeherr.ErrWebSocketMissingAuthentication))
	assert.False(t, errors.Is(got, faseeherr.ErrWebSocketInvalidMessageType))
	assert.True(t, errors.Is(got, &faseeherr.WebSocketError{Message: "Voice not found"}))

	// An error without a message is still an error.
	got, ok = faseeherr.ParseWebSocketError([]byte(`{"type":"error"}`))
	require.True(t, ok)
	assert.Empty(t, got.Message)

	for _, data := range []string{
		`{"type":"audio","data":"UklGRiQAAABXQVZFZm10"}`,
		`{"type":"voice-response","message":"ok"}`,
		`{"type":"Error","message":"x"}`,
		`{"type":"error ","message":"x"}`,
		`{"type":null,"message":"x"}`,
		`{"type":1,"message":"x"}`,
		`{"message":"x"}`,
		`{"type":"error","message":5}`,
		`{"type":"error","message":"x"`,
		`{"type":"error","message":"x"} trailing`,
		`{"error":{"type":"error","message":"x"}}`,
		seedEnvelopeInternal,
		`{"errorCode":40101,"errorMessage":"Invalid API key"}`,
		`[{"type":"error","message":"x"}]`,
		`null`,
		`"error"`,
		`error: x-api-key is required`,
		"\xff\xfe",
		``,
		`{"x":` + strings.Repeat("[", 100000),
	} {
		var got *faseeherr.WebSocketError
		var ok bool
		require.NotPanics(t, func() { got, ok = faseeherr.ParseWebSocketError([]byte(data)) }, "%q", data)
		assert.False(t, ok, "%q", data)
		assert.Nil(t, got, "%q", data)
	}
}

// wireDiscardWriter is a minimal ResponseWriter: one header map reused, the
// body discarded.
type wireDiscardWriter struct {
	header http.Header
	status int
	n      int
}

func (w *wireDiscardWriter) Header() http.Header { return w.header }

func (w *wireDiscardWriter) WriteHeader(status int) { w.status = status }

func (w *wireDiscardWriter) Write(b []byte) (int, error) {
	w.n += len(b)
	return len(b), nil
}

func TestWireAllocations(t *testing.T) {
	const runs = 200
	buf := make([]byte, 0, 1024)

	wrapped := fmt.Errorf("ctx: %w", faseeherr.NewInsufficientBalanceError(0.5, 0.25))
	foreign := errors.New("pq: password authentication failed for user \"admin\"")
	appendErrs := map[string]error{
		"wrapped":     wrapped,
		"joined":      errors.Join(errors.New("x"), faseeherr.NewConcurrencyLimitError(5, 6)),
		"foreign":     foreign,
		"ErrNotFound": faseeherr.ErrNotFound,
		"unknown":     &faseeherr.UnknownError{Code: 40901, Status: 409, Message: "Conflict"},
	}
	for name, err := range appendErrs {
		n := testing.AllocsPerRun(runs, func() { wireBytesSink = faseeherr.AppendError(buf[:0], err) })
		t.Logf("AppendError(%s): %v allocs", name, n)
		assert.Zero(t, n, "AppendError(%s)", name)
	}
	for _, tc := range errorCases() {
		for _, e := range []error{tc.newDefault(), tc.newWithMessage("a \"quoted\" message\n")} {
			n := testing.AllocsPerRun(runs, func() { wireBytesSink = faseeherr.AppendError(buf[:0], e) })
			t.Logf("AppendError(%s %q): %v allocs", tc.name, e.(faseeherr.Error).ErrorMessage(), n)
			assert.Zero(t, n, "AppendError(%s %q)", tc.name, e.(faseeherr.Error).ErrorMessage())
		}
	}
	n := testing.AllocsPerRun(runs, func() { wireBytesSink = faseeherr.ErrWebSocketInvalidMessageType.AppendJSON(buf[:0]) })
	t.Logf("WebSocketError.AppendJSON: %v allocs", n)
	assert.Zero(t, n)

	seed402 := []byte(seedEnvelopeInsufficientBalance)
	require.Equal(t, faseeherr.NewInsufficientBalanceError(0.5, 0.25), faseeherr.Parse(402, seed402))
	n = testing.AllocsPerRun(runs, func() { wireErrSink = faseeherr.Parse(402, seed402) })
	t.Logf("Parse(402, seed 40201): %v allocs", n)
	assert.LessOrEqual(t, n, 1.0, "Parse(402, seed 40201): the error only, its params read from the message")

	seed400 := []byte(seedEnvelopeValidation)
	require.Equal(t, faseeherr.NewValidationError(seedValidationExample), faseeherr.Parse(400, seed400))
	n = testing.AllocsPerRun(runs, func() { wireErrSink = faseeherr.Parse(400, seed400) })
	t.Logf("Parse(400, plain message): %v allocs", n)
	assert.LessOrEqual(t, n, 2.0, "Parse(400, plain message)")

	seed429 := []byte(seedEnvelopeConcurrencyLimit)
	n = testing.AllocsPerRun(runs, func() { wireErrSink = faseeherr.Parse(429, seed429) })
	t.Logf("Parse(429, seed 42901): %v allocs", n)
	assert.LessOrEqual(t, n, 1.0, "Parse(429, seed 42901)")

	escaped := []byte(`{"errorCode":40001,"errorMessage":"Expected \"voice-request\""}`)
	n = testing.AllocsPerRun(runs, func() { wireErrSink = faseeherr.Parse(400, escaped) })
	t.Logf("Parse(400, message with escapes): %v allocs", n)
	assert.LessOrEqual(t, n, 2.0, "Parse(400, message with escapes)")

	aliased := []byte(`{"errorCode":50001,"errorMessage":"Voice not found"}`)
	n = testing.AllocsPerRun(runs, func() { wireErrSink = faseeherr.Parse(404, aliased) })
	t.Logf("Parse(404, alias 50001): %v allocs", n)
	assert.LessOrEqual(t, n, 2.0, "Parse(404, alias 50001): the error with what it was received with, and the message")

	html := []byte("<html><body>502 Bad Gateway</body></html>")
	n = testing.AllocsPerRun(runs, func() { wireErrSink = faseeherr.Parse(502, html) })
	t.Logf("Parse(502, html): %v allocs", n)
	assert.LessOrEqual(t, n, 2.0, "Parse(502, html): the error with its status and excerpt, and the excerpt")

	// The seed's two WebSocket messages: a result and its message should
	// be all that is allocated.
	for _, e := range []*faseeherr.WebSocketError{faseeherr.ErrWebSocketMissingAuthentication, faseeherr.ErrWebSocketInvalidMessageType} {
		ws, _ := e.MarshalJSON()
		got, ok := faseeherr.ParseWebSocketError(ws)
		require.True(t, ok)
		require.Equal(t, e.Message, got.Message)
		n = testing.AllocsPerRun(runs, func() { wireWSSink, boolSink = faseeherr.ParseWebSocketError(ws) })
		t.Logf("ParseWebSocketError(%s): %v allocs", ws, n)
		assert.LessOrEqual(t, n, 2.0, "ParseWebSocketError(%s)", ws)
	}

	w := &wireDiscardWriter{header: http.Header{}}
	faseeherr.WriteError(w, wrapped) // warm-up: the header key and the pooled buffer
	require.Equal(t, 402, w.status)
	require.Equal(t, len(seedInsufficientBalanceExample)+len(`{"errorCode":40201,"errorMessage":""}`), w.n)
	require.Equal(t, "application/json", w.header.Get("Content-Type"))
	n = testing.AllocsPerRun(runs, func() { faseeherr.WriteError(w, wrapped) })
	t.Logf("WriteError(wrapped InsufficientBalanceError): %v allocs", n)
	if wireRaceEnabled() {
		// sync.Pool drops a share of the buffers on purpose under -race.
		t.Log("-race: WriteError's allocation bound is not checked")
	} else {
		assert.LessOrEqual(t, n, 1.0, "WriteError")
	}
	assert.Equal(t, 402, w.status)
}
