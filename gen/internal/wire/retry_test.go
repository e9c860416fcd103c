package wire

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeClock is a RetryClock whose Sleep returns at once, having moved Now
// on and noted the wait. It fails the test if asked to sleep past the
// context's deadline, which Retry promises never to do.
type fakeClock struct {
	t     testing.TB
	now   time.Time
	waits []time.Duration
	// duringSleep, when set, runs at each Sleep before the context is
	// checked, as if it happened while sleeping.
	duringSleep func()
}

// newFakeClock returns a fakeClock that starts at time.Now(), on the time
// line of context deadlines.
func newFakeClock(t testing.TB) *fakeClock {
	return &fakeClock{t: t, now: time.Now()}
}

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if deadline, ok := ctx.Deadline(); ok && c.now.Add(d).After(deadline) {
		c.t.Errorf("asked to sleep %v, %v past the deadline", d, c.now.Add(d).Sub(deadline))
	}
	c.waits = append(c.waits, d)
	if c.duringSleep != nil {
		c.duringSleep()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c.now = c.now.Add(d)
	return nil
}

// testError is an error fn returns: retryable or not, and with a delay
// from the server or not, as the generated error types are.
type testError struct {
	name      string
	canRetry  bool
	delay     time.Duration // 0 for none
	hideDelay bool          // report the delay as not ok
}

func (e *testError) Error() string   { return e.name }
func (e *testError) retryable() bool { return e.canRetry }

func (e *testError) retryDelay(time.Time) (time.Duration, bool) {
	return e.delay, e.delay > 0 && !e.hideDelay
}

// delayError carries a delay but says nothing of retrying, as an error
// wrapping an API error deep in a chain may.
type delayError time.Duration

func (e delayError) Error() string { return fmt.Sprintf("wait %v", time.Duration(e)) }

func (e delayError) retryDelay(time.Time) (time.Duration, bool) {
	return time.Duration(e), true
}

var (
	errRetryable = &testError{name: "try again", canRetry: true}
	errFinal     = &testError{name: "no use"}
)

// countCalls returns an fn for Retry that returns errs in turn, the last
// one from then on, and the count of its calls.
func countCalls(errs ...error) (func(context.Context) error, *int) {
	calls := 0
	return func(context.Context) error {
		err := errs[min(calls, len(errs)-1)]
		calls++
		return err
	}, &calls
}

func TestRetrySucceedsAfterRetries(t *testing.T) {
	clock := newFakeClock(t)
	fn, calls := countCalls(errRetryable, errRetryable, nil)
	err := Retry(t.Context(), fn, RetryWithClock(clock))
	assert.NoError(t, err)
	assert.Equal(t, 3, *calls)
	assert.Len(t, clock.waits, 2)
}

func TestRetryFinalErrorAtOnce(t *testing.T) {
	clock := newFakeClock(t)
	fn, calls := countCalls(errFinal, nil)
	err := Retry(t.Context(), fn, RetryWithClock(clock))
	assert.Same(t, errFinal, err)
	assert.Equal(t, 1, *calls)
	assert.Empty(t, clock.waits)

	plain := errors.New("not an API error")
	fn, calls = countCalls(plain, nil)
	assert.Same(t, plain, Retry(t.Context(), fn, RetryWithClock(clock)), "Retryable rejects errors it does not know")
	assert.Equal(t, 1, *calls)
}

func TestRetryAttempts(t *testing.T) {
	tests := []struct {
		name  string
		opts  []RetryOption
		calls int
	}{
		{"default", nil, 3},
		{"five", []RetryOption{RetryAttempts(5)}, 5},
		{"one", []RetryOption{RetryAttempts(1)}, 1},
		{"zero counts as one", []RetryOption{RetryAttempts(0)}, 1},
		{"negative counts as one", []RetryOption{RetryAttempts(-2)}, 1},
		{"last wins", []RetryOption{RetryAttempts(5), RetryAttempts(2)}, 2},
		{"nil option ignored", []RetryOption{nil, RetryAttempts(4)}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock(t)
			fn, calls := countCalls(errRetryable)
			err := Retry(t.Context(), fn, append(tt.opts, RetryWithClock(clock))...)
			assert.Same(t, errRetryable, err)
			assert.Equal(t, tt.calls, *calls)
			assert.Len(t, clock.waits, tt.calls-1)
		})
	}
}

