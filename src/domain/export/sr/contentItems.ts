/** Builders of SR content items as naturalized dcmjs datasets (keyword → value). */
import type { Code } from './codes';
import type { Dataset } from './dcmjsAdapter';

export type Relationship = 'CONTAINS' | 'HAS OBS CONTEXT' | 'HAS CONCEPT MOD' | 'HAS ACQ CONTEXT' | 'SELECTED FROM' | 'INFERRED FROM';

export const codeItem = (c: Code): Dataset => ({ CodeValue: c.value, CodingSchemeDesignator: c.scheme, CodeMeaning: c.meaning });

const withChildren = (item: Dataset, children: readonly Dataset[]): Dataset =>
  children.length > 0 ? { ...item, ContentSequence: [...children] } : item;

export function container(relationship: Relationship | null, concept: Code, children: readonly Dataset[]): Dataset {
  return withChildren(
    {
      ...(relationship ? { RelationshipType: relationship } : {}),
      ValueType: 'CONTAINER',
      ConceptNameCodeSequence: [codeItem(concept)],
      ContinuityOfContent: 'SEPARATE',
    },
    children,
  );
}

export function textItem(relationship: Relationship, concept: Code, text: string): Dataset {
  return { RelationshipType: relationship, ValueType: 'TEXT', ConceptNameCodeSequence: [codeItem(concept)], TextValue: text };
}

export function codeContent(relationship: Relationship, concept: Code, value: Code, children: readonly Dataset[] = []): Dataset {
  return withChildren(
    { RelationshipType: relationship, ValueType: 'CODE', ConceptNameCodeSequence: [codeItem(concept)], ConceptCodeSequence: [codeItem(value)] },
    children,
  );
}

export function uidItem(relationship: Relationship, concept: Code, uid: string): Dataset {
  return { RelationshipType: relationship, ValueType: 'UIDREF', ConceptNameCodeSequence: [codeItem(concept)], UID: uid };
}

/** DS allows 16 characters: the most precise decimal text that fits. */
export function decimalString(value: number): string {
  const plain = String(value);
  if (plain.length <= 16) return plain;
  for (let digits = 15; digits > 0; digits--) {
    const text = String(Number(value.toPrecision(digits)));
    if (text.length <= 16) return text;
    const exp = value.toExponential(digits - 1).replace('e+', 'e');
    if (exp.length <= 16) return exp;
  }
  return value.toExponential(0);
}

export function numItem(relationship: Relationship, concept: Code, value: number, unit: Code, children: readonly Dataset[] = []): Dataset {
  return withChildren(
    {
      RelationshipType: relationship,
      ValueType: 'NUM',
      ConceptNameCodeSequence: [codeItem(concept)],
      MeasuredValueSequence: [{ MeasurementUnitsCodeSequence: [codeItem(unit)], NumericValue: decimalString(value) }],
    },
    children,
  );
}

export interface ImageRef {
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  /** 1-based; omitted for single-frame images. */
  readonly frameNumber?: number;
}

export function imageItem(relationship: Relationship, ref: ImageRef, children: readonly Dataset[] = []): Dataset {
  return withChildren(
    {
      RelationshipType: relationship,
      ValueType: 'IMAGE',
      ReferencedSOPSequence: [
        {
          ReferencedSOPClassUID: ref.sopClassUid,
          ReferencedSOPInstanceUID: ref.sopInstanceUid,
          ...(ref.frameNumber !== undefined ? { ReferencedFrameNumber: ref.frameNumber } : {}),
        },
      ],
    },
    children,
  );
}

export function polylineItem(relationship: Relationship, concept: Code, graphicData: readonly number[], children: readonly Dataset[]): Dataset {
  return withChildren(
    { RelationshipType: relationship, ValueType: 'SCOORD', ConceptNameCodeSequence: [codeItem(concept)], GraphicType: 'POLYLINE', GraphicData: [...graphicData] },
    children,
  );
}
