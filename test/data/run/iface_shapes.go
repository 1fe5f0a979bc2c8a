package main

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (c Circle) Area() float64     { return 3.14159 * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * 3.14159 * c.R }

type byArea []Shape

func (s byArea) Less(i, j int) bool { return s[i].Area() < s[j].Area() }

func sortShapes(s byArea) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s.Less(j, j-1); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

type Stringer interface{ String() string }
type Animal struct{ name string }

func (a Animal) String() string { return "animal:" + a.name }

func describe(i interface{}) string {
	switch v := i.(type) {
	case nil:
		return "nil"
	case int, int64:
		return "integer"
	case string:
		return "string " + v
	case Stringer:
		return v.String()
	case []int:
		return "slice"
	default:
		return "other"
	}
}

func main() {
	shapes := byArea{Rect{3, 4}, Circle{1}, Rect{1, 1}, Circle{2}}
	sortShapes(shapes)
	for _, s := range shapes {
		println(s.Area(), s.Perimeter())
	}
	println(describe(nil), describe(3), describe("x"), describe(Animal{"cat"}), describe([]int{}), describe(2.5))
	counts := map[string]int{}
	words := []string{"a", "b", "a", "c", "b", "a"}
	for _, w := range words {
		counts[w]++
	}
	println(counts["a"], counts["b"], counts["c"], len(counts))
	delete(counts, "a")
	_, ok := counts["a"]
	println(ok, len(counts))
	keys := 0
	for k, v := range counts {
		keys += len(k) + v
	}
	println(keys)
	type point struct{ x, y int }
	grid := map[point]bool{{1, 2}: true}
	println(grid[point{1, 2}], grid[point{2, 1}])
	var s Shape = Rect{2, 3}
	if r, ok := s.(Rect); ok {
		println("rect", r.W)
	}
	_, isC := s.(Circle)
	println(isC)
	f := Rect.Area
	println(f(Rect{5, 5}))
	g := s.Perimeter
	println(g())
	var e interface{} = 5
	var e2 interface{} = 5
	println(e == e2, e != nil)
	c := complex(1, 2)
	println(c*c, real(c), imag(c))
	mm := make(map[int][]string)
	mm[1] = append(mm[1], "x", "y")
	println(len(mm[1]), mm[1][1])
	var sh Shape
	defer func() {
		r := recover()
		println("recovered", r != nil)
		var x interface{} = "str"
		n := x.(int)
		println(n)
	}()
	sh.Area()
}
