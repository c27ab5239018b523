/**
 * The parts of the engine a verb works with, built once per emulator by ../engine.ts and handed to
 * every verb module, so that a verb family is a plain function and not a method of one large class.
 */
import type { Emulator } from '../../../core/emulator';
import type { VoiceStore } from '../store';
import type { CallCallbacks } from './callbacks';
import type { DocumentLoader } from './document';
import type { CallLifecycle } from './lifecycle';
import type { RunScheduler } from './runs';

export interface EngineParts {
  readonly emu: Emulator;
  readonly store: VoiceStore;
  readonly runs: RunScheduler;
  readonly calls: CallLifecycle;
  readonly callbacks: CallCallbacks;
  readonly documents: DocumentLoader;
}
