package wire

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The reference types: what decodeJSONObject promises to agree with is
// json.Unmarshal into a struct with one pointer field per member, *int for
// jsonInt and *string for jsonString, tagged with the member's key.

// refCodeMessage mirrors codeMessageMembers.
type refCodeMessage struct {
	ErrorCode    *int    `json:"errorCode"`
	ErrorMessage *string `json:"errorMessage"`
}

// refTypeMessage mirrors typeMessageMembers.
type refTypeMessage struct {
	Type    *string `json:"type"`
	Message *string `json:"message"`
}

func codeMessageMembers() [2]jsonMember {
	return [2]jsonMember{{key: "errorCode", kind: jsonInt}, {key: "errorMessage", kind: jsonString}}
}

func typeMessageMembers() [2]jsonMember {
	return [2]jsonMember{{key: "type", kind: jsonString}, {key: "message", kind: jsonString}}
}

// encodingJSONString is what encoding/json writes for s with HTML escaping
// off, without the newline Encode adds.
func encodingJSONString(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(s))
	out := b.String()
	require.True(t, strings.HasSuffix(out, "\n"))
	return strings.TrimSuffix(out, "\n")
}

// checkDecodeCodeMessage compares decodeJSONObject with json.Unmarshal for
// the errorCode/errorMessage members.
func checkDecodeCodeMessage(t *testing.T, data []byte) {
	t.Helper()
	var ref refCodeMessage
	err := json.Unmarshal(data, &ref)
	m := codeMessageMembers()
	ok := decodeJSONObject(data, &m)
	require.Equal(t, err == nil, ok, "errorCode/errorMessage: input %q: json.Unmarshal error = %v, decodeJSONObject = %v", data, err, ok)
	if !ok {
		return
	}
	require.Equal(t, ref.ErrorCode != nil, m[0].set, "errorCode set: input %q", data)
	if ref.ErrorCode != nil {
		require.Equal(t, *ref.ErrorCode, m[0].num, "errorCode value: input %q", data)
	}
	require.Equal(t, ref.ErrorMessage != nil, m[1].set, "errorMessage set: input %q", data)
	if ref.ErrorMessage != nil {
		require.Equal(t, *ref.ErrorMessage, str(data, m[1]), "errorMessage value: input %q", data)
	}
}

// checkDecodeTypeMessage compares decodeJSONObject with json.Unmarshal for
// the type/message members.
func checkDecodeTypeMessage(t *testing.T, data []byte) {
	t.Helper()
	var ref refTypeMessage
	err := json.Unmarshal(data, &ref)
	m := typeMessageMembers()
	ok := decodeJSONObject(data, &m)
	require.Equal(t, err == nil, ok, "type/message: input %q: json.Unmarshal error = %v, decodeJSONObject = %v", data, err, ok)
	if !ok {
		return
	}
	require.Equal(t, ref.Type != nil, m[0].set, "type set: input %q", data)
	if ref.Type != nil {
		require.Equal(t, *ref.Type, str(data, m[0]), "type value: input %q", data)
	}
	require.Equal(t, ref.Message != nil, m[1].set, "message set: input %q", data)
	if ref.Message != nil {
		require.Equal(t, *ref.Message, str(data, m[1]), "message value: input %q", data)
	}
}

// refMaxDepth is how deeply encoding/json lets arrays and objects nest
// (maxNestingDepth in its scanner), written out here rather than taken
// from jsonMaxDepth so that the tests do not depend on what they test.
const refMaxDepth = 10000

// namedSeed is a seed input, with the name of its file in testdata/fuzz.
type namedSeed struct {
	name string
	data string
}

// nestArrays is an object whose unknown member "x" holds n nested arrays,
// so the deepest array sits at depth n+1.
func nestArrays(n int) string {
	return `{"x":` + strings.Repeat("[", n) + strings.Repeat("]", n) + `,"errorCode":1,"type":"t"}`
}

// nestObjects is like nestArrays, with objects {"a":...}.
func nestObjects(n int) string {
	return `{"x":` + strings.Repeat(`{"a":`, n) + "0" + strings.Repeat("}", n) + `,"errorCode":1,"type":"t"}`
}