// TestRetryReturnsLastError checks that the error returned is fn's last,
// not its first nor a context's.
func TestRetryReturnsLastError(t *testing.T) {
	first := &testError{name: "first", canRetry: true}
	second := &testError{name: "second", canRetry: true}
	third := &testError{name: "third", canRetry: true}
	fn, calls := countCalls(first, second, third, nil)
	err := Retry(t.Context(), fn, RetryWithClock(newFakeClock(t)))
	assert.Same(t, third, err)
	assert.Equal(t, 3, *calls)

	fn, _ = countCalls(first, errFinal)
	assert.Same(t, errFinal, Retry(t.Context(), fn, RetryWithClock(newFakeClock(t))))
}

// TestBackoffCeiling lists the ceilings of the backoff waits: doubling
// from the base delay, capped by the maximum, and never overflowing.
func TestBackoffCeiling(t *testing.T) {
	const maxDuration = time.Duration(math.MaxInt64)
	tests := []struct {
		attempt   int
		baseDelay time.Duration
		maxDelay  time.Duration
		want      time.Duration
	}{
		{1, 500 * time.Millisecond, 8 * time.Second, 500 * time.Millisecond},
		{2, 500 * time.Millisecond, 8 * time.Second, time.Second},
		{3, 500 * time.Millisecond, 8 * time.Second, 2 * time.Second},
		{5, 500 * time.Millisecond, 8 * time.Second, 8 * time.Second},
		{6, 500 * time.Millisecond, 8 * time.Second, 8 * time.Second},
		{4, 100 * time.Millisecond, time.Second, 800 * time.Millisecond},
		{5, 100 * time.Millisecond, time.Second, time.Second},
		{1, 2 * time.Second, time.Second, time.Second},
		{63, time.Nanosecond, maxDuration, 1 << 62},
		{64, time.Nanosecond, maxDuration, maxDuration},
		{1000, time.Nanosecond, maxDuration, maxDuration},
		{math.MaxInt, time.Second, maxDuration, maxDuration},
		{40, time.Hour, maxDuration, maxDuration},
		{1, 0, time.Second, 0},
		{3, -time.Second, time.Second, 0},
		{3, time.Second, 0, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, backoffCeiling(tt.attempt, tt.baseDelay, tt.maxDelay), "attempt %d from %v up to %v", tt.attempt, tt.baseDelay, tt.maxDelay)
	}
}

// TestRetryBackoffJitter checks the waits of many runs: each is below
// its ceiling, and some come close to it, so that the ceilings are seen
// to double up to the cap.
func TestRetryBackoffJitter(t *testing.T) {
	ceilings := []time.Duration{100, 200, 400, 800, 1000, 1000, 1000}
	for i := range ceilings {
		ceilings[i] *= time.Millisecond
	}
	longest := make([]time.Duration, len(ceilings))
	const runs = 300
	for range runs {
		clock := newFakeClock(t)
		fn, _ := countCalls(errRetryable)
		err := Retry(t.Context(), fn, RetryWithClock(clock), RetryAttempts(len(ceilings)+1),
			RetryBaseDelay(100*time.Millisecond), RetryMaxDelay(time.Second))
		require.Same(t, errRetryable, err)
		require.Len(t, clock.waits, len(ceilings))
		for i, wait := range clock.waits {
			require.GreaterOrEqual(t, wait, time.Duration(0), "wait %d", i+1)
			require.Less(t, wait, ceilings[i], "wait %d", i+1)
			longest[i] = max(longest[i], wait)
		}
	}
	// Each longest wait is above half its ceiling but for a chance of
	// 2^-300.
	for i, wait := range longest {
		assert.Greater(t, wait, ceilings[i]/2, "longest wait %d of %d runs", i+1, runs)
	}
}

// TestRetryZeroBaseDelay checks that without a base delay, failures the
// server gave no delay for are retried at once.
func TestRetryZeroBaseDelay(t *testing.T) {
	clock := newFakeClock(t)
	fn, calls := countCalls(errRetryable)
	assert.Same(t, errRetryable, Retry(t.Context(), fn, RetryWithClock(clock), RetryBaseDelay(0), RetryAttempts(4)))
	assert.Equal(t, 4, *calls)
	assert.Equal(t, []time.Duration{0, 0, 0}, clock.waits)
}

