package wire

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// What decodeJSON promises to agree with is json.Unmarshal into a struct
// of pointer fields: *int for jsonInt, *string for jsonString, *float64
// for jsonFloat, *bool for jsonBool, *json.RawMessage for jsonRaw,
// *[]json.RawMessage for jsonArray and a pointer to a struct for
// jsonObject, each field tagged with its member's key. refMembers turns
// such a struct type into the members, and checkDecode compares the two.

// refBody has every kind of member, at the top and in two levels of
// objects, with keys that differ only in case, as real error bodies have
// them: a Stripe-like "error" object, GitHub-like "errors" list and
// "message", and so on.
type refBody struct {
	Error      *refError          `json:"error"`
	Code       *int               `json:"code"`
	CodeString *string            `json:"Code"` // differs from code only in case
	OK         *bool              `json:"ok"`
	Message    *string            `json:"message"`
	Errors     *[]json.RawMessage `json:"errors"` // objects: refFieldError
	Details    *json.RawMessage   `json:"details"`
	RetryAfter *float64           `json:"retry_after"`
}

type refError struct {
	Code    *string            `json:"code"`
	Type    *string            `json:"type"`
	Message *string            `json:"message"`
	Param   *json.RawMessage   `json:"param"`
	Status  *int               `json:"status"`
	Amount  *float64           `json:"amount"`
	Fatal   *bool              `json:"fatal"`
	Meta    *refMeta           `json:"meta"`
	Fields  *[]json.RawMessage `json:"fields"` // strings
}

type refMeta struct {
	ID    *string          `json:"id"`
	IDNum *int             `json:"ID"` // differs from id only in case
	Kind  *string          `json:"kind"`
	Count *int             `json:"count"`
	Score *float64         `json:"score"`
	Live  *bool            `json:"live"`
	Raw   *json.RawMessage `json:"raw"`
}

// refFieldError is an element of refBody's "errors" list.
type refFieldError struct {
	Resource *string `json:"resource"`
	Field    *string `json:"field"`
	Code     *string `json:"code"`
	Index    *int    `json:"index"`
}

var (
	refBodyType       = reflect.TypeFor[refBody]()
	refFieldErrorType = reflect.TypeFor[refFieldError]()
)

// refTree is a reference struct type flattened into decodeJSON's members.
type refTree struct {
	members []jsonMember
	field   []reflect.StructField // each member's field in its struct
	path    []string              // each member's keys from the top, for messages
}

// refMembers flattens the struct type t: a member per field, keyed by its
// tag, of the kind its type stands for, siblings in field order and the
// members of an object after it. The members are the caller's own.
func refMembers(t reflect.Type) refTree {
	cached, ok := refTrees.Load(t)
	if !ok {
		cached, _ = refTrees.LoadOrStore(t, flatten(t))
	}
	tree := cached.(refTree)
	tree.members = slices.Clone(tree.members)
	return tree
}

// refTrees caches refMembers, which the fuzz tests call for every input.
var refTrees sync.Map // reflect.Type to refTree

func flatten(t reflect.Type) refTree {
	var tree refTree
	var add func(t reflect.Type, parent int, prefix string)
	add = func(t reflect.Type, parent int, prefix string) {
		first := len(tree.members)
		for i := range t.NumField() {
			f := t.Field(i)
			key := f.Tag.Get("json")
			tree.members = append(tree.members, jsonMember{key: key, kind: refKind(f.Type), parent: parent})
			tree.field = append(tree.field, f)
			tree.path = append(tree.path, prefix+key)
		}
		for i := range t.NumField() {
			if tree.members[first+i].kind == jsonObject {
				add(t.Field(i).Type.Elem(), first+i, tree.path[first+i]+".")
			}
		}
	}
	add(t, -1, "")
	return tree
}

// index returns the index of the member at path, such as "error.meta.id".
func (tree refTree) index(path string) int {
	i := slices.Index(tree.path, path)
	if i < 0 {
		panic("no member " + path)
	}
	return i
}

func refKind(t reflect.Type) jsonKind {
	switch t {
	case reflect.TypeFor[*int]():
		return jsonInt
	case reflect.TypeFor[*string]():
		return jsonString
	case reflect.TypeFor[*float64]():
		return jsonFloat
	case reflect.TypeFor[*bool]():
		return jsonBool
	case reflect.TypeFor[*json.RawMessage]():
		return jsonRaw
	case reflect.TypeFor[*[]json.RawMessage]():
		return jsonArray
	}
	if t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct {
		return jsonObject
	}
	panic("no member kind for " + t.String())
}

// checkMemberList checks what decodeJSON needs of a member list: parents
// that are earlier object members, or -1.
func checkMemberList(t *testing.T, m []jsonMember) {
	t.Helper()
	for i, member := range m {
		p := member.parent
		require.True(t, p == -1 || 0 <= p && p < i && m[p].kind == jsonObject, "member %d (%q) has parent %d", i, member.key, p)
	}
}

