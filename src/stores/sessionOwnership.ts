/**
 * One tab at a time owns a saved session: it holds a Web Lock named after the session for as long as
 * it has that session open (the browser frees the lock when the tab closes or crashes). A second tab
 * that wants the same session does not get it: it is told, the owner is told through a
 * BroadcastChannel, and the second tab is offered a copy under a new id. Nothing is overwritten silently.
 */

export interface SessionOwnership {
  /** Take the session; false when another tab has it. */
  claim(id: string): Promise<boolean>;
  release(id: string): void;
  /** Tell the tab that owns `id` that another tab wanted it. */
  announceWanted(id: string): void;
  /** `listener` hears the ids of sessions this tab owns that another tab wanted. */
  onWanted(listener: (id: string) => void): void;
}

const LOCK_PREFIX = 'nervetrace-session:';
const CHANNEL = 'nervetrace-sessions';

/** Every claim succeeds (tests, and browsers without Web Locks, where two tabs are not told apart). */
export function unguardedOwnership(): SessionOwnership {
  return { claim: async () => true, release: () => {}, announceWanted: () => {}, onWanted: () => {} };
}

/** Claims shared by the "tabs" made in one test (each tab gets its own object from it). */
export function sharedOwnership(): () => SessionOwnership {
  const owners = new Map<string, symbol>();
  const listeners = new Map<symbol, (id: string) => void>();
  return () => {
    const me = Symbol('tab');
    return {
      async claim(id) {
        const owner = owners.get(id);
        if (owner && owner !== me) return false;
        owners.set(id, me);
        return true;
      },
      release(id) {
        if (owners.get(id) === me) owners.delete(id);
      },
      announceWanted(id) {
        const owner = owners.get(id);
        if (owner && owner !== me) listeners.get(owner)?.(id);
      },
      onWanted(listener) {
        listeners.set(me, listener);
      },
    };
  };
}

export function webLocksOwnership(): SessionOwnership {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return unguardedOwnership();
  const held = new Map<string, () => void>();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  return {
    claim(id) {
      if (held.has(id)) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        locks
          .request(`${LOCK_PREFIX}${id}`, { ifAvailable: true }, (lock) => {
            if (!lock) {
              resolve(false);
              return undefined;
            }
            // Held until release() (or until the tab goes away).
            return new Promise<void>((release) => {
              held.set(id, release);
              resolve(true);
            });
          })
          .catch(() => resolve(true)); // a browser refusing locks: behave as before (no guard)
      });
    },
    release(id) {
      held.get(id)?.();
      held.delete(id);
    },
    announceWanted(id) {
      channel?.postMessage({ type: 'wanted', id });
    },
    onWanted(listener) {
      if (!channel) return;
      channel.onmessage = (event: MessageEvent) => {
        const data = event.data as { type?: unknown; id?: unknown } | null;
        if (data && data.type === 'wanted' && typeof data.id === 'string' && held.has(data.id)) listener(data.id);
      };
    },
  };
}