// TestRetryServerDelay checks that the server's delay is waited exactly,
// in place of the backoff.
func TestRetryServerDelay(t *testing.T) {
	clock := newFakeClock(t)
	slowDown := &testError{name: "slow down", canRetry: true, delay: 1500 * time.Millisecond}
	fn, calls := countCalls(slowDown, fmt.Errorf("call: %w", &testError{name: "slow down", canRetry: true, delay: 20 * time.Second}), nil)
	err := Retry(t.Context(), fn, RetryWithClock(clock))
	assert.NoError(t, err)
	assert.Equal(t, 3, *calls)
	assert.Equal(t, []time.Duration{1500 * time.Millisecond, 20 * time.Second}, clock.waits)
}

// TestRetryServerDelayOverMaxWait checks that an error whose delay is
// longer than the longest wait is returned at once.
func TestRetryServerDelayOverMaxWait(t *testing.T) {
	later := &testError{name: "come back later", canRetry: true, delay: 2 * time.Minute}
	clock := newFakeClock(t)
	fn, calls := countCalls(later, nil)
	assert.Same(t, later, Retry(t.Context(), fn, RetryWithClock(clock)))
	assert.Equal(t, 1, *calls)
	assert.Empty(t, clock.waits)

	fn, calls = countCalls(later, nil)
	assert.NoError(t, Retry(t.Context(), fn, RetryWithClock(clock), RetryMaxWait(3*time.Minute)))
	assert.Equal(t, 2, *calls)
	assert.Equal(t, []time.Duration{2 * time.Minute}, clock.waits)

	fn, calls = countCalls(later, nil)
	assert.NoError(t, Retry(t.Context(), fn, RetryWithClock(newFakeClock(t)), RetryMaxWait(2*time.Minute)), "a delay of exactly the longest wait is waited")
	assert.Equal(t, 2, *calls)
}

// TestRetryDeadline checks that Retry returns at once, with fn's error,
// rather than start a wait that would end at or after ctx's deadline.
func TestRetryDeadline(t *testing.T) {
	clock := newFakeClock(t)
	ctx, cancel := context.WithDeadline(t.Context(), clock.now.Add(2*time.Second))
	defer cancel()
	tests := []struct {
		delay time.Duration
		calls int
	}{
		{3 * time.Second, 1},
		{2 * time.Second, 1}, // ends at the deadline: no time left to try
		{time.Second, 2},
	}
	for _, tt := range tests {
		clock.waits = nil
		tooLong := &testError{name: "wait", canRetry: true, delay: tt.delay}
		fn, calls := countCalls(tooLong, nil)
		err := Retry(ctx, fn, RetryWithClock(clock))
		if tt.calls == 1 {
			assert.Same(t, tooLong, err, "after %v", tt.delay)
			assert.Empty(t, clock.waits, "after %v", tt.delay)
		} else {
			assert.NoError(t, err, "after %v", tt.delay)
			assert.Equal(t, []time.Duration{tt.delay}, clock.waits)
		}
		assert.Equal(t, tt.calls, *calls, "after %v", tt.delay)
	}
}

// TestRetryCanceledDuringSleep checks that a context that ends during a
// wait ends Retry, which returns fn's error rather than the context's.
func TestRetryCanceledDuringSleep(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	clock := newFakeClock(t)
	clock.duringSleep = cancel
	fn, calls := countCalls(errRetryable, nil)
	err := Retry(ctx, fn, RetryWithClock(clock))
	assert.Same(t, errRetryable, err)
	assert.Equal(t, 1, *calls)

	// fn's error is returned even when it is the context's.
	fn, calls = countCalls(fmt.Errorf("%w: %w", errRetryable, context.Canceled))
	assert.ErrorIs(t, Retry(ctx, fn, RetryWithClock(newFakeClock(t))), context.Canceled)
	assert.Equal(t, 1, *calls)
}