// checkDecode compares decodeJSON into the members of the struct type typ
// with json.Unmarshal into a typ, and returns the members.
func checkDecode(t *testing.T, data []byte, typ reflect.Type) (jsonResult, []jsonMember) {
	t.Helper()
	ref := reflect.New(typ)
	err := json.Unmarshal(data, ref.Interface())
	tree := refMembers(typ)
	m := tree.members
	result := decodeJSON(data, m)
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch result {
	case jsonMalformed:
		require.True(t, errors.As(err, &syntaxErr), "input %q: decodeJSON: malformed; json.Unmarshal: %v", data, err)
	case jsonNotObject:
		require.True(t, errors.As(err, &typeErr), "input %q: decodeJSON: not an object; json.Unmarshal: %v", data, err)
		require.True(t, ref.Elem().IsZero(), "input %q: json.Unmarshal set fields of a value that is not an object", data)
	case jsonDecoded:
		bad := checkMembers(t, data, tree, ref.Elem())
		if bad {
			require.True(t, errors.As(err, &typeErr), "input %q: a member is bad; json.Unmarshal: %v", data, err)
		} else {
			require.NoError(t, err, "input %q: no member is bad", data)
		}
	default:
		t.Fatalf("input %q: decodeJSON returned %d", data, result)
	}
	if result != jsonDecoded {
		for i := range m {
			require.False(t, m[i].set || m[i].bad, "input %q: %s: set or bad after result %d", data, tree.path[i], result)
		}
	}
	return result, m
}

// checkMembers compares each member with its field in ref, a struct
// json.Unmarshal decoded into, and reports whether any member is bad.
func checkMembers(t *testing.T, data []byte, tree refTree, ref reflect.Value) (anyBad bool) {
	t.Helper()
	m := tree.members
	fields := make([]reflect.Value, len(m)) // each member's pointer field
	for i, member := range m {
		at := memberAt{data, tree.path[i]}
		parent := ref
		if member.parent >= 0 {
			parent = fields[member.parent].Elem() // not valid when nil
		}
		field := reflect.Zero(tree.field[i].Type) // nil, as the struct it would be in is
		if parent.IsValid() {
			field = parent.FieldByIndex(tree.field[i].Index)
		}
		fields[i] = field
		present := !field.IsNil()
		anyBad = anyBad || member.bad
		switch {
		case !member.bad:
			require.Equal(t, present, member.set, "%s: set", at)
		case member.set:
			require.True(t, present, "%s: bad and set, json.Unmarshal has nil", at)
		default:
			// json.Unmarshal allocates the pointer before it finds the
			// value of the wrong kind, and leaves the zero value in it.
			require.True(t, !present || field.Elem().IsZero(), "%s: bad and not set, json.Unmarshal has %v", at, field.Elem())
		}
		if !member.set {
			continue
		}
		want := field.Elem()
		switch member.kind {
		case jsonInt:
			require.Equal(t, want.Int(), int64(member.num), "%s", at)
		case jsonString:
			require.Equal(t, want.String(), str(data, member), "%s", at)
		case jsonFloat:
			require.Equal(t, math.Float64bits(want.Float()), math.Float64bits(member.float), "%s: %v, %v", at, want.Float(), member.float)
		case jsonBool:
			require.Equal(t, want.Bool(), member.boolean, "%s", at)
		case jsonRaw:
			require.Equal(t, string(want.Bytes()), string(member.raw(data)), "%s", at)
		case jsonArray:
			var elements []string
			for _, e := range want.Interface().([]json.RawMessage) {
				elements = append(elements, string(e))
			}
			require.Equal(t, elements, arrayElements(member.raw(data)), "%s", at)
		}
	}
	return anyBad
}

// memberAt names a member in failure messages, formatted only on failure.
type memberAt struct {
	data []byte
	path string
}

func (at memberAt) String() string { return fmt.Sprintf("input %q: %s", at.data, at.path) }

// arrayElements returns the elements nextJSONElement finds in raw.
func arrayElements(raw []byte) []string {
	var elements []string
	for start, end, ok := nextJSONElement(raw, 0); ok; start, end, ok = nextJSONElement(raw, end) {
		elements = append(elements, string(raw[start:end]))
	}
	return elements
}

