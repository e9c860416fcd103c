package gen

import (
	"encoding/json"
	"strconv"
	"strings"
	"text/template"
)

// retryCase is an error of a spec as the retry test sends it: made by
// Make, a Go function of the time now, with the first of its delay
// headers set to 2 s from now.
type retryCase struct {
	Name, Make string
	Retryable  bool
	Delayed    bool
}

// streamCase is the data of an error event, and the type ParseEvent or
// ParseWebSocketMessage must give for it.
type streamCase struct{ Data, Want string }

type streamTest struct {
	Parse    string // Go source of the parse of data
	NotError string // Go source of a parse that must give nil
	Cases    []streamCase
}

func retryData(m *Model, errs []endToEndError) map[string]any {
	var cases []retryCase
	for _, e := range errs {
		c := retryCase{Name: e.Name, Retryable: e.Retry != RetryNever}
		var set string
		if len(e.Delay) > 0 {
			h := e.Delay[0]
			c.Delayed = true
			if h.Type == HeaderDuration {
				set = "e." + h.Name + " = 2 * time.Second; "
			} else {
				set = "e." + h.Name + " = now.Add(2 * time.Second); "
			}
		}
		c.Make = "func(now time.Time) error { e := pkg." + e.Constructor + "(" + e.Args + "); " + set + "return e }"
		cases = append(cases, c)
	}
	var streams []streamTest
	if st := m.SSE; st != nil {
		other := `pkg.ParseEvent("message", data)`
		if st.Event == "" {
			other = `pkg.ParseEvent("", []byte("{}"))`
		}
		streams = append(streams, streamTest{Parse: "pkg.ParseEvent(" + strconv.Quote(st.Event) + ", data)", NotError: other, Cases: streamCases(m, st)})
	}
	if st := m.WebSocket.Stream; st != nil {
		streams = append(streams, streamTest{Parse: "pkg.ParseWebSocketMessage(data)", NotError: `pkg.ParseWebSocketMessage([]byte("{}"))`, Cases: streamCases(m, st)})
	}
	return map[string]any{"Model": m, "Cases": cases, "Streams": streams}
}

// streamCases are an event for each error that its code, or its type
// alone, tells in a stream, with the message "streamed".
func streamCases(m *Model, st *Stream) []streamCase {
	env := &m.Envelope
	members := st.Members
	from := func(to *Member) *Member { return to }
	if members == nil {
		members = env.Members
	} else {
		from = func(to *Member) *Member {
			for _, sl := range st.Slots {
				if sl.To == to && to != nil {
					return sl.From
				}
			}
			return nil
		}
	}
	typeCount := map[string]int{}
	for _, e := range m.Errors {
		typeCount[e.Type]++
	}
	var out []streamCase
	for _, e := range m.Errors {
		values := map[*Member]json.RawMessage{}
		for _, c := range st.Consts {
			values[c] = json.RawMessage(c.Const)
		}
		switch code, typ := from(env.Code), from(env.Type); {
		case e.HasCode && code != nil:
			values[code], _ = json.Marshal(e.Code.Value())
		case !e.HasCode && e.Type != "" && typeCount[e.Type] == 1 && typ != nil:
			values[typ], _ = json.Marshal(e.Type)
		default:
			continue
		}
		if msg := from(env.Message); msg != nil {
			values[msg] = json.RawMessage(`"streamed"`)
		}
		data, _ := json.Marshal(nested(members, nil, values))
		out = append(out, streamCase{Data: string(data), Want: "*" + m.Package + "." + e.Name})
	}
	return out
}

// nested builds the object of parent's members that have values.
func nested(members []*Member, parent *Member, values map[*Member]json.RawMessage) map[string]any {
	obj := map[string]any{}
	for _, mb := range members {
		if mb.Parent != parent {
			continue
		}
		if mb.Kind == KindObject {
			if inner := nested(members, mb, values); len(inner) > 0 {
				obj[mb.Key()] = inner
			}
		} else if v, ok := values[mb]; ok {
			obj[mb.Key()] = v
		}
	}
	return obj
}

