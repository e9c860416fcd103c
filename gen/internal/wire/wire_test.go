package wire

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func intp(n int) *int       { return &n }
func strp(s string) *string { return &s }

// TestAppendJSONString lists what appendJSONString writes for the cases
// that matter, each also checked to be what encoding/json writes.
func TestAppendJSONString(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", `""`},
		{"plain", "Insufficient wallet balance. Required: $0.50", `"Insufficient wallet balance. Required: $0.50"`},
		{"quote", `say "hi"`, `"say \"hi\""`},
		{"backslash", `C:\dir\`, `"C:\\dir\\"`},
		{"newline return tab", "a\nb\rc\td", `"a\nb\rc\td"`},
		{"backspace formfeed", "a\bb\fc", `"a\bb\fc"`},
		{"other controls", "\x00\x01\x1b\x1f", `"\u0000\u0001\u001b\u001f"`},
		{"del kept", "\x7f", "\"\x7f\""},
		{"html kept", `<a href="x">&amp;</a>`, `"<a href=\"x\">&amp;</a>"`},
		{"slash kept", "a/b", `"a/b"`},
		{"line separators", "a\u2028b\u2029c", `"a\u2028b\u2029c"`},
		{"invalid byte", "a\xffb", `"a\ufffdb"`},
		{"each invalid byte", "\xed\xa0\x80", `"\ufffd\ufffd\ufffd"`},
		{"truncated sequence", "x\xe2\x82", `"x\ufffd\ufffd"`},
		{"replacement char kept", "\ufffd", "\"\ufffd\""},
		{"emoji kept", "😀", `"😀"`},
		{"arabic kept", "رصيد غير كافٍ", `"رصيد غير كافٍ"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, encodingJSONString(t, tt.in), "the table disagrees with encoding/json")
			assert.Equal(t, tt.want, string(appendJSONString(nil, tt.in)))
			assert.Equal(t, "prefix"+tt.want, string(appendJSONString([]byte("prefix"), tt.in)))
		})
	}
}

