/**
 * Localizing rules — DATA (texts and sources from the clinical reference §2 "Localizing rules")
 * plus the code that decides when each fires and which lesion sites it favours.
 */
import type { Side } from '../types';
import type { LesionLevel } from './graph';
import { isAtOrBelow, isRootNode, rootOf } from './graphQueries';
import type { FiredRule, LocalizedFinding } from './types';

export interface LocalizingRule {
  readonly id: string;
  readonly text: string;
  readonly sources: readonly string[];
  readonly convention?: boolean;
}

export const LOCALIZING_RULES = {
  bfshAbnormal: {
    id: 'bfsh-abnormal',
    text: 'Biceps femoris short head abnormal → lesion at or above the sciatic peroneal division, not at the fibular head',
    sources: ['S22', 'S23'],
  },
  bfshNormal: {
    id: 'bfsh-normal',
    text: 'Biceps femoris short head normal while peroneal-innervated leg muscles are abnormal → lesion below the short-head branch, e.g. at the fibular head',
    sources: ['S22', 'S23'],
  },
  tibialWithTa: {
    id: 'tp-fdl-with-ta',
    text: 'Tibialis posterior or flexor digitorum longus abnormal together with tibialis anterior → L5 root (or higher) rather than a peroneal nerve lesion',
    sources: ['S23', 'S24'],
  },
  glutealAbnormal: {
    id: 'gluteal-abnormal',
    text: 'Gluteal muscles abnormal (the gluteal nerves leave above the sciatic notch) → lesion proximal to the sciatic nerve: plexus or roots',
    sources: ['convention'],
    convention: true,
  },
  glutealSpared: {
    id: 'gluteal-spared',
    text: 'Gluteal muscles normal while sciatic-innervated muscles are abnormal → sciatic nerve or more distal',
    sources: ['convention'],
    convention: true,
  },
  paraspinalsAbnormal: {
    id: 'paraspinals-abnormal',
    text: 'Paraspinal muscles abnormal → root level (the dorsal rami leave at the root)',
    sources: ['S25'],
  },
  paraspinalsNormal: {
    id: 'paraspinals-normal',
    text: 'Paraspinal muscles normal while limb muscles are abnormal → as expected in a plexopathy or neuropathy; this alone does not exclude a root lesion',
    sources: ['S25'],
  },
  snapAbnormal: {
    id: 'snap-abnormal',
    text: 'Sensory response reduced or absent → lesion at or beyond the dorsal root ganglion (plexus or nerve); sensory responses are preserved in radiculopathy',
    sources: ['S25', 'S26'],
  },
  snapPreserved: {
    id: 'snap-preserved',
    text: 'Sensory responses preserved while limb muscles are abnormal → favours a preganglionic (root) lesion',
    sources: ['S26'],
  },
  easAbnormal: {
    id: 'eas-abnormal',
    text: 'External anal sphincter abnormal → sacral roots S2–S4 / pudendal involvement',
    sources: ['convention'],
    convention: true,
  },
  myokymia: {
    id: 'myokymia',
    text: 'Myokymic discharges → raises radiation plexopathy (found in 57 % of radiation lumbosacral plexopathies); their absence favours tumour infiltration after radiation',
    sources: ['S30', 'S31'],
  },
  rootVariation: {
    id: 'root-variation',
    text: 'Root levels are probable, not certain: 27.9 % of legs are pre- or post-fixed',
    sources: ['S19'],
  },
} as const satisfies Readonly<Record<string, LocalizingRule>>;

/** "… (S22, S23)" */
export function ruleLine(rule: LocalizingRule, prefix = ''): string {
  return `${prefix}${rule.text} (${rule.sources.join(', ')})`;
}

export interface RuleFiring extends FiredRule {
  /** Lesion sites this rule points to (null: it does not discriminate between sites). */
  readonly favours: ((level: LesionLevel) => boolean) | null;
}

const GLUTEAL = new Set(['gluteus-medius', 'tensor-fasciae-latae', 'gluteus-maximus']);
const isParaspinal = (f: LocalizedFinding): boolean => f.placement?.branch === 'dorsal-rami';
const isSnap = (f: LocalizedFinding): boolean => f.placement?.postganglionicSensory === true;
const isLimbMuscle = (f: LocalizedFinding): boolean => f.kind === 'muscle' && f.placement !== null && !isParaspinal(f);
const under = (f: LocalizedFinding, node: LesionLevel): boolean =>
  f.placement !== null && f.placement.branch !== 'dorsal-rami' && isAtOrBelow(f.placement.branch, node);
const isPlexus = (level: LesionLevel): boolean =>
  level === 'lumbosacral-plexus' || level === 'lumbar-plexus' || level === 'sacral-plexus';
const rootIn = (level: LesionLevel, roots: readonly string[]): boolean => isRootNode(level) && roots.includes(rootOf(level));

function fire(rule: LocalizingRule, side: Side, favours: RuleFiring['favours'], detail?: string): RuleFiring {
  const sideWord = side === 'L' ? 'Left' : 'Right';
  return {
    id: rule.id,
    side,
    text: `${sideWord}: ${detail ? `${detail} — ` : ''}${ruleLine(rule)}`,
    sources: rule.sources,
    ...('convention' in rule && rule.convention ? { convention: true } : {}),
    favours,
  };
}

