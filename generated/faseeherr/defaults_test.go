package faseeherr_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errgen/errgen/generated/faseeherr"
)

// The messages of the two errors with params when their values are not
// known: the template, placeholders and all.
const (
	unrenderedInsufficientBalance = "Insufficient wallet balance. Required: ${required}, Available: ${available}"
	unrenderedConcurrencyLimit    = "Concurrency limit exceeded. Maximum {max} concurrent requests allowed. Current: {current}. Please upgrade your plan https://app.faseeh.ai/en/subscription or contact support@faseeh.ai for more information."
)

// TestUnknownParamsAreNeverZeros checks every path by which an error with
// params can exist without its values: a body that is not the envelope,
// an envelope without a message, a body too long to read, and the Err
// sentinels. Each says its template with placeholders, never the template
// rendered with zeros.
func TestUnknownParamsAreNeverZeros(t *testing.T) {
	zeros := []string{"$0.00", "Maximum 0 ", "Current: 0."}
	html := []byte("<html><body>502 gateway</body></html>")
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"html 402", faseeherr.Parse(402, html), unrenderedInsufficientBalance},
		{"html 429", faseeherr.Parse(429, html), unrenderedConcurrencyLimit},
		{"empty 429", faseeherr.Parse(429, nil), unrenderedConcurrencyLimit},
		{"no message", faseeherr.Parse(402, []byte(`{"errorCode":40201}`)), unrenderedInsufficientBalance},
		{"empty message", faseeherr.Parse(429, []byte(`{"errorCode":42901,"errorMessage":""}`)), unrenderedConcurrencyLimit},
		{"code only, other status", faseeherr.Parse(400, []byte(`{"errorCode":42901}`)), unrenderedConcurrencyLimit},
		{"ErrInsufficientBalance", faseeherr.ErrInsufficientBalance, unrenderedInsufficientBalance},
		{"ErrConcurrencyLimit", faseeherr.ErrConcurrencyLimit, unrenderedConcurrencyLimit},
		{"wrapped sentinel", fmt.Errorf("charge: %w", faseeherr.ErrInsufficientBalance), unrenderedInsufficientBalance},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var e faseeherr.Error
			require.ErrorAs(t, tc.err, &e)
			assert.Equal(t, tc.want, e.ErrorMessage())

			rec := httptest.NewRecorder()
			faseeherr.WriteError(rec, tc.err)
			var logs bytes.Buffer
			slog.New(slog.NewJSONHandler(&logs, nil)).Error("failed", "err", tc.err)
			for what, text := range map[string]string{
				"Error()":    tc.err.Error(),
				"WriteError": rec.Body.String(),
				"log":        logs.String(),
			} {
				for _, zero := range zeros {
					assert.NotContains(t, text, zero, what)
				}
			}
			assert.Contains(t, rec.Body.String(), jsonString(t, tc.want))
		})
	}
}

func jsonString(t *testing.T, s string) string {
	b, err := json.Marshal(s)
	require.NoError(t, err)
	return string(b)
}

// TestLogValue checks that log/slog records what Error() says, status and
// cause included, with both of its handlers, where the errors'
// MarshalJSON used to win and print only the wire body.
func TestLogValue(t *testing.T) {
	err := faseeherr.NewInternalError("").WithStatus(503).WithCause(sql.ErrConnDone)

	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Error("synthesize", slog.Any("err", err))
	var rec struct {
		Err map[string]any `json:"err"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &rec), buf.String())
	assert.Equal(t, map[string]any{
		"name":    "InternalError",
		"code":    float64(50001),
		"status":  float64(503),
		"message": "Internal server error",
		"cause":   sql.ErrConnDone.Error(),
	}, rec.Err)

	buf.Reset()
	slog.New(slog.NewTextHandler(&buf, nil)).Error("synthesize", "err", err)
	for _, want := range []string{"err.name=InternalError", "err.code=50001", "err.status=503", `err.message="Internal server error"`, `err.cause="sql: connection is already closed"`} {
		assert.Contains(t, buf.String(), want)
	}

	// Params, a received alias code and a body excerpt are logged when known.
	buf.Reset()
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	logger.Info("", "a", faseeherr.NewConcurrencyLimitError(5, 6))
	logger.Info("", "a", faseeherr.Parse(404, []byte(`{"errorCode":50001,"errorMessage":"Voice not found"}`)))
	logger.Info("", "a", faseeherr.Parse(429, []byte("<html>busy</html>")))
	logger.Info("", "a", faseeherr.Parse(409, []byte(`{"errorCode":40901,"errorMessage":"Voice exists"}`)))
	logger.Info("", "a", faseeherr.ErrNotFound)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 5)
	var got []map[string]any
	for _, line := range lines {
		var rec struct {
			A map[string]any `json:"a"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rec), line)
		got = append(got, rec.A)
	}
	assert.Equal(t, float64(5), got[0]["max"])
	assert.Equal(t, float64(6), got[0]["current"])
	assert.Equal(t, float64(40401), got[1]["code"])
	assert.Equal(t, float64(50001), got[1]["received_code"])
	assert.Equal(t, "<html>busy</html>", got[2]["body"])
	assert.NotContains(t, got[2], "max", "params that never arrived are not logged")
	assert.Equal(t, map[string]any{"name": "UnknownError", "code": float64(40901), "status": float64(409), "message": "Voice exists"}, got[3])
	assert.Equal(t, map[string]any{"name": "NotFoundError", "code": float64(40401), "status": float64(404), "message": "Not Found"}, got[4])
}

// TestWriteErrorContext checks what a server sends for a handler whose
// context ended: 504 when its deadline passed, which InternalError may be
// sent with, and 499 when its client went away.
func TestWriteErrorContext(t *testing.T) {
	internal := `{"errorCode":50001,"errorMessage":"Internal server error"}`
	for _, tc := range []struct {
		name   string
		err    error
		status int
	}{
		{"deadline", context.DeadlineExceeded, 504},
		{"wrapped deadline", fmt.Errorf("synthesize: %w", context.DeadlineExceeded), 504},
		{"canceled", context.Canceled, 499},
		{"wrapped canceled", fmt.Errorf("synthesize: %w", context.Canceled), 499},
		{"other", fmt.Errorf("disk full"), 500},
		{"API error wins", fmt.Errorf("%w: %w", faseeherr.NewValidationError(""), context.DeadlineExceeded), 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			faseeherr.WriteError(rec, tc.err)
			assert.Equal(t, tc.status, rec.Code)
			assert.Equal(t, tc.status, faseeherr.HTTPStatus(tc.err))
			if tc.status != 400 {
				assert.Equal(t, internal, rec.Body.String())
			}
		})
	}
}