// TestDecodeJSONObject lists what decodeJSONObject finds in the cases that
// matter for the errorCode/errorMessage members, each also checked to be
// what json.Unmarshal finds.
func TestDecodeJSONObject(t *testing.T) {
	const deep = refMaxDepth - 1 // arrays inside the top object, at the limit
	tests := []struct {
		name string
		in   string
		ok   bool
		code *int    // nil: not set
		msg  *string // nil: not set
	}{
		{"envelope", `{"errorCode":40201,"errorMessage":"Insufficient wallet balance."}`, true, intp(40201), strp("Insufficient wallet balance.")},
		{"reversed", `{"errorMessage":"m","errorCode":7}`, true, intp(7), strp("m")},
		{"only code", `{"errorCode":40201}`, true, intp(40201), nil},
		{"empty object", `{}`, true, nil, nil},
		{"whitespace everywhere", " \t\n\r{ \"errorCode\" :\n1 ,\t\"errorMessage\"\r: \"m\" } \n", true, intp(1), strp("m")},
		{"other whitespace", "\f{}", false, nil, nil},
		{"null", `null`, true, nil, nil},
		{"null spaced", " null\n", true, nil, nil},
		{"null prefix", `nullx`, false, nil, nil},
		{"null members", `{"errorCode":null,"errorMessage":null}`, true, nil, nil},
		{"null after value", `{"errorCode":1,"errorCode":null,"errorMessage":"m","errorMessage":null}`, true, nil, nil},
		{"value after null", `{"errorCode":null,"errorCode":2}`, true, intp(2), nil},
		{"duplicate last wins", `{"errorCode":1,"errorCode":2,"errorMessage":"a","errorMessage":"b"}`, true, intp(2), strp("b")},
		{"duplicate folded", `{"errorCode":1,"ERRORCODE":2}`, true, intp(2), nil},
		{"keys upper", `{"ERRORCODE":3,"ERRORMESSAGE":"m"}`, true, intp(3), strp("m")},
		{"keys mixed case", `{"ErrorCode":3,"eRRORmESSAGE":"m"}`, true, intp(3), strp("m")},
		{"keys escaped", `{"error\u0043ode":4,"error\u004Dessage":"m"}`, true, intp(4), strp("m")},
		{"key long s", `{"errorMeſſage":"m"}`, true, nil, strp("m")},
		{"key long s escaped", `{"errorMe\u017fsage":"m"}`, true, nil, strp("m")},
		{"keys near miss", `{"error_code":1,"errorCode ":2,"errorcodes":3}`, true, nil, nil},
		{"unknown members", `{"a":1,"b":-2.5e-3,"c":"s","d":true,"e":false,"f":null,"g":[1,[{"h":{}}]],"errorCode":5}`, true, intp(5), nil},
		{"nested member ignored", `{"x":{"errorCode":"no","errorMessage":1}}`, true, nil, nil},
		{"escapes", `{"errorMessage":"\" \\ \/ \b \f \n \r \t"}`, true, nil, strp("\" \\ / \b \f \n \r \t")},
		{"unicode escapes", `{"errorMessage":"\u0041\u00e9\u00C9\u2028"}`, true, nil, strp("AéÉ\u2028")},
		{"surrogate pair", `{"errorMessage":"\ud83d\ude00"}`, true, nil, strp("😀")},
		{"lone high surrogate", `{"errorMessage":"a\ud83db"}`, true, nil, strp("a\ufffdb")},
		{"lone low surrogate", `{"errorMessage":"\ude00"}`, true, nil, strp("\ufffd")},
		{"high high low", `{"errorMessage":"\ud83d\ud83d\ude00"}`, true, nil, strp("\ufffd😀")},
		{"high then other escape", `{"errorMessage":"\ud83d\n"}`, true, nil, strp("\ufffd\n")},
		{"invalid utf8 raw", "{\"errorMessage\":\"a\xffb\xed\xa0\x80\"}", true, nil, strp("a\ufffdb\ufffd\ufffd\ufffd")},
		{"utf8 raw", `{"errorMessage":"رصيد 😀"}`, true, nil, strp("رصيد 😀")},
		{"del raw", "{\"errorMessage\":\"\x7f\"}", true, nil, strp("\x7f")},
		{"control raw", "{\"errorMessage\":\"a\x01b\"}", false, nil, nil},
		{"tab raw", "{\"errorMessage\":\"a\tb\"}", false, nil, nil},
		{"bad escape", `{"errorMessage":"\x"}`, false, nil, nil},
		{"short unicode escape", `{"errorMessage":"\u12"}`, false, nil, nil},
		{"top array", `[]`, false, nil, nil},
		{"top string", `"x"`, false, nil, nil},
		{"top number", `1`, false, nil, nil},
		{"top true", `true`, false, nil, nil},
		{"minus zero", `{"errorCode":-0}`, true, intp(0), nil},
		{"zero", `{"errorCode":0}`, true, intp(0), nil},
		{"negative", `{"errorCode":-12}`, true, intp(-12), nil},
		{"int64 max", `{"errorCode":9223372036854775807}`, true, intp(9223372036854775807), nil},
		{"int64 min", `{"errorCode":-9223372036854775808}`, true, intp(-9223372036854775808), nil},
		{"int64 overflow", `{"errorCode":9223372036854775808}`, false, nil, nil},
		{"fraction", `{"errorCode":1.0}`, false, nil, nil},
		{"exponent", `{"errorCode":1e3}`, false, nil, nil},
		{"leading zero", `{"errorCode":01}`, false, nil, nil},
		{"minus only", `{"errorCode":-}`, false, nil, nil},
		{"code as string", `{"errorCode":"40201"}`, false, nil, nil},
		{"code as bool", `{"errorCode":true}`, false, nil, nil},
		{"message as number", `{"errorMessage":1}`, false, nil, nil},
		{"fraction in unknown member", `{"x":1.5e-3,"errorCode":1}`, true, intp(1), nil},
		{"trailing comma", `{"errorCode":1,}`, false, nil, nil},
		{"trailing garbage", `{"errorCode":1} x`, false, nil, nil},
		{"two objects", `{}{}`, false, nil, nil},
		{"empty input", ``, false, nil, nil},
		{"only whitespace", " \n\t", false, nil, nil},
		{"truncated", `{"errorCode":1`, false, nil, nil},
		{"truncated string", `{"errorMessage":"Insuff`, false, nil, nil},
		{"html body", "<html><body><h1>502 Bad Gateway</h1></body></html>", false, nil, nil},
		{"text body", "Internal Server Error", false, nil, nil},
		{"nesting at limit", `{"x":` + strings.Repeat("[", deep) + strings.Repeat("]", deep) + `,"errorCode":1}`, true, intp(1), nil},
		{"nesting over limit", `{"x":` + strings.Repeat("[", deep+1) + strings.Repeat("]", deep+1) + `,"errorCode":1}`, false, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ref refCodeMessage
			err := json.Unmarshal([]byte(tt.in), &ref)
			require.Equal(t, tt.ok, err == nil, "the table disagrees with json.Unmarshal: %v", err)
			if tt.ok {
				require.Equal(t, tt.code, ref.ErrorCode, "the table disagrees with json.Unmarshal")
				require.Equal(t, tt.msg, ref.ErrorMessage, "the table disagrees with json.Unmarshal")
			}

			m := codeMessageMembers()
			require.Equal(t, tt.ok, decodeJSONObject([]byte(tt.in), &m))
			if !tt.ok {
				return
			}
			assert.Equal(t, tt.code != nil, m[0].set, "errorCode set")
			if tt.code != nil {
				assert.Equal(t, *tt.code, m[0].num, "errorCode")
			}
			assert.Equal(t, tt.msg != nil, m[1].set, "errorMessage set")
			if tt.msg != nil {
				assert.Equal(t, *tt.msg, str([]byte(tt.in), m[1]), "errorMessage")
			}
		})
	}
}

