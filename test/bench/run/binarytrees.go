package main

// The binary-trees benchmark (Computer Language Benchmarks Game), depth 18: allocation and collection.

type Node struct {
	left, right *Node
}

func bottomUp(depth int) *Node {
	if depth <= 0 {
		return &Node{}
	}
	return &Node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (n *Node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	const minDepth = 4
	const maxDepth = 18
	stretch := maxDepth + 1
	println("stretch tree of depth", stretch, "\t check:", bottomUp(stretch).check())
	long := bottomUp(maxDepth)
	for d := minDepth; d <= maxDepth; d += 2 {
		iters := 1 << uint(maxDepth-d+minDepth)
		check := 0
		for i := 0; i < iters; i++ {
			check += bottomUp(d).check()
		}
		println(iters, "\t trees of depth", d, "\t check:", check)
	}
	println("long lived tree of depth", maxDepth, "\t check:", long.check())
}
