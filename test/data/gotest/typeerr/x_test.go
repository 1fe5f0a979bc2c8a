package typeerr_test

import "example.com/typeerr"

var y string = typeerr.F()
