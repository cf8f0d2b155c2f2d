#!/usr/bin/python3
"""The reader a patent-data engineer writes with lxml, as the benchmark's yardstick.

    lxml_reader.py FILE_OR_DIR...  > documents.jsonl

Splits each file at the lines that start with "<?xml" (a USPTO weekly file or a
concatenated CNIPA delivery is many documents), parses each document with
lxml.etree.fromstring (no DTD loading, no network, no entity expansion: the same rules
as patsub) and prints, per document, one JSON object with the fields patsub's readers
extract: office, number, kind, date, application number and date, declared type, title,
patentees (name, address, city, country), priorities and the PCT application. Sequence
listings and other non-grant roots are counted and skipped. A directory is read file by
file in name order. A summary goes to stderr.

Needs Debian's python3-lxml (run with /usr/bin/python3).
"""
import json
import os
import sys

from lxml import etree

CN = "{http://www.sipo.gov.cn/XMLSchema/business}"
BASE = "{http://www.sipo.gov.cn/XMLSchema/base}"
EXCH = "{http://www.epo.org/exchange}"

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def text(element):
    """All text below an element, inline markup flattened, trimmed."""
    return "".join(element.itertext()).strip() if element is not None else ""


def first(node, *paths):
    for path in paths:
        found = node.find(path)
        if found is not None:
            value = text(found)
            if value:
                return value
    return ""


def uspto(root):
    b = root.find("us-bibliographic-data-grant")
    doc = {
        "office": first(b, "publication-reference/document-id/country"),
        "number": first(b, "publication-reference/document-id/doc-number"),
        "kind": first(b, "publication-reference/document-id/kind"),
        "date": first(b, "publication-reference/document-id/date"),
        "application_number": first(b, "application-reference/document-id/doc-number"),
        "application_date": first(b, "application-reference/document-id/date"),
        "declared_type": (b.find("application-reference").get("appl-type", "")
                          if b.find("application-reference") is not None else ""),
        "title": first(b, "invention-title"),
        "pct_application": first(b, "pct-or-regional-filing-data/document-id/doc-number"),
    }

    def party(p):
        org = first(p, "addressbook/orgname", "orgname")
        if not org:
            org = " ".join(x for x in (first(p, "addressbook/first-name", "first-name"),
                                       first(p, "addressbook/last-name", "last-name")) if x)
        return {"name": org or first(p, "addressbook/name", "name"),
                "address": first(p, "addressbook/address/street"),
                "city": first(p, "addressbook/address/city"),
                "country": first(p, "addressbook/address/country")}

    patentees = [party(p) for p in b.findall("assignees/assignee")]
    if not patentees:
        patentees = [party(p) for p in b.findall("us-parties/us-applicants/us-applicant")
                     + b.findall("parties/applicants/applicant")]
    doc["patentees"] = patentees
    doc["priorities"] = [{"country": first(p, "country"), "number": first(p, "doc-number"), "date": first(p, "date")}
                         for p in b.findall("priority-claims/priority-claim")]
    return doc


def cnipa(root):
    b = root.find(CN + "BibliographicData")
    if b is None:
        b = root.find(CN + "DesignBibliographicData")

    def reference(tag):
        refs = b.findall(CN + tag)
        preferred = [r for r in refs if r.get("dataFormat", "original") == "original"] or refs
        return preferred[0] if preferred else None

    pub, app = reference("PublicationReference"), reference("ApplicationReference")
    doc = {
        "office": first(pub, f"{BASE}DocumentID/{BASE}WIPOST3Code"),
        "number": first(pub, f"{BASE}DocumentID/{BASE}DocNumber"),
        "kind": first(pub, f"{BASE}DocumentID/{BASE}Kind"),
        "date": first(pub, f"{BASE}DocumentID/{BASE}Date"),
        "application_number": first(app, f"{BASE}DocumentID/{BASE}DocNumber") if app is not None else "",
        "application_date": first(app, f"{BASE}DocumentID/{BASE}Date") if app is not None else "",
        "declared_type": app.get("applType", "") if app is not None else "",
        "title": first(b, CN + "InventionTitle", CN + "DesignTitle"),
        "pct_application": "",
        "priorities": [],
    }
    applicants = (b.findall(f"{CN}Parties/{CN}ApplicantDetails/{CN}Applicant")
                  + b.findall(f"{CN}ApplicantDetails/{CN}Applicant"))
    originals = [a for a in applicants if a.get("dataFormat", "original") == "original"] or applicants

    def unless_zero(s):
        return "" if s == "0" else s

    doc["patentees"] = [{"name": first(a, f"{BASE}AddressBook/{BASE}Name"),
                         "address": unless_zero(first(a, f"{BASE}AddressBook/{BASE}Address/{BASE}Text")),
                         "city": unless_zero(first(a, f"{BASE}AddressBook/{BASE}Address/{BASE}City")),
                         "country": first(a, f"{BASE}AddressBook/{BASE}Address/{BASE}WIPOST3Code")}
                        for a in originals]
    return doc