function names(findings: readonly LocalizedFinding[]): string {
  return findings.map((f) => f.label.replace(/^(Left|Right) /, '')).join(', ');
}

/** Evaluate the localizing rules on the findings of each side. */
export function evaluateRules(findings: readonly LocalizedFinding[]): RuleFiring[] {
  const fired: RuleFiring[] = [];
  for (const side of ['L', 'R'] as const) {
    const own = findings.filter((f) => f.side === side && f.placement !== null);
    const abnormal = own.filter((f) => f.abnormal);
    if (abnormal.length === 0) continue;
    const byId = (id: string) => own.find((f) => f.vocabularyId === id);

    const bfsh = byId('biceps-femoris-short-head');
    const peronealAbnormal = abnormal.filter((f) => under(f, 'common-peroneal-fibular-head'));
    if (bfsh?.abnormal) {
      const bfshRoots = bfsh.placement?.roots ?? [];
      fired.push(fire(LOCALIZING_RULES.bfshAbnormal, side, (l) => (isRootNode(l) ? rootIn(l, bfshRoots) : under(bfsh, l))));
    } else if (bfsh && peronealAbnormal.length > 0) {
      fired.push(
        fire(
          LOCALIZING_RULES.bfshNormal,
          side,
          (l) => l === 'common-peroneal-fibular-head' || l === 'deep-peroneal' || l === 'superficial-peroneal',
          `abnormal: ${names(peronealAbnormal.filter((f) => f.kind === 'muscle'))}`,
        ),
      );
    }

    const ta = byId('tibialis-anterior');
    const tibialL5 = [byId('tibialis-posterior'), byId('flexor-digitorum-longus')].filter((f): f is LocalizedFinding => !!f?.abnormal);
    if (ta?.abnormal && tibialL5.length > 0) {
      fired.push(
        fire(
          LOCALIZING_RULES.tibialWithTa,
          side,
          (l) => rootIn(l, ['L4', 'L5', 'S1']) || isPlexus(l) || l === 'sciatic-trunk',
          `abnormal: tibialis anterior, ${names(tibialL5)}`,
        ),
      );
    }

    const gluteal = own.filter((f) => f.vocabularyId !== null && GLUTEAL.has(f.vocabularyId));
    const glutealAbnormal = gluteal.filter((f) => f.abnormal);
    const sciaticAbnormal = abnormal.filter((f) => under(f, 'sciatic-trunk'));
    if (glutealAbnormal.length > 0) {
      fired.push(
        fire(
          LOCALIZING_RULES.glutealAbnormal,
          side,
          (l) => isRootNode(l) || isPlexus(l) || l === 'superior-gluteal' || l === 'inferior-gluteal',
          `abnormal: ${names(glutealAbnormal)}`,
        ),
      );
    } else if (gluteal.length > 0 && sciaticAbnormal.length > 0) {
      fired.push(
        fire(LOCALIZING_RULES.glutealSpared, side, (l) => !isRootNode(l) && !isPlexus(l) && sciaticAbnormal.some((f) => under(f, l))),
      );
    }

    const paraspinals = own.filter(isParaspinal);
    const paraspinalAbnormal = paraspinals.filter((f) => f.abnormal);
    const limbAbnormal = abnormal.filter(isLimbMuscle);
    if (paraspinalAbnormal.length > 0) {
      fired.push(fire(LOCALIZING_RULES.paraspinalsAbnormal, side, (l) => isRootNode(l), `abnormal: ${names(paraspinalAbnormal)}`));
    } else if (paraspinals.length > 0 && limbAbnormal.length > 0) {
      fired.push(fire(LOCALIZING_RULES.paraspinalsNormal, side, (l) => !isRootNode(l)));
    }

    const snaps = own.filter(isSnap);
    const snapAbnormal = snaps.filter((f) => f.abnormal);
    if (snapAbnormal.length > 0) {
      fired.push(
        fire(
          LOCALIZING_RULES.snapAbnormal,
          side,
          (l) => !isRootNode(l) && snapAbnormal.some((f) => under(f, l)),
          `reduced or absent: ${names(snapAbnormal)}`,
        ),
      );
    } else if (snaps.length > 0 && limbAbnormal.length > 0) {
      fired.push(fire(LOCALIZING_RULES.snapPreserved, side, (l) => isRootNode(l), `preserved: ${names(snaps)}`));
    }

    const eas = byId('external-anal-sphincter');
    if (eas?.abnormal) {
      fired.push(
        fire(LOCALIZING_RULES.easAbnormal, side, (l) => rootIn(l, ['S2', 'S3', 'S4']) || l === 'pudendal' || l === 'sacral-plexus' || l === 'lumbosacral-plexus'),
      );
    }

    const myokymic = abnormal.filter((f) => f.myokymic);
    if (myokymic.length > 0) {
      fired.push(fire(LOCALIZING_RULES.myokymia, side, (l) => isPlexus(l), `myokymic discharges in ${names(myokymic)}`));
    }
  }
  return fired;
}
