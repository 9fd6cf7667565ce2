/**
 * statemachines/calendar-check.asl.json in the local engine, with its real task handlers, through the
 * Step Functions API the SDK speaks (@aws-sdk/client-sfn against the local endpoint).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeExecutionCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineArn } from '../../infra/local/stepfunctions.ts';
import { apiClient, startTestHost } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let sfn: SFNClient;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  sfn = new SFNClient({ endpoint: host.endpoints.stepfunctions, region: 'ap-southeast-3', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
});
afterAll(async () => {
  sfn?.destroy();
  await host?.cleanup();
});

const outbox = () => readdirSync(join(host.dataDir, 'outbox')).filter((f) => f.endsWith('.json'));

async function runCheck(scheduledTime: string, name: string) {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn: machineArn('CalendarCheck'), name, input: JSON.stringify({ scheduledTime }) }),
  );
  await host.stepFunctions.idle();
  const done = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  return { status: done.status, output: JSON.parse(done.output ?? 'null') };
}

describe('CalendarCheck workflow', () => {
  it('finds the next year covered early in the year and sends nothing', async () => {
    const { status, output } = await runCheck('2026-03-01T00:00:00Z', 'early-2026');
    expect(status).toBe('SUCCEEDED');
    expect(output.coverage).toMatchObject({ year: 2027, needsAttention: false, reason: 'ok' });
    expect(output.notice).toBeUndefined();
    expect(outbox()).toEqual([]);
  });

  it('late in the year, a provisional next-year calendar mails every admin once, however often it runs', async () => {
    const first = await runCheck('2026-11-22T00:00:00Z', 'late-2026');
    expect(first.status).toBe('SUCCEEDED');
    expect(first.output.coverage).toMatchObject({ year: 2027, reason: 'provisional', needsAttention: true });
    expect(first.output.notice).toEqual({ sent: 1, skipped: false });
    const files = outbox();
    expect(files).toHaveLength(1);
    const mail = JSON.parse(readFileSync(join(host.dataDir, 'outbox', files[0]), 'utf8'));
    expect(mail.to).toEqual(['admin@kalbarprov.go.id']);
    expect(mail.subject).toMatch(/Kalender kerja 2027/);
    expect(mail.text).toMatch(/masih perkiraan/);
    expect(mail.text).toMatch(/https?:\/\/\S+\/app\/#\/calendar/);

    const again = await runCheck('2026-11-22T00:00:00Z', 'late-2026-retry');
    expect(again.output.notice).toEqual({ sent: 0, skipped: true });
    expect(outbox()).toHaveLength(1);
  });

  it('a missing next-year calendar is reported as missing', async () => {
    const { output } = await runCheck('2027-12-01T00:00:00Z', 'late-2027');
    expect(output.coverage).toMatchObject({ year: 2028, holidays: 0, reason: 'missing', needsAttention: true });
    expect(outbox()).toHaveLength(2);
  });

  it('the Step Functions API answers like AWS for unknown executions and tokens', async () => {
    await expect(
      sfn.send(new DescribeExecutionCommand({ executionArn: `${machineArn('CalendarCheck').replace(':stateMachine:', ':execution:')}:nope` })),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: 'no-such-token', output: '{}' }))).rejects.toMatchObject({ name: 'InvalidToken' });
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn('CalendarCheck'), name: 'late-2026', input: '{"other":1}' })),
    ).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });

  it('the staff API still works while the engine runs (smoke)', async () => {
    expect((await api('admin', 'GET', '/api/me')).status).toBe(200);
  });
});
