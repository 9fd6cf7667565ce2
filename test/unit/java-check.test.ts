import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJava } from '../../infra/local/emulators.ts';

/** Runs checkJava in a child process whose PATH holds only the given fake `java` (or none). */
function checkWith(fakeJava?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'java-'));
  if (fakeJava) {
    writeFileSync(join(dir, 'java'), `#!/bin/sh\necho '${fakeJava}' >&2\n`);
    chmodSync(join(dir, 'java'), 0o755);
  }
  const script = `import('${join(import.meta.dirname, '../../infra/local/emulators.ts')}').then((m) => { try { console.log('ok', m.checkJava()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } })`;
  return spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', env: { ...process.env, PATH: dir } }).stdout;
}

describe('Java check before DynamoDB Local starts', () => {
  it('accepts this machine’s Java 17+', () => {
    expect(checkJava()).toBeGreaterThanOrEqual(17);
  });

  it('says exactly what to install when Java is missing', () => {
    const out = checkWith();
    expect(out).toMatch(/MissingJavaError: Java was not found/);
    expect(out).toMatch(/apt-get install -y openjdk-17-jre-headless/);
  });

  it('refuses Java 11 and Java 8 with the same advice', () => {
    expect(checkWith('openjdk version "11.0.2" 2019-01-15')).toMatch(/Found Java 11\. DynamoDB Local needs Java 17/);
    expect(checkWith('java version "1.8.0_392"')).toMatch(/Found Java 8\./);
  });
});