// checkDecodeList compares decoding the JSON array raw as a list of
// objects, each element with decodeJSON into the members of typ, with
// json.Unmarshal into a []typ, and reports whether json.Unmarshal found a
// value of the wrong kind: an element that is not an object, or a bad
// member in one.
func checkDecodeList(t *testing.T, raw []byte, typ reflect.Type) (anyBad bool) {
	t.Helper()
	list := reflect.New(reflect.SliceOf(typ))
	err := json.Unmarshal(raw, list.Interface())
	var typeErr *json.UnmarshalTypeError
	require.True(t, err == nil || errors.As(err, &typeErr), "list %q: %v", raw, err)
	tree := refMembers(typ)
	n := 0
	for start, end, ok := nextJSONElement(raw, 0); ok; start, end, ok = nextJSONElement(raw, end) {
		require.Less(t, n, list.Elem().Len(), "list %q: more elements than json.Unmarshal", raw)
		element := raw[start:end]
		switch decodeJSON(element, tree.members) {
		case jsonDecoded:
			anyBad = checkMembers(t, element, tree, list.Elem().Index(n)) || anyBad
		case jsonNotObject:
			anyBad = true
			require.True(t, list.Elem().Index(n).IsZero(), "list %q: element %d", raw, n)
		default:
			t.Fatalf("list %q: element %d, %q, does not decode", raw, n, element)
		}
		n++
	}
	require.Equal(t, list.Elem().Len(), n, "list %q: elements", raw)
	require.Equal(t, err != nil, anyBad, "list %q: json.Unmarshal: %v", raw, err)
	return anyBad
}

// checkDecodeStrings compares decodeJSONStrings with json.Unmarshal into a
// nil []string, and the elements nextJSONElement finds with json.Unmarshal
// into a []json.RawMessage.
func checkDecodeStrings(t *testing.T, raw []byte) {
	t.Helper()
	var want []string
	err := json.Unmarshal(raw, &want)
	got, ok := decodeJSONStrings(nil, raw)
	require.Equal(t, err == nil, ok, "input %q: json.Unmarshal: %v", raw, err)
	require.Equal(t, want, got, "input %q: json.Unmarshal: %v", raw, err)

	prefix := []string{"kept"}
	got, ok = decodeJSONStrings(prefix[:1:1], raw)
	require.Equal(t, err == nil, ok, "input %q, appended", raw)
	require.Equal(t, append(prefix, want...), got, "input %q, appended", raw)

	var elements []json.RawMessage
	if json.Unmarshal(raw, &elements) == nil && elements != nil {
		want := make([]string, 0, len(elements))
		for _, e := range elements {
			want = append(want, string(e))
		}
		got := arrayElements(raw)
		if got == nil {
			got = []string{}
		}
		require.Equal(t, want, got, "input %q: elements", raw)
	}
}

// checkDecodeBody runs checkDecode on the refBody tree, then decodes its
// lists as generated code does, comparing those too: json.Unmarshal into
// refBody keeps the lists raw, so the values of the wrong kind found in
// them are not among its errors.
func checkDecodeBody(t *testing.T, data []byte) {
	t.Helper()
	result, m := checkDecode(t, data, refBodyType)
	if result != jsonDecoded {
		return
	}
	tree := refMembers(refBodyType)
	for i, path := range tree.path {
		switch path {
		case "errors":
			if m[i].set {
				checkDecodeList(t, m[i].raw(data), refFieldErrorType)
			}
		case "error.fields":
			if m[i].set {
				checkDecodeStrings(t, m[i].raw(data))
			}
		}
	}
}

// decoded renders what decodeJSON found for the members of typ, for
// tables to state: each member that is set or bad, by its path, with its
// value when set, and "bad" when bad.
func decoded(data []byte, typ reflect.Type) (jsonResult, string) {
	tree := refMembers(typ)
	m := tree.members
	result := decodeJSON(data, m)
	var out []string
	for i, member := range m {
		if !member.set && !member.bad {
			continue
		}
		s := tree.path[i]
		if member.set {
			switch member.kind {
			case jsonInt:
				s += "=" + strconv.Itoa(member.num)
			case jsonString:
				s += "=" + strconv.Quote(str(data, member))
			case jsonFloat:
				s += "=" + strconv.FormatFloat(member.float, 'g', -1, 64)
			case jsonBool:
				s += "=" + strconv.FormatBool(member.boolean)
			case jsonRaw, jsonArray:
				s += "=" + string(member.raw(data))
			case jsonObject:
				s += "={}"
			}
		}
		if member.bad {
			s += " bad"
		}
		out = append(out, s)
	}
	return result, strings.Join(out, ", ")
}

