package wire

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// headerNow is the now of the header tests: fixed, so that the tables can
// say where the bounds fall.
var headerNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// TestHeaderDuration lists what headerDuration reads for each format,
// well-formed, malformed, negative and out of bounds.
func TestHeaderDuration(t *testing.T) {
	date := headerNow.Add(-time.Hour).Format(http.TimeFormat) // a server clock an hour slow
	tests := []struct {
		name   string
		format headerDurationFormat
		value  string
		date   string // the response's Date, if any
		want   time.Duration
	}{
		{"seconds", headerSeconds, "2", "", 2 * time.Second},
		{"seconds leading zeros", headerSeconds, "007", "", 7 * time.Second},
		{"seconds a day", headerSeconds, "86400", "", 24 * time.Hour},
		{"seconds over a day", headerSeconds, "86401", "", 0},
		{"seconds zero", headerSeconds, "0", "", 0},
		{"seconds negative", headerSeconds, "-1", "", 0},
		{"seconds plus sign", headerSeconds, "+1", "", 0},
		{"seconds decimal", headerSeconds, "1.5", "", 0},
		{"seconds spaces", headerSeconds, " 2", "", 0},
		{"seconds hex", headerSeconds, "0x10", "", 0},
		{"seconds overflow", headerSeconds, "99999999999999999999999999", "", 0},
		{"seconds empty", headerSeconds, "", "", 0},
		{"seconds text", headerSeconds, "soon", "", 0},
		{"date from Date", headerSeconds, headerNow.Add(-time.Hour + 90*time.Second).Format(http.TimeFormat), date, 90 * time.Second},
		{"date from now without Date", headerSeconds, headerNow.Add(90 * time.Second).Format(http.TimeFormat), "", 90 * time.Second},
		{"date from now when Date is malformed", headerSeconds, headerNow.Add(90 * time.Second).Format(http.TimeFormat), "yesterday", 90 * time.Second},
		{"date from now when Date is before 2000", headerSeconds, headerNow.Add(90 * time.Second).Format(http.TimeFormat), "Fri, 31 Dec 1999 23:59:59 GMT", 90 * time.Second},
		{"date from now when Date is years ahead", headerSeconds, headerNow.Add(90 * time.Second).Format(http.TimeFormat), "Sat, 01 Jun 2030 12:00:00 GMT", 90 * time.Second},
		{"date RFC 850", headerSeconds, "Sunday, 01-Jun-25 12:00:30 GMT", "", 30 * time.Second},
		{"date ANSI C", headerSeconds, "Sun Jun  1 12:00:30 2025", "", 30 * time.Second},
		{"date passed", headerSeconds, headerNow.Add(-time.Second).Format(http.TimeFormat), "", 0},
		{"date now", headerSeconds, headerNow.Format(http.TimeFormat), "", 0},
		{"date over a day ahead", headerSeconds, headerNow.Add(24*time.Hour + time.Second).Format(http.TimeFormat), "", 0},
		{"date long ago", headerSeconds, "Mon, 01 Jan 0001 00:00:00 GMT", "", 0},
		{"date not GMT", headerSeconds, "Sun, 01 Jun 2025 12:00:30 PST", "", 0},
		{"ms", headerMillis, "20", "", 20 * time.Millisecond},
		{"ms decimal", headerMillis, "1.5", "", 1500 * time.Microsecond},
		{"ms nanosecond", headerMillis, "0.000001", "", time.Nanosecond},
		{"ms below a nanosecond", headerMillis, "0.0000009", "", 0},
		{"ms long fraction", headerMillis, "1.00000099999999999999999999", "", time.Millisecond},
		{"ms a day", headerMillis, "86400000", "", 24 * time.Hour},
		{"ms over a day", headerMillis, "86400001", "", 0},
		{"ms fraction over a day", headerMillis, "86400000.000001", "", 0},
		{"ms zero", headerMillis, "0", "", 0},
		{"ms zero decimal", headerMillis, "0.000", "", 0},
		{"ms negative", headerMillis, "-20", "", 0},
		{"ms point only", headerMillis, ".", "", 0},
		{"ms no whole part", headerMillis, ".5", "", 0},
		{"ms no fraction", headerMillis, "5.", "", 0},
		{"ms two points", headerMillis, "1.2.3", "", 0},
		{"ms exponent", headerMillis, "1e3", "", 0},
		{"ms comma", headerMillis, "1,5", "", 0},
		{"ms NaN", headerMillis, "NaN", "", 0},
		{"ms infinity", headerMillis, "Inf", "", 0},
		{"ms overflow", headerMillis, "99999999999999999999999999", "", 0},
		{"go", headerGoDuration, "6m0s", "", 6 * time.Minute},
		{"go fraction", headerGoDuration, "1.5s", "", 1500 * time.Millisecond},
		{"go ms", headerGoDuration, "20ms", "", 20 * time.Millisecond},
		{"go mixed", headerGoDuration, "1h2m3.5s", "", time.Hour + 2*time.Minute + 3500*time.Millisecond},
		{"go a day", headerGoDuration, "24h", "", 24 * time.Hour},
		{"go over a day", headerGoDuration, "24h0m0.000000001s", "", 0},
		{"go zero", headerGoDuration, "0s", "", 0},
		{"go bare zero", headerGoDuration, "0", "", 0},
		{"go negative", headerGoDuration, "-1s", "", 0},
		{"go no unit", headerGoDuration, "5", "", 0},
		{"go bad unit", headerGoDuration, "5x", "", 0},
		{"go overflow", headerGoDuration, "9999999999999999h", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.value != "" {
				h.Set("Retry-After", tt.value)
			}
			if tt.date != "" {
				h.Set("Date", tt.date)
			}
			assert.Equal(t, tt.want, headerDuration(h, "Retry-After", tt.format, headerNow))
		})
	}
}

