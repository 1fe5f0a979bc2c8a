package conv

import (
	"reflect"
	"testing"
	"time"
)

func TestSetKinds(t *testing.T) {
	var s struct {
		I8  int8
		U   uint16
		F   float32
		B   bool
		D   time.Duration
		P   *int
		Arr [1]int
	}
	v := reflect.ValueOf(&s).Elem()
	good := []struct {
		field, in string
	}{{"I8", "-128"}, {"U", "65535"}, {"F", "1.5"}, {"B", "true"}, {"D", "1m30s"}, {"P", "42"}}
	for _, g := range good {
		if err := Set(v.FieldByName(g.field), g.in); err != nil {
			t.Errorf("Set(%s, %q): %v", g.field, g.in, err)
		}
	}
	if s.I8 != -128 || s.U != 65535 || s.F != 1.5 || !s.B || s.D != 90*time.Second || *s.P != 42 {
		t.Errorf("got %+v", s)
	}
	for _, b := range []struct{ field, in, want string }{
		{"I8", "128", `strconv.ParseInt: parsing "128": value out of range`},
		{"U", "-1", `strconv.ParseUint: parsing "-1": invalid syntax`},
		{"B", "yes", `strconv.ParseBool: parsing "yes": invalid syntax`},
		{"D", "5", `time: missing unit in duration "5"`},
		{"Arr", "1", "unsupported kind array"},
	} {
		err := Set(v.FieldByName(b.field), b.in)
		if err == nil || err.Error() != b.want {
			t.Errorf("Set(%s, %q) = %v, want %s", b.field, b.in, err, b.want)
		}
	}
}
