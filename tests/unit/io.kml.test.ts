/**
 * KML from hostile report text, read back with a real XML parser: the document has only KML's own
 * elements and attributes, and what a viewer renders as HTML (`<name>`, `<description>`, Data values)
 * parses, as HTML, to text alone — no element, no attribute, no `javascript:` link.
 */
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { toKML } from '../../src/io';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(2)">click</a>',
  '<script>alert(3)</script>',
  ']]><b>cdata</b><![CDATA[',
  '&lt;img src=x onerror=alert(4)&gt;',
  '"quoted" & \'single\'',
];

const feature = (i: number, text: string): Feature<Geometry, Record<string, unknown>> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [130 + i / 10, 42.123456789] },
  properties: { id: `s-${i}`, name: text, summary: `${text} summary`, date: '2024-10-08', source_1_publisher: text, source_1_url: 'javascript:alert(5)', [text]: text },
});

/** The KML elements tokml writes; anything else came from data. */
const KML_ELEMENTS = new Set(['kml', 'Document', 'name', 'description', 'Placemark', 'ExtendedData', 'Data', 'value', 'TimeStamp', 'when', 'Point', 'coordinates', 'LineString', 'Polygon', 'outerBoundaryIs', 'innerBoundaryIs', 'LinearRing', 'MultiGeometry']);
const KML_ATTRIBUTES = new Set(['xmlns', 'name']);

function elements(node: XmlNode, out: XmlElement[] = []): XmlElement[] {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) {
      out.push(c as XmlElement);
      elements(c, out);
    }
  }
  return out;
}

describe('KML export of hostile text', () => {
  const kml = toKML(HOSTILE.map((t, i) => feature(i, t)), 'Doc <b>bold</b> & more');
  const doc = new DOMParser().parseFromString(kml, 'text/xml');
  const all = elements(doc);

  it('parses as XML with only KML elements and attributes', () => {
    expect(all[0]?.tagName).toBe('kml');
    for (const el of all) {
      expect(KML_ELEMENTS.has(el.tagName), el.tagName).toBe(true);
      for (let i = 0; i < el.attributes.length; i++) {
        const a = el.attributes.item(i)!;
        expect(KML_ATTRIBUTES.has(a.name), a.name).toBe(true);
        // A Data name may be a property key from data: it is an attribute value, and inert as text.
        if (a.name === 'name') expect(a.value).not.toMatch(/[<>]/);
      }
    }
    expect(all.filter((e) => e.tagName === 'Placemark')).toHaveLength(HOSTILE.length);
  });

  it('gives a viewer text that has no markup when rendered as HTML', () => {
    const rendered = all.filter((e) => ['name', 'description', 'value'].includes(e.tagName));
    expect(rendered.length).toBeGreaterThan(HOSTILE.length * 3);
    for (const el of rendered) {
      const text = el.textContent ?? '';
      expect(text).not.toMatch(/[<>]/);
      const html = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${text}</body></html>`, 'text/html');
      const body = html.getElementsByTagName('body')[0]!;
      expect(elements(body).map((e) => e.tagName)).toEqual([]);
    }
  });

  it('shows the exact original text once the viewer decodes the entities', () => {
    const names = all.filter((e) => e.tagName === 'name' && e.parentNode && (e.parentNode as XmlElement).tagName === 'Placemark');
    const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(names.map((n) => decode(n.textContent ?? ''))).toEqual(HOSTILE);
  });

  it('writes coordinates with at most 7 decimals', () => {
    const coords = all.filter((e) => e.tagName === 'coordinates').map((e) => e.textContent ?? '');
    for (const c of coords) for (const x of c.split(/[ ,]/)) expect((x.split('.')[1] ?? '').length).toBeLessThanOrEqual(7);
    expect(coords[0]).toBe('130,42.1234568');
  });
});
