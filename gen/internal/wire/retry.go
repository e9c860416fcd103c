// errgen copies this file, below the package clause, into generated
// packages as it copies wire.go. Unlike wire.go, it declares exported
// names: the retry API of every generated package. They all start with
// Retry, so that go doc lists them together and no error of a spec can
// take one. The file calls Retryable, FromResponse and errorStatus, which
// each generated package declares from its spec (api.go stands in for
// them here), and the generated error types' retryDelay methods.

package wire

import (
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"time"
)

// RetryAfter returns how long the server asked the client to wait before
// sending again the request that failed with err: the delay of the first
// error in err's chain that carries one, walking the chain depth-first
// (Unwrap() error and Unwrap() []error) as errors.As does. It reports
// false when no error does: the response had no delay or rate-limit reset
// header, or one whose value was not to be trusted.
func RetryAfter(err error) (time.Duration, bool) {
	return retryAfter(err, time.Now())
}

// retryDelayer is an error that knows how long the server asked to wait,
// as of now. The generated error types with a delay or reset header field
// implement it; the method is unexported so that only the package's own
// types can, and no other error is mistaken for a server's answer.
type retryDelayer interface {
	retryDelay(now time.Time) (time.Duration, bool)
}

// retryAfter is RetryAfter, as of now.
func retryAfter(err error, now time.Time) (time.Duration, bool) {
	for err != nil {
		if e, ok := err.(retryDelayer); ok {
			if d, ok := e.retryDelay(now); ok {
				return d, true
			}
		}
		switch wrapper := err.(type) {
		case interface{ Unwrap() error }:
			err = wrapper.Unwrap()
		case interface{ Unwrap() []error }:
			for _, inner := range wrapper.Unwrap() {
				if d, ok := retryAfter(inner, now); ok {
					return d, true
				}
			}
			return 0, false
		default:
			return 0, false
		}
	}
	return 0, false
}

// retryDelayUntil returns the wait until t, for the retryDelay method of
// an error whose header gives a reset time rather than a delay: none when
// t is the zero time (no header), has passed, or is further away than
// the longest delay a header may ask for.
func retryDelayUntil(t, now time.Time) (time.Duration, bool) {
	d := t.Sub(now)
	return d, !t.IsZero() && d > 0 && d <= maxHeaderDelay
}

// Retry calls fn until it returns nil, or an error that Retryable rejects,
// or until the attempts run out or ctx ends. It returns fn's last error,
// never ctx.Err() in its place: the caller learns why the request failed,
// not why retrying stopped.
//
// Between calls it waits as long as the server asked, as RetryAfter reads
// it, or else a random time below a ceiling that doubles from the base
// delay up to the maximum delay. Drawing the whole wait at random ("full
// jitter") spreads out clients that failed together, so that they do not
// come back together. When the server asks for more than the longest wait
// allowed, Retry returns at once: trying sooner would only be refused
// again. Nor does it start a wait that would end at or after ctx's
// deadline, since the next call would have no time left.
//
// By default fn is called at most 3 times, the backoff ceiling goes from
// 500ms to 8s, and a server may ask for up to 60s; see the RetryOption
// functions. Retry allocates nothing per attempt beyond what fn does.
func Retry(ctx context.Context, fn func(context.Context) error, opts ...RetryOption) error {
	p := newRetryPolicy(opts)
	defer p.stop()
	for attempt := 1; ; attempt++ {
		err := fn(ctx)
		if err == nil || attempt >= p.attempts || !Retryable(err) {
			return err
		}
		wait, ok := p.wait(ctx, err, attempt)
		if !ok || !p.sleep(ctx, wait) {
			return err
		}
	}
}

// RetryOption changes how Retry and RetryTransport retry.
type RetryOption func(*retryPolicy)

// RetryAttempts sets how many times a request is sent in all, the first
// time included: 3 by default, two retries as OpenAI's and Stripe's SDKs
// make. Fewer than 1 counts as 1.
func RetryAttempts(n int) RetryOption {
	return func(p *retryPolicy) { p.attempts = max(n, 1) }
}

// RetryBaseDelay sets the ceiling of the first backoff wait, 500ms by
// default; each later ceiling is twice the one before. With zero or less,
// a failure for which the server gave no delay is retried at once.
func RetryBaseDelay(d time.Duration) RetryOption {
	return func(p *retryPolicy) { p.baseDelay = d }
}

// RetryMaxDelay sets the highest ceiling of a backoff wait, 8s by default.
func RetryMaxDelay(d time.Duration) RetryOption {
	return func(p *retryPolicy) { p.maxDelay = d }
}

