// Package log records the order in which the packages of a program are initialized.
package log

var n int

// Say prints msg with its sequence number and returns that number.
func Say(msg string) int {
	n++
	println(n, msg)
	return n
}
