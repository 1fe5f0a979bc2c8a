// A JSON-RPC-ish server over net.Pipe and os.Pipe with net/rpc/jsonrpc and a hand-rolled codec.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/rpc"
	"net/rpc/jsonrpc"
	"os"
	"sort"
	"strings"
	"sync"
)

type Args struct{ A, B int }
type Quotient struct{ Quo, Rem int }

type Arith int

func (t *Arith) Multiply(args *Args, reply *int) error {
	*reply = args.A * args.B
	return nil
}

func (t *Arith) Divide(args *Args, quo *Quotient) error {
	if args.B == 0 {
		return errors.New("divide by zero")
	}
	quo.Quo = args.A / args.B
	quo.Rem = args.A % args.B
	return nil
}

type Request struct {
	ID     int             `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}
type Response struct {
	ID     int         `json:"id"`
	Result interface{} `json:"result,omitempty"`
	Error  *RPCError   `json:"error,omitempty"`
}
type RPCError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

type KV struct {
	mu sync.RWMutex
	m  map[string]string
}

func (kv *KV) handle(req Request) Response {
	resp := Response{ID: req.ID}
	switch req.Method {
	case "set":
		var p struct{ Key, Value string }
		if err := json.Unmarshal(req.Params, &p); err != nil {
			resp.Error = &RPCError{-32602, err.Error()}
			return resp
		}
		kv.mu.Lock()
		kv.m[p.Key] = p.Value
		kv.mu.Unlock()
		resp.Result = true
	case "get":
		var key string
		if err := json.Unmarshal(req.Params, &key); err != nil {
			resp.Error = &RPCError{-32602, err.Error()}
			return resp
		}
		kv.mu.RLock()
		v, ok := kv.m[key]
		kv.mu.RUnlock()
		if !ok {
			resp.Error = &RPCError{404, "no such key: " + key}
		} else {
			resp.Result = v
		}
	case "keys":
		kv.mu.RLock()
		var ks []string
		for k := range kv.m {
			ks = append(ks, k)
		}
		kv.mu.RUnlock()
		sort.Strings(ks)
		resp.Result = ks
	default:
		resp.Error = &RPCError{-32601, "method not found: " + req.Method}
	}
	return resp
}

func serveLines(kv *KV, r *os.File, w *os.File, done chan<- struct{}) {
	sc := bufio.NewScanner(r)
	enc := json.NewEncoder(w)
	for sc.Scan() {
		var req Request
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			enc.Encode(Response{Error: &RPCError{-32700, err.Error()}})
			continue
		}
		enc.Encode(kv.handle(req))
	}
	w.Close()
	close(done)
}

func main() {
	// net/rpc with the JSON codec over net.Pipe.
	srv := rpc.NewServer()
	if err := srv.Register(new(Arith)); err != nil {
		fmt.Println("register:", err)
	}
	c1, c2 := net.Pipe()
	go srv.ServeCodec(jsonrpc.NewServerCodec(c1))
	client := jsonrpc.NewClient(c2)
	var prod int
	err := client.Call("Arith.Multiply", &Args{7, 8}, &prod)
	fmt.Println("Multiply:", prod, err)
	var q Quotient
	err = client.Call("Arith.Divide", &Args{17, 5}, &q)
	fmt.Printf("Divide: %+v %v\n", q, err)
	err = client.Call("Arith.Divide", &Args{1, 0}, &q)
	fmt.Printf("Divide by zero: %v (%T)\n", err, err)
	err = client.Call("Arith.Nope", &Args{}, &q)
	fmt.Println("unknown:", err)
	calls := make([]*rpc.Call, 5)
	for i := range calls {
		var r int
		calls[i] = client.Go("Arith.Multiply", &Args{i, i}, &r, nil)
	}
	for i, c := range calls {
		<-c.Done
		fmt.Println("async", i, *c.Reply.(*int), c.Error)
	}
	client.Close()

	// Line-delimited JSON over two os.Pipes.
	kv := &KV{m: map[string]string{}}
	reqR, reqW, _ := os.Pipe()
	respR, respW, _ := os.Pipe()
	done := make(chan struct{})
	go serveLines(kv, reqR, respW, done)
	reqs := []string{
		`{"id":1,"method":"set","params":{"Key":"b","Value":"2"}}`,
		`{"id":2,"method":"set","params":{"Key":"a","Value":"1"}}`,
		`{"id":3,"method":"get","params":"a"}`,
		`{"id":4,"method":"get","params":"zz"}`,
		`{"id":5,"method":"keys"}`,
		`{"id":6,"method":"set","params":[1,2]}`,
		`{"id":7,"method":"frob"}`,
		`not json`,
	}
	go func() {
		for _, r := range reqs {
			fmt.Fprintln(reqW, r)
		}
		reqW.Close()
	}()
	sc := bufio.NewScanner(respR)
	for sc.Scan() {
		fmt.Println(strings.TrimSpace(sc.Text()))
	}
	<-done
}
