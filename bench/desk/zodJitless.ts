// Imported first by bench/seedStore.ts: zod decides on JIT when a schema is built, so this must
// run before any schema module. The app's CSP forbids eval, so the app's own zod never compiles
// parsers; CDP evaluation would let zod's eval probe pass and then fail inside page callbacks.
import { config } from 'zod';

config({ jitless: true });