// bodySeeds are the seeds of FuzzDecodeJSON, each also a file in
// testdata/fuzz/FuzzDecodeJSON named after it.
func bodySeeds() []namedSeed {
	const stripe = `{"error":{"code":"card_declined","type":"card_error","message":"Your card was declined.","param":"number","status":402,"amount":12.5,"fatal":false,"meta":{"id":"req_1","ID":7,"kind":"k","count":3,"score":0.25,"live":true,"raw":{"a":[1,2]}},"fields":["number","exp_month"]}}`
	deepIn := func(prefix, suffix string, n int) string {
		return prefix + strings.Repeat("[", n) + strings.Repeat("]", n) + suffix
	}
	return []namedSeed{
		// Realistic bodies.
		{"stripe", stripe},
		{"github", `{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"},{"resource":"Issue","field":"body","code":"invalid","index":2}],"documentation_url":"https://docs.github.com/rest"}`},
		{"slack", `{"ok":false,"error":{"code":"invalid_auth"},"retry_after":1.5}`},
		{"every_kind", `{"error":{"code":"c","type":"t","message":"m","param":[1,{"x":null}],"status":-1,"amount":-0.0,"fatal":true,"meta":{"id":"i","ID":9,"kind":"k","count":0,"score":1e-7,"live":false,"raw":"s"},"fields":[]},"code":1,"Code":"s","ok":true,"message":"m","errors":[],"details":null,"retry_after":1e21}`},
		{"whitespace_everywhere", " {\n\t\"error\" : { \"code\" : \"c\" , \"meta\" : { \"id\" : \"i\" } } ,\r\n\"errors\" : [ { \"field\" : \"f\" } , null ] } "},
		// Keys in any case, keys that differ only in case.
		{"keys_upper", `{"ERROR":{"CODE":"c","META":{"KIND":"k","COUNT":1}},"OK":true,"RETRY_AFTER":2}`},
		{"keys_code_exact", `{"code":1,"Code":"s"}`},
		{"keys_code_folded", `{"CODE":1,"cODE":2}`},
		{"keys_code_folded_string", `{"CODE":"s"}`},
		{"keys_id_exact", `{"error":{"meta":{"ID":1,"id":"s"}}}`},
		{"keys_id_folded", `{"error":{"meta":{"Id":"s","iD":"t"}}}`},
		{"keys_id_folded_number", `{"error":{"meta":{"Id":1}}}`},
		{"keys_kelvin", `{"error":{"meta":{"\u212aind":"k","kınd":"no"}}}`},
		{"keys_long_s", `{"meſſage":"m","error":{"\u017ftatus":1}}`},
		{"keys_escaped", `{"\u0065rror":{"c\u006fde":"c","m\u0065ta":{"\u0069d":"i"}}}`},
		{"keys_nested_at_top", `{"status":1,"meta":{"id":"i"},"id":"x","error":{"ok":true,"retry_after":1}}`},
		// Duplicates at every level.
		{"duplicate_scalars", `{"code":1,"code":2,"error":{"type":"a","type":"b","meta":{"count":1,"count":2}}}`},
		{"duplicate_objects_merge", `{"error":{"code":"a","meta":{"id":"i"}},"error":{"type":"t","meta":{"count":1}}}`},
		{"duplicate_object_then_null", `{"error":{"code":"a","meta":{"id":"i"}},"error":null}`},
		{"duplicate_null_then_object", `{"error":{"code":"a","meta":{"id":"i"}},"error":null,"error":{"type":"t"}}`},
		{"duplicate_inner_null", `{"error":{"meta":{"id":"i"},"meta":null,"meta":{"kind":"k"}}}`},
		{"duplicate_raw", `{"details":{"a":1},"details":[2],"error":{"param":"p","param":null}}`},
		{"duplicate_arrays", `{"errors":[{"code":"a"},{"code":"b"}],"errors":[{}],"error":{"fields":["a","b"],"fields":[null]}}`},
		{"duplicate_folded", `{"ERROR":{"code":"a"},"Error":{"TYPE":"t"},"error":{"Code":"c"}}`},
		// null.
		{"null_top", `null`},
		{"null_every_member", `{"error":null,"code":null,"Code":null,"ok":null,"message":null,"errors":null,"details":null,"retry_after":null}`},
		{"null_inner_members", `{"error":{"code":null,"param":null,"status":null,"amount":null,"fatal":null,"meta":{"raw":null,"live":null},"fields":null}}`},
		{"null_after_value", `{"code":1,"code":null,"error":{"meta":{"score":0.5,"score":null}}}`},
		// Values of the wrong kind, everywhere.
		{"wrong_int", `{"code":"1","error":{"status":1.5,"meta":{"count":1e2,"ID":"x"}}}`},
		{"wrong_int_range", `{"code":9223372036854775808,"error":{"status":-9223372036854775809}}`},
		{"wrong_float", `{"retry_after":"1","error":{"amount":true,"meta":{"score":1e400}}}`},
		{"wrong_bool", `{"ok":"false","error":{"fatal":0,"meta":{"live":null,"live":[]}}}`},
		{"wrong_string", `{"message":1,"Code":false,"error":{"code":402,"type":{},"meta":{"id":["i"]}}}`},
		{"wrong_object", `{"error":"card_declined"}`},
		{"wrong_object_array", `{"error":[{"code":"c"}]}`},
		{"wrong_object_number", `{"error":{"meta":402}}`},
		{"wrong_array", `{"errors":{"code":"c"},"error":{"fields":"number"}}`},
		{"wrong_after_good", `{"code":1,"code":"x","error":{"code":"c","meta":{"id":"i"}},"error":"x"}`},
		{"good_after_wrong", `{"code":"x","code":1,"error":"x","error":{"code":"c"}}`},
		{"wrong_then_syntax_error", `{"code":"x","error":[1,}`},
		{"wrong_elements", `{"errors":[{"code":1},"x",[],null,{"index":"2"}],"error":{"fields":["a",1,null,{},["b"]]}}`},
		// Top-level values that are not objects.
		{"top_array", `[{"error":{"code":"c"}}]`},
		{"top_string", `"error"`},
		{"top_number", `402`},
		{"top_false", `false`},
		{"top_array_malformed", `[1,]`},
		// Numbers.
		{"numbers", `{"code":-0,"retry_after":-0,"error":{"status":9223372036854775807,"amount":123456789012345678901234567890,"meta":{"score":1e-400,"count":-9223372036854775808}}}`},
		{"float_forms", `{"retry_after":0.1e+2,"error":{"amount":1E-2,"meta":{"score":5e-324}}}`},
		// Broken syntax inside wanted objects.
		{"malformed_inner", `{"error":{"code":"c",}}`},
		{"malformed_inner_value", `{"error":{"meta":{"count":01}}}`},
		{"malformed_truncated", `{"error":{"meta":{"id":"i"`},
		{"malformed_trailing", `{"error":{}} {}`},
		// Nesting; the top object is at depth 1, the limit is 10000.
		{"nest_raw_at_limit", deepIn(`{"error":{"meta":{"raw":`, `}}}`, refMaxDepth-3)},
		{"nest_raw_over_limit", deepIn(`{"error":{"meta":{"raw":`, `}}}`, refMaxDepth-2)},
		{"nest_wrong_kind_at_limit", deepIn(`{"error":{"meta":`, `}}`, refMaxDepth-2)},
		{"nest_wrong_kind_over_limit", deepIn(`{"error":{"meta":`, `}}`, refMaxDepth-1)},
		{"nest_list_at_limit", deepIn(`{"errors":[{"x":`, `}]}`, refMaxDepth-3)},
		{"nest_objects_over_limit", `{"error":` + strings.Repeat(`{"meta":`, refMaxDepth) + `1` + strings.Repeat(`}`, refMaxDepth) + `}`},
	}
}

