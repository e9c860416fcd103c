package gen

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// BenchmarkGenerate times the whole pipeline, from the spec's bytes to
// every output file in memory, on synthetic specs with params and docs.
// ns/error should stay flat as the spec grows.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		src := syntheticSpec(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := Generate(src, Options{Spec: "synthetic.yaml", Out: "out", Docs: "errors.md", OpenAPI: "openapi.json"}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/error")
		})
	}
}

// BenchmarkErrgen runs the errgen command on synthetic specs, as go
// generate does, writing the package, the docs and the OpenAPI fragment,
// and reports its peak resident set.
func BenchmarkErrgen(b *testing.B) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		b.Skip("no go command")
	}
	dir := b.TempDir()
	errgen := filepath.Join(dir, "errgen")
	if out, err := exec.Command(gobin, "build", "-o", errgen, "../cmd/errgen").CombinedOutput(); err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	for _, n := range []int{10, 100, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			spec := filepath.Join(dir, "synthetic.yaml")
			if err := os.WriteFile(spec, syntheticSpec(n), 0o644); err != nil {
				b.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			var peak int64 // KiB
			for b.Loop() {
				b.StopTimer()
				if err := os.RemoveAll(out); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				cmd := exec.Command(errgen, "-spec", spec, "-out", filepath.Join(out, "synth"), "-docs", filepath.Join(out, "errors.md"), "-openapi", filepath.Join(out, "openapi.json"))
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v\n%s", err, out)
				}
				peak = max(peak, peakKiB(cmd))
			}
			b.ReportMetric(float64(peak)/1024, "peak-MB")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/error")
		})
	}
}

// BenchmarkGoBuild times go build on the package generated from a
// synthetic spec: the cost a spec's size adds to every build.
func BenchmarkGoBuild(b *testing.B) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		b.Skip("no go command")
	}
	for _, n := range []int{10, 100, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			files, err := Generate(syntheticSpec(n), Options{Spec: "synthetic.yaml", Out: filepath.Join(dir, "synth")})
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module synth\n\ngo 1.26\n"), 0o644); err != nil {
				b.Fatal(err)
			}
			if _, err := Write(files); err != nil {
				b.Fatal(err)
			}
			lines := 0
			for _, f := range files {
				if strings.HasSuffix(f.Path, ".go") {
					lines += bytes.Count(f.Content, []byte("\n"))
				}
			}
			var peak int64 // KiB
			i := 0
			for b.Loop() {
				// A new constant each time makes go build compile the package
				// again, while the standard library comes from the cache.
				i++
				iter := "package synth\n\nconst iteration = " + strconv.Itoa(i) + "\n"
				if err := os.WriteFile(filepath.Join(dir, "synth", "iteration.go"), []byte(iter), 0o644); err != nil {
					b.Fatal(err)
				}
				cmd := exec.Command(gobin, "build", "-o", os.DevNull, "./synth")
				cmd.Dir = dir
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v\n%s", err, out)
				}
				// The go command waits for the compiler, so its peak
				// resident set is the largest of theirs.
				peak = max(peak, peakKiB(cmd))
			}
			b.ReportMetric(float64(peak)/1024, "peak-MB")
			b.ReportMetric(float64(lines)/float64(n), "lines/error")
		})
	}
}

// peakKiB returns the peak resident set, in KiB, of a command that ran:
// its own or that of a child it waited for, whichever is larger.
func peakKiB(cmd *exec.Cmd) int64 {
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss
	}
	return 0
}
