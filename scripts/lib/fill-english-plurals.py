#!/usr/bin/env python3
# Fills the English numerus forms of greenlight_en.ts: "(s)" -> "" (one) and "s" (other).
import sys, re, xml.etree.ElementTree as ET
path = sys.argv[1]; tree = ET.parse(path); root = tree.getroot(); n = 0
for m in root.iter('message'):
    if m.get('numerus') != 'yes': continue
    tr = m.find('translation')
    if tr.get('type') != 'unfinished' and list(tr) and all((f.text or '').strip() for f in tr): continue
    src = m.find('source').text
    for c in list(tr): tr.remove(c)
    tr.text = None
    for form in (src.replace('(s)', '').replace('(es)', ''), src.replace('(s)', 's').replace('(es)', 'es')):
        e = ET.SubElement(tr, 'numerusform'); e.text = form
    if 'type' in tr.attrib: del tr.attrib['type']
    n += 1
with open(path, 'w', encoding='utf-8') as fh:
    fh.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding='unicode') + '\n')
print('english numerus filled', n)
