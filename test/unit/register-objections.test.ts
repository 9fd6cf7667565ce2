/**
 * Objections on the register (issue 11): the public log of answered requests shows that an objection
 * was filed on a request, its grounds (Pasal 35(1)) and its outcome, and nothing of the objector or of
 * the case they wrote (`publicObjectionEntry`), in the log's pages and in /data/permohonan.json and
 * .csv; the objection page and its link in the menu; a plain form post's repeated checkboxes
 * (`grounds=a&grounds=c`) are read as the schema's array, even when only one is checked; the status
 * page without JavaScript lists the objections with their download forms and offers the objection
 * form with the grounds as checkboxes (known first and chosen, unavailable ones disabled with their
 * note and the dates in words).
 */
import { describe, expect, it } from 'vitest';
import { arrayFieldsOf, formFields } from '../../functions/api/http.ts';
import { type Objection, objectorView, PublicObjectionForm } from '../../functions/core/objections/model.ts';
import type { GroundOption } from '../../functions/core/objections/objections.ts';
import type { RegisterInput } from '../../functions/core/register/input.ts';
import { type PublicRequestEntry, publicLogEntryWith } from '../../functions/core/register/requests.ts';
import { PublicRequestForm, type Request, type RequestPersonal, requesterView } from '../../functions/core/requests/model.ts';
import { renderFull, renderRequests } from '../../web/register/render.ts';
import { requestStatusHtml } from '../../web/register/request-status-html.tsx';
import { parseCsv } from '../support/csv.ts';
import { agencyRecord } from '../support/fixtures.ts';

const AGENCIES = [agencyRecord('diskominfo', 'Dinas Komunikasi dan Informatika', 'ppid_utama'), agencyRecord('dinkes', 'Dinas Kesehatan')];

/** The requester (and objector): none of it may reach the register. */
const PERSONAL: RequestPersonal['requester'] = {
  kind: 'individual',
  fullName: 'Yohanes Bosco Lumbantobing',
  nik: '6171011707880004',
  address: 'Jalan Merak Biru No. 12, Pontianak Barat',
  email: 'yohanes.uji@example.org',
};
/** What the objector wrote as their case: never on the register. */
const CASE = `Saya, ${PERSONAL.fullName} (${PERSONAL.email}), keberatan karena permohonan ditolak tanpa uji konsekuensi yang jelas.`;
const SECRETS = [PERSONAL.fullName, 'Lumbantobing', PERSONAL.nik!, PERSONAL.address, 'Merak Biru', PERSONAL.email!, 'uji konsekuensi yang jelas'];

const deadline = (at: string) => ({
  at,
  local: at,
  explanation: { id: '30 hari kerja', en: '30 working days' },
  rule: { unit: 'workingDays' as const, amount: 30 },
});

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
      information: `Rincian anggaran kegiatan imunisasi, permohonan ${sequence}`,
      purpose: 'Penelitian',
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
    clarifications: [],
    inbox: [],
    documents: [],
    timeline: [{ at: '2026-02-02T03:00:00.000Z', type: 'received' }],
    routing: { at: '2026-02-03T03:00:00.000Z', by: 'ppid.utama', held: true, agencies: ['dinkes'] },
    outcome: { held: true, decision: 'refused', cost: 0, answeredAt: '2026-02-09T03:00:00.000Z' },
    notice: {
      number: `PTT/2026/0000${sequence}`,
      issuedAt: '2026-02-09T03:00:00.000Z',
      verificationCode: 'ABCD-EFGH',
      file: { key: 'requests/x/p.pdf', fileName: 'P.pdf', size: 1000, sha256: 'e'.repeat(64), generatedAt: '2026-02-09T03:00:00.000Z' },
    },
    createdAt: '2026-02-02T03:00:00.000Z',
    updatedAt: '2026-02-10T03:00:00.000Z',
    version: 5,
    ...over,
  } as Request;
}

function objection(sequence: number, requestId: string | undefined, over: Partial<Objection> = {}): Objection {
  return {
    objectionId: `2026-${String(sequence).padStart(4, '0')}`,
    number: `KBR/2026/${String(sequence).padStart(4, '0')}`,
    year: 2026,
    sequence,
    state: 'registered',
    ...(requestId ? { requestId, requestNumber: `PMH/2026/${requestId.slice(5)}` } : {}),
    agencyIds: ['dinkes'],
    information: 'Rincian anggaran kegiatan imunisasi',
    grounds: ['a'],
    windows: [],
    case: CASE,
    channel: 'online',
    receivedAt: '2026-02-20T03:00:00.000Z',
    receivedOn: '2026-02-20',
    registeredAt: '2026-02-20T03:00:00.000Z',
    registeredBy: 'public',
    deadline: deadline('2026-04-06T16:59:59.000Z') as Objection['deadline'],
    escalations: 0,
    attachments: [],
    inbox: [],
    timeline: [{ at: '2026-02-20T03:00:00.000Z', type: 'received', note: 'online' }],
    createdAt: '2026-02-20T03:00:00.000Z',
    updatedAt: '2026-02-20T03:00:00.000Z',
    version: 1,
    ...over,
  };
}

