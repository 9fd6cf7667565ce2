/**
 * The register's information-request pages and the public log of answered requests
 * (functions/core/register/requests.ts, web/register/request.tsx): the projection keeps the requester
 * out by construction (no name, NIK, email, phone or address in any rendered page, script or export,
 * even when staff or the requester wrote them into the request's free-text fields); the log's pages,
 * exports and catalogue entry; an answered request rewrites exactly what a full render says; the form
 * carries every field the regulation asks, named as the API reads a plain form post; the API derives
 * the submission id of a post sent without JavaScript; dates in words as the notices print them.
 */
import { describe, expect, it } from 'vitest';
import { formSubmissionId } from '../../functions/api/form-submission.ts';
import { formFields } from '../../functions/api/http.ts';
import { dateInWords, dateTimeInWords, localDate } from '../../functions/core/date-words.ts';
import { fileText, type RegisterInput, type SitePlan } from '../../functions/core/register/input.ts';
import { type PublicRequestEntry, publicLogEntry } from '../../functions/core/register/requests.ts';
import { type RegisterStore, updateRegister } from '../../functions/core/register-update.ts';
import { PublicRequestForm, type Request, type RequestPersonal } from '../../functions/core/requests/model.ts';
import { indonesianDateTime } from '../../functions/core/requests/notice.ts';
import { REQUEST_JS } from '../../web/register/assets.ts';
import { documentCopies, RENDERER_VERSION, registerRenderer, renderFull, renderRequests } from '../../web/register/render.ts';
import { parseCsv } from '../support/csv.ts';
import { agencyRecord } from '../support/fixtures.ts';
import { memoryRegister } from '../support/register-memory.ts';

// --- fixture ------------------------------------------------------------------------------------------

const AGENCIES = [
  agencyRecord('diskominfo', 'Dinas Komunikasi dan Informatika', 'ppid_utama'),
  agencyRecord('dinkes', 'Dinas Kesehatan'),
  agencyRecord('disdikbud', 'Dinas Pendidikan dan Kebudayaan'),
];

/** The requester of every fixture request: none of it may reach the register. */
const PERSONAL: RequestPersonal['requester'] = {
  kind: 'individual',
  fullName: 'Theresia Anggraini Simanjuntak',
  nik: '6171015508920003',
  address: 'Jalan Kenari Ungu No. 31, Kelurahan Akcaya, Pontianak Selatan',
  email: 'theresia.uji@example.org',
  phone: '+62 852 4400 7788',
};
const SECRETS = [PERSONAL.fullName, 'Simanjuntak', PERSONAL.nik!, PERSONAL.address, 'Kenari Ungu', PERSONAL.email!, '4400 7788', '85244007788'];
/** What staff or the requester may write into the request's free text: the requester again. */
const LEAK = `${PERSONAL.fullName} (NIK ${PERSONAL.nik}, ${PERSONAL.phone}, ${PERSONAL.email}, ${PERSONAL.address})`;

const deadline = (at: string) => ({ at, local: at, explanation: { id: '10 hari kerja', en: '10 working days' }, rule: { unit: 'workingDays', amount: 10 } });

