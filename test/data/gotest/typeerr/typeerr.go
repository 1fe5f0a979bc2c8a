package typeerr

func F() int { return 1 }
