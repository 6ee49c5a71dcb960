/**
 * Localizing rules — DATA (texts and sources from the clinical reference §2 "Localizing rules")
 * plus the code that decides when each fires and which lesion sites it favours.
 */
import type { Side } from '../types';
import { cite } from '../reference/citations';
import type { LesionLevel } from './graph';
import { isAtOrBelow, isRootNode, rootOf } from './graphQueries';
import type { Candidate } from './search';
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
  symmetricDistal: {
    id: 'symmetric-distal',
    text: 'Symmetric distal abnormalities in both legs (sensory responses, distal motor responses, distal muscles) → a generalized length-dependent process rather than one focal lesion per side',
    sources: ['convention'],
    convention: true,
  },
  focalConduction: {
    id: 'focal-conduction',
    text: 'Conduction block or focal slowing across a segment → focal demyelination at that segment; the responses recorded below it may stay normal',
    sources: ['S33', 'EFNS/PNS 2010'],
  },
  rootVariation: {
    id: 'root-variation',
    text: 'Root levels are probable, not certain: 27.9 % of legs are pre- or post-fixed',
    sources: ['S19'],
  },
} as const satisfies Readonly<Record<string, LocalizingRule>>;

/** "… [Katirji & Wilbourn 1994; ref. S23]" (sources cited so that they cannot be read as root levels). */
export function ruleLine(rule: LocalizingRule, prefix = ''): string {
  return `${prefix}${rule.text} ${cite(rule.sources)}`;
}

export interface RuleFiring extends FiredRule {
  /** Hypothesis members this rule points to (null: it does not discriminate between sites). */
  readonly favours: ((candidate: Pick<Candidate, 'level' | 'diffuse'>) => boolean) | null;
  /** Strength (0–1) of the findings that fired it: a rule fired by weak evidence weighs little. */
  readonly strength: number;
  /** What the rule positively points to (its text); favoured members outside it are only "consistent". */
  readonly primary?: (candidate: Pick<Candidate, 'level' | 'diffuse'>) => boolean;
}

type LevelTest = (level: LesionLevel) => boolean;

