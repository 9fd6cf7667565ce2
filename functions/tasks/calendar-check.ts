/**
 * Tasks of statemachines/calendar-check.asl.json, started every morning by the DailyCalendarCheck
 * schedule. Idempotent: the notice for a given day and reason is sent at most once (the mail's
 * idempotency key, plus a marker item in the table).
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../adapters/config.ts';
import { documentClient, dynamoStore, queryAll } from '../adapters/dynamodb.ts';
import { mailer } from '../adapters/mail.ts';
import { type CalendarCoverage, coverage } from '../core/holiday-calendar.ts';
import { staffLink } from '../core/mail-text.ts';
import type { User } from '../core/model.ts';
import { task } from './task.ts';

export interface CheckInput {
  scheduledTime?: string;
}

function dayOf(scheduledTime: string | undefined): { today: string; year: number } {
  const at = scheduledTime ? new Date(scheduledTime) : new Date();
  const valid = Number.isNaN(at.getTime()) ? new Date() : at;
  const today = valid.toISOString().slice(0, 10);
  return { today, year: Number(today.slice(0, 4)) };
}

async function coverageOf(input: CheckInput): Promise<CalendarCoverage & { today: string }> {
  const { today, year } = dayOf(input.scheduledTime);
  const holidays = await dynamoStore.listHolidays([year + 1]);
  return { ...coverage(year + 1, holidays, today), today };
}

async function notify(input: { coverage: CalendarCoverage & { today: string } }): Promise<{ sent: number; skipped: boolean }> {
  const { coverage: c } = input;
  const key = `calendar-check-${c.today}-${c.year}-${c.reason}`;
  try {
    await documentClient().send(
      new PutCommand({
        TableName: config.tableName(),
        Item: { pk: `NOTICE#${key}`, sk: 'NOTICE', at: new Date().toISOString(), expiresAt: Math.floor(Date.now() / 1000) + 90 * 86400 },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return { sent: 0, skipped: true };
    throw e;
  }
  const admins = await queryAll<User>({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :p',
    FilterExpression: '#role = :admin AND enabled = :yes',
    ExpressionAttributeNames: { '#role': 'role' },
    ExpressionAttributeValues: { ':p': 'USERS', ':admin': 'admin', ':yes': true },
  });
  if (admins.length === 0) return { sent: 0, skipped: false };
  const why =
    c.reason === 'missing'
      ? { id: `Kalender hari libur ${c.year} belum diisi.`, en: `The holiday calendar for ${c.year} is empty.` }
      : {
          id: `${c.provisional} tanggal libur ${c.year} masih perkiraan (belum sesuai SKB 3 Menteri).`,
          en: `${c.provisional} holidays of ${c.year} are still provisional (not yet checked against the SKB).`,
        };
  await mailer().send({
    to: admins.map((a) => a.email),
    subject: `[SIP PPID] Kalender kerja ${c.year} perlu diperbarui / Working-day calendar ${c.year} needs an update`,
    text: [
      why.id,
      'Tenggat layanan informasi (UU 14/2008 Pasal 22 dan 36) dihitung dalam hari kerja; perbarui kalender di menu Kalender Kerja.',
      '',
      why.en,
      'Statutory deadlines (UU 14/2008 Articles 22 and 36) are counted in working days; update the calendar under Working-day calendar.',
      '',
      `Buka / Open: ${staffLink('calendar')}`,
    ].join('\n'),
    idempotencyKey: key,
  });
  return { sent: admins.length, skipped: false };
}

export const checkCoverage = /* @__PURE__ */ task('tasks/calendar-check.checkCoverage', coverageOf);
export const notifyAdmins = /* @__PURE__ */ task('tasks/calendar-check.notifyAdmins', notify);