function request(sequence: number, over: Partial<Request> = {}): Request {
  const id = `2026-${String(sequence).padStart(5, '0')}`;
  return {
    requestId: id,
    number: `PMH/2026/${String(sequence).padStart(5, '0')}`,
    year: 2026,
    sequence,
    state: 'closed',
    channel: 'online',
    requesterKind: 'individual',
    onBehalf: false,
    content: {
      information: `Data cakupan imunisasi dasar lengkap per kabupaten, permohonan ${sequence}`,
      purpose: `Penelitian oleh ${LEAK}`,
      obtainForm: 'copy_softcopy',
      deliveryMethod: 'email',
    },
    receivedAt: '2026-02-02T03:00:00.000Z',
    receivedOn: '2026-02-02',
    registeredAt: '2026-02-02T03:00:00.000Z',
    registeredBy: 'petugas.diskominfo',
    trackingHash: 'f'.repeat(64),
    deadline: deadline('2026-02-16T16:59:59.000Z') as Request['deadline'],
    escalations: 0,
    parts: [],
    clarifications: [
      {
        askedAt: '2026-02-03T03:00:00.000Z',
        askedBy: 'ppid.utama',
        question: `Mohon konfirmasi ${LEAK}`,
        answeredAt: '2026-02-04T03:00:00.000Z',
        answer: LEAK,
      },
    ],
    inbox: [],
    documents: [],
    timeline: [
      { at: '2026-02-02T03:00:00.000Z', type: 'received', note: LEAK },
      { at: '2026-02-02T03:00:00.000Z', type: 'registered', by: 'petugas.diskominfo', note: LEAK },
    ],
    delivery: { deliveredOn: '2026-02-10', how: `Dikirim ke ${PERSONAL.email}`, by: 'ppid.utama', at: '2026-02-10T03:00:00.000Z' },
    createdAt: '2026-02-02T03:00:00.000Z',
    updatedAt: '2026-02-10T03:00:00.000Z',
    version: 5,
    ...over,
  };
}

const notice = (issuedAt: string) => ({
  number: 'PTT/2026/00001',
  issuedAt,
  verificationCode: 'ABCD-EFGH',
  file: { key: 'requests/x/pemberitahuan.pdf', fileName: 'Pemberitahuan.pdf', size: 1000, sha256: 'e'.repeat(64), generatedAt: issuedAt },
});

const released = (docId: string, fileName: string, pub: boolean, redaction?: { what: string; ground: string }) => ({
  docId,
  key: `requests/docs/${docId}/${fileName}`,
  fileName,
  contentType: 'application/pdf',
  size: 20_480,
  sha256: 'a'.repeat(64),
  public: pub,
  ...(redaction ? { redaction } : {}),
});

const part = (
  agencyId: string,
  decision: 'granted' | 'partial' | 'refused',
  documents: ReturnType<typeof released>[] = [],
  grounds = [] as { dikNumber?: string; legalBasis: string }[],
) => ({
  agencyId,
  routedAt: '2026-02-03T03:00:00.000Z',
  deadline: deadline('2026-02-10T16:59:59.000Z') as Request['deadline'],
  reminders: 0,
  answer: {
    decision,
    grounds: grounds.map((g, i) => ({ exclusionId: `ex-${i}`, ...g, consequence: { ifOpened: LEAK, publicInterest: LEAK } })),
    form: 'Salinan elektronik',
    cost: 0,
    deliveryTime: 'Segera',
    documents,
    note: LEAK,
    answeredAt: '2026-02-09T03:00:00.000Z',
    answeredBy: 'kepala.dinkes',
  },
});

const ROUTING = { at: '2026-02-03T03:00:00.000Z', by: 'ppid.utama', held: true, agencies: ['dinkes'], note: LEAK };

const REQUESTS: Request[] = [
  // Granted, one public document and one for the requester only.
  request(1, {
    routing: ROUTING,
    parts: [
      part('dinkes', 'granted', [
        released('11111111-1111-4111-8111-111111111111', 'cakupan imunisasi.pdf', true),
        released('22222222-2222-4222-8222-222222222222', 'surat pengantar.pdf', false),
      ]),
    ],
    outcome: { held: true, decision: 'granted', cost: 0, answeredAt: '2026-02-09T03:00:00.000Z' },
    notice: notice('2026-02-09T03:00:00.000Z'),
    extension: { at: '2026-02-05T03:00:00.000Z', by: 'ppid.utama', reasons: LEAK, previousDeadline: '2026-02-16T16:59:59.000Z' },
  }),
  // Granted in part by one SKPD, refused by another (on a DIK entry), a blacked-out copy public.
  request(2, {
    routing: { ...ROUTING, agencies: ['dinkes', 'disdikbud'] },
    parts: [
      part(
        'dinkes',
        'partial',
        [released('33333333-3333-4333-8333-333333333333', 'data dihitamkan.pdf', true, { what: LEAK, ground: 'Pasal 17 huruf h' })],
        [{ dikNumber: 'DIK/2026/0002', legalBasis: 'Pasal 17 huruf h UU 14/2008' }],
      ),
      part('disdikbud', 'refused', [], [{ legalBasis: 'Pasal 17 huruf c UU 14/2008' }]),
    ],
    outcome: { held: true, decision: 'partial', cost: 0, answeredAt: '2026-02-11T03:00:00.000Z' },
    notice: notice('2026-02-11T03:00:00.000Z'),
  }),
  // Not held: the body that may hold it.
  request(3, {
    routing: {
      at: '2026-02-03T03:00:00.000Z',
      by: 'ppid.utama',
      held: false,
      agencies: [],
      otherBody: 'Badan Pusat Statistik Provinsi Kalimantan Barat',
      note: LEAK,
    },
    outcome: { held: false, cost: 0, answeredAt: '2026-02-12T03:00:00.000Z' },
    notice: notice('2026-02-12T03:00:00.000Z'),
  }),
  // Not answered yet: not in the log.
  request(4, { state: 'routed', routing: ROUTING, parts: [] }),
];

