package wire

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// encodingJSON is what encoding/json writes for v with HTML escaping off,
// without the newline Encode adds, or the error it returns.
func encodingJSON(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// checkAppendJSONFloat compares appendJSONFloat with encoding/json, and
// checks that decodeJSON reads the value back.
func checkAppendJSONFloat(t *testing.T, f float64) {
	t.Helper()
	got := appendJSONFloat([]byte("x"), f)
	require.Equal(t, "x", string(got[:1]), "%v: prefix kept", f)
	got = got[1:]
	want, err := encodingJSON(f)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		require.Error(t, err, "%v", f)
		require.Equal(t, "null", string(got), "%v", f)
		return
	}
	require.NoError(t, err)
	require.Equal(t, want, string(got), "%v (%b)", f, f)

	body := append(append([]byte(`{"retry_after":`), got...), '}')
	m := refMembers(refBodyType).members
	require.Equal(t, jsonDecoded, decodeJSON(body, m))
	for _, member := range m {
		if member.key == "retry_after" {
			require.True(t, member.set && !member.bad, "%s read back", got)
			require.Equal(t, math.Float64bits(f), math.Float64bits(member.float), "%s read back", got)
		}
	}
}

func TestAppendJSONFloat(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "-0"},
		{1, "1"},
		{-12.5, "-12.5"},
		{0.1, "0.1"},
		{1.0 / 3, "0.3333333333333333"},
		{1e20, "100000000000000000000"},
		{999999999999999900000, "999999999999999900000"},
		{1e21, "1e+21"},
		{-1.5e300, "-1.5e+300"},
		{0.000001, "0.000001"},
		{0.0000009999999, "9.999999e-7"},
		{1e-7, "1e-7"},
		{1.5e-10, "1.5e-10"},
		{1e-100, "1e-100"},
		{math.Nextafter(1e21, 0), "999999999999999900000"},
		{math.Nextafter(1e-6, 0), "9.999999999999997e-7"},
		{math.MaxFloat64, "1.7976931348623157e+308"},
		{math.SmallestNonzeroFloat64, "5e-324"},
		{math.NaN(), "null"},
		{math.Inf(1), "null"},
		{math.Inf(-1), "null"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, string(appendJSONFloat(nil, tt.in)), "%v", tt.in)
		checkAppendJSONFloat(t, tt.in)
	}
	// Random bits are mostly far from the switches between formats at
	// 1e-6 and 1e21; scaled values are spread around them.
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		f := math.Float64frombits(r.Uint64())
		if r.IntN(2) == 0 {
			f = (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(60)-30))
		}
		checkAppendJSONFloat(t, f)
	}
}

func TestAppendJSONIntBool(t *testing.T) {
	for _, n := range []int{0, -1, 402, math.MaxInt64, math.MinInt64} {
		want, err := encodingJSON(n)
		require.NoError(t, err)
		assert.Equal(t, "x"+want, string(appendJSONInt([]byte("x"), n)))
	}
	for _, b := range []bool{false, true} {
		want, err := encodingJSON(b)
		require.NoError(t, err)
		assert.Equal(t, "x"+want, string(appendJSONBool([]byte("x"), b)))
	}
}

// checkAppendJSONStrings compares appendJSONStrings with encoding/json,
// and checks that decodeJSONStrings reads the strings back, nil and
// empty apart, each as encoding/json reads it.
func checkAppendJSONStrings(t *testing.T, ss []string) {
	t.Helper()
	want, err := encodingJSON(ss)
	require.NoError(t, err)
	got := appendJSONStrings([]byte("x"), ss)
	require.Equal(t, "x"+want, string(got), "%q", ss)

	back, ok := decodeJSONStrings(nil, got[1:])
	require.True(t, ok, "%s", got[1:])
	var refBack []string
	require.NoError(t, json.Unmarshal(got[1:], &refBack))
	require.Equal(t, refBack, back, "%s", got[1:])
	require.Equal(t, ss == nil, back == nil, "%s", got[1:])
}

func TestAppendJSONStrings(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, `null`},
		{[]string{}, `[]`},
		{[]string{""}, `[""]`},
		{[]string{"number", "exp_month"}, `["number","exp_month"]`},
		{[]string{"a\"b", "<&>", "\u2028", "\xff"}, `["a\"b","<&>","\u2028","\ufffd"]`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, string(appendJSONStrings(nil, tt.in)), "%q", tt.in)
		checkAppendJSONStrings(t, tt.in)
	}
}

func TestAppendJSONAllocs(t *testing.T) {
	buf := make([]byte, 0, 256)
	ss := []string{"number", "exp_month", "a \"quoted\" one"}
	allocs := testing.AllocsPerRun(100, func() {
		buf = appendJSONFloat(buf[:0], 12.5)
		buf = appendJSONFloat(buf, 1e-7)
		buf = appendJSONInt(buf, -402)
		buf = appendJSONBool(buf, true)
		buf = appendJSONStrings(buf, ss)
	})
	assert.Zero(t, allocs)
	assert.Equal(t, `12.51e-7-402true["number","exp_month","a \"quoted\" one"]`, string(buf))
}

// floatSeeds are the seeds of FuzzAppendJSONFloat, each also a file in
// testdata/fuzz/FuzzAppendJSONFloat named after it.
func floatSeeds() []namedFloat {
	return []namedFloat{
		{"zero", 0},
		{"minus_zero", math.Copysign(0, -1)},
		{"half", 0.5},
		{"tenth", 0.1},
		{"third", 1.0 / 3},
		{"below_e21", 999999999999999900000},
		{"e21", 1e21},
		{"e_minus_6", 1e-6},
		{"below_e_minus_6", 9.999999999999999e-7},
		{"e_minus_7", 1e-7},
		{"e_minus_100", -1e-100},
		{"max", math.MaxFloat64},
		{"smallest", math.SmallestNonzeroFloat64},
		{"nan", math.NaN()},
		{"inf", math.Inf(1)},
		{"minus_inf", math.Inf(-1)},
	}
}

type namedFloat struct {
	name string
	f    float64
}

// FuzzAppendJSONFloat compares appendJSONFloat with encoding/json.
func FuzzAppendJSONFloat(f *testing.F) {
	for _, s := range floatSeeds() {
		f.Add(s.f)
	}
	f.Fuzz(checkAppendJSONFloat)
}

// stringListSeeds are the seeds of FuzzAppendJSONStrings: the strings
// joined with "|", or nil, each also a file in
// testdata/fuzz/FuzzAppendJSONStrings named after it.
func stringListSeeds() []namedStrings {
	return []namedStrings{
		{"nil", "", true},
		{"empty", "", false},
		{"two_empty", "|", false},
		{"fields", "number|exp_month", false},
		{"escapes", "a\"b|\\|\n\t\x00|<&>|\u2028|\xff\xfe|😀", false},
	}
}

type namedStrings struct {
	name   string
	joined string
	null   bool
}

// stringList is the list a seed of FuzzAppendJSONStrings stands for.
func stringList(joined string, null bool) []string {
	switch {
	case null:
		return nil
	case joined == "":
		return []string{}
	}
	return strings.Split(joined, "|")
}

// FuzzAppendJSONStrings compares appendJSONStrings with encoding/json.
func FuzzAppendJSONStrings(f *testing.F) {
	for _, s := range stringListSeeds() {
		f.Add(s.joined, s.null)
	}
	f.Fuzz(func(t *testing.T, joined string, null bool) {
		checkAppendJSONStrings(t, stringList(joined, null))
	})
}