// TestDecodeJSONObjectKeyFolding shows keys matched as encoding/json
// matches them, by Unicode simple folding: the Kelvin sign K (U+212A)
// matches k and the long s ſ (U+017F) matches s, but the dotless ı
// (U+0131) does not match i.
func TestDecodeJSONObjectKeyFolding(t *testing.T) {
	type refKindSize struct {
		Kind *string `json:"kind"`
		Size *int    `json:"size"`
	}
	tests := []struct {
		name string
		in   string
		kind *string
		size *int
	}{
		{"exact", `{"kind":"a","size":1}`, strp("a"), intp(1)},
		{"upper", `{"KIND":"a","SIZE":1}`, strp("a"), intp(1)},
		{"kelvin raw", "{\"\u212aind\":\"a\"}", strp("a"), nil},
		{"kelvin escaped", `{"\u212aind":"a"}`, strp("a"), nil},
		{"long s raw", `{"ſize":2}`, nil, intp(2)},
		{"long s escaped", `{"\u017fIZE":2}`, nil, intp(2)},
		{"dotless i", `{"kınd":"a","sıze":2}`, nil, nil},
		{"dotted capital I", `{"kİnd":"a"}`, nil, nil},
		{"escaped ascii", `{"k\u0069nd":"a","\u0053ize":3}`, strp("a"), intp(3)},
		{"escape not folded", `{"k\u0131nd":"a"}`, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ref refKindSize
			require.NoError(t, json.Unmarshal([]byte(tt.in), &ref))
			require.Equal(t, tt.kind, ref.Kind, "the table disagrees with json.Unmarshal")
			require.Equal(t, tt.size, ref.Size, "the table disagrees with json.Unmarshal")

			m := [2]jsonMember{{key: "kind", kind: jsonString}, {key: "size", kind: jsonInt}}
			require.True(t, decodeJSONObject([]byte(tt.in), &m))
			assert.Equal(t, tt.kind != nil, m[0].set, "kind set")
			if tt.kind != nil {
				assert.Equal(t, *tt.kind, str([]byte(tt.in), m[0]), "kind")
			}
			assert.Equal(t, tt.size != nil, m[1].set, "size set")
			if tt.size != nil {
				assert.Equal(t, *tt.size, m[1].num, "size")
			}
		})
	}
}

func TestAppendJSONStringAllocs(t *testing.T) {
	s := "Insufficient wallet balance. \"Required\": $0.50\n\t<&> \u2028 \xff 😀 \x01"
	buf := make([]byte, 0, 256)
	allocs := testing.AllocsPerRun(100, func() {
		buf = appendJSONString(buf[:0], s)
	})
	assert.Zero(t, allocs)
	assert.Equal(t, encodingJSONString(t, s), string(buf))
}

func TestDecodeJSONObjectAllocs(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		maxAllocs float64
	}{
		{"envelope", `{"errorCode":40201,"errorMessage":"Insufficient wallet balance. Required: $0.50, Available: $0.25"}`, 0},
		{"escaped message", `{"errorCode":40201,"errorMessage":"a \"quoted\" \u00e9 message"}`, 0},
		{"only code", `{"errorCode":40201}`, 0},
		{"only code, unknown members", `{"errorCode":40201,"details":{"required":"0.50","available":[0.25,null,true]}}`, 0},
		{"null", `null`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.in)
			var m [2]jsonMember
			var ok bool
			allocs := testing.AllocsPerRun(100, func() {
				m = codeMessageMembers()
				ok = decodeJSONObject(data, &m)
			})
			require.True(t, ok)
			assert.LessOrEqual(t, allocs, tt.maxAllocs)
		})
	}
}

// TestDecodeJSONObjectDeep feeds 1 MiB of '[' inside an unknown member: the
// decoder must give up at the depth limit, quickly and without exhausting
// the stack, as json.Unmarshal does.
func TestDecodeJSONObjectDeep(t *testing.T) {
	const n = 1 << 20
	open := append([]byte(`{"errorCode":1,"x":`), bytes.Repeat([]byte{'['}, n)...)
	closed := append(append(bytes.Clone(open), bytes.Repeat([]byte{']'}, n)...), '}')
	for name, data := range map[string][]byte{"unclosed": open, "closed": closed} {
		t.Run(name, func(t *testing.T) {
			var ref refCodeMessage
			require.Error(t, json.Unmarshal(data, &ref))

			m := codeMessageMembers()
			start := time.Now()
			ok := decodeJSONObject(data, &m)
			elapsed := time.Since(start)
			assert.False(t, ok)
			assert.Less(t, elapsed, time.Second)
		})
	}
}