// FuzzDecodeJSON checks decodeJSON over the refBody tree, and the lists
// in it, against json.Unmarshal.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range bodySeeds() {
		f.Add([]byte(s.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodeBody(t, data)
	})
}

// stringsSeeds are the seeds of FuzzDecodeJSONStrings, each also a file
// in testdata/fuzz/FuzzDecodeJSONStrings named after it.
func stringsSeeds() []namedSeed {
	return []namedSeed{
		{"strings", `["number","exp_month"]`},
		{"empty", `[]`},
		{"empty_spaced", " [ \n ] "},
		{"null", `null`},
		{"escapes", `["\u00e9\n","\ud83d\ude00","\ud83d","a\"b"]`},
		{"invalid_utf8", "[\"\xff\",\"\xed\xa0\x80\"]"},
		{"null_elements", `[null,"a",null]`},
		{"wrong_elements", `["a",1,true,{},[],"b"]`},
		{"nested", `[["a"],{"b":"c"}]`},
		{"top_string", `"a"`},
		{"top_object", `{"a":["b"]}`},
		{"top_number", `1`},
		{"trailing_comma", `["a",]`},
		{"missing_comma", `["a" "b"]`},
		{"truncated", `["a"`},
		{"trailing_data", `["a"] ["b"]`},
		{"leading_comma", `[,"a"]`},
		{"nest_at_limit", `[` + strings.Repeat("[", refMaxDepth-1) + strings.Repeat("]", refMaxDepth-1) + `]`},
		{"nest_over_limit", `[` + strings.Repeat("[", refMaxDepth) + strings.Repeat("]", refMaxDepth) + `]`},
	}
}

