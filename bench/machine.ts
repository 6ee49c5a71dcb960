/** What the numbers were measured on. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGB: number;
  readonly chromium: string;
  readonly node: string;
  readonly os: string;
  readonly gpu: string;
  readonly date: string;
  readonly loadAverageStart: readonly number[];
  loadAverageEnd: readonly number[];
}

function osName(): string {
  try {
    const line = readFileSync('/etc/os-release', 'utf8').split('\n').find((l) => l.startsWith('PRETTY_NAME='));
    return line ? line.slice('PRETTY_NAME='.length).replace(/"/g, '') : process.platform;
  } catch {
    return process.platform;
  }
}

export function describeMachine(chromiumVersion: string): Machine {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    chromium: chromiumVersion,
    node: process.version,
    os: osName(),
    gpu: 'none: headless Chromium with --disable-gpu, WebGL through SwiftShader (software rendering on the CPU)',
    date: new Date().toISOString(),
    loadAverageStart: loadavg().map((v) => Math.round(v * 100) / 100),
    loadAverageEnd: [],
  };
}

export function currentLoad(): number[] {
  return loadavg().map((v) => Math.round(v * 100) / 100);
}
