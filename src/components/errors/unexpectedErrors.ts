/**
 * Errors nobody caught (a bug, not bad input: bad input has its own one-sentence message where it
 * happens). They are collected here and shown in a banner, so a user is not left with a viewer
 * that silently stopped responding; they still reach the console for the developer.
 */
import { reactive } from 'vue';

export interface UnexpectedError {
  readonly message: string;
  count: number;
}

/** At most this many distinct messages are kept; a repeat only raises its count. */
const KEPT = 3;

export const unexpectedErrors = reactive<UnexpectedError[]>([]);

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

export function reportUnexpectedError(error: unknown): void {
  const message = describeError(error).slice(0, 300);
  const seen = unexpectedErrors.find((e) => e.message === message);
  if (seen) seen.count++;
  else unexpectedErrors.push({ message, count: 1 });
  if (unexpectedErrors.length > KEPT) unexpectedErrors.splice(0, unexpectedErrors.length - KEPT);
}

export function dismissUnexpectedErrors(): void {
  unexpectedErrors.splice(0);
}

/**
 * Window-level errors and unhandled rejections. Decided after the event has gone to every
 * listener: one that a more specific handler has taken care of (preventDefault, e.g. the image
 * decoders' bare-number rejections, see src/viewer/decoderRejections.ts) is not shown.
 */
export function watchWindowErrors(target: Window = window): void {
  target.addEventListener('error', (event) => {
    // Resource load failures (an <img> that 404s) are not script errors.
    if (!(event instanceof ErrorEvent)) return;
    setTimeout(() => !event.defaultPrevented && reportUnexpectedError(event.error ?? event.message));
  });
  target.addEventListener('unhandledrejection', (event) => {
    setTimeout(() => !event.defaultPrevented && reportUnexpectedError(event.reason));
  });
}
