package norm

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Émile": "emile", "ÜBER": "uber", "plain": "plain"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
