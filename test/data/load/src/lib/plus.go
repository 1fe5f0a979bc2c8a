// +build linux,!386

package lib

var LinuxNot386 = 1