const ENTRIES = REQUESTS.map(publicLogEntry).filter((e): e is PublicRequestEntry => e !== undefined);

const input = (requests: PublicRequestEntry[] = ENTRIES, generatedAt = '2026-03-01T00:00:00.000Z'): RegisterInput => ({
  publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat' },
  agencies: AGENCIES,
  items: [],
  dik: [],
  requests,
  generatedAt,
  siteUrl: 'https://ppid.example.go.id',
});

const siteOf = (plan: SitePlan) => new Map(plan.put.map((f) => [f.path, fileText(f)]));

// --- tests --------------------------------------------------------------------------------------------

describe('the public log keeps the requester out', () => {
  it('projects an answered request field by field, and leaves an unanswered one out', () => {
    expect(ENTRIES.map((e) => e.number)).toEqual(['PMH/2026/00001', 'PMH/2026/00002', 'PMH/2026/00003']);
    expect(publicLogEntry(REQUESTS[3]!)).toBeUndefined();
    const [granted, partial, notHeld] = ENTRIES;
    expect(granted).toEqual({
      requestId: '2026-00001',
      number: 'PMH/2026/00001',
      year: 2026,
      information: 'Data cakupan imunisasi dasar lengkap per kabupaten, permohonan 1',
      receivedOn: '2026-02-02',
      answeredAt: '2026-02-09T03:00:00.000Z',
      held: true,
      decision: 'granted',
      extended: true,
      parts: [
        {
          agencyId: 'dinkes',
          decision: 'granted',
          grounds: [],
          documents: [
            {
              docId: '11111111-1111-4111-8111-111111111111',
              fileName: 'cakupan imunisasi.pdf',
              contentType: 'application/pdf',
              size: 20_480,
              sha256: 'a'.repeat(64),
              key: 'requests/docs/11111111-1111-4111-8111-111111111111/cakupan imunisasi.pdf',
              redacted: false,
            },
          ],
        },
      ],
    });
    expect(partial!.parts.map((p) => [p.agencyId, p.decision, p.grounds])).toEqual([
      ['dinkes', 'partial', [{ dikNumber: 'DIK/2026/0002', legalBasis: 'Pasal 17 huruf h UU 14/2008' }]],
      ['disdikbud', 'refused', [{ legalBasis: 'Pasal 17 huruf c UU 14/2008' }]],
    ]);
    expect(partial!.parts[0]!.documents[0]!.redacted).toBe(true);
    expect(notHeld).toMatchObject({ held: false, otherBody: 'Badan Pusat Statistik Provinsi Kalimantan Barat', parts: [] });
    expect(notHeld!.decision).toBeUndefined();
    // Nothing the requester or staff wrote freely, and no staff login, is in the projection.
    const all = JSON.stringify(ENTRIES);
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    for (const login of ['petugas.diskominfo', 'ppid.utama', 'kepala.dinkes']) expect(all).not.toContain(login);
  });

  it('no name, NIK, email, phone or address in any page, script or export of the register', () => {
    const site = siteOf(renderFull(input()));
    expect(site.size).toBeGreaterThan(20);
    for (const [path, body] of site) for (const secret of SECRETS) expect(body.includes(secret), `${secret} in ${path}`).toBe(false);
    // The log is there, with what it must show.
    expect(site.get('permohonan/daftar/index.html')).toContain('PMH/2026/00002');
    expect(site.get('data/permohonan.json')).toContain('permohonan 1');
  });
});