// TestRetryRealClock runs Retry on the real clock in a synctest bubble,
// where time moves only when every goroutine waits: the waits are those
// the server asked for, to the nanosecond, and an ended context cuts one
// short.
func TestRetryRealClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		fn, calls := countCalls(&testError{name: "wait", canRetry: true, delay: time.Second})
		assert.Error(t, Retry(t.Context(), fn, RetryAttempts(4)))
		assert.Equal(t, 4, *calls)
		assert.Equal(t, 3*time.Second, time.Since(start))
	})
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(1500*time.Millisecond, cancel)
		fn, calls := countCalls(&testError{name: "wait", canRetry: true, delay: time.Second})
		err := Retry(ctx, fn, RetryAttempts(4))
		assert.Equal(t, 2, *calls)
		assert.Equal(t, 1500*time.Millisecond, time.Since(start))
		assert.NotErrorIs(t, err, context.Canceled)
	})
}

// TestRetryAfter checks that RetryAfter finds the first delay in the
// chain, depth-first as errors.As walks it, passing over errors that
// carry none.
func TestRetryAfter(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want time.Duration
		ok   bool
	}{
		{"nil", nil, 0, false},
		{"plain", errors.New("x"), 0, false},
		{"no delay", errRetryable, 0, false},
		{"delay", delayError(time.Second), time.Second, true},
		{"wrapped", fmt.Errorf("call: %w", fmt.Errorf("send: %w", delayError(time.Second))), time.Second, true},
		{"outer first", fmt.Errorf("%w", &testError{delay: 2 * time.Second, name: "outer"}), 2 * time.Second, true},
		{"not ok passed over", &wrapping{&testError{delay: 2 * time.Second, hideDelay: true}, delayError(time.Second)}, time.Second, true},
		{"joined depth first", errors.Join(errors.New("x"), fmt.Errorf("%w", delayError(time.Second)), delayError(2*time.Second)), time.Second, true},
		{"joined none", errors.Join(errors.New("x"), errRetryable), 0, false},
		{"multiple %w", fmt.Errorf("%w and %w", errRetryable, delayError(3*time.Second)), 3 * time.Second, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := RetryAfter(tt.err)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, d)
		})
	}
}

// wrapping is an error with a delay that reports none, around another
// error.
type wrapping struct {
	*testError
	inner error
}

func (w *wrapping) Unwrap() error { return w.inner }

// TestRetryDelayUntil checks the helper of retryDelay methods that read a
// reset time.
func TestRetryDelayUntil(t *testing.T) {
	now := headerNow
	tests := []struct {
		reset time.Time
		want  time.Duration
		ok    bool
	}{
		{now.Add(30 * time.Second), 30 * time.Second, true},
		{now.Add(24 * time.Hour), 24 * time.Hour, true},
		{now.Add(24*time.Hour + time.Nanosecond), 0, false},
		{now, 0, false},
		{now.Add(-time.Second), 0, false},
		{time.Time{}, 0, false},
	}
	for _, tt := range tests {
		d, ok := retryDelayUntil(tt.reset, now)
		assert.Equal(t, tt.ok, ok, "%v", tt.reset)
		if tt.ok {
			assert.Equal(t, tt.want, d, "%v", tt.reset)
		}
	}
}

// stillClock is a RetryClock that allocates nothing, for counting
// Retry's own allocations.
type stillClock struct{ now time.Time }

func (c *stillClock) Now() time.Time { return c.now }

func (c *stillClock) Sleep(ctx context.Context, d time.Duration) error {
	c.now = c.now.Add(d)
	return ctx.Err()
}

// TestRetryAllocs checks that an attempt costs no allocation: ten cost
// what two do, on a fake clock and on the real one.
func TestRetryAllocs(t *testing.T) {
	ctx := context.Background()
	allocs := func(attempts int, err error, opts ...RetryOption) float64 {
		opts = append(opts, RetryAttempts(attempts))
		fn := func(context.Context) error { return err }
		return testing.AllocsPerRun(100, func() { _ = Retry(ctx, fn, opts...) })
	}
	delayed := &testError{name: "wait", canRetry: true, delay: time.Millisecond}
	clock := &stillClock{now: time.Now()}
	assert.Equal(t, allocs(2, errRetryable, RetryWithClock(clock)), allocs(10, errRetryable, RetryWithClock(clock)), "backoff, fake clock")
	assert.Equal(t, allocs(2, delayed, RetryWithClock(clock)), allocs(10, delayed, RetryWithClock(clock)), "server delay, fake clock")
	assert.Equal(t, allocs(2, errRetryable, RetryBaseDelay(0)), allocs(10, errRetryable, RetryBaseDelay(0)), "no delay, real clock")
	assert.Equal(t, allocs(2, &testError{canRetry: true, delay: 1}), allocs(10, &testError{canRetry: true, delay: 1}), "1ns server delay, real clock")

	fn := func(context.Context) error { return errFinal }
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = Retry(ctx, fn) }), "no options")
}

