/**
 * Official documents end to end, on the local host with its real parts: the admin gives people their
 * official data (NIP checked) and agencies their letterheads and uploads the coat of arms; an
 * exclusion runs through statemachines/exclusion.asl.json to the DIK; the issued decree and sheet
 * (from the private bucket) name people by name, position and NIP, carry PPID Utama's letterhead,
 * verify as signed, and their QR codes open verification pages on the register that show the files'
 * SHA-256; a revocation marks them withdrawn. A signature that fails stops the issue, leaves nothing
 * behind, and the task's retry issues them once the certificate is back.
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { exclusionDocumentCode } from '../../functions/core/exclusion-pdf.ts';
import { apiClient, consequenceTest, decree, emulatorS3, sha256hex, startTestHost, until, uploadWithTicket } from '../support/host.ts';
import { pdfText } from '../support/pdf.ts';
import { decodeQr, pdfFonts, pdfInfo, qpdfCheck, sha256Hex, tinyPng, verifyPdfSignature } from '../support/pdf-tools.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let s3: S3Client;

beforeAll(async () => {
  // The expiry Wait is overridden (not slept): an exclusion ending tomorrow ends a few seconds after it is set.
  host = await startTestHost({ waitTimeOverrides: { WaitForExpiry: 4000 } });
  api = apiClient(host);
  s3 = emulatorS3(host);
});
afterAll(async () => {
  s3?.destroy();
  await host?.cleanup();
});

const LOGINS = ['kepala.dinkes', 'atasan.ppid', 'ppid.utama'];
const get = async (id: string) => (await api('ppid.utama', 'GET', `/api/exclusions/${id}`)).body;
const page = (path: string) => fetch(`${host.url}/${path}`).then(async (r) => ({ status: r.status, text: await r.text() }));
const tokenWaiting = (id: string, phase: string) =>
  until(async () => {
    const ex = await dynamoStore.getExclusion(id);
    return ex?.wait?.phase === phase && ex.wait.taskToken;
  }, `a task token (${phase})`);

async function patchUser(username: string, fields: Record<string, unknown>) {
  const before = await api('admin', 'GET', `/api/users/${username}`);
  return api('admin', 'PATCH', `/api/users/${username}`, { ...fields, version: before.body.version });
}

async function patchAgency(id: string, fields: Record<string, unknown>) {
  const before = await api('admin', 'GET', `/api/agencies/${id}`);
  return api('admin', 'PATCH', `/api/agencies/${id}`, { ...fields, version: before.body.version });
}

/** Proposal by kepala.dinkes → Ya by the Atasan → decree by PPID Utama; returns the exclusion id. */
async function proposeAndDecree(title: string, extra: Record<string, unknown> = {}, test: Record<string, unknown> = {}): Promise<string> {
  const proposed = await api('kepala.dinkes', 'POST', '/api/exclusions', { test: consequenceTest({ title, ...test }), ...extra });
  expect(proposed.status).toBe(201);
  const id = proposed.body.exclusionId as string;
  await tokenWaiting(id, 'decision');
  expect((await api('atasan.ppid', 'POST', `/api/exclusions/${id}/decision`, { decision: 'ya', note: 'Setuju.', round: 1 })).status).toBe(200);
  await tokenWaiting(id, 'decree');
  const official = {
    name: 'Drs. H. Ahmad Fauzi, M.Si.',
    position: 'PPID Utama Provinsi Kalimantan Barat',
    rank: 'Pembina Utama Muda (IV/c)',
    nip: '19700312 199503 1 002',
  };
  const set = await api('ppid.utama', 'POST', `/api/exclusions/${id}/decree`, { decree: decree({ official }), version: (await get(id)).version });
  expect(set.status).toBe(200);
  return id;
}

async function download(id: string, file: 'testSheet' | 'decree'): Promise<Uint8Array> {
  const link = await api('ppid.utama', 'GET', `/api/exclusions/${id}/files/${file}`);
  expect(link.status).toBe(200);
  return new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
}