describe('the log pages and exports', () => {
  const site = siteOf(renderFull(input()));

  it('lists every answered request, newest answer first, with the SKPD, dates, decision, grounds and public documents', () => {
    const page = site.get('permohonan/daftar/index.html')!;
    const rows = page.slice(page.indexOf('<tbody>')).split('<tr>').slice(1);
    expect(rows.map((r) => r.match(/PMH\/2026\/\d+/)![0])).toEqual(['PMH/2026/00003', 'PMH/2026/00002', 'PMH/2026/00001']);
    const [notHeld, partial, granted] = rows;
    expect(notHeld).toContain('Informasi tidak dikuasai');
    expect(notHeld).toContain('Badan publik yang mungkin menguasai: Badan Pusat Statistik Provinsi Kalimantan Barat');
    expect(partial).toContain('Dikabulkan sebagian');
    expect(partial).toContain('Dinas Kesehatan (dikabulkan sebagian)');
    expect(partial).toContain('Dinas Pendidikan dan Kebudayaan (ditolak)');
    expect(partial).toContain('DIK/2026/0002: Pasal 17 huruf h UU 14/2008');
    expect(partial).toContain('Pasal 17 huruf c UU 14/2008');
    expect(partial).toContain('<a href="/berkas/permohonan/2026-00002/33333333-3333-4333-8333-333333333333/data%20dihitamkan.pdf">data dihitamkan.pdf</a>');
    expect(partial).toContain('salinan dengan bagian yang dihitamkan');
    expect(granted).toContain('2 Februari 2026');
    expect(granted).toContain('9 Februari 2026');
    expect(granted).toContain('waktu diperpanjang');
    expect(granted).toContain('cakupan imunisasi.pdf');
    // A document released to the requester only is neither listed nor copied.
    expect(page).not.toContain('surat pengantar');
    expect(renderFull(input()).copies.filter((c) => c.to.startsWith('berkas/permohonan/'))).toEqual([
      {
        from: 'requests/docs/11111111-1111-4111-8111-111111111111/cakupan imunisasi.pdf',
        to: 'berkas/permohonan/2026-00001/11111111-1111-4111-8111-111111111111/cakupan imunisasi.pdf',
      },
      {
        from: 'requests/docs/33333333-3333-4333-8333-333333333333/data dihitamkan.pdf',
        to: 'berkas/permohonan/2026-00002/33333333-3333-4333-8333-333333333333/data dihitamkan.pdf',
      },
    ]);
    expect(documentCopies(input()).some((c) => c.to.includes('surat pengantar'))).toBe(false);
    // The year page, and the English twin (the request's own words stay Indonesian, marked so).
    expect(site.get('permohonan/daftar/2026/index.html')).toContain('pendaftaran tahun 2026');
    const en = site.get('en/permohonan/daftar/index.html')!;
    expect(en).toContain('Granted in part');
    expect(en).toContain('Dinas Kesehatan (granted in part)');
    expect(en).toContain('<td lang="id" class="pre">Data cakupan imunisasi');
    expect(en).toContain('9 February 2026');
  });

  it('says so when nothing has been answered yet, and has no year pages then', () => {
    const empty = siteOf(renderFull(input([])));
    expect(empty.get('permohonan/daftar/index.html')).toContain('Belum ada permohonan yang dijawab.');
    expect([...empty.keys()].filter((p) => p.startsWith('permohonan/daftar/'))).toEqual(['permohonan/daftar/index.html']);
    expect(JSON.parse(empty.get('data/permohonan.json')!)).toMatchObject({ count: 0, requests: [], updatedAt: null });
  });

  it('writes the log as CSV (BOM, one row per request) and JSON, with absolute document links', () => {
    const csv = site.get('data/permohonan.csv')!;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [head, ...rows] = parseCsv(csv.slice(1));
    expect(head).toEqual([
      'Nomor pendaftaran',
      'Informasi yang diminta',
      'SKPD',
      'Tanggal diterima',
      'Tanggal dijawab',
      'Keputusan',
      'Badan publik yang menguasai',
      'Alasan penolakan (dasar hukum)',
      'Diperpanjang',
      'Dokumen',
      'Keberatan',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      'PMH/2026/00002',
      'Data cakupan imunisasi dasar lengkap per kabupaten, permohonan 2',
      'Dinas Kesehatan\nDinas Pendidikan dan Kebudayaan',
      '2026-02-02',
      '2026-02-11',
      'Dikabulkan sebagian',
      '',
      'DIK/2026/0002: Pasal 17 huruf h UU 14/2008\nPasal 17 huruf c UU 14/2008',
      'Tidak',
      'https://ppid.example.go.id/berkas/permohonan/2026-00002/33333333-3333-4333-8333-333333333333/data%20dihitamkan.pdf',
      '',
    ]);
    const json = JSON.parse(site.get('data/permohonan.json')!);
    expect(json).toMatchObject({ count: 3, updatedAt: '2026-02-12T03:00:00.000Z' });
    expect(json.requests.map((r: { decision: string }) => r.decision)).toEqual(['not_held', 'partial', 'granted']);
    expect(json.requests[2].parts[0].documents[0]).toEqual({
      fileName: 'cakupan imunisasi.pdf',
      contentType: 'application/pdf',
      size: 20_480,
      sha256: 'a'.repeat(64),
      redacted: false,
      url: 'https://ppid.example.go.id/berkas/permohonan/2026-00001/11111111-1111-4111-8111-111111111111/cakupan%20imunisasi.pdf',
    });
    // The private key of the document bucket never shows.
    expect(site.get('data/permohonan.json')).not.toContain('requests/docs/');
  });

  it('describes the log in the DCAT catalogue, dated by the newest answer', () => {
    const catalog = JSON.parse(site.get('data/catalog.jsonld')!);
    const log = catalog['dcat:dataset'].find((d: Record<string, unknown>) => d['dct:identifier'] === 'permohonan');
    expect(log['dcat:landingPage']).toEqual({ '@id': 'https://ppid.example.go.id/permohonan/daftar/' });
    expect(log['dcat:distribution'].map((d: Record<string, { '@id': string }>) => d['dcat:downloadURL']!['@id'])).toEqual([
      'https://ppid.example.go.id/data/permohonan.json',
      'https://ppid.example.go.id/data/permohonan.csv',
    ]);
    const newest = ENTRIES.map((r) => r.answeredAt)
      .sort()
      .at(-1);
    expect(log['dct:modified']).toEqual({ '@value': newest, '@type': 'xsd:dateTime' });
    expect(log['dct:temporal']['dcat:endDate']).toEqual({ '@value': newest!.slice(0, 10), '@type': 'xsd:date' });
    // Rendered at another time, the same log gives the same catalogue.
    expect(siteOf(renderFull(input(ENTRIES, '2027-01-01T00:00:00.000Z'))).get('data/catalog.jsonld')).toBe(site.get('data/catalog.jsonld'));
  });

  it('an answered request rewrites the log index, its year page and the log exports, as a full render does', () => {
    const before = siteOf(renderFull(input(ENTRIES.slice(0, 2))));
    const after = siteOf(renderFull(input(ENTRIES)));
    const changed = [...after].filter(([p, b]) => before.get(p) !== b).map(([p]) => p);
    const plan = renderRequests(input(ENTRIES), new Set(['2026-00003']));
    expect(plan.put.map((f) => f.path).sort()).toEqual(
      [
        'permohonan/daftar/index.html',
        'en/permohonan/daftar/index.html',
        'permohonan/daftar/2026/index.html',
        'en/permohonan/daftar/2026/index.html',
        'data/permohonan.json',
        'data/permohonan.csv',
        // its dates: the catalogue's log dataset, and the lastmod of the log's pages in the sitemap
        'data/catalog.jsonld',
        'sitemap.xml',
        'sitemap/umum.xml',
      ].sort(),
    );
    expect(changed.sort()).toEqual(plan.put.map((f) => f.path).sort());
    for (const f of plan.put) expect(fileText(f), f.path).toBe(after.get(f.path));
    // Its public documents are copied with it (request 3 has none; request 2 one).
    expect(plan.copies).toEqual([]);
    expect(renderRequests(input(ENTRIES), new Set(['2026-00002'])).copies.map((c) => c.to)).toEqual([
      'berkas/permohonan/2026-00002/33333333-3333-4333-8333-333333333333/data dihitamkan.pdf',
    ]);
  });
});

