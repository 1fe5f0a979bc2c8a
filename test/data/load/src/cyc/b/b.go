package b

import "cyc/a"

var Y = a.X