var retryTest = template.Must(template.New("").Funcs(template.FuncMap{"quote": strconv.Quote, "join": strings.Join}).Parse(`package {{.Model.Package}}_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	pkg "e2e/{{.Model.Package}}"
)

// fakeClock is a clock whose sleeps pass at once and add up.
type fakeClock struct{ now time.Time; slept time.Duration }

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.now = c.now.Add(d)
	c.slept += d
	return nil
}

// TestRetry sends each error from a real server once, then a success,
// and checks that the client's RetryTransport retries exactly the errors
// the table says to, after the delay the server gives, else a backoff.
func TestRetry(t *testing.T) {
	for _, c := range []struct {
		name      string
		make      func(now time.Time) error
		retryable bool
		delayed   bool
	}{
{{- range .Cases}}
		{ {{- quote .Name}}, {{.Make}}, {{.Retryable}}, {{.Delayed}}},
{{- end}}
	} {
		t.Run(c.name, func(t *testing.T) {
			clock := &fakeClock{now: time.Now().Truncate(time.Second)}
			sent := c.make(clock.now)
			hits := 0
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if hits++; hits == 1 {
					pkg.WriteError(w, sent)
					return
				}
				_, _ = io.WriteString(w, "done")
			}))
			defer srv.Close()
			client := &http.Client{Transport: &pkg.RetryTransport{Options: []pkg.RetryOption{pkg.RetryWithClock(clock), pkg.RetryAttempts(2)}}}
			resp, err := client.Get(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			want := 1
			if c.retryable {
				want = 2
			}
			if hits != want {
				t.Fatalf("%d requests, want %d", hits, want)
			}
			switch {
			case !c.retryable:
				if resp.StatusCode != pkg.HTTPStatus(sent) || fmt.Sprintf("%T", pkg.FromResponse(&http.Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: io.NopCloser(bytes.NewReader(body))})) != fmt.Sprintf("%T", sent) {
					t.Errorf("the error response came back as %d %s", resp.StatusCode, body)
				}
				if clock.slept != 0 {
					t.Errorf("waited %v before giving up", clock.slept)
				}
			case string(body) != "done":
				t.Errorf("the retry gave %d %s", resp.StatusCode, body)
			case c.delayed && clock.slept != 2*time.Second:
				t.Errorf("waited %v, want the server's 2s", clock.slept)
			case !c.delayed && clock.slept >= 500*time.Millisecond:
				t.Errorf("waited %v, beyond the first backoff ceiling", clock.slept)
			}
			// Retry, around a call that fails the same way.
			clock.slept = 0
			calls := 0
			got := pkg.Retry(context.Background(), func(context.Context) error {
				calls++
				return sent
			}, pkg.RetryWithClock(clock), pkg.RetryAttempts(3))
			if got != sent || (calls == 3) != c.retryable || (calls == 1) == c.retryable {
				t.Errorf("Retry made %d calls and returned %v", calls, got)
			}
		})
	}
}

{{- with .Streams}}

// TestStreams parses an event of each error a stream can tell, and an
// event that is not an error.
func TestStreams(t *testing.T) {
{{- range .}}
	for _, c := range []struct{ data, want string }{
{{- range .Cases}}
		{ {{- quote .Data}}, {{quote .Want}}},
{{- end}}
	} {
		data := []byte(c.data)
		got := {{.Parse}}
		if typ := fmt.Sprintf("%T", got); typ != c.want {
			t.Errorf("%s parsed as %s %v, want %s", data, typ, got, c.want)
			continue
		}
		if msg := got.(pkg.Error).ErrorMessage(); msg != "streamed" {
			t.Errorf("%s parsed with message %q", data, msg)
		}
	}
	{
		data := []byte("{}")
		if got := {{.NotError}}; got != nil {
			t.Errorf("%s parsed as %#v", data, got)
		}
	}
{{- end}}
}
{{- end}}
`))