/** A rule's preference over focal sites, and whether it also favours a polyneuropathy. */
function favouring(focal: LevelTest, diffuse: boolean): NonNullable<RuleFiring['favours']> {
  return (c) => (c.diffuse ? diffuse : c.level !== null && focal(c.level));
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

function fire(rule: LocalizingRule, side: Side, favours: RuleFiring['favours'], detail?: string, strength = 1): RuleFiring {
  const sideWord = side === 'L' ? 'Left' : 'Right';
  return {
    id: rule.id,
    side,
    text: `${sideWord}: ${detail ? `${detail} — ` : ''}${ruleLine(rule)}`,
    sources: rule.sources,
    ...('convention' in rule && rule.convention ? { convention: true } : {}),
    favours,
    strength: Math.round(strength * 1000) / 1000,
  };
}

const strongest = (findings: readonly LocalizedFinding[]): number => findings.reduce((m, f) => Math.max(m, f.weight), 0);
const DISTAL = new Set(['sural-sensory', 'superficial-peroneal-sensory', 'peroneal-motor-edb', 'tibial-motor-ah', 'tibial-motor-fdmb', 'extensor-digitorum-brevis', 'abductor-hallucis', 'flexor-hallucis-brevis', 'tibialis-anterior', 'gastrocnemius-medial-head', 'gastrocnemius-lateral-head', 'gastrocnemius', 'soleus', 'extensor-hallucis-longus']);

function names(findings: readonly LocalizedFinding[]): string {
  return findings.map((f) => f.label.replace(/^(Left|Right) /, '')).join(', ');
}

/** Evaluate the localizing rules on the findings of each side. */
export function evaluateRules(findings: readonly LocalizedFinding[]): RuleFiring[] {
  const fired: RuleFiring[] = [];
  for (const side of ['L', 'R'] as const) {
    const own = findings.filter((f) => f.side === side && f.placement !== null && !f.segmentFocal);
    const abnormal = own.filter((f) => f.abnormal);
    if (abnormal.length === 0 && !findings.some((f) => f.side === side && f.segmentFocal)) continue;
    const byId = (id: string) => own.find((f) => f.vocabularyId === id);

    const bfsh = byId('biceps-femoris-short-head');
    const peronealAbnormal = abnormal.filter((f) => under(f, 'common-peroneal-fibular-head'));
    if (bfsh?.abnormal) {
      const bfshRoots = bfsh.placement?.roots ?? [];
      fired.push(
        fire(LOCALIZING_RULES.bfshAbnormal, side, favouring((l) => (isRootNode(l) ? rootIn(l, bfshRoots) : under(bfsh, l)), false), undefined, bfsh.weight),
      );
    } else if (bfsh && peronealAbnormal.length > 0) {
      const belowShortHead = (l: LesionLevel): boolean => l === 'common-peroneal-fibular-head' || l === 'deep-peroneal' || l === 'superficial-peroneal';
      fired.push({
        ...fire(
          LOCALIZING_RULES.bfshNormal,
          side,
          favouring(belowShortHead, true),
          `abnormal: ${names(peronealAbnormal.filter((f) => f.kind === 'muscle'))}`,
          strongest(peronealAbnormal),
        ),
        primary: favouring(belowShortHead, false),
      });
    }

    const ta = byId('tibialis-anterior');
    const tibialL5 = [byId('tibialis-posterior'), byId('flexor-digitorum-longus')].filter((f): f is LocalizedFinding => !!f?.abnormal);
    if (ta?.abnormal && tibialL5.length > 0) {
      fired.push(
        fire(
          LOCALIZING_RULES.tibialWithTa,
          side,
          favouring((l) => rootIn(l, ['L4', 'L5', 'S1']) || isPlexus(l) || l === 'sciatic-trunk', true),
          `abnormal: tibialis anterior, ${names(tibialL5)}`,
          Math.min(ta.weight, strongest(tibialL5)),
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
          favouring((l) => isRootNode(l) || isPlexus(l) || l === 'superior-gluteal' || l === 'inferior-gluteal', false),
          `abnormal: ${names(glutealAbnormal)}`,
          strongest(glutealAbnormal),
        ),
      );
    } else if (gluteal.length > 0 && sciaticAbnormal.length > 0) {
      const sciaticOrDistal = (l: LesionLevel): boolean => !isRootNode(l) && !isPlexus(l) && sciaticAbnormal.some((f) => under(f, l));
      fired.push({
        ...fire(LOCALIZING_RULES.glutealSpared, side, favouring(sciaticOrDistal, true), `normal: ${names(gluteal)}`, strongest(sciaticAbnormal)),
        primary: favouring(sciaticOrDistal, false),
      });
    }

    const paraspinals = own.filter(isParaspinal);
    const paraspinalAbnormal = paraspinals.filter((f) => f.abnormal);
    const limbAbnormal = abnormal.filter(isLimbMuscle);
    if (paraspinalAbnormal.length > 0) {
      fired.push(
        fire(LOCALIZING_RULES.paraspinalsAbnormal, side, favouring((l) => isRootNode(l), false), `abnormal: ${names(paraspinalAbnormal)}`, strongest(paraspinalAbnormal)),
      );
    } else if (paraspinals.length > 0 && limbAbnormal.length > 0) {
      fired.push({
        ...fire(LOCALIZING_RULES.paraspinalsNormal, side, favouring((l) => !isRootNode(l), true), undefined, strongest(limbAbnormal)),
        primary: () => false,
      });
    }

    const snaps = own.filter(isSnap);
    const snapAbnormal = snaps.filter((f) => f.abnormal);
    const demyelinatingAt = new Set(findings.filter((f) => f.side === side && f.segmentFocal).map((f) => f.placement!.branch));
    if (snapAbnormal.length > 0) {
      fired.push(
        fire(
          LOCALIZING_RULES.snapAbnormal,
          side,
          favouring((l) => !isRootNode(l) && snapAbnormal.some((f) => under(f, l)), true),
          `reduced or absent: ${names(snapAbnormal)}`,
          strongest(snapAbnormal),
        ),
      );
    } else if (snaps.length > 0 && limbAbnormal.length > 0) {
      // Preserved SNAPs argue only against lesions upstream of them (and not against focal demyelination).
      fired.push({
        ...fire(
          LOCALIZING_RULES.snapPreserved,
          side,
          favouring((l) => isRootNode(l) || demyelinatingAt.has(l) || !snaps.some((f) => under(f, l)), false),
          `preserved: ${names(snaps)}`,
          strongest(limbAbnormal),
        ),
        primary: favouring((l) => isRootNode(l), false),
      });
    }

    const eas = byId('external-anal-sphincter');
    if (eas?.abnormal) {
      fired.push(
        fire(
          LOCALIZING_RULES.easAbnormal,
          side,
          favouring((l) => rootIn(l, ['S2', 'S3', 'S4']) || l === 'pudendal' || l === 'sacral-plexus' || l === 'lumbosacral-plexus', false),
          undefined,
          eas.weight,
        ),
      );
    }

    const myokymic = abnormal.filter((f) => f.myokymic);
    if (myokymic.length > 0) {
      fired.push(fire(LOCALIZING_RULES.myokymia, side, favouring((l) => isPlexus(l), false), `myokymic discharges in ${names(myokymic)}`, strongest(myokymic)));
    }

    for (const seg of findings.filter((f) => f.side === side && f.segmentFocal)) {
      const node = seg.placement!.branch;
      fired.push(fire(LOCALIZING_RULES.focalConduction, side, favouring((l) => l === node, false), seg.reasons.join('; '), seg.weight));
    }

    // The other limb as the control: the same distal studies/muscles abnormal on both sides.
    const otherSide = side === 'L' ? 'R' : 'L';
    const symmetric = abnormal.filter(
      (f) =>
        f.vocabularyId !== null &&
        DISTAL.has(f.vocabularyId) &&
        !f.sideToSideOnly &&
        findings.some((g) => g.side === otherSide && g.vocabularyId === f.vocabularyId && g.abnormal && !g.sideToSideOnly && !g.segmentFocal),
    );
    if (symmetric.length >= 2) {
      const strength = symmetric.reduce((m, f) => Math.min(m, f.weight), 1);
      fired.push(fire(LOCALIZING_RULES.symmetricDistal, side, favouring(() => false, true), `abnormal on both sides: ${names(symmetric)}`, strength));
    }
  }
  return fired;
}
