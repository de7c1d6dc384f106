import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run a TypeScript entry point of the project as a user would (tsx), with extra environment. */
export function runTs(entry: string, args: string[], env: Record<string, string | undefined> = {}, input?: string): Promise<Run> {
  return runCommand(process.execPath, ['--import', 'tsx', entry, ...args], env, input);
}

/** Run a program in the project folder (no shell), without keys or a Discord token unless given. */
export function runCommand(command: string, args: string[], env: Record<string, string | undefined> = {}, input?: string): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, OPENAI_API_KEY: '', DISCORD_TOKEN: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
    child.stdin.end(input ?? '');
  });
}