const RESPONSE: Objection['response'] = {
  decision: 'rejected',
  reasons: `Pertimbangan Atasan PPID atas keberatan dari ${PERSONAL.fullName}: pengecualian telah diuji.`,
  at: '2026-03-10T03:00:00.000Z',
  by: 'atasan.ppid',
  responder: { name: 'Drs. Atasan Uji', position: 'Sekretaris Daerah' },
};

const OBJECTIONS: Objection[] = [
  // On request 1: rejected by the Atasan PPID, with its dispute window.
  objection(1, '2026-00001', {
    state: 'rejected',
    grounds: ['a', 'e'],
    response: RESPONSE,
    responseDocument: {
      number: 'TKB/2026/0001',
      issuedAt: '2026-03-10T03:05:00.000Z',
      verificationCode: 'WXYZ-1234',
      file: {
        key: 'objections/2026-0001/tanggapan.pdf',
        fileName: 'Tanggapan.pdf',
        size: 1000,
        sha256: 'd'.repeat(64),
        generatedAt: '2026-03-10T03:05:00.000Z',
      },
    },
    disputeWindow: { from: 'response', at: '2026-03-30T16:59:59.000Z', local: '2026-03-30T23:59:59+07:00' },
  }),
  // On request 1 too, later: waiting.
  objection(3, '2026-00001', { grounds: ['f'] }),
  // On another request.
  objection(2, '2026-00002', { grounds: ['c'] }),
  // Ground b with no request: in no row.
  objection(4, undefined, { grounds: ['b'], agencyIds: [] }),
];

const entries = (): PublicRequestEntry[] =>
  [request(1), request(2, { outcome: { held: true, decision: 'granted', cost: 0, answeredAt: '2026-02-10T03:00:00.000Z' } }), request(3)]
    .map((r) => publicLogEntryWith(r, OBJECTIONS))
    .filter((e): e is PublicRequestEntry => !!e);

const input = (requests = entries()): RegisterInput => ({
  publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat' },
  agencies: AGENCIES,
  items: [],
  dik: [],
  requests,
  generatedAt: '2026-03-15T00:00:00.000Z',
  siteUrl: 'https://ppid.example.go.id',
});

const text = (f: { body: string | Uint8Array }) => (typeof f.body === 'string' ? f.body : new TextDecoder().decode(f.body));

