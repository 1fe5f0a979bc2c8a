// net/url parsing and building, query encoding, path and path/filepath, net.ParseIP/CIDR, mime types,
// net/mail addresses and http header canonicalisation — the parsing a web tool does without a network.
package main

import (
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/mail"
	"net/url"
	"path"
)

func main() {
	u, err := url.Parse("https://user:p%40ss@example.com:8443/a/b%20c/?q=go+lang&x=1&x=2#frag")
	fmt.Println(err, u.Scheme, u.User.Username(), u.Host, u.Hostname(), u.Port(), u.Path, u.RawPath, u.RawQuery, u.Fragment)
	pw, _ := u.User.Password()
	fmt.Println(pw, u.Query(), u.Query()["x"], u.EscapedPath(), u.String())
	q := url.Values{}
	q.Set("name", "Ann & Bob")
	q.Add("tag", "a/b")
	q.Add("tag", "ü")
	fmt.Println(q.Encode(), q.Get("tag"), q.Has("none"))
	base, _ := url.Parse("http://h/a/b/c")
	for _, ref := range []string{"d", "../d", "/e", "?y=1", "//other/x", "https://z"} {
		r, _ := url.Parse(ref)
		fmt.Println(base.ResolveReference(r))
	}
	for _, bad := range []string{"http://[::1", "%zz", "http://a b.com/", ":foo"} {
		_, err := url.Parse(bad)
		fmt.Println(err)
	}
	fmt.Println(url.QueryEscape("a b/c?d"), url.PathEscape("a b/c?d"))
	s, err := url.QueryUnescape("a%20b+c%zz")
	fmt.Println(s, err)
	pq, err := url.ParseQuery("a=1&b=2&a=3&c")
	fmt.Println(pq, err)
	fmt.Println(path.Join("/a", "b/../c", "/d"), path.Clean("a//b/./../c"), path.Ext("x.tar.gz"), path.Base(""), path.Dir("a/b"))
	for _, s := range []string{"192.168.1.10", "::1", "2001:db8::68", "256.1.1.1", "::ffff:10.0.0.1"} {
		ip := net.ParseIP(s)
		fmt.Println(s, ip, ip.To4() != nil, ip.IsLoopback(), ip.IsPrivate())
	}
	ip, n, err := net.ParseCIDR("10.1.2.3/20")
	fmt.Println(ip, n, err, n.Contains(net.ParseIP("10.1.15.255")), n.Contains(net.ParseIP("10.1.16.0")))
	_, _, err = net.ParseCIDR("10.1.2.3/33")
	fmt.Println(err)
	host, port, err := net.SplitHostPort("[::1]:80")
	fmt.Println(host, port, err, net.JoinHostPort("::1", "443"))
	_, _, err = net.SplitHostPort("noport")
	fmt.Println(err)
	mac, err := net.ParseMAC("00:1a:2b:3c:4d:5e")
	fmt.Println(mac, err, net.IPv4(8, 8, 4, 4), net.IPv4Mask(255, 255, 0, 0).String())
	fmt.Println(mime.TypeByExtension(".json"), mime.TypeByExtension(".html"))
	mt, params, err := mime.ParseMediaType("text/html; charset=UTF-8; q=0.9")
	fmt.Println(mt, params, err, mime.FormatMediaType("text/plain", map[string]string{"charset": "utf-8"}))
	addr, err := mail.ParseAddress(`"Ann Lee" <ann@example.com>`)
	fmt.Println(addr.Name, addr.Address, err, addr.String())
	list, err := mail.ParseAddressList("a@x.org, Bob <b@y.org>")
	fmt.Println(len(list), err, list[1].Name)
	_, err = mail.ParseAddress("not an address")
	fmt.Println(err)
	h := http.Header{}
	h.Add("content-type", "text/plain")
	h.Add("X-CUSTOM-thing", "1")
	h.Add("x-custom-thing", "2")
	fmt.Println(h, h.Get("Content-Type"), h.Values("X-Custom-Thing"), http.CanonicalHeaderKey("accept-encoding"))
	fmt.Println(http.StatusText(418), http.StatusText(http.StatusTeapot+100), http.DetectContentType([]byte("<html><body>")), http.DetectContentType([]byte{0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}))
	req, err := http.NewRequest("POST", "http://example.com/api?x=1", nil)
	fmt.Println(req.Method, req.URL.Path, req.URL.Query().Get("x"), req.Host, err)
	req.SetBasicAuth("u", "p")
	fmt.Println(req.Header.Get("Authorization"))
	c := &http.Cookie{Name: "sid", Value: "abc", Path: "/", HttpOnly: true, MaxAge: 60}
	fmt.Println(c.String())
}
