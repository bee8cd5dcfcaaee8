import { createAssembler, type Assembler } from './assembler';
import { createAtTokenizer } from '../families/atTokenizer';
import { createCnAtfTokenizer } from '../families/cnAtf';
import { createCnStarFramer } from '../families/cnStar';
import { createDtmfTokenizer } from '../families/dtmfSpill';
import type { Region } from './ringOrder';
import type { CallerIdEvent } from '../events';
import { FAMILY_PROFILES, type CallerIdFamily, type Tokenizer } from '../families/families';
import { createLineFramer, type Framer } from '../framing/lineFramer';
import { createNetCallerIdTokenizer } from '../families/netCallerId';
import { createTciTokenizer } from '../families/tciRecords';
import type { LineTokenizer, TokenSink } from '../records/tokens';
import { createWhozzTokenizer } from '../families/whozzRecords';
import { createXdmfFramer } from '../framing/xdmfFramer';

// One family's framer → tokenizer → assembler chain (docs/callerid.md "Families and their framers").

export interface PipelineOptions {
  country: Region | null;
  ringTimeoutMs: number;
  settleMs: number;
}

export interface Pipeline {
  push(bytes: Uint8Array, start: number, now: number): void;
  tick(now: number): void;
  deadline(): number | null;
  assembler: Assembler;
}

function lineTokenizer(kind: Tokenizer, emit: TokenSink, settleMs: number): LineTokenizer & { activity?(now: number): void } {
  switch (kind) {
    case 'at':
      return createAtTokenizer(emit, settleMs);
    case 'whozz':
      return createWhozzTokenizer(emit);
    case 'tci':
      return createTciTokenizer(emit);
    case 'netCallerId':
      return createNetCallerIdTokenizer(emit);
    case 'dtmf':
      return createDtmfTokenizer(emit);
    case 'cnAtf':
      return createCnAtfTokenizer(emit);
  }
}

export function createPipeline(family: CallerIdFamily, options: PipelineOptions, out: (e: CallerIdEvent) => void): Pipeline {
  const profile = FAMILY_PROFILES[family];
  const assembler = createAssembler({ ...profile, ringTimeoutMs: options.ringTimeoutMs, country: options.country }, out);
  const emit: TokenSink = (token) => assembler.token(token);
  let tokenizer: ReturnType<typeof lineTokenizer> | null = null;
  let framer: Framer;
  const f = profile.framing;
  if (f.kind === 'lines') {
    tokenizer = lineTokenizer(f.tokenizer, emit, options.settleMs);
    framer = createLineFramer({ crEndsLine: f.crEndsLine, idleFlushMs: f.idleFlushMs }, tokenizer);
  } else {
    framer = f.kind === 'binary' ? createXdmfFramer(emit) : createCnStarFramer(emit);
  }
  const deadlines = (): (number | null)[] => [framer.deadline(), tokenizer?.deadline?.() ?? null, assembler.deadline()];
  return {
    assembler,
    push(bytes, start, now) {
      tokenizer?.activity?.(now);
      framer.push(bytes, start, now);
    },
    // Framer first (a flushed partial line may complete a block), then the tokenizer's settle,
    // then the sessions: each stage's timer uses the time its data arrived, so one late tick
    // gives the same events as many punctual ones.
    tick(now) {
      framer.tick(now);
      tokenizer?.tick?.(now);
      assembler.tick(now);
    },
    deadline() {
      const due = deadlines().filter((d): d is number => d !== null);
      return due.length > 0 ? Math.min(...due) : null;
    },
  };
}