def ep(root):
    s = root.find("SDOBI")
    titles = s.findall("B500/B540/*")
    title = ""
    for lang, value in zip(titles[0::2], titles[1::2]):
        if text(lang) == "en":
            title = text(value)
    b300 = s.find("B300")
    priorities = []
    if b300 is not None:
        nums, dates, ctrys = b300.findall("B310"), b300.findall("B320/date"), b300.findall("B330/ctry")
        priorities = [{"country": text(c), "number": text(n), "date": text(d)} for n, d, c in zip(nums, dates, ctrys)]
    return {
        "office": first(s, "B100/B190"), "number": first(s, "B100/B110"), "kind": first(s, "B100/B130"),
        "date": first(s, "B100/B140/date"), "application_number": first(s, "B200/B210"),
        "application_date": first(s, "B200/B220/date"), "declared_type": "", "title": title,
        "pct_application": first(s, "B800/B860/B861/dnum/anum"),
        "patentees": [{"name": first(p, "snm"), "address": first(p, "adr/str"), "city": first(p, "adr/city"),
                       "country": first(p, "adr/ctry")} for p in s.findall("B700/B730/B731")],
        "priorities": priorities,
    }


def docdb(document):
    b = document.find(EXCH + "bibliographic-data")
    return {
        "office": document.get("country", ""), "number": document.get("doc-number", ""),
        "kind": document.get("kind", ""), "date": document.get("date-publ", ""),
        "application_number": first(b, f"{EXCH}application-reference/document-id/doc-number"),
        "application_date": first(b, f"{EXCH}application-reference/document-id/date"),
        "declared_type": "", "title": first(b, EXCH + "invention-title"), "pct_application": "",
        "family_id": document.get("family-id", ""),
        "patentees": [{"name": first(a, f"{EXCH}applicant-name/name"), "address": "", "city": "",
                       "country": first(a, "residence/country")}
                      for a in b.findall(f"{EXCH}parties/{EXCH}applicants/{EXCH}applicant")
                      if a.get("data-format") == "docdb"],
        "priorities": [{"country": first(p, "document-id/country"), "number": first(p, "document-id/doc-number"),
                        "date": first(p, "document-id/date")}
                       for p in b.findall(f"{EXCH}priority-claims/{EXCH}priority-claim")
                       if p.get("data-format") == "docdb"],
    }


def documents(path):
    """The documents of one file: split where a line starts with <?xml."""
    held = []
    with open(path, "rb") as f:
        for line in f:
            if held and (line.startswith(b"<?xml") or line.startswith(b"\xef\xbb\xbf<?xml")):
                yield b"".join(held)
                held = []
            held.append(line)
    if held and any(h.strip() for h in held):
        yield b"".join(held)


def files(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            for name in sorted(os.listdir(argument)):
                full = os.path.join(argument, name)
                if os.path.isfile(full) and not name.startswith("."):
                    yield full
        else:
            yield argument


def main():
    tally = {"documents": 0, "read": 0, "skipped": 0, "refused": 0}
    out = sys.stdout
    for path in files(sys.argv[1:]):
        for index, raw in enumerate(documents(path), 1):
            tally["documents"] += 1
            try:
                root = etree.fromstring(raw, PARSER)
            except etree.XMLSyntaxError as e:
                tally["refused"] += 1
                print(f"{path}: document {index}: refused: {e}", file=sys.stderr)
                continue
            tag = root.tag
            if tag == "us-patent-grant":
                records = [uspto(root)]
            elif tag == CN + "PatentDocumentAndRelated":
                records = [cnipa(root)]
            elif tag == "ep-patent-document":
                records = [ep(root)]
            elif tag == EXCH + "exchange-documents":
                records = [docdb(d) for d in root.iter(EXCH + "exchange-document")]
            else:
                tally["skipped"] += 1
                continue
            for record in records:
                record["source"] = {"file": path, "document": index}
                out.write(json.dumps(record, ensure_ascii=False))
                out.write("\n")
                tally["read"] += 1
    print(json.dumps(tally), file=sys.stderr)


if __name__ == "__main__":
    main()