// RetryMaxWait sets the longest delay a server may ask for that is waited
// out, 60s by default; an error that asks for more is returned at once.
func RetryMaxWait(d time.Duration) RetryOption {
	return func(p *retryPolicy) { p.maxWait = d }
}

// RetryClock is the time that Retry and RetryTransport read and wait on.
// The real one serves unless RetryWithClock gives another, as a test does
// to check the waits without waiting them out. Now is compared with the
// deadline of the context, so it must read the same time line: a test
// clock starts at time.Now().
type RetryClock interface {
	// Now returns the current time.
	Now() time.Time
	// Sleep waits for d or until ctx ends, whichever comes first, and
	// returns ctx.Err().
	Sleep(ctx context.Context, d time.Duration) error
}

// RetryWithClock makes Retry and RetryTransport read and wait on c.
func RetryWithClock(c RetryClock) RetryOption {
	return func(p *retryPolicy) { p.clock = c }
}

// retryPolicy is what the options set, and the timer of the real clock.
type retryPolicy struct {
	attempts  int
	baseDelay time.Duration
	maxDelay  time.Duration
	maxWait   time.Duration
	clock     RetryClock // nil for the real clock
	// timer is made for the first wait on the real clock and reset for
	// the others, so a call costs one timer however often it waits.
	timer *time.Timer
}

// newRetryPolicy returns the default policy, changed by opts.
func newRetryPolicy(opts []RetryOption) retryPolicy {
	p := retryPolicy{attempts: 3, baseDelay: 500 * time.Millisecond, maxDelay: 8 * time.Second, maxWait: time.Minute}
	if len(opts) == 0 {
		return p
	}
	// An option may keep the pointer it is given, which puts the policy
	// it changes on the heap: made here, it costs a call without options
	// nothing.
	changed := new(retryPolicy)
	*changed = p
	for _, o := range opts {
		if o != nil {
			o(changed)
		}
	}
	return *changed
}

// wait returns how long to wait after the attempt-th try failed with err,
// or false when waiting is pointless: the server asked for more than
// maxWait, or the wait would not end before ctx's deadline.
func (p *retryPolicy) wait(ctx context.Context, err error, attempt int) (time.Duration, bool) {
	now := p.now()
	d, asked := retryAfter(err, now)
	switch {
	case asked && d > p.maxWait:
		return 0, false
	case !asked:
		if ceiling := backoffCeiling(attempt, p.baseDelay, p.maxDelay); ceiling > 0 {
			d = rand.N(ceiling)
		}
	}
	if deadline, ok := ctx.Deadline(); ok && !now.Add(d).Before(deadline) {
		return 0, false
	}
	return d, true
}

// backoffCeiling returns the bound of the backoff wait after the
// attempt-th try: min(maxDelay, baseDelay·2^(attempt-1)), without
// overflow however many attempts there are.
func backoffCeiling(attempt int, baseDelay, maxDelay time.Duration) time.Duration {
	if baseDelay <= 0 || maxDelay <= 0 {
		return 0
	}
	if doublings := attempt - 1; doublings < 63 && baseDelay <= maxDelay>>doublings {
		return baseDelay << doublings
	}
	return maxDelay
}

func (p *retryPolicy) now() time.Time {
	if p.clock != nil {
		return p.clock.Now()
	}
	return time.Now()
}

// sleep waits for d and reports whether ctx is still live after it.
func (p *retryPolicy) sleep(ctx context.Context, d time.Duration) bool {
	switch {
	case p.clock != nil:
		return p.clock.Sleep(ctx, d) == nil && ctx.Err() == nil
	case d <= 0:
		return ctx.Err() == nil
	case p.timer == nil:
		p.timer = time.NewTimer(d)
	default:
		p.timer.Reset(d)
	}
	select {
	case <-p.timer.C:
		return ctx.Err() == nil
	case <-ctx.Done():
		return false
	}
}

func (p *retryPolicy) stop() {
	if p.timer != nil {
		p.timer.Stop()
	}
}

// RetryTransport is an http.RoundTripper that retries, as Retry does and
// with the same options, a response that FromResponse turns into an error
// Retryable accepts. The request's context bounds the waits. Its zero
// value sends with http.DefaultTransport.
//
// It retries only a request it can send again: one without a body, or
// with GetBody, which http.NewRequest sets for a bytes.Buffer,
// bytes.Reader or strings.Reader. Each retry sends a clone of the request
// with a new body from GetBody; the caller's request is left as it was.
// An error from Base is returned as it is: there was no response to
// judge, and whether a request that may have reached the server can be
// sent again is for Base, such as http.Transport, to decide.
//
// A response that cannot be an error is handed back unread: below 400,
// unless the API sends errors with a 2xx status. Of a response that is
// retried, the body is read to its end and closed before the wait, so
// that its connection serves other requests meanwhile. When it stops,
// whether because the error is final, the attempts ran out or the context
// ended during a wait, RoundTrip returns the last response with its whole
// body, what FromResponse read of it included. To keep that promise
// without holding a connection through a wait, an error response whose
// body is longer than 64 KiB is returned rather than retried.
type RetryTransport struct {
	// Base sends each request; nil means http.DefaultTransport.
	Base http.RoundTripper
	// Options are those of Retry.
	Options []RetryOption
}