// decodeSeeds are the seeds of FuzzDecodeJSONObject. Each is also a file in
// testdata/fuzz/FuzzDecodeJSONObject, named after it.
func decodeSeeds() []namedSeed {
	return []namedSeed{
		// Plain envelopes.
		{"envelope", `{"errorCode":40201,"errorMessage":"Insufficient wallet balance. Required: $0.50, Available: $0.25"}`},
		{"envelope_type_message", `{"type":"not_found","message":"No such order"}`},
		{"envelope_reversed", `{"errorMessage":"m","errorCode":7}`},
		{"envelope_type_message_reversed", `{"message":"m","type":"t"}`},
		{"empty_object", `{}`},
		{"only_code", `{"errorCode":40201}`},
		{"whitespace_everywhere", " \t\n\r{ \t\n\r\"errorCode\" \t\n\r: \t\n\r40201 \t\n\r, \t\n\r\"errorMessage\" \t\n\r: \t\n\r\"m\" \t\n\r} \t\n\r"},
		{"whitespace_formfeed", "\f{}"},
		{"whitespace_nbsp", "\u00a0{}"},
		// Escapes.
		{"escapes_simple", `{"errorMessage":"\" \\ \/ \b \f \n \r \t","message":"\" \\ \/ \b \f \n \r \t"}`},
		{"escapes_unicode", `{"errorMessage":"\u0041\u00e9\u00E9\u4e2d\u0000\u001f","type":"\u2028\u2029"}`},
		{"escape_surrogate_pair", `{"errorMessage":"\ud83d\ude00","message":"\uD83D\uDE00"}`},
		{"escape_lone_high", `{"errorMessage":"a\ud83db","message":"\ud83d"}`},
		{"escape_lone_low", `{"errorMessage":"a\ude00b","message":"\ude00\ud83d"}`},
		{"escape_high_high_low", `{"errorMessage":"\ud83d\ud83d\ude00","message":"\ud800\u0041"}`},
		{"escape_high_then_escape", `{"errorMessage":"\ud83d\n","message":"\ud83d\\u0041"}`},
		{"escape_bad_letter", `{"errorMessage":"\x"}`},
		{"escape_short_unicode", `{"errorMessage":"\u12"}`},
		{"escape_bad_hex", `{"errorMessage":"\u12G4"}`},
		{"escape_unfinished", `{"errorMessage":"\`},
		{"escape_unicode_at_end", `{"errorMessage":"\u00`},
		// Invalid UTF-8 and control characters, raw.
		{"invalid_utf8_value", "{\"errorMessage\":\"a\xffb\xc0\xafc\xed\xa0\x80d\xe2\x82\",\"message\":\"\x80\"}"},
		{"invalid_utf8_key", "{\"error\xffCode\":1,\"\xfe\":2}"},
		{"invalid_utf8_outside_string", "{\"errorCode\":1}\xff"},
		{"utf8_bom", "\xef\xbb\xbf{}"},
		{"raw_control_in_value", "{\"errorMessage\":\"a\x01b\"}"},
		{"raw_tab_in_value", "{\"errorMessage\":\"a\tb\"}"},
		{"raw_newline_in_key", "{\"error\nCode\":1}"},
		{"raw_nul_in_unknown", "{\"x\":\"\x00\"}"},
		{"raw_del_in_value", "{\"errorMessage\":\"a\x7fb\",\"type\":\"\x7f\"}"},
		{"raw_utf8_value", `{"errorMessage":"رصيد غير كافٍ 😀","message":"中文"}`},
		// Unknown members.
		{"unknown_members_every_type", `{"a":1,"b":-2.5e-3,"c":"s","d":true,"e":false,"f":null,"g":[],"h":{},"i":[1,"x",[true,{"j":null}],{}],"k":{"l":{"m":[[]]}},"errorCode":3,"type":"t"}`},
		{"unknown_nested_same_key", `{"x":{"errorCode":"not mine","type":1},"errorCode":4,"message":"m"}`},
		{"unknown_bad_number", `{"x":1.}`},
		{"unknown_bad_literal", `{"x":tru}`},
		{"unknown_unterminated_array", `{"x":[1,2}`},
		{"unknown_trailing_comma_array", `{"x":[1,]}`},
		{"unknown_missing_value", `{"x":}`},
		// Duplicates and nulls.
		{"duplicate_last_wins", `{"errorCode":1,"errorCode":2,"errorMessage":"a","errorMessage":"b","type":"a","type":"b"}`},
		{"duplicate_folded", `{"errorCode":1,"ERRORCODE":2,"Type":"a","TYPE":"b"}`},
		{"null_top", `null`},
		{"null_top_spaced", " \n null \t"},
		{"null_top_trailing", `null x`},
		{"null_prefix", `nullx`},
		{"null_short", `nul`},
		{"null_upper", `NULL`},
		{"null_members", `{"errorCode":null,"errorMessage":null,"type":null,"message":null}`},
		{"null_after_value", `{"errorCode":1,"errorCode":null,"errorMessage":"m","errorMessage":null,"type":"t","type":null}`},
		{"value_after_null", `{"errorCode":null,"errorCode":5,"type":null,"type":"t"}`},
		{"null_then_bad", `{"errorCode":null,"errorCode":"x"}`},
		// Keys matched case-insensitively.
		{"keys_upper", `{"ERRORCODE":1,"ERRORMESSAGE":"m","TYPE":"t","MESSAGE":"m"}`},
		{"keys_title", `{"ErrorCode":1,"ErrorMessage":"m","Type":"t","Message":"m"}`},
		{"keys_long_s_raw", `{"errorMeſſage":"m","meſſage":"m","ſ":1}`},
		{"keys_long_s_escaped", `{"errorMe\u017f\u017Fage":"m","me\u017fsage":"m"}`},
		{"keys_kelvin", `{"\u212a":1,"K":2,"errorCode\u212a":3,"type":"t"}`},
		{"keys_dotless_i", `{"errorCode":1,"ıtype":"x","errorMessage":"m"}`},
		{"keys_escaped", `{"error\u0043ode":9,"error\u004dessage":"m","\u0074ype":"t","mess\u0061ge":"m"}`},
		{"keys_escaped_slash", `{"error\/Code":9,"type\/":"t"}`},
		{"keys_near_miss", `{"errorCode ":1,"errorcodes":2,"error_code":3,"error-code":4,"errorCod":5,"types":"t","typ":"t"}`},
		{"keys_prefix_nul", `{"errorCode\u0000":1,"type\u0000":"t"}`},
		// Top values that are not objects.
		{"top_array", `[]`},
		{"top_array_of_object", `[{"errorCode":1}]`},
		{"top_string", `"x"`},
		{"top_number", `1`},
		{"top_true", `true`},
		{"top_false", `false`},
		// Numbers.
		{"number_minus_zero", `{"errorCode":-0}`},
		{"number_zero", `{"errorCode":0}`},
		{"number_negative", `{"errorCode":-40201}`},
		{"number_fraction", `{"errorCode":1.0}`},
		{"number_exponent", `{"errorCode":1e3}`},
		{"number_exponent_upper_signed", `{"errorCode":1E+3}`},
		{"number_leading_zero", `{"errorCode":01}`},
		{"number_minus_only", `{"errorCode":-}`},
		{"number_plus", `{"errorCode":+1}`},
		{"number_dot_first", `{"errorCode":.5}`},
		{"number_int64_max", `{"errorCode":9223372036854775807}`},
		{"number_int64_min", `{"errorCode":-9223372036854775808}`},
		{"number_int64_over", `{"errorCode":9223372036854775808}`},
		{"number_int64_under", `{"errorCode":-9223372036854775809}`},
		{"number_huge", `{"errorCode":123456789012345678901234567890}`},
		{"number_hex", `{"errorCode":0x10}`},
		{"number_nan", `{"errorCode":NaN}`},
		{"code_as_string", `{"errorCode":"40201"}`},
		{"code_as_float", `{"errorCode":40201.5}`},
		{"code_as_bool", `{"errorCode":true}`},
		{"code_as_array", `{"errorCode":[1]}`},
		{"code_as_object", `{"errorCode":{}}`},
		{"message_as_number", `{"errorMessage":1,"type":2}`},
		{"message_as_bool", `{"errorMessage":false,"message":true}`},
		{"message_as_array", `{"errorMessage":["m"],"message":[]}`},
		{"type_error_then_syntax_error", `{"errorCode":"x",}`},
		// Broken syntax.
		{"trailing_comma", `{"errorCode":1,}`},
		{"leading_comma", `{,"errorCode":1}`},
		{"double_comma", `{"errorCode":1,,"type":"t"}`},
		{"missing_colon", `{"errorCode" 1}`},
		{"missing_comma", `{"errorCode":1 "type":"t"}`},
		{"unquoted_key", `{errorCode:1}`},
		{"single_quotes", `{'errorCode':1}`},
		{"trailing_garbage", `{"errorCode":1} x`},
		{"two_objects", `{}{}`},
		{"empty", ``},
		{"only_whitespace", " \t\r\n"},
		{"truncated_open", `{`},
		{"truncated_key", `{"errorCode"`},
		{"truncated_colon", `{"errorCode":`},
		{"truncated_value", `{"errorCode":1`},
		{"truncated_string", `{"errorMessage":"Insuff`},
		{"truncated_comma", `{"errorCode":1,`},
		{"close_only", `}`},
		{"html_body", "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body>\r\n</html>\r\n"},
		{"plain_text_body", "Internal Server Error\n"},
		{"comment", "{/* c */}"},
		// Nesting; the top object is depth 1, the limit is 10000.
		{"nest_arrays_at_limit", nestArrays(refMaxDepth - 1)},
		{"nest_arrays_over_limit", nestArrays(refMaxDepth)},
		{"nest_objects_at_limit", nestObjects(refMaxDepth - 1)},
		{"nest_objects_over_limit", nestObjects(refMaxDepth)},
		{"nest_arrays_unclosed", `{"x":` + strings.Repeat("[", 20000)},
	}
}

// FuzzDecodeJSONObject checks decodeJSONObject against json.Unmarshal.
func FuzzDecodeJSONObject(f *testing.F) {
	for _, s := range decodeSeeds() {
		f.Add([]byte(s.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodeCodeMessage(t, data)
		checkDecodeTypeMessage(t, data)
	})
}

// appendSeeds are the seeds of FuzzAppendJSONString. Each is also a file
// in testdata/fuzz/FuzzAppendJSONString, named after it.
func appendSeeds() []namedSeed {
	return []namedSeed{
		{"empty", ""},
		{"plain", "Insufficient wallet balance. Required: $0.50, Available: $0.25"},
		{"quote_backslash", `say "hi" \ C:\path\ "\"`},
		{"common_controls", "line1\nline2\r\n\ttab"},
		{"backspace_formfeed", "a\bb\fc"},
		{"all_controls", "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f"},
		{"html", `<script>alert("x")</script> & <b>`},
		{"slash", "</a> //"},
		{"line_separators", "a\u2028b\u2029c\u2027\u202a"},
		{"invalid_utf8", "a\xffb\xfe\x80c"},
		{"invalid_utf8_truncated", "\xe2\x82"},
		{"invalid_utf8_surrogate", "\xed\xa0\x80\xed\xbf\xbf"},
		{"invalid_utf8_overlong", "\xc0\xaf\xe0\x80\xaf"},
		{"invalid_utf8_too_big", "\xf4\x90\x80\x80\xf8\x88\x80\x80\x80"},
		{"replacement_char", "\ufffd"},
		{"emoji", "😀 👍🏽 👨‍👩‍👧"},
		{"arabic", "رصيد المحفظة غير كافٍ. المطلوب: ٠٫٥٠"},
		{"mixed", "é中\u00a0\u200b\ufeff\U0010ffff"},
		{"escaped_looking", `\u0041 \n \"`},
	}
}

// FuzzAppendJSONString checks appendJSONString against encoding/json, and
// that the output decodes to what encoding/json itself round-trips.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range appendSeeds() {
		f.Add(s.data)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := encodingJSONString(t, s)
		prefix := []byte(`{"x":`)
		got := appendJSONString(prefix[:len(prefix):len(prefix)], s)
		require.Equal(t, string(prefix), string(got[:len(prefix)]), "prefix kept: input %q", s)
		got = got[len(prefix):]
		require.Equal(t, want, string(got), "input %q", s)

		// encoding/json replaces each invalid byte with U+FFFD, as
		// converting to []rune does (strings.ToValidUTF8 would replace a
		// whole run with one).
		var back string
		require.NoError(t, json.Unmarshal(got, &back), "input %q, output %s", s, got)
		require.Equal(t, string([]rune(s)), back, "round trip: input %q, output %s", s, got)
		var refBack string
		require.NoError(t, json.Unmarshal([]byte(want), &refBack))
		require.Equal(t, refBack, back, "round trip: input %q", s)
	})
}
