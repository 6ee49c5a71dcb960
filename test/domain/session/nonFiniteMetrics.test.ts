/**
 * Issue 21 — a non-finite recomputed value invalidates that measurement only, with a warning; the
 * rest of the report stands (before, one overflowing area dropped its whole side from the report).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rehydrateSession, serializeSession } from '../../../src/domain/session';
import { runCli } from '../../../src/cli/cli';
import { memoryIo } from '../../../src/cli/io';
import { measurement, rect, session, usRegion } from './fixtures';

function overflowing() {
  const good = measurement({ id: 'R9', label: 'R9', side: 'R', contour: rect(0, 0, 60, 100), calibration: usRegion(0.1) });
  // Finite coordinates whose area overflows to Infinity; the stored area is a finite stand-in.
  return { ...good, contour: rect(0, 0, 1e200, 1e200) };
}

const withOverflow = session([
  measurement({ id: 'L0', label: 'L1', side: 'L', contour: rect(0, 0, 50, 100), calibration: usRegion(0.1) }),
  measurement({ id: 'L1', label: 'L2', side: 'L', contour: rect(0, 0, 52, 100), calibration: usRegion(0.1) }),
  measurement({ id: 'R0', label: 'R1', side: 'R', contour: rect(0, 0, 100, 100), calibration: usRegion(0.1) }),
  measurement({ id: 'R1', label: 'R2', side: 'R', contour: rect(0, 0, 102, 100), calibration: usRegion(0.1) }),
  overflowing(),
]);

describe('non-finite recomputed values', () => {
  it('the overflowing measurement is left out with a warning naming it; the four others stay', () => {
    const { session: out, warnings, refused } = rehydrateSession(withOverflow);
    expect(out.measurements.map((m) => m.label)).toEqual(['L1', 'L2', 'R1', 'R2']);
    expect(refused.map((r) => r.label)).toEqual(['R9']);
    // measureContour itself refuses a contour whose area overflows (issue 20), so the warning
    // names that refusal; either way the measurement is named and left out, the rest stands.
    const warning = warnings.find((w) => w.path.startsWith('measurements[4]'));
    expect(warning?.message).toMatch(/^Measurement "R9" \(measurements\[4\]\) was left out: (its recomputed areaMm2 is not a finite number|The trace is too large to give a finite area)/);
  });

  it('the CLI report still compares both sides, with the right side from its two finite measurements', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nervetrace-overflow-'));
    try {
      const path = join(dir, 'overflow.json');
      writeFileSync(path, serializeSession(withOverflow));
      const io = memoryIo();
      const code = runCli(['report', '--json', path], io);
      expect(code).toBe(0);
      const report = JSON.parse(io.out()) as { comparisons: unknown[]; warnings: string[] };
      const comparisons = JSON.stringify(report.comparisons);
      expect(report.comparisons).toHaveLength(1);
      expect(comparisons).not.toContain('Infinity');
      expect(comparisons).toContain('"R"');
      expect(comparisons).toContain('"L"');
      expect(report.warnings.join(' ')).toMatch(/"R9".*left out: (its recomputed areaMm2 is not a finite number|The trace is too large to give a finite area)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