// FuzzDecodeJSONStrings checks decodeJSONStrings and nextJSONElement
// against json.Unmarshal on any bytes, not only the valid arrays they are
// given in generated code.
func FuzzDecodeJSONStrings(f *testing.F) {
	for _, s := range stringsSeeds() {
		f.Add([]byte(s.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodeStrings(t, data)
	})
}

// TestDecodeJSON states what decodeJSON finds for the members of refBody
// in the cases that show encoding/json's rules, each also checked against
// json.Unmarshal.
func TestDecodeJSON(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		result jsonResult
		want   string // see decoded
	}{
		{"nested", `{"error":{"code":"card_declined","type":"card_error","status":402,"amount":12.5,"fatal":false,"meta":{"id":"req_1","live":true}}}`, jsonDecoded,
			`error={}, error.code="card_declined", error.type="card_error", error.status=402, error.amount=12.5, error.fatal=false, error.meta={}, error.meta.id="req_1", error.meta.live=true`},
		{"every kind at the top", `{"code":402,"Code":"E402","ok":false,"message":"m","errors":[{"code":"c"}, null],"details":{"a" : [1]},"retry_after":1.5}`, jsonDecoded,
			`code=402, Code="E402", ok=false, message="m", errors=[{"code":"c"}, null], details={"a" : [1]}, retry_after=1.5`},
		{"members elsewhere ignored", `{"id":"x","meta":{"id":"y"},"error":{"id":"z","ok":true}}`, jsonDecoded, `error={}`},
		{"empty object sets the object", `{"error":{"meta":{}}}`, jsonDecoded, `error={}, error.meta={}`},

		// Keys.
		{"key exact over folded", `{"Code":"s","code":2}`, jsonDecoded, `code=2, Code="s"`},
		{"key folded to the first sibling", `{"CODE":1}`, jsonDecoded, `code=1`},
		{"key folded to the first sibling, of the wrong kind", `{"cODE":"s"}`, jsonDecoded, `code bad`},
		{"key folded, nested", `{"error":{"meta":{"Id":"s"}}}`, jsonDecoded, `error={}, error.meta={}, error.meta.id="s"`},
		{"key folded by Unicode", `{"error":{"meta":{"\u212aind":"k"}},"meſſage":"m"}`, jsonDecoded, `error={}, message="m", error.meta={}, error.meta.kind="k"`},
		{"key not folded by Unicode", `{"error":{"meta":{"kınd":"k"}}}`, jsonDecoded, `error={}, error.meta={}`},
		{"key escaped", `{"\u0065rror":{"c\u006fde":"c"}}`, jsonDecoded, `error={}, error.code="c"`},

		// Duplicates.
		{"last scalar wins", `{"code":1,"code":2,"error":{"meta":{"score":1,"score":2.5}}}`, jsonDecoded, `error={}, code=2, error.meta={}, error.meta.score=2.5`},
		{"last raw wins", `{"details":{"a":1},"details":[2]}`, jsonDecoded, `details=[2]`},
		{"last array wins", `{"errors":[{"code":"a"},{"code":"b"}],"errors":[{}]}`, jsonDecoded, `errors=[{}]`},
		{"objects merge", `{"error":{"code":"a","meta":{"id":"i"}},"error":{"type":"t","meta":{"count":1}}}`, jsonDecoded,
			`error={}, error.code="a", error.type="t", error.meta={}, error.meta.id="i", error.meta.count=1`},

		// null.
		{"null unsets", `{"code":1,"code":null,"details":"d","details":null}`, jsonDecoded, ``},
		{"null unsets an object and all within it", `{"error":{"code":"a","meta":{"id":"i"}},"error":null}`, jsonDecoded, ``},
		{"an object after null starts empty", `{"error":{"code":"a","meta":{"id":"i"}},"error":null,"error":{"type":"t"}}`, jsonDecoded, `error={}, error.type="t"`},
		{"null at the top", ` null `, jsonDecoded, ``},

		// Values of the wrong kind: bad, and nothing else changes.
		{"wrong kind", `{"code":"402"}`, jsonDecoded, `code bad`},
		{"wrong kind after a value keeps it", `{"code":1,"code":"x"}`, jsonDecoded, `code=1 bad`},
		{"a value after the wrong kind", `{"code":"x","code":1}`, jsonDecoded, `code=1 bad`},
		{"null after the wrong kind", `{"code":"x","code":null}`, jsonDecoded, `code bad`},
		{"fraction for an int", `{"code":1.0}`, jsonDecoded, `code bad`},
		{"exponent for an int", `{"code":1e2}`, jsonDecoded, `code bad`},
		{"int out of range", `{"code":9223372036854775808}`, jsonDecoded, `code bad`},
		{"minus zero int", `{"code":-0}`, jsonDecoded, `code=0`},
		{"float out of range", `{"retry_after":1e400}`, jsonDecoded, `retry_after bad`},
		{"float underflow", `{"retry_after":1e-400}`, jsonDecoded, `retry_after=0`},
		{"minus zero float", `{"retry_after":-0}`, jsonDecoded, `retry_after=-0`},
		{"string for a bool", `{"ok":"false"}`, jsonDecoded, `ok bad`},
		{"number for a string", `{"message":402}`, jsonDecoded, `message bad`},
		{"object for a string", `{"message":{"text":"m"}}`, jsonDecoded, `message bad`},
		{"string for an object", `{"error":"card_declined"}`, jsonDecoded, `error bad`},
		{"array for an object", `{"error":[{"code":"c"}]}`, jsonDecoded, `error bad`},
		{"wrong kind for an object keeps its members", `{"error":{"code":"a"},"error":"x"}`, jsonDecoded, `error={} bad, error.code="a"`},
		{"object for an array", `{"errors":{"code":"c"}}`, jsonDecoded, `errors bad`},
		{"wrong kinds nested", `{"error":{"status":"402","meta":{"live":1}}}`, jsonDecoded, `error={}, error.status bad, error.meta={}, error.meta.live bad`},

		// Results other than jsonDecoded.
		{"top array", `[{"code":1}]`, jsonNotObject, ``},
		{"top string", `"error"`, jsonNotObject, ``},
		{"top number", `402`, jsonNotObject, ``},
		{"top true", `true`, jsonNotObject, ``},
		{"top array malformed", `[1,]`, jsonMalformed, ``},
		{"malformed after a value of the wrong kind", `{"code":"x",}`, jsonMalformed, ``},
		{"malformed inside", `{"error":{"code":"c"}`, jsonMalformed, ``},
		{"trailing data", `{"code":1} {}`, jsonMalformed, ``},
		{"empty", ``, jsonMalformed, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDecodeBody(t, []byte(tt.in))
			result, got := decoded([]byte(tt.in), refBodyType)
			require.Equal(t, tt.result, result)
			require.Equal(t, tt.want, got)
		})
	}
}

