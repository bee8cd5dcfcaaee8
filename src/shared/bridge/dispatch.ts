import { bridgeMethods, isBridgeMethod, type BridgeHandlers } from './contract';

// The receiving side of every shell: refuse unknown methods, validate the arguments against
// the contract, call the handler, and validate what goes back.

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: 'unknownMethod' | 'badArguments' | 'failed'; message: string };

export async function dispatch(handlers: BridgeHandlers, method: unknown, args: unknown): Promise<DispatchResult> {
  if (!isBridgeMethod(method)) return { ok: false, error: 'unknownMethod', message: `unknown bridge method ${String(method).slice(0, 60)}` };
  const spec = bridgeMethods[method];
  const parsed = spec.args.safeParse(args);
  if (!parsed.success) return { ok: false, error: 'badArguments', message: `bad arguments for ${method}: ${parsed.error.issues[0]?.message ?? ''}` };
  try {
    const handler = handlers[method] as (...a: unknown[]) => unknown;
    const value = await handler(...(parsed.data as unknown[]));
    return { ok: true, value: spec.result.parse(value) };
  } catch (error) {
    return { ok: false, error: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
