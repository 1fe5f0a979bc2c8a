// A tagless switch compares each case with the bool `true`: an interface case holding true matches.
package main

func main() {
	for _, v := range []interface{}{true, false, 1, "x"} {
		switch i := v; {
		case i:
			println("true")
		case false:
			println("not reached")
		default:
			println("other", i == false)
		}
	}
}
