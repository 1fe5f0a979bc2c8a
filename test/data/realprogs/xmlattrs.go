// XML with attributes, chardata, innerxml, comments, namespaces and token streaming.
package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
)

type Item struct {
	XMLName xml.Name `xml:"item"`
	ID      string   `xml:"id,attr"`
	Lang    string   `xml:"lang,attr,omitempty"`
	Title   string   `xml:"title"`
	Body    string   `xml:",chardata"`
	Note    string   `xml:",comment"`
	Tags    []string `xml:"tags>tag"`
	Price   *float64 `xml:"price,omitempty"`
}

type Feed struct {
	XMLName xml.Name `xml:"feed"`
	Version string   `xml:"version,attr"`
	Items   []Item   `xml:"item"`
	Raw     struct {
		Inner string `xml:",innerxml"`
	} `xml:"raw"`
}

type Color struct{ R, G, B uint8 }

func (c Color) MarshalXMLAttr(name xml.Name) (xml.Attr, error) {
	return xml.Attr{Name: name, Value: fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)}, nil
}

type Box struct {
	XMLName xml.Name `xml:"box"`
	Fill    Color    `xml:"fill,attr"`
	W, H    int
}

const doc = `<?xml version="1.0"?>
<feed version="2">
  <item id="a1" lang="en"><title>First &amp; best</title>some text<!-- c1 --><tags><tag>x</tag><tag>y</tag></tags></item>
  <item id="b2"><title>Second</title><price>3.5</price></item>
  <raw><b>bold</b> &lt;tail&gt;</raw>
</feed>`

func main() {
	var f Feed
	if err := xml.Unmarshal([]byte(doc), &f); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Printf("%s %d\n", f.Version, len(f.Items))
	for _, it := range f.Items {
		p := "none"
		if it.Price != nil {
			p = fmt.Sprint(*it.Price)
		}
		fmt.Printf("%q %q %q %q %q %v %s\n", it.ID, it.Lang, it.Title, it.Body, it.Note, it.Tags, p)
	}
	fmt.Printf("raw=%q\n", f.Raw.Inner)
	out, err := xml.MarshalIndent(f.Items, "", "  ")
	fmt.Println(string(out), err)
	out, err = xml.Marshal(Box{Fill: Color{255, 128, 0}, W: 3, H: 4})
	fmt.Println(xml.Header+string(out), err)
	_, err = xml.Marshal(map[string]int{"a": 1})
	fmt.Println(err)
	d := xml.NewDecoder(strings.NewReader(`<a xmlns:h="http://h" x="1"><h:b>t<![CDATA[<c>]]></h:b><?pi data?><e/></a>`))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("err", err)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			fmt.Printf("start %s:%s %v\n", t.Name.Space, t.Name.Local, t.Attr)
		case xml.EndElement:
			fmt.Printf("end %s\n", t.Name.Local)
		case xml.CharData:
			fmt.Printf("chars %q\n", string(t))
		case xml.ProcInst:
			fmt.Printf("pi %s %q\n", t.Target, t.Inst)
		default:
			fmt.Printf("%T\n", t)
		}
	}
	err = xml.Unmarshal([]byte("<a><b></a>"), new(struct{}))
	fmt.Println(err)
	enc := xml.NewEncoder(os.Stdout)
	enc.Indent("", " ")
	enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: "root"}, Attr: []xml.Attr{{Name: xml.Name{Local: "k"}, Value: "v\"<"}}})
	enc.EncodeToken(xml.CharData("x<y"))
	enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: "root"}})
	enc.Flush()
	fmt.Println()
	xml.EscapeText(os.Stdout, []byte("a&b\n"))
	fmt.Println()
}
