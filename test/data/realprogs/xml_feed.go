// An RSS/Atom-like feed parser and writer with encoding/xml: attributes, chardata, innerxml, namespaces,
// omitempty, custom marshalers, the token stream, and errors.
package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"strings"
	"time"
)

type Feed struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel Channel  `xml:"channel"`
}

type Channel struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	Description string `xml:"description,omitempty"`
	Items       []Item `xml:"item"`
}

type Item struct {
	Title    string   `xml:"title"`
	GUID     GUID     `xml:"guid"`
	PubDate  RFCTime  `xml:"pubDate"`
	Category []string `xml:"category"`
	Body     Inner    `xml:"content"`
	Comment  string   `xml:",comment"`
	Author   *Author  `xml:"author,omitempty"`
}

type GUID struct {
	Perma bool   `xml:"isPermaLink,attr"`
	Value string `xml:",chardata"`
}

type Inner struct {
	XML string `xml:",innerxml"`
}

type Author struct {
	Name  string `xml:"name"`
	Email string `xml:"contact>email"`
}

type RFCTime struct{ time.Time }

func (t *RFCTime) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var s string
	if err := d.DecodeElement(&s, &start); err != nil {
		return err
	}
	v, err := time.Parse(time.RFC1123Z, strings.TrimSpace(s))
	if err != nil {
		return err
	}
	t.Time = v
	return nil
}

func (t RFCTime) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return e.EncodeElement(t.UTC().Format(time.RFC3339), start)
}

const doc = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
 <channel>
  <title>Go &amp; Friends</title>
  <link>https://example.org/</link>
  <item>
    <title>First &lt;post&gt;</title>
    <guid isPermaLink="true">https://example.org/1</guid>
    <pubDate>Mon, 02 Jan 2006 15:04:05 -0700</pubDate>
    <category>go</category><category>news</category>
    <content><p>Hello <b>world</b></p></content>
    <author><name>Ann</name><contact><email>ann@example.org</email></contact></author>
  </item>
  <item>
    <title>Second</title>
    <guid>x-2</guid>
    <pubDate>Tue, 10 Nov 2009 23:00:00 +0000</pubDate>
    <content/>
    <!-- a note -->
  </item>
 </channel>
</rss>`

func main() {
	var f Feed
	if err := xml.Unmarshal([]byte(doc), &f); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println(f.Version, f.XMLName.Local, f.Channel.Title, f.Channel.Link)
	for _, it := range f.Channel.Items {
		fmt.Printf("%q perma=%v %q %s %v %q comment=%q author=%+v\n", it.Title, it.GUID.Perma, it.GUID.Value,
			it.PubDate.UTC().Format(time.RFC822), it.Category, it.Body.XML, it.Comment, it.Author)
	}
	f.Channel.Description = "desc <with> \"quotes\" & 'apos'"
	out, err := xml.MarshalIndent(f, "", "  ")
	fmt.Println(xml.Header+string(out), err)
	d := xml.NewDecoder(strings.NewReader(`<a xmlns:x="urn:x" x:k="v"><x:b>text</x:b><?pi data?><!DOCTYPE z><c/></a>`))
	for {
		tok, err := d.Token()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			fmt.Printf("start %s:%s %v\n", t.Name.Space, t.Name.Local, t.Attr)
		case xml.EndElement:
			fmt.Printf("end %s\n", t.Name.Local)
		case xml.CharData:
			fmt.Printf("chardata %q\n", string(t))
		case xml.ProcInst:
			fmt.Printf("procinst %s %q\n", t.Target, t.Inst)
		case xml.Directive:
			fmt.Printf("directive %q\n", string(t))
		}
	}
	for _, bad := range []string{`<a><b></a>`, `<a attr=novalue/>`, `<a>&bogus;</a>`, ``, `<rss version="1"><channel><item><pubDate>yesterday</pubDate></item></channel></rss>`} {
		var f Feed
		fmt.Printf("%q: %v\n", bad, xml.Unmarshal([]byte(bad), &f))
	}
	var sb strings.Builder
	xml.EscapeText(&sb, []byte("a<b>&\"c\"\n\t"))
	fmt.Println(sb.String())
	type Pt struct {
		XMLName xml.Name `xml:"urn:geo point"`
		X       int      `xml:"x,attr"`
		Y       float64  `xml:"y"`
		Tags    []string `xml:"tags>tag"`
		Skip    string   `xml:"-"`
		Any     []byte   `xml:"raw"`
	}
	b, err := xml.Marshal(Pt{X: 1, Y: 2.5, Tags: []string{"a", "b"}, Skip: "no", Any: []byte("bytes")})
	fmt.Println(string(b), err)
	_, err = xml.Marshal(map[string]int{"a": 1})
	fmt.Println(err)
}
