// A struct-tag validator with reflect: nested structs, slices, maps, pointers, embedded fields.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

type FieldError struct {
	Path string
	Rule string
	Msg  string
}

func (e FieldError) Error() string { return fmt.Sprintf("%s: %s (%s)", e.Path, e.Msg, e.Rule) }

type Errors []FieldError

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

var emailRE = regexp.MustCompile(`^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$`)

type Validator interface{ Validate() error }

func Validate(v interface{}) error {
	var errs Errors
	walk(reflect.ValueOf(v), "", &errs)
	if len(errs) == 0 {
		return nil
	}
	return errs
}

var validatorType = reflect.TypeOf((*Validator)(nil)).Elem()

func walk(v reflect.Value, path string, errs *Errors) {
	for v.Kind() == reflect.Ptr || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.CanAddr() && v.Addr().Type().Implements(validatorType) {
		if err := v.Addr().Interface().(Validator).Validate(); err != nil {
			*errs = append(*errs, FieldError{path, "custom", err.Error()})
		}
	}
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := f.Name
			if j := f.Tag.Get("json"); j != "" {
				name = strings.Split(j, ",")[0]
			}
			p := name
			if path != "" && !f.Anonymous {
				p = path + "." + name
			} else if f.Anonymous {
				p = path
			}
			fv := v.Field(i)
			if tag, ok := f.Tag.Lookup("validate"); ok {
				checkRules(fv, p, tag, errs)
			}
			walk(fv, p, errs)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), errs)
		}
	case reflect.Map:
		keys := v.MapKeys()
		for _, k := range keys {
			walk(v.MapIndex(k), fmt.Sprintf("%s[%v]", path, k), errs)
		}
	}
}

func checkRules(v reflect.Value, path, tag string, errs *Errors) {
	for _, rule := range strings.Split(tag, ",") {
		name, arg, _ := strings.Cut(rule, "=")
		bad := func(msg string, a ...interface{}) {
			*errs = append(*errs, FieldError{path, rule, fmt.Sprintf(msg, a...)})
		}
		switch name {
		case "required":
			if v.IsZero() {
				bad("is required")
			}
		case "min", "max":
			n, _ := strconv.ParseFloat(arg, 64)
			var got float64
			switch v.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				got = float64(v.Int())
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
				got = float64(v.Uint())
			case reflect.Float32, reflect.Float64:
				got = v.Float()
			case reflect.String, reflect.Slice, reflect.Map:
				got = float64(v.Len())
			}
			if name == "min" && got < n {
				bad("must be at least %v, got %v", n, got)
			}
			if name == "max" && got > n {
				bad("must be at most %v, got %v", n, got)
			}
		case "email":
			if !emailRE.MatchString(v.String()) {
				bad("%q is not an email", v.String())
			}
		case "oneof":
			opts := strings.Fields(arg)
			s := fmt.Sprint(v.Interface())
			found := false
			for _, o := range opts {
				found = found || o == s
			}
			if !found {
				bad("%q not in %v", s, opts)
			}
		default:
			panic(fmt.Sprintf("unknown rule %q on %s", rule, path))
		}
	}
}

type Base struct {
	ID int `json:"id" validate:"min=1"`
}

type Address struct {
	City string `json:"city" validate:"required"`
	Zip  string `json:"zip" validate:"min=5,max=5"`
}

type Range struct{ Lo, Hi int }

func (r *Range) Validate() error {
	if r.Lo > r.Hi {
		return fmt.Errorf("lo %d > hi %d", r.Lo, r.Hi)
	}
	return nil
}

type User struct {
	Base
	Name    string              `json:"name" validate:"required,max=10"`
	Email   string              `json:"email" validate:"email"`
	Age     uint8               `json:"age" validate:"min=18,max=130"`
	Role    string              `json:"role" validate:"oneof=admin user guest"`
	Addrs   []Address           `json:"addrs" validate:"min=1"`
	Home    *Address            `json:"home"`
	Window  Range               `json:"window"`
	Labels  map[string]*Address `json:"labels"`
	Score   float32             `validate:"max=1.5"`
	private string
}

func main() {
	good := User{Base: Base{7}, Name: "ann", Email: "ann@example.com", Age: 30, Role: "admin",
		Addrs: []Address{{"Oslo", "12345"}}, Window: Range{1, 2}}
	fmt.Println("good:", Validate(&good))
	bad := User{Name: "a very long name", Email: "Nope@", Age: 12, Role: "root",
		Home: &Address{Zip: "123"}, Window: Range{5, 1}, Score: 2,
		Labels: map[string]*Address{"w": {City: "", Zip: "99999"}}}
	err := Validate(bad)
	var es Errors
	if errors.As(err, &es) {
		for _, e := range es {
			fmt.Println(" -", e)
		}
		fmt.Println(len(es), "errors")
	}
	var fe FieldError
	fmt.Println(errors.As(err, &fe))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		Validate(struct {
			X int `validate:"frob"`
		}{})
	}()
	fmt.Println(Validate(nil), Validate((*User)(nil)))
}