// BenchmarkRetry measures what Retry costs per attempt on the real clock,
// with waits so short that the cost is Retry's own: none between tries
// (the backoff with no base delay), and a timer reset for each try (a
// server delay of 1ns). Compare the allocs/op of 2 and 10 attempts.
func BenchmarkRetry(b *testing.B) {
	cases := []struct {
		name string
		err  error
		opts []RetryOption
	}{
		{"backoff_zero", errRetryable, []RetryOption{RetryBaseDelay(0)}},
		{"server_1ns", &testError{name: "wait", canRetry: true, delay: time.Nanosecond}, nil},
	}
	for _, bc := range cases {
		for _, attempts := range []int{2, 10} {
			b.Run(fmt.Sprintf("%s/attempts=%d", bc.name, attempts), func(b *testing.B) {
				ctx := context.Background()
				opts := append(bc.opts[:len(bc.opts):len(bc.opts)], RetryAttempts(attempts))
				fn := func(context.Context) error { return bc.err }
				b.ReportAllocs()
				for b.Loop() {
					_ = Retry(ctx, fn, opts...)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*attempts), "ns/attempt")
			})
		}
	}
}

// reply is one response of a scriptedServer.
type reply struct {
	status int
	header http.Header
	body   string
}

// scriptedServer answers with its replies in turn, the last one from then
// on, and keeps the bodies of the requests it got.
type scriptedServer struct {
	*httptest.Server
	mu       sync.Mutex
	replies  []reply
	requests []string
}

func newScriptedServer(t *testing.T, replies ...reply) *scriptedServer {
	s := &scriptedServer{replies: replies}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		assert.NoError(t, err)
		s.mu.Lock()
		r2 := s.replies[min(len(s.requests), len(s.replies)-1)]
		s.requests = append(s.requests, string(body))
		s.mu.Unlock()
		maps.Copy(w.Header(), r2.header)
		w.WriteHeader(r2.status)
		_, _ = io.WriteString(w, r2.body)
	}))
	t.Cleanup(s.Close)
	return s
}

// got returns the bodies of the requests the server got.
func (s *scriptedServer) got() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// closeCounter is a RoundTripper that counts the response bodies closed,
// and those read to their end before.
type closeCounter struct {
	base            http.RoundTripper
	closed, drained atomic.Int32
}

func (c *closeCounter) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := c.base.RoundTrip(req)
	if resp != nil {
		resp.Body = &countedBody{ReadCloser: resp.Body, counter: c}
	}
	return resp, err
}

type countedBody struct {
	io.ReadCloser
	counter *closeCounter
	ended   bool
}

func (b *countedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF {
		b.ended = true
	}
	return n, err
}

func (b *countedBody) Close() error {
	b.counter.closed.Add(1)
	if b.ended {
		b.counter.drained.Add(1)
	}
	return b.ReadCloser.Close()
}

// readBody reads and closes resp's body.
func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	return string(body)
}

func get(t *testing.T, rt http.RoundTripper, url string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	require.NoError(t, err)
	resp, err := rt.RoundTrip(req)
	require.NoError(t, err)
	return resp
}

func TestRetryTransportRetryAfter(t *testing.T) {
	server := newScriptedServer(t,
		reply{status: 429, header: http.Header{"Retry-After": {"2"}}, body: `{"error":"slow down"}`},
		reply{status: 200, body: "done"})
	clock := newFakeClock(t)
	client := &http.Client{Transport: &RetryTransport{Options: []RetryOption{RetryWithClock(clock)}}}
	resp, err := client.Get(server.URL)
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "done", readBody(t, resp))
	assert.Equal(t, []time.Duration{2 * time.Second}, clock.waits)
	assert.Len(t, server.got(), 2)
}