// retryBodyLimit is how long the body of a response RetryTransport
// retries may be: it is kept in memory through the wait.
const retryBodyLimit = 64 << 10

// RoundTrip sends req, and again while the response is an error worth
// retrying; see RetryTransport.
func (t *RetryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.base()
	resp, err := base.RoundTrip(req)
	// Checked before anything else, so that a success costs nothing.
	if err != nil || !errorStatus(resp.StatusCode) || !canRetryRequest(req) {
		return resp, err
	}
	return t.retry(base, req, resp)
}

// retry goes on from resp, the first response to req, which may be an
// error.
func (t *RetryTransport) retry(base http.RoundTripper, req *http.Request, resp *http.Response) (*http.Response, error) {
	ctx := req.Context()
	p := newRetryPolicy(t.Options)
	defer p.stop()
	for attempt := 1; attempt < p.attempts && errorStatus(resp.StatusCode); attempt++ {
		if resp.Body == nil {
			resp.Body = http.NoBody // a Base other than http.Transport may leave it nil
		}
		body := &keptBody{body: resp.Body}
		resp.Body = body
		apiErr := FromResponse(resp)
		// Whatever FromResponse left in resp.Body, the caller gets the
		// bytes it read and then the rest.
		resp.Body, body.replaying = body, true
		if apiErr == nil || !Retryable(apiErr) {
			break
		}
		wait, ok := p.wait(ctx, apiErr, attempt)
		if !ok || !body.readToEnd() || !p.sleep(ctx, wait) {
			break
		}
		next, ok := cloneToRetry(req)
		if !ok {
			break
		}
		retried, err := base.RoundTrip(next)
		if err != nil {
			return nil, err
		}
		resp = retried
	}
	return resp, nil
}

// CloseIdleConnections closes the idle connections of Base, when it can,
// so that http.Client's CloseIdleConnections reaches through.
func (t *RetryTransport) CloseIdleConnections() {
	if c, ok := t.base().(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

func (t *RetryTransport) base() http.RoundTripper {
	if t.Base == nil {
		return http.DefaultTransport
	}
	return t.Base
}

// canRetryRequest reports whether req can be sent again with the same body.
func canRetryRequest(req *http.Request) bool {
	return req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
}

// cloneToRetry returns a copy of req to send again, with a new body from
// GetBody when it has one.
func cloneToRetry(req *http.Request) (*http.Request, bool) {
	next := req.Clone(req.Context())
	if req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, false
		}
		next.Body = body
	}
	return next, true
}

// keptBody is a response body that keeps the bytes read from it, so that
// the caller can read it whole after FromResponse has read some of it:
// replaying, it gives those bytes again, then the rest.
type keptBody struct {
	body      io.ReadCloser // the response's own
	kept      []byte
	replaying bool
	replayed  int // of kept, while replaying
	// whole says that kept holds the whole body, and body is closed.
	whole bool
}

func (b *keptBody) Read(p []byte) (int, error) {
	if !b.replaying {
		n, err := b.body.Read(p)
		b.kept = append(b.kept, p[:n]...)
		return n, err
	}
	if b.replayed < len(b.kept) {
		n := copy(p, b.kept[b.replayed:])
		b.replayed += n
		return n, nil
	}
	if b.whole {
		return 0, io.EOF
	}
	return b.body.Read(p)
}

func (b *keptBody) Close() error {
	if b.whole {
		return nil
	}
	return b.body.Close()
}

// readToEnd reads the rest of the body into kept and closes it, before
// the response is put aside for a retry. It reports false, leaving the
// rest unread, when the body is longer than retryBodyLimit or fails to
// read: the response is then returned rather than retried.
func (b *keptBody) readToEnd() bool {
	rest, err := io.ReadAll(io.LimitReader(b.body, int64(retryBodyLimit+1-len(b.kept))))
	b.kept = append(b.kept, rest...)
	if err != nil || len(b.kept) > retryBodyLimit {
		return false
	}
	b.whole = true
	// Read to its end, the body has nothing left to report on closing.
	_ = b.body.Close()
	return true
}
