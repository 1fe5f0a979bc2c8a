package lib

var OnlyOnWindows = 1
