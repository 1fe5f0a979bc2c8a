// A small JSON HTTP service tested end to end over a loopback listener (net/http/httptest): routing,
// status codes, headers, JSON bodies, middleware, and the client.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
)

type store struct {
	mu    sync.Mutex
	items map[string]int
}

func (s *store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.TrimPrefix(r.URL.Path, "/items/")
	switch r.Method {
	case http.MethodGet:
		if key == "" {
			keys := make([]string, 0, len(s.items))
			for k := range s.items {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(keys)
			return
		}
		v, ok := s.items[key]
		if !ok {
			http.Error(w, "no such item: "+key, http.StatusNotFound)
			return
		}
		json.NewEncoder(w).Encode(map[string]int{key: v})
	case http.MethodPut:
		var body struct{ Value int }
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			http.Error(w, "bad body: "+err.Error(), http.StatusBadRequest)
			return
		}
		s.items[key] = body.Value
		w.WriteHeader(http.StatusCreated)
	default:
		w.Header().Set("Allow", "GET, PUT")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
	}
}

func logging(next http.Handler, log *[]string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*log = append(*log, r.Method+" "+r.URL.Path)
		w.Header().Set("X-Served-By", "g1c-demo")
		next.ServeHTTP(w, r)
	})
}

func main() {
	var log []string
	mux := http.NewServeMux()
	mux.Handle("/items/", &store{items: map[string]int{"apple": 3}})
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	srv := httptest.NewServer(logging(mux, &log))
	defer srv.Close()
	do := func(method, path, body string) {
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		fmt.Printf("%s %s -> %d %q ct=%q served=%q allow=%q\n", method, path, resp.StatusCode, b,
			resp.Header.Get("Content-Type"), resp.Header.Get("X-Served-By"), resp.Header.Get("Allow"))
	}
	do("GET", "/health", "")
	do("GET", "/items/apple", "")
	do("PUT", "/items/pear", `{"Value": 7}`)
	do("PUT", "/items/bad", `{"Value": "x"}`)
	do("GET", "/items/", "")
	do("GET", "/items/none", "")
	do("DELETE", "/items/apple", "")
	do("GET", "/nowhere", "")
	fmt.Println(log)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/items/pear", nil))
	fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
}