// TestRetryTransportRetryAfterDate checks that an HTTP-date in
// Retry-After is waited for as the server's clock, in the Date header,
// measures it: here that clock is an hour slow.
func TestRetryTransportRetryAfterDate(t *testing.T) {
	date := time.Now().Add(-time.Hour).UTC().Truncate(time.Second)
	server := newScriptedServer(t,
		reply{status: 503, header: http.Header{
			"Date":        {date.Format(http.TimeFormat)},
			"Retry-After": {date.Add(3 * time.Second).Format(http.TimeFormat)},
		}},
		reply{status: 204})
	clock := newFakeClock(t)
	resp := get(t, &RetryTransport{Options: []RetryOption{RetryWithClock(clock)}}, server.URL)
	assert.Equal(t, 204, resp.StatusCode)
	readBody(t, resp)
	assert.Equal(t, []time.Duration{3 * time.Second}, clock.waits)
}

// TestRetryTransportGivesUp checks a server that keeps failing: the
// backoff waits between the attempts, and the last response handed back
// whole, though FromResponse read its start, while the others were read
// to their end and closed.
func TestRetryTransportGivesUp(t *testing.T) {
	var replies []reply
	for i := range 3 {
		replies = append(replies, reply{status: 503, body: fmt.Sprintf("reply %d: %s", i, strings.Repeat("unavailable ", 1000))})
	}
	server := newScriptedServer(t, replies...)
	clock := newFakeClock(t)
	counter := &closeCounter{base: http.DefaultTransport}
	resp := get(t, &RetryTransport{Base: counter, Options: []RetryOption{RetryWithClock(clock), RetryBaseDelay(time.Second)}}, server.URL)
	assert.Equal(t, 503, resp.StatusCode)
	assert.Len(t, server.got(), 3)
	require.Len(t, clock.waits, 2)
	assert.Less(t, clock.waits[0], time.Second)
	assert.Less(t, clock.waits[1], 2*time.Second)
	assert.EqualValues(t, 2, counter.closed.Load(), "the responses retried are closed")
	assert.EqualValues(t, 2, counter.drained.Load(), "and read to their end before")
	assert.Equal(t, replies[2].body, readBody(t, resp))
	assert.EqualValues(t, 3, counter.closed.Load(), "the caller closes the last")
}

func TestRetryTransportFinalError(t *testing.T) {
	server := newScriptedServer(t, reply{status: 400, body: `{"error":"bad request"}`}, reply{status: 200})
	clock := newFakeClock(t)
	resp := get(t, &RetryTransport{Options: []RetryOption{RetryWithClock(clock)}}, server.URL)
	assert.Equal(t, 400, resp.StatusCode)
	assert.Equal(t, `{"error":"bad request"}`, readBody(t, resp))
	assert.Len(t, server.got(), 1)
	assert.Empty(t, clock.waits)
}

// TestRetryTransportOverMaxWait checks that a response whose delay is
// longer than the longest wait is handed back at once.
func TestRetryTransportOverMaxWait(t *testing.T) {
	server := newScriptedServer(t, reply{status: 429, header: http.Header{"Retry-After": {"3600"}}, body: "later"}, reply{status: 200})
	clock := newFakeClock(t)
	resp := get(t, &RetryTransport{Options: []RetryOption{RetryWithClock(clock)}}, server.URL)
	assert.Equal(t, 429, resp.StatusCode)
	assert.Equal(t, "later", readBody(t, resp))
	assert.Len(t, server.got(), 1)
	assert.Empty(t, clock.waits)
}

// TestRetryTransportCanceledDuringWait checks that a context that ends
// during a wait ends RoundTrip, which hands back the last response, with
// its body, although that was read and closed before the wait.
func TestRetryTransportCanceledDuringWait(t *testing.T) {
	server := newScriptedServer(t, reply{status: 429, header: http.Header{"Retry-After": {"2"}}, body: "slow down"}, reply{status: 200})
	ctx, cancel := context.WithCancel(t.Context())
	clock := newFakeClock(t)
	clock.duringSleep = cancel
	counter := &closeCounter{base: http.DefaultTransport}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, server.URL, nil)
	require.NoError(t, err)
	resp, err := (&RetryTransport{Base: counter, Options: []RetryOption{RetryWithClock(clock)}}).RoundTrip(req)
	require.NoError(t, err)
	assert.Equal(t, 429, resp.StatusCode)
	assert.EqualValues(t, 1, counter.drained.Load(), "read and closed before the wait")
	assert.Equal(t, "slow down", readBody(t, resp))
	assert.EqualValues(t, 1, counter.closed.Load(), "closed once")
	assert.Len(t, server.got(), 1)
}

