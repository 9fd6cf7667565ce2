/**
 * Runs one emulator of the local host and ties its life to the host's:
 *
 *   node infra/local/guard.ts <command> [args…]
 *
 * The host spawns the guard in a process group of its own (so a terminal's Ctrl-C, sent to the
 * host's group, cannot kill the emulator before the host has stopped what depends on it) with its
 * stdin a pipe from the host. The guard then stops the command (SIGTERM, SIGKILL after 3 s) when:
 * - the host asks (SIGTERM or SIGINT to the guard), or
 * - the host ends in any way, kill -9 included: the pipe closes.
 * When the command exits, the guard exits with its code.
 *
 * Node built-ins only, run by Node's own type stripping: it starts in tens of milliseconds.
 */
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node guard.ts <command> [args…]');
  process.exit(2);
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;

function stop(): void {
  if (stopping) return;
  stopping = true;
  if (child.exitCode !== null || child.signalCode !== null) process.exit(0);
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 3000).unref();
}

child.on('error', (e) => {
  console.error(`guard: cannot start ${command}: ${e.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('SIGHUP', stop);
// The host's end of the pipe closes when the host exits, however it exits.
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