describe("the public log's objections", () => {
  it('projects each objection onto its request, oldest first, with no objector and no case text', () => {
    const [one, two, three] = entries();
    expect(one!.objections).toEqual([
      {
        number: 'KBR/2026/0001',
        requestNumber: 'PMH/2026/00001',
        receivedOn: '2026-02-20',
        grounds: ['a', 'e'],
        state: 'rejected',
        decision: 'rejected',
        respondedAt: '2026-03-10T03:00:00.000Z',
      },
      { number: 'KBR/2026/0003', requestNumber: 'PMH/2026/00001', receivedOn: '2026-02-20', grounds: ['f'], state: 'registered' },
    ]);
    expect(two!.objections?.map((o) => o.number)).toEqual(['KBR/2026/0002']);
    // No objection: no field (the log's bytes stay what they were).
    expect(three).not.toHaveProperty('objections');
    const all = JSON.stringify(entries());
    for (const s of [...SECRETS, 'KBR/2026/0004', 'Sekretaris Daerah', 'pengecualian telah diuji']) expect(all).not.toContain(s);
  });

  it("shows them in the log's pages (both languages) and exports, with the grounds' words and the outcome; nothing personal anywhere", () => {
    const plan = renderFull(input());
    const file = (path: string) => text(plan.put.find((f) => f.path === path) ?? { body: '' });
    const page = file('permohonan/daftar/index.html');
    expect(page).toContain('Keberatan kepada Atasan PPID');
    expect(page).toContain('KBR/2026/0001');
    expect(page).toContain('a. Penolakan atas permintaan informasi berdasarkan alasan pengecualian (Pasal 17)');
    expect(page).toContain('e. Tidak dipenuhinya permintaan informasi');
    expect(page).toContain('Keberatan ditolak oleh Atasan PPID');
    expect(page).toContain('10 Maret 2026');
    expect(page).toContain('Menunggu tanggapan Atasan PPID');
    expect(page).toContain('c. Tidak ditanggapinya permintaan informasi');
    const en = file('en/permohonan/daftar/index.html');
    expect(en).toContain('Objections to the Atasan PPID');
    expect(en).toContain('Objection rejected by the Atasan PPID');
    expect(en).toContain('f. Unreasonable fees were charged');

    const json = JSON.parse(file('data/permohonan.json'));
    const row = json.requests.find((r: { number: string }) => r.number === 'PMH/2026/00001');
    expect(row.objections).toEqual([
      {
        number: 'KBR/2026/0001',
        receivedOn: '2026-02-20',
        grounds: ['a', 'e'],
        state: 'rejected',
        decision: 'rejected',
        respondedAt: '2026-03-10T03:00:00.000Z',
        respondedOn: '2026-03-10',
      },
      { number: 'KBR/2026/0003', receivedOn: '2026-02-20', grounds: ['f'], state: 'registered' },
    ]);
    expect(json.requests.find((r: { number: string }) => r.number === 'PMH/2026/00003').objections).toEqual([]);

    const csv = parseCsv(file('data/permohonan.csv'));
    const head = csv[0]!;
    const col = head.indexOf('Keberatan');
    expect(col).toBeGreaterThan(0);
    const line = csv.find((r) => r[0] === 'PMH/2026/00001')!;
    expect(line[col]!.split('\n')).toEqual([
      'KBR/2026/0001 (2026-02-20): alasan a, e; Keberatan ditolak oleh Atasan PPID (2026-03-10)',
      'KBR/2026/0003 (2026-02-20): alasan f; Menunggu tanggapan Atasan PPID',
    ]);

    for (const f of plan.put) for (const s of SECRETS) expect(text(f), `${f.path} leaks ${s}`).not.toContain(s);
  });

  it("an objection's response (its register event names the request) rewrites the log's pages and exports as a full render does", () => {
    const full = renderFull(input());
    const plan = renderRequests(input(), new Set(['2026-00001']));
    for (const f of plan.put) expect(text(f), f.path).toBe(text(full.put.find((x) => x.path === f.path)!));
    expect(plan.put.map((f) => f.path)).toEqual(
      expect.arrayContaining(['permohonan/daftar/index.html', 'permohonan/daftar/2026/index.html', 'data/permohonan.json']),
    );
    // An objection with no request names itself in the event: the log and exports only.
    expect(renderRequests(input(), new Set(['2026-0004'])).put.map((f) => f.path)).toEqual(
      expect.arrayContaining(['permohonan/daftar/index.html', 'data/permohonan.csv']),
    );
  });

  it('has the objection page, linked from the menu, the request form and the status page', () => {
    const plan = renderFull(input());
    const file = (path: string) => text(plan.put.find((f) => f.path === path) ?? { body: '' });
    const page = file('keberatan/index.html');
    expect(page).toContain('<h1>Keberatan kepada Atasan PPID</h1>');
    expect(page).toContain('id="periodic-form"');
    for (const name of ['objector.fullName', 'objector.nik', 'objector.address', 'objector.email', 'information', 'case', 'website'])
      expect(page).toContain(`name="${name}"`);
    expect(page).toContain('src="/assets/permohonan.js"');
    expect(file('en/keberatan/index.html')).toContain('<h1>Objection to the Atasan PPID</h1>');
    for (const p of ['index.html', 'permohonan/index.html', 'permohonan/status/index.html']) expect(file(p), p).toContain('href="/keberatan/"');
  });
});

describe('a plain form post with checkboxes', () => {
  it("reads the schema's array fields as arrays, one value or several", () => {
    expect([...arrayFieldsOf(PublicObjectionForm)].sort()).toEqual(['attachmentUploadIds', 'grounds']);
    expect([...arrayFieldsOf(PublicRequestForm)]).toEqual([]);
    const arrays = arrayFieldsOf(PublicObjectionForm);
    const base = `number=PMH%2F2026%2F00001&code=ABCD-1234&case=${encodeURIComponent('Permohonan saya tidak ditanggapi sampai batas waktu.')}&submissionId=${crypto.randomUUID()}`;
    const several = formFields(`${base}&grounds=g&grounds=c&website=`, arrays);
    expect(several.grounds).toEqual(['g', 'c']);
    expect(PublicObjectionForm.parse(several).grounds).toEqual(['c', 'g']);
    const one = formFields(`${base}&grounds=c`, arrays);
    expect(one.grounds).toEqual(['c']);
    expect(PublicObjectionForm.parse(one).grounds).toEqual(['c']);
    // None checked: the field is absent, and the schema says so at the field.
    const none = PublicObjectionForm.safeParse(formFields(base, arrays));
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.path).toEqual(['grounds']);
    // Without the schema's word, a repeated field keeps its last value (as before); nested fields still nest.
    expect(formFields('a=1&a=2&b.c=3')).toEqual({ a: '2', b: { c: '3' } });
  });
});