// TestRetryTransportLongBody checks that an error response whose body is
// too long to keep through a wait is handed back, whole, not retried.
func TestRetryTransportLongBody(t *testing.T) {
	long := strings.Repeat("x", retryBodyLimit+1)
	server := newScriptedServer(t, reply{status: 503, body: long}, reply{status: 200})
	clock := newFakeClock(t)
	resp := get(t, &RetryTransport{Options: []RetryOption{RetryWithClock(clock)}}, server.URL)
	assert.Equal(t, 503, resp.StatusCode)
	assert.Equal(t, long, readBody(t, resp))
	assert.Len(t, server.got(), 1)

	fits := long[1:]
	server = newScriptedServer(t, reply{status: 503, body: fits}, reply{status: 503, body: "again"})
	resp = get(t, &RetryTransport{Options: []RetryOption{RetryWithClock(clock), RetryAttempts(2)}}, server.URL)
	assert.Equal(t, "again", readBody(t, resp))
	assert.Len(t, server.got(), 2, "a body of exactly the limit is kept")
}

// TestRetryTransportUnreplayableBody checks that a request whose body
// cannot be read again is sent once.
func TestRetryTransportUnreplayableBody(t *testing.T) {
	server := newScriptedServer(t, reply{status: 503, body: "unavailable"}, reply{status: 200})
	clock := newFakeClock(t)
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, server.URL, io.NopCloser(strings.NewReader("payload")))
	require.NoError(t, err)
	require.Nil(t, req.GetBody)
	resp, err := (&RetryTransport{Options: []RetryOption{RetryWithClock(clock)}}).RoundTrip(req)
	require.NoError(t, err)
	assert.Equal(t, 503, resp.StatusCode)
	assert.Equal(t, "unavailable", readBody(t, resp))
	assert.Equal(t, []string{"payload"}, server.got())
	assert.Empty(t, clock.waits)
}

// TestRetryTransportReplaysBody checks that a request with GetBody is
// sent again with the same body, from clones, the caller's request left
// as it was.
func TestRetryTransportReplaysBody(t *testing.T) {
	server := newScriptedServer(t, reply{status: 503}, reply{status: 502}, reply{status: 201, body: "created"})
	clock := newFakeClock(t)
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, server.URL, bytes.NewReader([]byte(`{"amount":50}`)))
	require.NoError(t, err)
	req.Header.Set("Idempotency-Key", "k1")
	require.NotNil(t, req.GetBody)
	body, header := req.Body, req.Header.Clone()
	resp, err := (&RetryTransport{Options: []RetryOption{RetryWithClock(clock)}}).RoundTrip(req)
	require.NoError(t, err)
	assert.Equal(t, 201, resp.StatusCode)
	assert.Equal(t, "created", readBody(t, resp))
	assert.Equal(t, []string{`{"amount":50}`, `{"amount":50}`, `{"amount":50}`}, server.got())
	assert.True(t, body == req.Body, "the caller's request keeps its body")
	assert.Equal(t, header, req.Header)
}

// TestRetryTransportGetBodyFails checks that a request whose GetBody
// fails is not sent again, and the response is handed back.
func TestRetryTransportGetBodyFails(t *testing.T) {
	server := newScriptedServer(t, reply{status: 503, body: "unavailable"}, reply{status: 200})
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, server.URL, strings.NewReader("payload"))
	require.NoError(t, err)
	req.GetBody = func() (io.ReadCloser, error) { return nil, errors.New("gone") }
	resp, err := (&RetryTransport{Options: []RetryOption{RetryWithClock(newFakeClock(t))}}).RoundTrip(req)
	require.NoError(t, err)
	assert.Equal(t, "unavailable", readBody(t, resp))
	assert.Len(t, server.got(), 1)
}

