// encoding/xml with attributes, chardata, nested paths and omitempty; encoding/csv reading and writing
// with quotes, a custom separator and the errors of bad records.
package main

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"os"
	"strings"
)

type Address struct {
	City  string `xml:"city"`
	State string `xml:"state,attr"`
}

type Person struct {
	XMLName xml.Name  `xml:"person"`
	ID      int       `xml:"id,attr"`
	Name    string    `xml:"name"`
	Emails  []string  `xml:"contact>email"`
	Addr    *Address  `xml:"address,omitempty"`
	Note    string    `xml:",comment"`
	Bio     string    `xml:",chardata"`
	Age     int       `xml:"age,omitempty"`
}

func main() {
	p := Person{ID: 7, Name: "Ann & Bob", Emails: []string{"a@x.org", "b@x.org"}, Addr: &Address{"Springfield", "IL"}, Note: " hi ", Bio: "text<>"}
	out, err := xml.MarshalIndent(p, "", "  ")
	fmt.Println(xml.Header+string(out), err)
	var q Person
	err = xml.Unmarshal(out, &q)
	fmt.Println(err, q.ID, q.Name, q.Emails, q.Addr.City, q.Addr.State, q.Bio)
	// Token stream.
	d := xml.NewDecoder(strings.NewReader(`<a x="1"><b>t</b><!-- c --><c/></a>`))
	for {
		t, err := d.Token()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		switch t := t.(type) {
		case xml.StartElement:
			fmt.Println("start", t.Name.Local, t.Attr)
		case xml.EndElement:
			fmt.Println("end", t.Name.Local)
		case xml.CharData:
			fmt.Printf("chars %q\n", string(t))
		case xml.Comment:
			fmt.Printf("comment %q\n", string(t))
		}
	}
	var bad Person
	fmt.Println(xml.Unmarshal([]byte(`<person><name>x</person>`), &bad))
	fmt.Println(xml.Unmarshal([]byte(`<other/>`), &bad))

	in := "name,qty,note\nwidget,3,\"has, comma\"\n\"quoted \"\"name\"\"\",10,\"multi\nline\"\n"
	r := csv.NewReader(strings.NewReader(in))
	recs, err := r.ReadAll()
	fmt.Println(len(recs), err)
	for _, rec := range recs {
		fmt.Printf("%q\n", rec)
	}
	r2 := csv.NewReader(strings.NewReader("a;b\n# comment\nc;d;e\n"))
	r2.Comma = ';'
	r2.Comment = '#'
	for {
		rec, err := r2.Read()
		if err != nil {
			fmt.Println("err:", err)
			if pe, ok := err.(*csv.ParseError); ok {
				fmt.Println(pe.StartLine, pe.Line, pe.Column, pe.Err)
				continue
			}
			break
		}
		fmt.Println(rec)
	}
	r3 := csv.NewReader(strings.NewReader("a,\"b\nc"))
	_, err = r3.ReadAll()
	fmt.Println(err)
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"plain", "with,comma", "with \"quote\"", " lead", ""})
	w.UseCRLF = false
	w.WriteAll([][]string{{"x", "y"}, {"1", "2"}})
	fmt.Println(w.Error())
}
