// Structs, pointers, slices of structs and recursion: quicksort and a binary search tree.
package main

type Item struct {
	key   int
	value int
}

func quicksort(a []Item) {
	if len(a) < 2 {
		return
	}
	p := a[len(a)/2].key
	i, j := 0, len(a)-1
	for i <= j {
		for a[i].key < p {
			i++
		}
		for a[j].key > p {
			j--
		}
		if i <= j {
			a[i], a[j] = a[j], a[i]
			i++
			j--
		}
	}
	quicksort(a[:j+1])
	quicksort(a[i:])
}

type Node struct {
	key         int
	left, right *Node
}

func insert(n *Node, key int) *Node {
	if n == nil {
		return &Node{key: key}
	}
	if key < n.key {
		n.left = insert(n.left, key)
	} else {
		n.right = insert(n.right, key)
	}
	return n
}

func depth(n *Node) int {
	if n == nil {
		return 0
	}
	l, r := depth(n.left), depth(n.right)
	if l > r {
		return l + 1
	}
	return r + 1
}

func main() {
	const n = 300000
	items := make([]Item, n)
	x := uint32(12345)
	var root *Node
	for i := range items {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		items[i] = Item{key: int(x % 1000000), value: i}
		if i < 50000 {
			root = insert(root, items[i].key)
		}
	}
	quicksort(items)
	sorted := true
	for i := 1; i < n; i++ {
		if items[i-1].key > items[i].key {
			sorted = false
		}
	}
	println("sorted", sorted, "min", items[0].key, "max", items[n-1].key, "depth", depth(root))
}
