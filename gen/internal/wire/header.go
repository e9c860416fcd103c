// errgen copies this file, below the package clause, into generated
// packages as it copies wire.go, for the header fields a spec declares: it
// depends on the standard library alone and its names are unexported.

package wire

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// headerDurationFormat is how a header field writes a delay. Generated
// code passes one of the constants below, from the field's format in the
// spec.
type headerDurationFormat uint8

const (
	// headerSeconds is Retry-After as RFC 9110 (section 10.2.3) has it:
	// whole seconds, or an HTTP-date to wait until.
	headerSeconds headerDurationFormat = iota
	// headerMillis is milliseconds, as OpenAI's retry-after-ms sends
	// them: whole ones are written, and a decimal fraction is read too.
	headerMillis
	// headerGoDuration is Go's duration text, as OpenAI's
	// x-ratelimit-reset-requests: 6m0s sends it.
	headerGoDuration
)

// headerTimeFormat is how a header field writes a point in time.
type headerTimeFormat uint8

const (
	// headerHTTPDate is the HTTP-date of RFC 9110, as http.ParseTime
	// reads it and http.TimeFormat writes it.
	headerHTTPDate headerTimeFormat = iota
	// headerUnixTime is whole seconds since 1970, as GitHub's
	// x-ratelimit-reset sends them.
	headerUnixTime
	// headerRFC3339 is RFC 3339 text, as Anthropic's
	// anthropic-ratelimit-requests-reset sends it.
	headerRFC3339
)

// The bounds of what a header is trusted to say. A value outside them is
// read as absent: it comes from a broken clock or a broken server, and a
// client that obeyed it would hang or give up for no reason.
const (
	// maxHeaderDelay is the longest delay read: rate limits reset within
	// minutes or hours, and a day of silence looks like a hung client.
	maxHeaderDelay = 24 * time.Hour
	// minHeaderUnix is 2000-01-01T00:00:00Z in Unix seconds: an earlier
	// time is a clock that was never set, or a counter sent as a time.
	minHeaderUnix = 946684800
	// maxHeaderAhead is how far ahead of now a time may be: a year is
	// ample for a reset time and for a server's clock that runs fast.
	maxHeaderAhead = 366 * 24 * time.Hour
)

