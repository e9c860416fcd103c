package wire

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkFloatParam checks parseFloatParam against strconv: it must accept s
// exactly when s is what AppendFloat writes for the value it reads.
func checkFloatParam(t *testing.T, s string, fmt byte, prec int) {
	t.Helper()
	got, ok := parseFloatParam([]byte(s), fmt, prec, true)
	f, err := strconv.ParseFloat(s, 64)
	want := err == nil && strconv.FormatFloat(f, fmt, prec, 64) == s
	require.Equal(t, want, ok, "%q with %%.%d%c", s, prec, fmt)
	if ok {
		require.Equal(t, s, strconv.FormatFloat(got, fmt, prec, 64), "%q with %%.%d%c", s, prec, fmt)
	}
}

func TestParseFloatParam(t *testing.T) {
	for _, s := range []string{
		"0.50", "0.25", "-0.00", "0.00", "1234.50", "00.50", "0.5", "+0.50", ".50", "0.", "-", "",
		"1e3", "NaN", "+Inf", "-Inf", "4503599627370.49", "4503599627370.50", "45035996273704.96",
		"9007199254740993.00", "1.005", "0.1", "123", "0123", "-0", "1_000.00",
	} {
		for prec := -1; prec <= 17; prec++ {
			for _, fmt := range []byte{'f', 'e', 'g'} {
				checkFloatParam(t, s, fmt, prec)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		f := math.Float64frombits(r.Uint64())
		if r.IntN(2) == 0 {
			f = (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(30)-10))
		}
		prec := r.IntN(18)
		s := strconv.FormatFloat(f, 'f', prec, 64)
		checkFloatParam(t, s, 'f', prec) // which also checks the value read renders back as s
		_, ok := parseFloatParam([]byte(s), 'f', prec, true)
		require.True(t, ok, "what strconv writes is read back: %s", s)
	}
}

func TestParseIntParam(t *testing.T) {
	for _, s := range []string{"0", "-0", "12", "012", "+12", "-12", "1_0", "ff", "FF", "9223372036854775807", "9223372036854775808", ""} {
		for _, base := range []int{2, 8, 10, 16} {
			got, ok := parseIntParam([]byte(s), base, true)
			n, err := strconv.ParseInt(s, base, 64)
			want := err == nil && strconv.FormatInt(n, base) == s
			assert.Equal(t, want, ok, "%q base %d", s, base)
			if ok {
				assert.Equal(t, s, strconv.FormatInt(int64(got), base))
			}
		}
	}
}

func TestParseQuotedParam(t *testing.T) {
	for _, s := range []string{`"a"`, `"a\"b"`, "`a`", `"\x41"`, `"é"`, `"\u00e9"`, `"`, `a`} {
		got, ok := parseQuotedParam([]byte(s), true)
		u, err := strconv.Unquote(s)
		want := err == nil && strconv.Quote(u) == s
		assert.Equal(t, want, ok, "%q", s)
		if ok {
			assert.Equal(t, u, got)
		}
	}
}

func TestCutParam(t *testing.T) {
	v, rest, ok := cutParam([]byte("1, and 2, and 3"), ", and ", true)
	assert.True(t, ok)
	assert.Equal(t, "1", string(v))
	assert.Equal(t, "2, and 3", string(rest))
	_, _, ok = cutParam([]byte("1 and 2"), ", and ", true)
	assert.False(t, ok)
	s, ok := cutPrefix([]byte("Max 3."), "Max ", true)
	assert.Equal(t, "3.", string(s))
	s, ok = cutSuffix(s, ".", ok)
	assert.True(t, ok)
	assert.Equal(t, "3", string(s))
	_, ok = cutSuffix([]byte("3"), "3.", true)
	assert.False(t, ok)
	_, ok = cutPrefix([]byte("Max 3."), "Min ", true)
	assert.False(t, ok)
}

func TestParseParamsAllocs(t *testing.T) {
	msg := []byte("Required: $0.50, Available: $0.25")
	allocs := testing.AllocsPerRun(100, func() {
		s, ok := cutPrefix(msg, "Required: $", true)
		v, s, ok := cutParam(s, ", Available: $", ok)
		_, ok = parseFloatParam(v, 'f', 2, ok)
		_, ok = parseFloatParam(s, 'g', -1, ok)
		_, ok = parseIntParam([]byte("-1234"), 10, ok)
		if !ok {
			panic("no match")
		}
	})
	assert.Zero(t, allocs)
}

// FuzzParseFloatParam checks parseFloatParam against strconv on any text.
func FuzzParseFloatParam(f *testing.F) {
	for _, s := range []string{"0.50", "-0.00", "4503599627370.50", "1e21", "NaN"} {
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, s string, prec uint8) {
		checkFloatParam(t, s, 'f', int(prec%20)-1)
		checkFloatParam(t, s, 'g', int(prec%20)-1)
	})
}

// checkAppendFixed compares appendFixed with strconv.AppendFloat.
func checkAppendFixed(t *testing.T, f float64, prec int) {
	t.Helper()
	want := strconv.FormatFloat(f, 'f', prec, 64)
	require.Equal(t, want, string(appendFixed(nil, f, prec)), "%v (%b) with %%.%df", f, f, prec)
}

func TestAppendFixed(t *testing.T) {
	for _, f := range []float64{
		0, math.Copysign(0, -1), 0.5, 0.25, -0.25, 0.125, 0.375, 2.5, 3.5, 1.005, 1.015, 1.025, -0.001, 0.0049999, 0.005,
		1e15, 1e16, 4503599627370495.5, 4503599627370496, 1 << 52, 123456.789, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.NaN(), math.Inf(1), math.Inf(-1), 0.1, 0.7, 9.995, 99.995, 0.045, 1.45, 2.675,
	} {
		for prec := -1; prec <= 17; prec++ {
			checkAppendFixed(t, f, prec)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		prec := r.IntN(17)
		var f float64
		switch r.IntN(4) {
		case 0:
			f = math.Float64frombits(r.Uint64())
		case 1: // ties and near-ties at prec
			f = (float64(r.Int64N(1<<40)) + 0.5) / math.Pow(10, float64(prec))
		case 2: // values written with prec+1 digits, ending in 5
			f, _ = strconv.ParseFloat(strconv.FormatInt(r.Int64N(1e9), 10)+"5e-"+strconv.Itoa(prec+1), 64)
		default:
			f = (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(24)-8))
		}
		checkAppendFixed(t, f, prec)
	}
}

func TestAppendFixedAllocs(t *testing.T) {
	var buf [64]byte
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = appendFixed(buf[:0], 1234.5, 2) }))
}

// FuzzAppendFixed compares appendFixed with strconv.AppendFloat.
func FuzzAppendFixed(f *testing.F) {
	for _, v := range []float64{0.5, 0.125, 1.005, 2.675, 4503599627370495.5} {
		f.Add(v, uint8(2))
	}
	f.Fuzz(func(t *testing.T, v float64, prec uint8) {
		checkAppendFixed(t, v, int(prec%20)-1)
	})
}
