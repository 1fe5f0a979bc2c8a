package badsig

func F() int { return 1 }
