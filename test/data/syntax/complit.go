package complit

type Point struct{ X, Y int }

type Line struct {
	A, B Point `json:"points"`
	*Point
	name string
}

var points = []Point{{1, 2}, {X: 3, Y: 4}}

var grid = [...][2]int{{1, 2}, {3, 4}}

var index = map[string]*Point{
	"origin": {},
	"unit":   &Point{1, 1},
}

func f() bool {
	if p := (Point{1, 2}); p.X > 0 {
		return true
	}
	for _, p := range []Point{{5, 6}} {
		_ = p
	}
	s := grid[0][:1]
	t := s[0:1:2]
	_ = t
	return Point{}.X == 0
}