var update = flag.Bool("update", false, "rewrite the seed files in testdata/fuzz")

// seedFiles are the seeds of each fuzz test, by fuzz test and by the name
// of their file in testdata/fuzz, as the values the test takes.
func seedFiles() map[string]map[string][]any {
	files := map[string]map[string][]any{}
	add := func(fuzz, name string, values ...any) {
		if files[fuzz] == nil {
			files[fuzz] = map[string][]any{}
		}
		files[fuzz][name] = values
	}
	for fuzz, seeds := range map[string][]namedSeed{
		"FuzzDecodeJSONObject":  decodeSeeds(),
		"FuzzDecodeJSON":        bodySeeds(),
		"FuzzDecodeJSONStrings": stringsSeeds(),
	} {
		for _, s := range seeds {
			add(fuzz, s.name, []byte(s.data))
		}
	}
	for _, s := range appendSeeds() {
		add("FuzzAppendJSONString", s.name, s.data)
	}
	for _, s := range floatSeeds() {
		add("FuzzAppendJSONFloat", s.name, s.f)
	}
	for _, s := range stringListSeeds() {
		add("FuzzAppendJSONStrings", s.name, s.joined, s.null)
	}
	for _, s := range headerDurationSeeds() {
		add("FuzzHeaderDuration", s.name, s.value, s.date)
	}
	return files
}

// corpusFile is a seed file as go test writes it, for the types the fuzz
// tests take.
func corpusFile(values []any) string {
	s := "go test fuzz v1\n"
	for _, v := range values {
		switch v := v.(type) {
		case []byte:
			s += fmt.Sprintf("[]byte(%q)\n", v)
		case string:
			s += fmt.Sprintf("string(%q)\n", v)
		case float64, bool:
			s += fmt.Sprintf("%T(%v)\n", v, v)
		default:
			panic(fmt.Sprintf("no corpus encoding for %T", v))
		}
	}
	return s
}

// TestSeedCorpusFiles checks that every seed of the fuzz tests is also in
// testdata/fuzz, so plain go test replays them as files too; -update
// writes them.
func TestSeedCorpusFiles(t *testing.T) {
	for fuzz, seeds := range seedFiles() {
		for name, values := range seeds {
			path := filepath.Join("testdata", "fuzz", fuzz, name)
			want := corpusFile(values)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
			}
			got, err := os.ReadFile(path)
			if assert.NoError(t, err) {
				assert.Equal(t, want, string(got), "%s/%s", fuzz, name)
			}
		}
	}
}

// str is the value decodeJSONObject found for a string member.
func str(data []byte, m jsonMember) string { return string(m.text(data, nil)) }

// TestExcerpt checks the excerpt a parsed error keeps of a body that was
// not the envelope. Only generated code calls excerpt; it is tested here,
// where it is written.
func TestExcerpt(t *testing.T) {
	ascii := strings.Repeat("a", maxExcerpt)
	tests := []struct {
		name string
		body string
		want string
	}{
		{"empty", "", ""},
		{"short", "<html>Bad Gateway</html>", "<html>Bad Gateway</html>"},
		{"exactly the limit", ascii, ascii},
		{"one byte over", ascii + "b", ascii},
		{"rune across the limit", ascii[:maxExcerpt-1] + "é", ascii[:maxExcerpt-1]},
		{"four-byte rune across the limit", ascii[:maxExcerpt-2] + "😀", ascii[:maxExcerpt-2]},
		{"rune ending at the limit", ascii[:maxExcerpt-2] + "é" + "tail", ascii[:maxExcerpt-2] + "é"},
		{"not UTF-8: cut at most UTFMax short", strings.Repeat("\x80", 2*maxExcerpt), strings.Repeat("\x80", maxExcerpt-utf8.UTFMax)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := excerpt([]byte(tt.body))
			assert.Equal(t, tt.want, got)
			assert.LessOrEqual(t, len(got), maxExcerpt)
			if utf8.ValidString(tt.body) {
				assert.True(t, utf8.ValidString(got), "a valid body gives a valid excerpt")
			}
		})
	}
}

// TestNonDefault checks that an error stores only a status other than its
// default, so that a parsed error equals the one that was sent. Only
// generated code calls nonDefault.
func TestNonDefault(t *testing.T) {
	assert.Equal(t, 0, nonDefault(404, 404))
	assert.Equal(t, 410, nonDefault(410, 404))
	assert.Equal(t, 0, nonDefault(0, 0))
}
