import { describe, expect, it } from 'vitest';
import { localizeLesions } from '../../../src/domain/localization';
import { PATTERNS } from './patterns';

describe('pattern library: textbook electrodiagnostic patterns (each cites its source in patterns.ts)', () => {
  it('holds at least 30 patterns, each with a source', () => {
    expect(PATTERNS.length).toBeGreaterThanOrEqual(30);
    for (const p of PATTERNS) expect(p.source.length).toBeGreaterThan(2);
  });

  for (const p of PATTERNS) {
    it(p.name, () => {
      const r = localizeLesions({ emg: p.emg, ncs: p.ncs, ...(p.ageYears !== undefined ? { ageYears: p.ageYears } : {}) });
      const best = r.alternatives[0];
      const context = `${r.summary}\n${best?.reasoning.join('\n') ?? ''}\n[source: ${p.source}]`;
      if (p.expect.confidence) expect(p.expect.confidence, context).toContain(r.confidence);
      if (p.expect.sites) expect(best?.sites.map((s) => `${s.side}|${s.level}`).sort() ?? [], context).toEqual([...p.expect.sites].sort());
      if (p.expect.kind) expect(best?.kind, context).toBe(p.expect.kind);
      if (p.expect.diffuseType) expect(best?.diffuse?.type, context).toBe(p.expect.diffuseType);
      if (p.expect.flag) expect(r.flags.some((f) => p.expect.flag!.test(f)), context).toBe(true);
      if (p.expect.limitation) expect(r.limitations.some((l) => p.expect.limitation!.test(l)), context).toBe(true);
      for (const f of p.forbidden ?? []) {
        expect(f.test(best?.pattern ?? ''), `forbidden ${f} in pattern: ${context}`).toBe(false);
        // The summary's own conclusion, not the alternatives it names.
        expect(f.test(r.summary.replace(/\((alternatively|equally likely) .*\)/, '')), `forbidden ${f} in summary: ${context}`).toBe(false);
      }
    });
  }
});