// roundTripFunc is a RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// TestRetryTransportError checks that an error of Base is returned as it
// is, and not retried.
func TestRetryTransportError(t *testing.T) {
	refused := errors.New("connection refused")
	calls := 0
	base := roundTripFunc(func(*http.Request) (*http.Response, error) {
		calls++
		return nil, refused
	})
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, "http://example.test/", nil)
	require.NoError(t, err)
	resp, err := (&RetryTransport{Base: base, Options: []RetryOption{RetryWithClock(newFakeClock(t))}}).RoundTrip(req)
	assert.Nil(t, resp)
	assert.Same(t, refused, err)
	assert.Equal(t, 1, calls)

	// Nor is an error on a retry: the response before it is dropped.
	server := newScriptedServer(t, reply{status: 503})
	calls = 0
	base = func(req *http.Request) (*http.Response, error) {
		if calls++; calls > 1 {
			return nil, refused
		}
		return http.DefaultTransport.RoundTrip(req)
	}
	req, err = http.NewRequestWithContext(t.Context(), http.MethodGet, server.URL, nil)
	require.NoError(t, err)
	resp, err = (&RetryTransport{Base: base, Options: []RetryOption{RetryWithClock(newFakeClock(t))}}).RoundTrip(req)
	assert.Nil(t, resp)
	assert.Same(t, refused, err)
	assert.Equal(t, 2, calls)
}

// TestRetryTransportSuccessUntouched checks that a response below 400 is
// handed back as Base gave it, unread and without an allocation.
func TestRetryTransportSuccessUntouched(t *testing.T) {
	body := io.NopCloser(strings.NewReader("ok"))
	ok := &http.Response{StatusCode: 200, Body: body}
	base := roundTripFunc(func(*http.Request) (*http.Response, error) { return ok, nil })
	rt := &RetryTransport{Base: base, Options: []RetryOption{RetryAttempts(5)}}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, "http://example.test/", nil)
	require.NoError(t, err)
	resp, err := rt.RoundTrip(req)
	require.NoError(t, err)
	assert.Same(t, ok, resp)
	assert.True(t, body == resp.Body)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = rt.RoundTrip(req) }))
	for _, status := range []int{101, 204, 304, 399} {
		ok.StatusCode = status
		resp, _ := rt.RoundTrip(req)
		assert.True(t, body == resp.Body, "status %d", status)
	}
}

// TestRetryTransportErrorsOn2xx checks an API that sends errors with a
// 2xx status: such a response is read and retried, and a 2xx success is
// handed back with its body whole.
func TestRetryTransportErrorsOn2xx(t *testing.T) {
	errorsOn2xx = true
	t.Cleanup(func() { errorsOn2xx = false })
	success := `{"ok":true,"channels":[` + strings.Repeat(`"general",`, 200) + `"random"]}`
	server := newScriptedServer(t,
		reply{status: 200, header: http.Header{"Retry-After": {"1"}}, body: `{"ok":false,"error":"ratelimited"}`},
		reply{status: 200, body: success})
	clock := newFakeClock(t)
	counter := &closeCounter{base: http.DefaultTransport}
	resp := get(t, &RetryTransport{Base: counter, Options: []RetryOption{RetryWithClock(clock)}}, server.URL)
	assert.Equal(t, success, readBody(t, resp))
	assert.Equal(t, []time.Duration{time.Second}, clock.waits)
	assert.EqualValues(t, 2, counter.closed.Load())

	server = newScriptedServer(t, reply{status: 200, body: `{"ok":false,"error":"invalid_auth"}`}, reply{status: 200})
	resp = get(t, &RetryTransport{Options: []RetryOption{RetryWithClock(clock)}}, server.URL)
	assert.Equal(t, `{"ok":false,"error":"invalid_auth"}`, readBody(t, resp))
	assert.Len(t, server.got(), 1)
}

// TestRetryTransportZeroValue checks that the zero RetryTransport sends
// with http.DefaultTransport, and passes CloseIdleConnections on.
func TestRetryTransportZeroValue(t *testing.T) {
	server := newScriptedServer(t, reply{status: 200, body: "ok"})
	var rt RetryTransport
	assert.Equal(t, "ok", readBody(t, get(t, &rt, server.URL)))
	rt.CloseIdleConnections()

	closed := false
	rt.Base = idleCloser{&closed}
	rt.CloseIdleConnections()
	assert.True(t, closed)
}

type idleCloser struct{ closed *bool }

func (idleCloser) RoundTrip(*http.Request) (*http.Response, error) { return nil, errors.ErrUnsupported }
func (c idleCloser) CloseIdleConnections()                         { *c.closed = true }
