package a

import "cyc/b"

var X = b.Y
