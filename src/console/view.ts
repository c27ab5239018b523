/** What every view of the console is: a titled page drawn for the signed-in person. */
import type { Session } from './session';

export interface ViewContext {
  session: Session;
  /** Aborted when the person leaves the view: polling stops with it. */
  signal: AbortSignal;
}

export interface View {
  /** The view's address in the page (`#numbers`). */
  id: string;
  title: string;
  audience: 'agent' | 'admin';
  render(ctx: ViewContext): HTMLElement;
}

/** Repeats `tick` every `ms` until the view is left; a tick that fails is reported and the next one still runs. */
export function every(ms: number, signal: AbortSignal, tick: () => Promise<void>, failed: (err: unknown) => void): void {
  let timer: number | undefined;
  const run = async (): Promise<void> => {
    if (signal.aborted) return;
    try {
      await tick();
    } catch (err) {
      failed(err);
    } finally {
      if (!signal.aborted) timer = window.setTimeout(() => void run(), ms);
    }
  };
  signal.addEventListener('abort', () => window.clearTimeout(timer));
  void run();
}