// TestDecodeJSONReuse checks that decodeJSON clears what an earlier call
// found, so that one member list decodes every element of a list.
func TestDecodeJSONReuse(t *testing.T) {
	m := refMembers(refFieldErrorType).members
	require.Equal(t, jsonDecoded, decodeJSON([]byte(`{"resource":"Issue","code":"x","index":"bad"}`), m))
	require.True(t, m[0].set && m[2].set && m[3].bad)
	require.Equal(t, jsonDecoded, decodeJSON([]byte(`{"field":"title"}`), m))
	for i, member := range m {
		require.Equal(t, i == 1, member.set, "member %q", member.key)
		require.False(t, member.bad, "member %q", member.key)
	}
}

// TestDecodeJSONList decodes a list of objects as generated code does.
func TestDecodeJSONList(t *testing.T) {
	body := []byte(`{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}, null ,{"field":"body","index":2},"x"]}`)
	checkDecodeBody(t, body)
	tree := refMembers(refBodyType)
	m := tree.members
	require.Equal(t, jsonDecoded, decodeJSON(body, m))
	raw := m[tree.index("errors")].raw(body)
	element := refMembers(refFieldErrorType).members
	var got []string
	for start, end, ok := nextJSONElement(raw, 0); ok; start, end, ok = nextJSONElement(raw, end) {
		result, fields := decoded(raw[start:end], refFieldErrorType)
		require.Equal(t, result, decodeJSON(raw[start:end], element))
		got = append(got, resultNames[result]+": "+fields)
	}
	require.Equal(t, []string{
		`decoded: resource="Issue", field="title", code="missing_field"`,
		`decoded: `,
		`decoded: field="body", index=2`,
		`not an object: `,
	}, got)
}

var resultNames = map[jsonResult]string{jsonMalformed: "malformed", jsonNotObject: "not an object", jsonDecoded: "decoded"}

// TestDecodeJSONDuplicateArrays shows the one place where decoding a
// jsonArray member's elements differs from json.Unmarshal into a *[]T:
// for a duplicated key, json.Unmarshal decodes the later array into the
// elements of the earlier one, so a null element keeps the earlier string;
// decodeJSON keeps the later array, as json.Unmarshal keeps it into a
// *[]json.RawMessage.
func TestDecodeJSONDuplicateArrays(t *testing.T) {
	data := []byte(`{"error":{"fields":["a","b"],"fields":[null]}}`)
	var ref struct {
		Error struct {
			Fields *[]string `json:"fields"`
		} `json:"error"`
	}
	require.NoError(t, json.Unmarshal(data, &ref))
	require.Equal(t, []string{"a"}, *ref.Error.Fields)

	_, m := checkDecode(t, data, refBodyType)
	got, ok := decodeJSONStrings(nil, m[refMembers(refBodyType).index("error.fields")].raw(data))
	require.True(t, ok)
	require.Equal(t, []string{""}, got)
}

