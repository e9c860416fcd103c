// Command table reads the output of go test -bench (a file, or standard
// input) with sub-benchmarks named Benchmark<Job>/<implementation>, takes the
// median ns/op and allocs/op of each over the -count runs, and prints a
// Markdown table per fixture: a row per job, ns/op and allocs/op per
// implementation, the ratio baseline/errgen of ns/op and, where there are
// peers besides the baseline, the fastest peer's ns/op over errgen's. A job
// named Stripe<Job> is of the Stripe fixture and goes in the second table;
// one named Problem<Job>, of the problem details fixture, in the third.
//
// Usage:
//
//	go run ./cmd/table [file]
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// order puts the known implementations first, errgen leading.
var order = []string{"errgen", "baseline", "kratos", "twirp", "grpc"}

// labels names the known jobs in the table.
var labels = map[string]string{
	"ConstructTemplate": "construct/template (errgen: NewInsufficientBalanceError)",
	"ConstructMessage":  "construct/message (errgen: NewInternalError(msg))",
	"ConstructCause":    "construct/cause (template + cause)",
	"Is":                "errors.Is",
	"As":                "errors.As",
	"IsXxx":             "IsXxx",
	"HTTPStatus":        "HTTPStatus",
	"Encode":            "encode",
	"Decode":            "decode",
	"WriteError":        "WriteError",
}

// fixture is one table: the jobs whose names start with prefix, shown
// without it.
type fixture struct {
	prefix, title string
}

// fixtures are the tables, in output order; the Faseeh fixture, whose jobs
// have no prefix, takes every job the others do not.
var fixtures = []fixture{
	{"", "Faseeh: InsufficientBalanceError, flat body, integer code"},
	{"Stripe", "Stripe: CardDeclinedError, nested body, string code, type and three fields"},
	{"Problem", "Problem details: OutOfCreditError, RFC 9457 body, type URI and extension members"},
}

// fixtureOf returns the index in fixtures of job's table and the job's
// name in it.
func fixtureOf(job string) (int, string) {
	for i := len(fixtures) - 1; i > 0; i-- {
		if rest, ok := strings.CutPrefix(job, fixtures[i].prefix); ok && rest != "" {
			return i, rest
		}
	}
	return 0, job
}

// line matches a result: name, optional -GOMAXPROCS, iterations, then the
// value-unit pairs.
var line = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

type samples struct {
	ns, allocs []float64
}

func main() {
	in := io.Reader(os.Stdin)
	if len(os.Args) > 1 {
		f, err := os.Open(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "table:", err)
			os.Exit(1)
		}
		defer f.Close() //nolint:errcheck // read only: a failed close loses nothing
		in = f
	}
	var jobs, impls []string
	data := map[[2]string]*samples{}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		job, im, ok := strings.Cut(m[1], "/")
		if !ok {
			job, im = m[1], "-"
		}
		if !slices.Contains(jobs, job) {
			jobs = append(jobs, job)
		}
		if !slices.Contains(impls, im) {
			impls = append(impls, im)
		}
		key := [2]string{job, im}
		s := data[key]
		if s == nil {
			s = &samples{}
			data[key] = s
		}
		f := strings.Fields(m[2])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				s.ns = append(s.ns, v)
			case "allocs/op":
				s.allocs = append(s.allocs, v)
			}
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "table:", err)
		os.Exit(1)
	}
	if len(jobs) == 0 {
		fmt.Fprintln(os.Stderr, "table: no benchmark results in the input")
		os.Exit(1)
	}
	slices.SortStableFunc(impls, func(a, b string) int { return rank(a) - rank(b) })

	var b strings.Builder
	for i, f := range fixtures {
		var own []string
		for _, job := range jobs {
			if fi, _ := fixtureOf(job); fi == i {
				own = append(own, job)
			}
		}
		if len(own) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "### %s\n\n", f.title)
		writeTable(&b, own, impls, data)
	}
	if _, err := os.Stdout.WriteString(b.String()); err != nil {
		fmt.Fprintln(os.Stderr, "table:", err)
		os.Exit(1)
	}
}

// writeTable writes the table of jobs: the implementations that ran any of
// them, errgen first.
func writeTable(b *strings.Builder, jobs, allImpls []string, data map[[2]string]*samples) {
	var impls []string
	for _, im := range allImpls {
		for _, job := range jobs {
			if data[[2]string{job, im}] != nil {
				impls = append(impls, im)
				break
			}
		}
	}
	// With the baseline as the only peer, the fastest peer is the baseline.
	peers := slices.ContainsFunc(impls, func(im string) bool { return im != "errgen" && im != "baseline" })
	b.WriteString("| job |")
	for _, im := range impls {
		fmt.Fprintf(b, " %s ns/op | %s allocs/op |", im, im)
	}
	b.WriteString(" baseline/errgen |")
	if peers {
		b.WriteString(" fastest peer/errgen |")
	}
	b.WriteString("\n| --- |")
	for range impls {
		b.WriteString(" ---: | ---: |")
	}
	b.WriteString(" ---: |")
	if peers {
		b.WriteString(" ---: |")
	}
	b.WriteString("\n")
	for _, job := range jobs {
		_, name := fixtureOf(job)
		label := labels[name]
		if label == "" {
			label = name
		}
		fmt.Fprintf(b, "| %s |", label)
		for _, im := range impls {
			s := data[[2]string{job, im}]
			if s == nil || len(s.ns) == 0 {
				b.WriteString(" n/a | n/a |")
				continue
			}
			allocs := "?"
			if len(s.allocs) > 0 {
				allocs = strconv.FormatFloat(median(s.allocs), 'f', -1, 64)
			}
			fmt.Fprintf(b, " %s | %s |", formatNs(median(s.ns)), allocs)
		}
		errgen := nsOf(data, job, "errgen")
		fmt.Fprintf(b, " %s |", ratio(nsOf(data, job, "baseline"), errgen))
		if !peers {
			b.WriteString("\n")
			continue
		}
		fastest, name := 0.0, ""
		for _, im := range impls {
			if im == "errgen" {
				continue
			}
			if ns := nsOf(data, job, im); ns > 0 && (fastest == 0 || ns < fastest) {
				fastest, name = ns, im
			}
		}
		if r := ratio(fastest, errgen); r != "n/a" {
			fmt.Fprintf(b, " %s (%s) |\n", r, name)
		} else {
			b.WriteString(" n/a |\n")
		}
	}
}

func rank(im string) int {
	if i := slices.Index(order, im); i >= 0 {
		return i
	}
	return len(order)
}

func nsOf(data map[[2]string]*samples, job, im string) float64 {
	s := data[[2]string{job, im}]
	if s == nil || len(s.ns) == 0 {
		return 0
	}
	return median(s.ns)
}

func median(v []float64) float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

func formatNs(ns float64) string {
	switch {
	case ns < 10:
		return strconv.FormatFloat(ns, 'f', 2, 64)
	case ns < 100:
		return strconv.FormatFloat(ns, 'f', 1, 64)
	}
	return strconv.FormatFloat(ns, 'f', 0, 64)
}

// ratio is a/b as "2.50x", or n/a when either is missing.
func ratio(a, b float64) string {
	if a <= 0 || b <= 0 {
		return "n/a"
	}
	return strconv.FormatFloat(a/b, 'f', 2, 64) + "x"
}