describe('the register update takes in answered requests', () => {
  it('renders the log for a request event and drops the event; a full rebuild writes the log too', async () => {
    const events = [{ eventId: 'e1', at: '2026-02-12T03:00:00.000Z', type: 'request' as const, itemId: '2026-00003', agencyId: 'diskominfo', versionNo: 1 }];
    const { items: _i, generatedAt: _g, ...base } = input(ENTRIES);
    const reg = memoryRegister(base, []);
    const asked: (string[] | undefined)[] = [];
    const loadBase = reg.store.loadBase;
    const store: RegisterStore = {
      ...reg.store,
      loadBase: (now, opts) => {
        asked.push(opts?.requestIds);
        return loadBase(now, opts);
      },
    };
    const { site, plans } = reg;
    reg.queue.push(...events);
    // First update: a register never built is built whole (the log included).
    await updateRegister(store, site, registerRenderer, { now: new Date('2026-02-12T04:00:00.000Z') });
    const built = await reg.store.built();
    expect(built?.renderer).toBe(RENDERER_VERSION);
    expect(plans[0]!.put.map((f) => f.path)).toEqual(
      expect.arrayContaining(['permohonan/index.html', 'permohonan/daftar/2026/index.html', 'data/permohonan.csv']),
    );
    expect(reg.queue).toEqual([]);
    // Then a request event: the log only, read fresh, and the event dropped.
    reg.queue.push(...events);
    const result = await updateRegister(store, site, registerRenderer, { now: new Date('2026-02-12T05:00:00.000Z') });
    expect(asked.at(-1)).toEqual(['2026-00003']);
    expect(plans[1]!.put.map((f) => f.path).sort()).toEqual(
      [
        'data/permohonan.csv',
        'data/permohonan.json',
        'en/permohonan/daftar/2026/index.html',
        'en/permohonan/daftar/index.html',
        'permohonan/daftar/2026/index.html',
        'permohonan/daftar/index.html',
        'data/catalog.jsonld',
        'sitemap.xml',
        'sitemap/umum.xml',
      ].sort(),
    );
    expect(result.events).toBe(1);
    expect(reg.queue).toEqual([]);
  });
});

