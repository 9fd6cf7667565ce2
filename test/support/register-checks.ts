/**
 * Checks of the register's machine-readable side, shared by the unit and integration tests: the
 * DCAT catalogue read by a strict JSON-LD processor, the sitemap read by a strict XML parser, and
 * the head of a page (description, canonical, hreflang alternates).
 */
import jsonld from 'jsonld';
import { SaxesParser } from 'saxes';

/** No document is fetched: the catalogue carries its context inline, and a harvester must not need the network to read it. */
const offline = async (url: string): Promise<never> => {
  throw new Error(`the catalogue asked to load ${url}`);
};

/**
 * The catalogue as RDF: expanded in JSON-LD's safe mode (which refuses relative IRIs and any term
 * the context does not define instead of dropping them silently), then turned into N-Quads.
 */
export async function catalogQuads(text: string): Promise<{ expanded: unknown[]; quads: string[] }> {
  const doc = JSON.parse(text) as object;
  const options = { safe: true, documentLoader: offline } as unknown as jsonld.Options.Expand;
  const expanded = (await jsonld.expand(doc as never, options)) as unknown[];
  const nquads = (await jsonld.toRDF(doc as never, { ...options, format: 'application/n-quads' } as never)) as unknown as string;
  return { expanded, quads: nquads.split('\n').filter(Boolean) };
}

/** The IRIs of one N-Quads line (subject, predicate, object, datatype), without blank nodes. */
export const irisOf = (quad: string) => [...quad.matchAll(/<([^>]*)>/g)].map((m) => m[1]!);

/** An absolute IRI of a scheme a harvester can use. */
export const isAbsoluteIri = (iri: string) => /^(https?:\/\/[^/\s]+|mailto:[^@\s]+@[^@\s]+|tel:\+[0-9]{5,})/.test(iri);

export interface XmlElement {
  /** `{namespace}local` */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses well-formed, namespace-valid XML (throws otherwise) into elements named `{namespace}local`. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: `{${tag.uri}}${tag.local}`,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.uri ? `{${a.uri}}${a.local}` : a.local, a.value])),
      children: [],
      text: '',
    };
    if (stack.length) stack.at(-1)!.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    if (stack.length) stack.at(-1)!.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(text).close();
  if (!root) throw new Error('no root element');
  return root;
}

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
  alternates: Record<string, string>;
}

/** The `<url>` entries of a sitemap part (checked to be a urlset of the sitemaps.org namespace). */
export function sitemapUrls(text: string): SitemapUrl[] {
  const root = parseXml(text);
  if (root.name !== `{${SITEMAP_NS}}urlset`) throw new Error(`not a urlset: ${root.name}`);
  return root.children.map((url) => {
    if (url.name !== `{${SITEMAP_NS}}url`) throw new Error(`unexpected ${url.name}`);
    const child = (local: string) => url.children.find((c) => c.name === `{${SITEMAP_NS}}${local}`)?.text;
    const alternates = Object.fromEntries(
      url.children.filter((c) => c.name === `{${XHTML_NS}}link` && c.attributes.rel === 'alternate').map((c) => [c.attributes.hreflang!, c.attributes.href!]),
    );
    const lastmod = child('lastmod');
    return { loc: child('loc')!, ...(lastmod ? { lastmod } : {}), alternates };
  });
}

/** The parts a sitemap index lists: their locations and lastmod. */
export function sitemapIndex(text: string): { loc: string; lastmod?: string }[] {
  const root = parseXml(text);
  if (root.name !== `{${SITEMAP_NS}}sitemapindex`) throw new Error(`not a sitemapindex: ${root.name}`);
  return root.children.map((s) => {
    const loc = s.children.find((c) => c.name === `{${SITEMAP_NS}}loc`)?.text;
    const lastmod = s.children.find((c) => c.name === `{${SITEMAP_NS}}lastmod`)?.text;
    return { loc: loc!, ...(lastmod ? { lastmod } : {}) };
  });
}

/** What a page's head says to search engines. */
export interface PageHead {
  description?: string;
  canonical?: string;
  alternates: Record<string, string>;
}

const unescapeHtml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" })[e]!);

export function pageHead(html: string): PageHead {
  const head = html.slice(0, html.indexOf('</head>'));
  const attr = (tag: string, name: string) => {
    const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`, 'i'));
    return m ? unescapeHtml(m[1]!) : undefined;
  };
  const tags = [...head.matchAll(/<(meta|link)\b[^>]*>/gi)].map((m) => m[0]);
  const description = tags.find((t) => t.startsWith('<meta') && attr(t, 'name') === 'description');
  const canonical = tags.find((t) => t.startsWith('<link') && attr(t, 'rel') === 'canonical');
  const alternates = Object.fromEntries(
    tags.filter((t) => t.startsWith('<link') && attr(t, 'rel') === 'alternate' && attr(t, 'hreflang')).map((t) => [attr(t, 'hreflang')!, attr(t, 'href')!]),
  );
  const d = description && attr(description, 'content');
  const c = canonical && attr(canonical, 'href');
  return { ...(d !== undefined ? { description: d } : {}), ...(c !== undefined ? { canonical: c } : {}), alternates };
}