describe('official documents', () => {
  it('the admin keeps official data: full name, position, rank and a checked NIP; agencies keep letterheads; the body its coat of arms', async () => {
    const bad = await patchUser('kepala.dinkes', { nip: '197013121995031002' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/tanggal lahir/);
    expect((await patchUser('kepala.dinkes', { nip: '1970031219950310' })).status).toBe(400);
    expect((await patchUser('kepala.dinkes', { nip: '197003121985031002' })).status).toBe(400); // appointed at 15
    expect((await patchUser('kepala.dinkes', { nip: '197003121995033002' })).status).toBe(400); // gender digit 3

    const ok = await patchUser('kepala.dinkes', {
      fullName: 'dr. Siti Rahmawati, M.Kes.',
      position: 'Kepala Dinas Kesehatan Provinsi Kalimantan Barat',
      rank: 'Pembina Tingkat I (IV/b)',
      nip: '19820314 200604 2 011',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ fullName: 'dr. Siti Rahmawati, M.Kes.', nip: '198203142006042011' });
    expect((await patchUser('atasan.ppid', { fullName: 'Dr. H. Harisson, M.Kes.', position: 'Sekretaris Daerah Provinsi Kalimantan Barat' })).status).toBe(200);
    // Only the admin edits them.
    const self = await api('kepala.dinkes', 'PATCH', '/api/users/kepala.dinkes', { fullName: 'Siapa Saja', version: ok.body.version });
    expect(self.status).toBe(403);

    const agency = await patchAgency('diskominfo', {
      address: 'Jalan Ahmad Yani No. 2, Pontianak 78121',
      city: 'Pontianak',
      phone: '(0561) 736541',
      email: 'diskominfo@kalbarprov.go.id',
      website: 'diskominfo.kalbarprov.go.id',
    });
    expect(agency.status).toBe(200);
    expect((await patchAgency('dinkes', { city: 'Pontianak', phone: '(0561) 737701', website: 'https://dinkes' })).status).toBe(400);
    expect((await patchAgency('dinkes', { city: 'Pontianak', phone: '(0561) 737701' })).status).toBe(200);

    // The coat of arms: declared, uploaded with its ticket, checked (a PDF posing as a PNG is refused).
    const png = Buffer.from(tinyPng());
    const refused = await api('admin', 'POST', '/api/settings/public-body/coat-of-arms', {
      fileName: 'lambang.pdf',
      contentType: 'application/pdf',
      size: 100,
      sha256: 'a'.repeat(64),
    });
    expect(refused.status).toBe(415);
    const fake = Buffer.from('%PDF-1.4 not an image at all, but named like one......');
    const t1 = await api('admin', 'POST', '/api/settings/public-body/coat-of-arms', {
      fileName: 'lambang.png',
      contentType: 'image/png',
      size: fake.length,
      sha256: sha256hex(fake),
    });
    expect(t1.status).toBe(201);
    await uploadWithTicket(t1.body.upload, fake, 'image/png');
    expect((await api('admin', 'POST', '/api/settings/public-body/coat-of-arms/verify')).status).toBe(415);
    const t2 = await api('admin', 'POST', '/api/settings/public-body/coat-of-arms', {
      fileName: 'lambang.png',
      contentType: 'image/png',
      size: png.length,
      sha256: sha256hex(png),
    });
    expect(await uploadWithTicket(t2.body.upload, png, 'image/png')).toBeLessThan(300);
    const verified = await api('admin', 'POST', '/api/settings/public-body/coat-of-arms/verify');
    expect(verified.status).toBe(200);
    expect(verified.body.coatOfArms).toMatchObject({ contentType: 'image/png', size: png.length, sha256: sha256hex(png) });
    expect((await api('petugas.dinkes', 'GET', '/api/settings/public-body')).body.coatOfArms.sha256).toBe(sha256hex(png));
    // The staff app's print-outs (web/staff/src/print.tsx): the coat of arms inline, each unit's signatory.
    expect((await api('petugas.dinkes', 'GET', '/api/settings/public-body')).body.letterhead).toBeUndefined();
    const printed = await api('petugas.dinkes', 'GET', '/api/settings/public-body?for=print');
    expect(printed.status).toBe(200);
    expect(printed.body.letterhead.coatOfArms).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(printed.body.letterhead.signatories.diskominfo).toMatchObject({ name: expect.any(String), position: expect.stringContaining('PPID Utama') });
    // The SKPD's Kepala PPID Pelaksana signs its lists, with the NIP as printed under a signature.
    expect(printed.body.letterhead.signatories.dinkes).toEqual({
      name: 'dr. Siti Rahmawati, M.Kes.',
      position: 'Kepala Dinas Kesehatan Provinsi Kalimantan Barat',
      rank: 'Pembina Tingkat I (IV/b)',
      nip: '19820314 200604 2 011',
    });
    expect((await api('petugas.dinkes', 'GET', '/api/settings/public-body?for=pdf')).status).toBe(400);
  }, 60_000);

  it('the decree and the sheet are issued archival and signed, name people by name, position and NIP, and their QR codes open verification pages with their SHA-256', async () => {
    const id = await proposeAndDecree('Rekam medis pasien Rumah Sakit Jiwa Daerah');
    const ex = await until(
      async () => {
        const x = await get(id);
        return x.state === 'in_force' ? x : undefined;
      },
      'in force',
      30_000,
    );

    const decreeBytes = await download(id, 'decree');
    const sheetBytes = await download(id, 'testSheet');
    expect(sha256Hex(decreeBytes)).toBe(ex.files.decree.sha256);
    expect(sha256Hex(sheetBytes)).toBe(ex.files.testSheet.sha256);

    const decreeText = (await pdfText(decreeBytes)).text.replace(/\s+/g, ' ');
    for (const s of [
      'DINAS KOMUNIKASI DAN INFORMATIKA', // PPID Utama's letterhead, not the proposing SKPD's
      'Jalan Ahmad Yani No. 2, Pontianak 78121',
      'Ditetapkan di : Pontianak',
      'Drs. H. Ahmad Fauzi, M.Si.',
      'PPID Utama Provinsi Kalimantan Barat,',
      'Pembina Utama Muda (IV/c)',
      'NIP 19700312 199503 1 002',
    ])
      expect(decreeText).toContain(s);
    expect(decreeText).not.toContain('DINAS KESEHATAN');
    const sheetText = (await pdfText(sheetBytes)).text.replace(/\s+/g, ' ');
    for (const s of [
      'DINAS KESEHATAN',
      'Diusulkan oleh : dr. Siti Rahmawati, M.Kes., Kepala Dinas Kesehatan Provinsi Kalimantan Barat',
      'Oleh : Dr. H. Harisson, M.Kes., Sekretaris Daerah Provinsi Kalimantan Barat',
      'Pembina Tingkat I (IV/b)',
      'NIP 19820314 200604 2 011',
    ])
      expect(sheetText).toContain(s);
    for (const login of LOGINS) {
      expect(decreeText).not.toContain(login);
      expect(sheetText).not.toContain(login);
    }

    for (const [file, bytes] of [
      ['decree', decreeBytes],
      ['testSheet', sheetBytes],
    ] as const) {
      expect(qpdfCheck(bytes).ok).toBe(true);
      for (const f of pdfFonts(bytes)) expect(f).toMatchObject({ embedded: true, unicode: true });
      expect(pdfInfo(bytes).xmp).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(verifyPdfSignature(bytes)).toMatchObject({ valid: true, subFilter: 'ETSI.CAdES.detached' });
      const code = exclusionDocumentCode({ exclusionId: id, round: 1 }, file);
      const url = decodeQr(bytes, Number(pdfInfo(bytes).info.Pages));
      expect(url).toBe(`${host.url}/verifikasi/${code}/`);
      // The page the QR code opens: the number, type, unit, signatory and this file's SHA-256.
      const shown = await until(async () => {
        const r = await fetch(url!);
        return r.status === 200 ? r.text() : undefined;
      }, 'the verification page');
      expect(shown).toContain(sha256Hex(bytes));
      expect(shown).toContain('Dokumen ini terdaftar dan berlaku.');
      expect(shown).toContain(file === 'decree' ? '045/PPID/2026' : ex.dik.number);
      expect(shown).toContain(file === 'decree' ? 'Drs. H. Ahmad Fauzi, M.Si., PPID Utama Provinsi Kalimantan Barat' : 'dr. Siti Rahmawati, M.Kes.');
      expect(shown).toContain(file === 'decree' ? 'Dinas Komunikasi dan Informatika' : 'Dinas Kesehatan');
      // Nothing the document keeps private: not the description, not the consequence, not a login.
      expect(shown).not.toContain('riwayat pengobatan');
      for (const login of LOGINS) expect(shown).not.toContain(login);
      const en = await page(`en/verifikasi/${code}/`);
      expect(en.status).toBe(200);
      expect(en.text).toContain('This document is registered and in force.');
    }

    // Revoked: both pages say withdrawn.
    const revoked = await api('ppid.utama', 'POST', `/api/exclusions/${id}/revoke`, { reason: 'Putusan Komisi Informasi.', version: (await get(id)).version });
    expect(revoked.status).toBe(200);
    const decreeCode = exclusionDocumentCode({ exclusionId: id, round: 1 }, 'decree');
    const withdrawn = await until(async () => {
      const r = await page(`verifikasi/${decreeCode}/`);
      return r.text.includes('DICABUT') ? r.text : undefined;
    }, 'the withdrawn page');
    expect(withdrawn).toContain('Pengecualian dicabut oleh PPID.');
    expect(withdrawn).not.toContain('Putusan Komisi Informasi.');
  }, 90_000);

  it('a signature that fails stops the issue with a clear error and leaves nothing behind; the retry issues the documents', async () => {
    const saved = process.env.SIGNING_P12_FILE;
    process.env.SIGNING_P12_FILE = '/nonexistent/sertifikat.p12';
    let id: string;
    try {
      id = await proposeAndDecree('Akta wasiat yang disimpan arsip daerah');
      const failed = await until(async () => (await get(id)).issueFailure, 'the recorded failure', 20_000);
      expect(failed.reason).toMatch(/signing certificate cannot be read/);
      const ex = await get(id);
      expect(ex.state).toBe('approved');
      expect(ex.files).toBeUndefined();
      expect(ex.dik).toBeUndefined();
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: host.bucketNames.documents, Prefix: `exclusions/${id}/` }));
      expect(listed.Contents ?? []).toEqual([]);
      for (const doc of ['decree', 'testSheet'] as const)
        expect(await dynamoStore.getVerification(exclusionDocumentCode({ exclusionId: id, round: 1 }, doc))).toBeUndefined();
      const audit = (await api('admin', 'GET', `/api/audit?entityType=exclusion&entityId=${id}&limit=100`)).body.items as { action: string }[];
      expect(audit.map((a) => a.action)).toContain('exclusion.signing_failed');
    } finally {
      process.env.SIGNING_P12_FILE = saved;
    }
    // The certificate is back: the task's next attempt issues both documents.
    const issued = await until(
      async () => {
        const x = await get(id);
        return x.state === 'in_force' ? x : undefined;
      },
      'in force after the retry',
      45_000,
    );
    expect(issued.issueFailure).toBeUndefined();
    expect(verifyPdfSignature(await download(id, 'decree')).valid).toBe(true);
  }, 90_000);

  it('a new consequence test of information whose exclusion ended replaces the old documents: the old pages say so and link the new', async () => {
    const tomorrow = new Date(Date.now() + 7 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    const endsSoon = { legalBasis: { pasal17: ['a'], otherLaws: [] }, period: { until: tomorrow } };
    const first = await proposeAndDecree('Rencana operasi penertiban (uji ganti)', {}, endsSoon);
    await until(async () => ((await get(first)).state === 'expired' ? true : undefined), 'the first exclusion expired', 30_000);
    const second = await proposeAndDecree('Rencana operasi penertiban (uji ganti)', { renews: first }, endsSoon);
    await until(async () => ((await get(second)).state === 'in_force' ? true : undefined), 'the renewal in force', 30_000);
    for (const doc of ['decree', 'testSheet'] as const) {
      const oldCode = exclusionDocumentCode({ exclusionId: first, round: 1 }, doc);
      const newCode = exclusionDocumentCode({ exclusionId: second, round: 1 }, doc);
      expect(await dynamoStore.getVerification(oldCode)).toMatchObject({ status: 'replaced', replacedBy: newCode });
      const shown = await until(async () => {
        const r = await page(`verifikasi/${oldCode}/`);
        return r.text.includes('DIGANTI') ? r.text : undefined;
      }, 'the replaced page');
      expect(shown).toContain(`href="/verifikasi/${newCode}/"`);
      expect((await page(`verifikasi/${newCode}/`)).text).toContain('Dokumen ini terdaftar dan berlaku.');
    }
  }, 120_000);
});