describe('the request form and the status page', () => {
  const site = siteOf(renderFull(input()));
  const form = site.get('permohonan/index.html')!;
  const formTag = form.match(/<form id="request-form"[^>]*>/)![0];

  it('posts without JavaScript to the API as a plain form', () => {
    expect(formTag).toContain('method="post"');
    expect(formTag).toContain('action="/api/public/requests"');
    expect(formTag).toContain('enctype="application/x-www-form-urlencoded"');
  });

  it('has every field the regulation asks, each labelled, in fieldsets with legends', () => {
    const names = [...new Set([...form.matchAll(/<(?:input|textarea)[^>]*\sname="([^"]+)"/g)].map((m) => m[1]))];
    expect(names.sort()).toEqual(
      [
        'content.deliveryMethod',
        'content.information',
        'content.obtainForm',
        'content.purpose',
        'requester.address',
        'requester.email',
        'requester.fullName',
        'requester.kind',
        'requester.legalEntityDecree',
        'requester.nik',
        'requester.onBehalfOf',
        'requester.phone',
        'submissionId',
        'website',
      ].sort(),
    );
    // Every visible control has a label naming its id.
    for (const [tag, id] of form.matchAll(/<(?:input|textarea)[^>]*\sid="([^"]+)"[^>]*>/g)) {
      if (tag.includes('type="hidden"')) continue;
      expect(form, id).toContain(`<label for="${id}">`);
    }
    expect(form.match(/<fieldset/g)!.length).toBe(7);
    expect(form.match(/<legend>/g)!.length).toBe(7);
    for (const legend of ['Identitas pemohon', 'Alamat dan kontak', 'Informasi yang diminta', 'Cara memperoleh dan mendapatkan informasi', 'Jenis pemohon'])
      expect(form).toContain(`<legend>${legend}`);
    for (const label of [
      'Melihat, membaca, mendengarkan, atau mencatat',
      'Mendapatkan salinan elektronik (softcopy)',
      'Mengambil langsung',
      'Kurir',
      'Pos',
      'Faksimili',
    ])
      expect(form).toContain(`>${label}</label>`);
    const en = site.get('en/permohonan/index.html')!;
    expect(en).toContain('<legend>Who is asking');
    expect(en).toContain('>An electronic copy (softcopy)</label>');
  });

  it('hides the honeypot from people and screen readers, and leaves the submission id to the script', () => {
    expect(form).toMatch(
      /<div class="hp" aria-hidden="true"><label for="f-website">[^<]*<\/label><input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" value(="")?\/?><\/div>/,
    );
    expect(form).toMatch(/<input type="hidden" name="submissionId" value(="")?\/?>/);
  });

  it('a post without JavaScript parses as the API reads it, with a submission id derived from it', () => {
    const fields = new URLSearchParams({
      submissionId: '',
      'requester.kind': 'individual',
      'requester.fullName': 'Andi Wijaya',
      'requester.nik': '6171010101900001',
      'requester.legalEntityDecree': '',
      'requester.onBehalfOf': '',
      'requester.address': 'Jl. Gajah Mada No. 1, Pontianak',
      'requester.phone': '',
      'requester.email': 'andi@example.org',
      'content.information': 'Laporan keuangan dinas kesehatan tahun 2025',
      'content.purpose': 'Kajian anggaran',
      'content.obtainForm': 'copy_softcopy',
      'content.deliveryMethod': 'email',
      website: '',
    });
    const body = formFields(fields.toString()) as { requester: unknown; content: unknown };
    const event = (ip: string) => ({
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Firefox' },
      requestContext: { http: { sourceIp: ip } },
    });
    const id = formSubmissionId(event('10.0.0.1'), body);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(PublicRequestForm.safeParse({ ...body, submissionId: id }).success).toBe(true);
    // The same post twice: one id (one request); another client or other fields: another id.
    expect(formSubmissionId(event('10.0.0.1'), body)).toBe(id);
    expect(formSubmissionId(event('10.0.0.2'), body)).not.toBe(id);
    expect(formSubmissionId(event('10.0.0.1'), formFields(fields.toString().replace('Andi', 'Budi')) as typeof body)).not.toBe(id);
  });

  it('asks for the power of attorney in a file field the script shows and uploads; a plain post never carries it, and the hint says so', () => {
    expect(form).toMatch(/<div class="field" data-field="powerOfAttorney" id="poa-field" hidden(="")?>/);
    const input = form.match(/<input type="file"[^>]*>/)![0];
    expect(input).not.toContain(' name=');
    expect(input).toContain('accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"');
    expect(input).toContain('aria-describedby="f-powerOfAttorney-hint f-powerOfAttorney-state"');
    expect(form).toContain('<label for="f-powerOfAttorney">Surat kuasa');
    expect(form).toMatch(/<p class="hint" id="f-powerOfAttorney-hint">PDF, JPEG atau PNG, paling besar 10 MB\. Surat kuasa adalah data pribadi/);
    // Without JavaScript the file cannot reach the bucket: the visible hint of "on behalf of" says what to do.
    expect(form).toMatch(/<p class="hint" id="f-onBehalfOf-hint">[^<]*memerlukan JavaScript[^<]*loket PPID/);
    expect(form).not.toContain('belum dapat diunggah');
    expect(formTag).toContain(`data-poa-max="${10 * 1024 * 1024}"`);
    expect(JSON.parse(formTag.match(/data-poa-types="([^"]*)"/)![1]!.replaceAll('&quot;', '"'))).toEqual({
      '.pdf': 'application/pdf',
      '.jpg': 'image/jpeg',
      '.jpeg': 'image/jpeg',
      '.png': 'image/png',
    });
    expect(site.get('en/permohonan/index.html')).toMatch(/<p class="hint" id="f-onBehalfOf-hint">[^<]*needs JavaScript[^<]*PPID desk/);
  });

  it('without JavaScript the status page offers the lookup on the page the API renders', () => {
    const status = site.get('permohonan/status/index.html')!;
    expect(status).toMatch(/<noscript><form class="lookup" method="get" action="\/api\/public\/requests\/status-page"><p>Tanpa JavaScript, status/);
    expect(status).toContain('<input id="ns-number" name="nomor"');
    expect(status).toContain('<input id="ns-code" name="kode"');
    expect(status).toMatch(/<form id="status-form" class="lookup" hidden/);
    expect(status).toContain('data-zone="Asia/Pontianak"');
    expect(status).toContain('<label for="s-number">Nomor pendaftaran</label>');
    expect(status).toContain('<label for="s-code">Kode pelacakan</label>');
  });

  it('links the request form from the main menu and the footer of every page, in both languages', () => {
    expect(site.get('index.html')).toContain('<a href="/permohonan/">Permohonan Informasi</a>');
    expect(site.get('en/index.html')).toContain('<a href="/en/permohonan/">Information request</a>');
    expect(form).toContain('<a href="/permohonan/" aria-current="page">Permohonan Informasi</a>');
    expect(site.get('index.html')).toContain('<a class="request-link" href="/permohonan/">');
  });

  it('ships one script for the request pages, which carries the search lookup and the dates in words', () => {
    expect(site.get('assets/permohonan.js')).toBe(REQUEST_JS);
    expect(() => new Function(REQUEST_JS)).not.toThrow();
    for (const fn of ['function terms(', 'function lookupTerms(', 'function dateTimeInWords(', 'crypto.randomUUID', 'history.replaceState'])
      expect(REQUEST_JS).toContain(fn);
  });
});