describe('the status page without JavaScript', () => {
  const grounds: GroundOption[] = [
    {
      ground: 'a',
      text: { id: 'Penolakan', en: 'Refusal' },
      known: false,
      available: false,
      note: { id: 'Permohonan ini tidak ditolak.', en: 'Not refused.' },
    },
    { ground: 'b', text: { id: 'Informasi berkala', en: 'Periodic' }, known: false, available: true },
    {
      ground: 'c',
      text: { id: 'Tidak ditanggapinya permintaan informasi', en: 'Not answered' },
      known: true,
      available: true,
      note: { id: 'Tidak ada pemberitahuan tertulis.', en: 'No notice.' },
      arose: '2026-02-16T16:59:59.000Z',
      until: { at: '2026-03-31T16:59:59.000Z', local: '2026-03-31T23:59:59+07:00' },
    },
    {
      ground: 'g',
      text: { id: 'Terlambat', en: 'Late' },
      known: true,
      available: false,
      arose: '2025-12-01T16:59:59.000Z',
      until: { at: '2026-01-14T16:59:59.000Z', local: '2026-01-14T23:59:59+07:00' },
    },
  ];
  const html = requestStatusHtml({
    view: requesterView(request(1)),
    code: 'KODE-1234',
    lang: 'id',
    fresh: false,
    timeZone: 'Asia/Pontianak',
    agencies: { dinkes: 'Dinas Kesehatan' },
    bodyName: 'Pemerintah Provinsi Kalimantan Barat',
    objections: [objectorView(OBJECTIONS[0]!)],
    grounds,
    submissionId: '6f0c1c36-5f0e-4f55-9d8e-0d8c3a1c2b11',
  });

  it('lists the objection: state, grounds, response, the response PDF form and the dispute window in words', () => {
    expect(html).toContain('Keberatan KBR/2026/0001');
    expect(html).toContain('Keberatan ditolak oleh Atasan PPID');
    expect(html).toContain('Drs. Atasan Uji, Sekretaris Daerah');
    expect(html).toContain('mengajukan sengketa ke Komisi Informasi paling lambat Senin, 30 Maret 2026 pukul 23.59 WIB');
    expect(html).toMatch(
      /<form method="post" action="\/api\/public\/objections\/files"[^>]*>.*name="objection" value="KBR\/2026\/0001".*name="file" value="response"/s,
    );
    expect(html).toContain('Unduh tanggapan atas keberatan TKB/2026/0001 (PDF)');
    // Instants only in words (the page shows no ISO instant).
    expect(html.replace(/<[^>]*>/g, ' ')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('offers the objection form: repeated grounds checkboxes, known and open ones first and chosen, the others disabled with their note', () => {
    expect(html).toMatch(/<form method="post" action="\/api\/public\/objections" /);
    expect(html).toContain('name="submissionId" value="6f0c1c36-5f0e-4f55-9d8e-0d8c3a1c2b11"');
    const boxes = [...html.matchAll(/<input type="checkbox"[^>]*>/g)].map((m) => m[0]);
    expect(boxes.map((b) => /value="(\w)"/.exec(b)![1])).toEqual(['c', 'b', 'a', 'g']);
    expect(boxes.every((b) => b.includes('name="grounds"'))).toBe(true);
    expect(boxes[0]).toContain('checked');
    expect(boxes[1]).not.toContain('checked');
    expect(boxes[2]).toContain('disabled');
    expect(boxes[3]).toContain('disabled');
    expect(html).toContain('Dapat diajukan paling lambat Selasa, 31 Maret 2026 pukul 23.59 WIB.');
    expect(html).toContain('Jangka waktu pengajuan berakhir Rabu, 14 Januari 2026 pukul 23.59 WIB.');
    expect(html).toContain('Permohonan ini tidak ditolak.');
    expect(html).toContain('name="case"');
    expect(html).toContain('name="website"');
  });
});
