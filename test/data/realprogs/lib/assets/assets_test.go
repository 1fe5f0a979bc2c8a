package assets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	v := Version()
	if v["version"] != "1.4.2" || v["name"] != "assets" {
		t.Fatalf("Version() = %v", v)
	}
	t.Logf("describe: %s", Describe())
}

func TestNames(t *testing.T) {
	names, err := Names()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"templates/footer.tmpl", "templates/page.tmpl"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Errorf("Names() = %q, want %q", names, want)
	}
}

func TestGolden(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		e := e
		if !strings.HasSuffix(e.Name(), ".in") {
			continue
		}
		t.Run(strings.TrimSuffix(e.Name(), ".in"), func(t *testing.T) {
			t.Parallel()
			in, err := os.ReadFile(filepath.Join("testdata", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata", strings.TrimSuffix(e.Name(), ".in")+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.ToUpper(string(in)); got != string(want) {
				t.Errorf("got %q want %q", got, want)
			}
		})
	}
}

func TestEnv(t *testing.T) {
	t.Setenv("ASSETS_MODE", "test")
	if os.Getenv("ASSETS_MODE") != "test" {
		t.Fatal("Setenv did not take")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "x.txt")
	if err := os.WriteFile(p, []byte(Describe()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("file gone before cleanup: %v", err)
		}
	})
	b, _ := os.ReadFile(p)
	t.Log(string(b))
}