describe('dates in words (server and browser)', () => {
  it('writes an instant as the notices do, in Indonesian', () => {
    for (const [instant, zone] of [
      ['2026-12-15T16:59:59.000Z', 'Asia/Jakarta'],
      ['2026-12-15T16:59:59.000Z', 'Asia/Pontianak'],
      ['2026-01-01T00:05:00.000Z', 'Asia/Makassar'],
      ['2026-08-17T03:00:00.000Z', 'Asia/Jayapura'],
      ['2026-03-09T10:30:00.000Z', 'Asia/Kolkata'],
    ] as const)
      expect(dateTimeInWords(instant, zone, 'id'), `${instant} ${zone}`).toBe(indonesianDateTime(instant, zone));
    expect(dateTimeInWords('2026-12-15T16:59:59.000Z', 'Asia/Jakarta', 'id')).toBe('Selasa, 15 Desember 2026 pukul 23.59 WIB');
  });

  it('and in English, with local dates and anything else left as it is', () => {
    expect(dateTimeInWords('2026-12-15T16:59:59.000Z', 'Asia/Jakarta', 'en')).toBe('Tuesday, 15 December 2026 at 23:59 WIB');
    expect(dateInWords('2026-02-09', 'id')).toBe('Senin, 9 Februari 2026');
    expect(dateInWords('2026-02-09', 'en', false)).toBe('9 February 2026');
    expect(localDate('2026-02-09T17:30:00.000Z', 'Asia/Pontianak')).toBe('2026-02-10');
    expect(dateInWords('2026-02-30', 'id')).toBe('2026-02-30');
    expect(dateTimeInWords('kemarin', 'Asia/Jakarta', 'id')).toBe('kemarin');
  });
});