// TestNextJSONElement lists what nextJSONElement finds, including in
// bytes that are not the valid arrays it is meant for.
func TestNextJSONElement(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`[]`, nil},
		{` [ ] `, nil},
		{`[1]`, []string{`1`}},
		{`[ 1 , "a" ,{"b":[2]}, [3,[4]] ,null,true]`, []string{`1`, `"a"`, `{"b":[2]}`, `[3,[4]]`, `null`, `true`}},
		{`[[]]`, []string{`[]`}},
		// Not valid arrays: it stops, never reading out of bounds.
		{``, nil},
		{`[`, nil},
		{`[1,`, []string{`1`}},
		{`[1 2]`, []string{`1`}},
		{`[,1]`, nil},
		{`{"a":1}`, nil},
		{`"a"`, nil},
		{`[1}`, []string{`1`}},
		{`["\`, nil},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, arrayElements([]byte(tt.in)), "%q", tt.in)
	}
	for _, pos := range []int{-1, 4, 100} {
		_, _, ok := nextJSONElement([]byte(`[1]`), pos)
		require.False(t, ok, "pos %d", pos)
	}
}

// TestDecodeJSONStrings states what decodeJSONStrings gives, each case
// also checked against json.Unmarshal into a []string.
func TestDecodeJSONStrings(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		ok   bool
	}{
		{`["number","exp_month"]`, []string{"number", "exp_month"}, true},
		{`[]`, []string{}, true},
		{`null`, nil, true},
		{`["\u00e9\n","\ud83d"]`, []string{"é\n", "\ufffd"}, true},
		{`[null,"a"]`, []string{"", "a"}, true},
		{`["a",1,{},"b"]`, []string{"a", "", "", "b"}, false},
		{`"a"`, nil, false},
		{`{}`, nil, false},
		{`["a",]`, nil, false},
		{`["a"] x`, nil, false},
	}
	for _, tt := range tests {
		checkDecodeStrings(t, []byte(tt.in))
		got, ok := decodeJSONStrings(nil, []byte(tt.in))
		require.Equal(t, tt.ok, ok, "%q", tt.in)
		require.Equal(t, tt.want, got, "%q", tt.in)
	}
}

// TestDecodeJSONMemberLists checks that the reference trees are member
// lists decodeJSON takes, and that a list that breaks the rule for
// parents neither panics nor loops.
func TestDecodeJSONMemberLists(t *testing.T) {
	checkMemberList(t, refMembers(refBodyType).members)
	checkMemberList(t, refMembers(refFieldErrorType).members)
	broken := []jsonMember{
		{key: "a", kind: jsonObject, parent: 0},
		{key: "b", kind: jsonObject, parent: 2},
		{key: "c", kind: jsonObject, parent: 1},
		{key: "d", kind: jsonInt, parent: 7},
	}
	for _, in := range []string{`{"a":{"a":1},"a":null}`, `{"b":{"c":{"b":{}}}}`} {
		require.Equal(t, jsonDecoded, decodeJSON([]byte(in), broken), "%q", in)
	}
}

// realisticBody is an error body with a member of every kind, at every
// level, plus members nobody wants.
const realisticBody = `{"error":{"code":"card_declined","type":"card_error","message":"Your card was declined. \"Try another\" \u2014 or call","param":"number","status":402,"amount":12.5,"fatal":false,"decline_code":"generic_decline","meta":{"id":"req_Xy12","ID":7,"kind":"charge","count":3,"score":0.25,"live":true,"raw":{"a":[1,2,{"b":null}]}},"fields":["number","exp_month"]},"code":402,"Code":"E402","ok":false,"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"},{"resource":"Issue","field":"body","code":"invalid","index":2}],"details":{"request_id":"abc"},"retry_after":1.5,"documentation_url":"https://docs.example.com/errors"}`

func TestDecodeJSONAllocs(t *testing.T) {
	data := []byte(realisticBody)
	checkDecodeBody(t, data)
	tree := refMembers(refBodyType)
	var body [24]jsonMember // on the stack, as generated code declares it
	require.Equal(t, len(body), copy(body[:], tree.members))
	var element [4]jsonMember
	require.Equal(t, len(element), copy(element[:], refMembers(refFieldErrorType).members))

	var m [24]jsonMember
	var result jsonResult
	allocs := testing.AllocsPerRun(100, func() {
		m = body
		result = decodeJSON(data, m[:])
	})
	require.Equal(t, jsonDecoded, result)
	require.Zero(t, allocs, "decodeJSON")
	_, want := decoded(data, refBodyType)
	require.Equal(t, 24, strings.Count(want, ", ")+1, "every member is set: %s", want)

	raw := m[tree.index("errors")].raw(data)
	var elements int
	allocs = testing.AllocsPerRun(100, func() {
		elements = 0
		for start, end, ok := nextJSONElement(raw, 0); ok; start, end, ok = nextJSONElement(raw, end) {
			e := element
			if decodeJSON(raw[start:end], e[:]) == jsonDecoded && e[0].set {
				elements++
			}
		}
	})
	require.Equal(t, 2, elements)
	require.Zero(t, allocs, "a list of objects")

	fields := m[tree.index("error.fields")].raw(data)
	require.Equal(t, `["number","exp_month"]`, string(fields))
	dst := make([]string, 0, 4)
	allocs = testing.AllocsPerRun(100, func() {
		dst, _ = decodeJSONStrings(dst[:0], fields)
	})
	require.Equal(t, []string{"number", "exp_month"}, dst)
	require.LessOrEqual(t, allocs, 2.0, "decodeJSONStrings: one per string")
}
