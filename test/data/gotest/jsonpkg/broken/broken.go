package broken

func Two() int { return 2 }