// TestHeaderLookup checks how a field is found: by its key exactly as
// given, which generated code passes canonical, and by its first value.
func TestHeaderLookup(t *testing.T) {
	h := http.Header{}
	h.Set("retry-after-ms", "20")
	h.Add("X-Ratelimit-Remaining", "7")
	h.Add("X-Ratelimit-Remaining", "8")
	assert.Equal(t, 20*time.Millisecond, headerDuration(h, "Retry-After-Ms", headerMillis, headerNow), "Set stores the canonical key")
	assert.Zero(t, headerDuration(h, "retry-after-ms", headerMillis, headerNow), "the key is not canonicalized")
	n, ok := headerInt(h, "X-Ratelimit-Remaining")
	assert.True(t, ok)
	assert.Equal(t, 7, n, "the first value counts")
	assert.Equal(t, "7", headerString(h, "X-Ratelimit-Remaining"))
	assert.Empty(t, headerString(h, "X-Request-Id"))
	assert.Empty(t, headerString(nil, "X-Request-Id"), "a nil Header has no fields")
}

// TestHeaderTime lists what headerTime reads for each format.
func TestHeaderTime(t *testing.T) {
	reset := time.Date(2025, 6, 1, 12, 5, 0, 0, time.UTC)
	tests := []struct {
		name   string
		format headerTimeFormat
		value  string
		want   time.Time
	}{
		{"http", headerHTTPDate, "Sun, 01 Jun 2025 12:05:00 GMT", reset},
		{"http RFC 850", headerHTTPDate, "Sunday, 01-Jun-25 12:05:00 GMT", reset},
		{"http ANSI C", headerHTTPDate, "Sun Jun  1 12:05:00 2025", reset},
		{"http past", headerHTTPDate, "Sat, 01 Jan 2000 00:00:00 GMT", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"http before 2000", headerHTTPDate, "Fri, 31 Dec 1999 23:59:59 GMT", time.Time{}},
		{"http a year ahead", headerHTTPDate, headerNow.Add(366 * 24 * time.Hour).Format(http.TimeFormat), headerNow.Add(366 * 24 * time.Hour)},
		{"http over a year ahead", headerHTTPDate, headerNow.Add(366*24*time.Hour + time.Second).Format(http.TimeFormat), time.Time{}},
		{"http malformed", headerHTTPDate, "2025-06-01", time.Time{}},
		{"unix", headerUnixTime, "1748779500", reset},
		{"unix 2000", headerUnixTime, "946684800", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"unix before 2000", headerUnixTime, "946684799", time.Time{}},
		{"unix zero", headerUnixTime, "0", time.Time{}},
		{"unix negative", headerUnixTime, "-1748779500", time.Time{}},
		{"unix decimal", headerUnixTime, "1748779500.5", time.Time{}},
		{"unix milliseconds", headerUnixTime, "1748779500000", time.Time{}},
		{"unix overflow", headerUnixTime, "99999999999999999999999999", time.Time{}},
		{"rfc3339", headerRFC3339, "2025-06-01T12:05:00Z", reset},
		{"rfc3339 offset", headerRFC3339, "2025-06-01T14:05:00+02:00", reset},
		{"rfc3339 fraction", headerRFC3339, "2025-06-01T12:05:00.25Z", reset.Add(250 * time.Millisecond)},
		{"rfc3339 before 2000", headerRFC3339, "1999-12-31T23:59:59Z", time.Time{}},
		{"rfc3339 over a year ahead", headerRFC3339, "2027-06-01T12:05:00Z", time.Time{}},
		{"rfc3339 date only", headerRFC3339, "2025-06-01", time.Time{}},
		{"rfc3339 no zone", headerRFC3339, "2025-06-01T12:05:00", time.Time{}},
		{"empty", headerRFC3339, "", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.value != "" {
				h.Set("X-Ratelimit-Reset", tt.value)
			}
			got := headerTime(h, "X-Ratelimit-Reset", tt.format, headerNow)
			// assert.Equal compares the locations too: a time read is in
			// UTC, so that an error read from a response equals the one
			// that was sent.
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestHeaderInt lists what headerInt reads.
func TestHeaderInt(t *testing.T) {
	tests := []struct {
		value string
		want  int
		ok    bool
	}{
		{"0", 0, true},
		{"4999", 4999, true},
		{"-3", -3, true},
		{"", 0, false},
		{"many", 0, false},
		{"1.0", 0, false},
		{"1e3", 0, false},
		{"99999999999999999999999999", 0, false},
	}
	for _, tt := range tests {
		h := http.Header{"X-Ratelimit-Remaining": {tt.value}}
		n, ok := headerInt(h, "X-Ratelimit-Remaining")
		assert.Equal(t, tt.ok, ok, "%q", tt.value)
		assert.Equal(t, tt.want, n, "%q", tt.value)
	}
	_, ok := headerInt(http.Header{}, "X-Ratelimit-Remaining")
	assert.False(t, ok, "absent")
}

// TestSetHeaderDuration lists what each format writes, rounded up, and
// checks that it reads back as that.
func TestSetHeaderDuration(t *testing.T) {
	tests := []struct {
		format headerDurationFormat
		d      time.Duration
		text   string
		back   time.Duration
	}{
		{headerSeconds, 2 * time.Second, "2", 2 * time.Second},
		{headerSeconds, 1500 * time.Millisecond, "2", 2 * time.Second},
		{headerSeconds, time.Nanosecond, "1", time.Second},
		{headerSeconds, 24 * time.Hour, "86400", 24 * time.Hour},
		{headerMillis, 20 * time.Millisecond, "20", 20 * time.Millisecond},
		{headerMillis, 1500 * time.Microsecond, "2", 2 * time.Millisecond},
		{headerMillis, time.Nanosecond, "1", time.Millisecond},
		{headerGoDuration, 6 * time.Minute, "6m0s", 6 * time.Minute},
		{headerGoDuration, time.Hour + time.Nanosecond, "1h0m0.000000001s", time.Hour + time.Nanosecond},
		{headerGoDuration, 1500 * time.Microsecond, "1.5ms", 1500 * time.Microsecond},
		// Written as given, though a reader takes it as absent.
		{headerSeconds, 25 * time.Hour, "90000", 0},
		{headerSeconds, time.Duration(1<<63 - 1), "9223372037", 0},
		{headerMillis, time.Duration(1<<63 - 1), "9223372036855", 0},
	}
	for _, tt := range tests {
		h := http.Header{}
		setHeaderDuration(h, "Retry-After", tt.d, tt.format)
		assert.Equal(t, []string{tt.text}, h["Retry-After"], "%v in format %d", tt.d, tt.format)
		assert.Equal(t, tt.back, headerDuration(h, "Retry-After", tt.format, headerNow), "%v in format %d", tt.d, tt.format)
	}
	for _, f := range []headerDurationFormat{headerSeconds, headerMillis, headerGoDuration} {
		h := http.Header{}
		setHeaderDuration(h, "Retry-After", 0, f)
		setHeaderDuration(h, "Retry-After", -time.Second, f)
		assert.Empty(t, h, "no delay, no field, in format %d", f)
	}
}

// TestSetHeaderTime lists what each format writes, rounded up to the
// second, and checks that it reads back as that.
func TestSetHeaderTime(t *testing.T) {
	reset := time.Date(2025, 6, 1, 12, 5, 0, 0, time.UTC)
	berlin := time.FixedZone("CEST", 2*60*60)
	tests := []struct {
		format headerTimeFormat
		t      time.Time
		text   string
		back   time.Time
	}{
		{headerHTTPDate, reset, "Sun, 01 Jun 2025 12:05:00 GMT", reset},
		{headerHTTPDate, reset.In(berlin), "Sun, 01 Jun 2025 12:05:00 GMT", reset},
		{headerHTTPDate, reset.Add(time.Nanosecond), "Sun, 01 Jun 2025 12:05:01 GMT", reset.Add(time.Second)},
		{headerUnixTime, reset, "1748779500", reset},
		{headerUnixTime, reset.Add(-time.Nanosecond), "1748779500", reset},
		{headerRFC3339, reset, "2025-06-01T12:05:00Z", reset},
		{headerRFC3339, reset.In(berlin), "2025-06-01T12:05:00Z", reset},
		{headerRFC3339, reset.Add(250 * time.Millisecond), "2025-06-01T12:05:01Z", reset.Add(time.Second)},
	}
	for _, tt := range tests {
		h := http.Header{}
		setHeaderTime(h, "X-Ratelimit-Reset", tt.t, tt.format)
		assert.Equal(t, []string{tt.text}, h["X-Ratelimit-Reset"], "%v in format %d", tt.t, tt.format)
		back := headerTime(h, "X-Ratelimit-Reset", tt.format, headerNow)
		assert.Equal(t, tt.back, back, "%v in format %d", tt.t, tt.format)
	}
	h := http.Header{}
	setHeaderTime(h, "X-Ratelimit-Reset", time.Time{}, headerUnixTime)
	assert.Empty(t, h, "the zero time writes no field")
}

// TestSetHeaderIntString checks the int and string writers, and that a
// zero count is written while an empty string is not.
func TestSetHeaderIntString(t *testing.T) {
	h := http.Header{}
	setHeaderInt(h, "X-Ratelimit-Remaining", 0)
	setHeaderInt(h, "X-Ratelimit-Limit", 5000)
	setHeaderString(h, "X-Request-Id", "req_123")
	setHeaderString(h, "X-Empty", "")
	assert.Equal(t, http.Header{
		"X-Ratelimit-Remaining": {"0"},
		"X-Ratelimit-Limit":     {"5000"},
		"X-Request-Id":          {"req_123"},
	}, h)
	for key, want := range map[string]int{"X-Ratelimit-Remaining": 0, "X-Ratelimit-Limit": 5000} {
		n, ok := headerInt(h, key)
		assert.True(t, ok, key)
		assert.Equal(t, want, n, key)
	}
}

// headerSeed is a seed of FuzzHeaderDuration: a field's value and the
// response's Date.
type headerSeed struct {
	name  string
	value string
	date  string
}

// headerDurationSeeds are the seeds of FuzzHeaderDuration, each also a
// file in testdata/fuzz/FuzzHeaderDuration named after it.
func headerDurationSeeds() []headerSeed {
	return []headerSeed{
		{"seconds", "2", ""},
		{"seconds_day", "86400", ""},
		{"seconds_over", "86401", ""},
		{"negative", "-1", ""},
		{"decimal", "1.5", ""},
		{"long_fraction", "0.00000000000000000001", ""},
		{"go", "6m0s", ""},
		{"go_mixed", "1h2m3.5s", ""},
		{"go_overflow", "9999999999999999h", ""},
		{"http_date", "Sun, 01 Jun 2025 12:00:30 GMT", "Sun, 01 Jun 2025 12:00:00 GMT"},
		{"http_date_without_date", "Sun, 01 Jun 2025 12:00:30 GMT", ""},
		{"http_date_far", "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT"},
		{"unix", "1748779500", ""},
		{"rfc3339", "2025-06-01T12:05:00Z", ""},
		{"overflow", "99999999999999999999999999", ""},
		{"empty", "", ""},
	}
}

// FuzzHeaderDuration reads any value in every format, and checks that
// what is accepted is within the bounds, and that what is written back
// reads back as it, rounded up to the format's unit.
func FuzzHeaderDuration(f *testing.F) {
	for _, s := range headerDurationSeeds() {
		f.Add(s.value, s.date)
	}
	f.Fuzz(func(t *testing.T, value, date string) {
		h := http.Header{"Retry-After": {value}, "Date": {date}}
		units := map[headerDurationFormat]time.Duration{headerSeconds: time.Second, headerMillis: time.Millisecond, headerGoDuration: 1}
		for format, unit := range units {
			d := headerDuration(h, "Retry-After", format, headerNow)
			require.GreaterOrEqual(t, d, time.Duration(0), "format %d", format)
			require.LessOrEqual(t, d, maxHeaderDelay, "format %d", format)
			if d == 0 {
				continue
			}
			written := http.Header{}
			setHeaderDuration(written, "Retry-After", d, format)
			want := divideUp(d, unit) * unit
			if want > maxHeaderDelay {
				want = 0
			}
			require.Equal(t, want, headerDuration(written, "Retry-After", format, headerNow), "format %d, written as %q", format, written["Retry-After"])
		}
		for _, format := range []headerTimeFormat{headerHTTPDate, headerUnixTime, headerRFC3339} {
			got := headerTime(h, "Retry-After", format, headerNow)
			if got.IsZero() {
				continue
			}
			require.GreaterOrEqual(t, got.Unix(), int64(minHeaderUnix), "format %d", format)
			require.False(t, got.After(headerNow.Add(maxHeaderAhead)), "format %d", format)
			require.Equal(t, time.UTC, got.Location(), "format %d", format)
		}
	})
}