// headerString returns the first value of h's field key, or "". key must
// be canonical, as textproto.CanonicalMIMEHeaderKey writes it: it is
// looked up as given, since generated code passes a canonical literal and
// Header.Get would check its case again on every call.
func headerString(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// headerInt returns the int in h's field key (canonical, see
// headerString), as strconv writes it in base 10. Any int is taken, a
// negative one too: the spec says what the field counts, not this.
func headerInt(h http.Header, key string) (int, bool) {
	n, err := strconv.ParseInt(headerString(h, key), 10, strconv.IntSize)
	if err != nil {
		return 0, false
	}
	return int(n), true
}

// headerDuration returns the delay in h's field key (canonical, see
// headerString), written in format f, or 0 when it is absent, malformed,
// not positive, or longer than maxHeaderDelay. An HTTP-date in a
// headerSeconds field is a delay from the response's Date, when that is a
// time headerTime accepts, so that the server's clock, not the client's,
// measures it; else from now.
func headerDuration(h http.Header, key string, f headerDurationFormat, now time.Time) time.Duration {
	v := headerString(h, key)
	if v == "" {
		return 0
	}
	var d time.Duration
	ok := false
	switch f {
	case headerSeconds:
		var seconds int64
		if seconds, ok = parseHeaderDigits(v, int64(maxHeaderDelay/time.Second)); ok {
			d = time.Duration(seconds) * time.Second
		} else if until, err := http.ParseTime(v); err == nil {
			from := headerTime(h, "Date", headerHTTPDate, now)
			if from.IsZero() {
				from = now
			}
			d, ok = until.Sub(from), true
		}
	case headerMillis:
		d, ok = parseHeaderMillis(v)
	case headerGoDuration:
		var err error
		d, err = time.ParseDuration(v)
		ok = err == nil
	}
	if !ok || d <= 0 || d > maxHeaderDelay {
		return 0
	}
	return d
}

// headerTime returns the time in h's field key (canonical, see
// headerString), written in format f, in UTC, or the zero time when it is
// absent, malformed, before 2000 or more than maxHeaderAhead after now.
func headerTime(h http.Header, key string, f headerTimeFormat, now time.Time) time.Time {
	v := headerString(h, key)
	if v == "" {
		return time.Time{}
	}
	latest := now.Add(maxHeaderAhead)
	var t time.Time
	ok := false
	switch f {
	case headerHTTPDate:
		var err error
		t, err = http.ParseTime(v)
		ok = err == nil
	case headerUnixTime:
		var seconds int64
		if seconds, ok = parseHeaderDigits(v, latest.Unix()); ok {
			t = time.Unix(seconds, 0)
		}
	case headerRFC3339:
		var err error
		t, err = time.Parse(time.RFC3339, v)
		ok = err == nil
	}
	if !ok || t.Unix() < minHeaderUnix || t.After(latest) {
		return time.Time{}
	}
	return t.UTC()
}

// parseHeaderDigits reads s, ASCII digits only, as a number up to limit.
// Signs, spaces and other bases are malformed here: no header format
// this file reads has them. It stops at the first digit that takes the
// number over limit, so no length of s overflows.
func parseHeaderDigits(s string, limit int64) (int64, bool) {
	if s == "" {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n = n*10 + int64(c-'0'); n > limit {
			return 0, false
		}
	}
	return n, true
}

// parseHeaderMillis reads milliseconds: digits, and optionally a point
// and more digits, of which those below a nanosecond are dropped.
func parseHeaderMillis(s string) (time.Duration, bool) {
	whole, fraction, hasPoint := strings.Cut(s, ".")
	ms, ok := parseHeaderDigits(whole, int64(maxHeaderDelay/time.Millisecond))
	if !ok || hasPoint && fraction == "" {
		return 0, false
	}
	d := time.Duration(ms) * time.Millisecond
	unit := time.Millisecond / 10
	for i := 0; i < len(fraction); i++ {
		c := fraction[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		d += time.Duration(c-'0') * unit
		unit /= 10
	}
	return d, true
}

// setHeaderDuration sets h's field key (canonical, see headerString) to d
// in format f, rounded up to the format's unit, so that a client told to
// wait never comes back early. A d that is not positive sets nothing: it
// would read back as absent anyway.
func setHeaderDuration(h http.Header, key string, d time.Duration, f headerDurationFormat) {
	if d <= 0 {
		return
	}
	var buf [32]byte
	h[key] = []string{string(appendHeaderDuration(buf[:0], d, f))}
}

// appendHeaderDuration appends d, which is positive, as setHeaderDuration
// writes it.
func appendHeaderDuration(dst []byte, d time.Duration, f headerDurationFormat) []byte {
	switch f {
	case headerSeconds:
		return strconv.AppendInt(dst, int64(divideUp(d, time.Second)), 10)
	case headerMillis:
		return strconv.AppendInt(dst, int64(divideUp(d, time.Millisecond)), 10)
	}
	return append(dst, d.String()...)
}

// divideUp returns d/unit rounded up, for a positive d, without the
// overflow that d+unit-1 would risk.
func divideUp(d, unit time.Duration) time.Duration {
	q := d / unit
	if d%unit != 0 {
		q++
	}
	return q
}

// setHeaderTime sets h's field key (canonical, see headerString) to t in
// format f, in UTC, rounded up to the whole second that all three formats
// carry, for the reason setHeaderDuration rounds up. The zero time sets
// nothing, since it stands for no time.
func setHeaderTime(h http.Header, key string, t time.Time, f headerTimeFormat) {
	if t.IsZero() {
		return
	}
	var buf [64]byte
	h[key] = []string{string(appendHeaderTime(buf[:0], t, f))}
}

// appendHeaderTime appends t as setHeaderTime writes it.
func appendHeaderTime(dst []byte, t time.Time, f headerTimeFormat) []byte {
	if t.Nanosecond() != 0 {
		t = t.Truncate(time.Second).Add(time.Second)
	}
	switch f {
	case headerHTTPDate:
		return t.UTC().AppendFormat(dst, http.TimeFormat)
	case headerUnixTime:
		return strconv.AppendInt(dst, t.Unix(), 10)
	}
	return t.UTC().AppendFormat(dst, time.RFC3339)
}

// setHeaderInt sets h's field key (canonical, see headerString) to n.
// Zero is written too: a count such as the requests remaining is most
// telling when it is zero.
func setHeaderInt(h http.Header, key string, n int) {
	h[key] = []string{strconv.Itoa(n)}
}

// setHeaderString sets h's field key (canonical, see headerString) to s,
// unless s is empty, which headerString reads back as absent.
func setHeaderString(h http.Header, key, s string) {
	if s != "" {
		h[key] = []string{s}
	}
}
