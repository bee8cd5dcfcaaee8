// Every answer is a JSON object carrying hubTime and hubEpoch; errors add `error` and `message`.
// Bodies are built as strings so large pull pages are not serialized twice.
import type { FastifyReply } from 'fastify';
import { HUB_ERRORS, REQUEST_ERRORS, type HubErrorCode, type RequestErrorCode } from '../../shared/protocol';

export type ErrorCode = RequestErrorCode | HubErrorCode;

export function stampJson(hubEpoch: string): string {
  return `"hubTime":${JSON.stringify(new Date().toISOString())},"hubEpoch":${JSON.stringify(hubEpoch)}`;
}

/** Sends `{...fields, hubTime, hubEpoch}`; `fields` is the JSON of an object, braces included. */
export function sendObject(reply: FastifyReply, status: number, fieldsJson: string, hubEpoch: string): FastifyReply {
  const inner = fieldsJson.slice(1, -1);
  const body = `{${inner}${inner ? ',' : ''}${stampJson(hubEpoch)}}`;
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
}

export function statusOf(code: ErrorCode): number {
  return code in REQUEST_ERRORS ? REQUEST_ERRORS[code as RequestErrorCode] : HUB_ERRORS[code as HubErrorCode];
}

export function errorJson(code: ErrorCode, message: string, hubEpoch: string): string {
  return `{"error":${JSON.stringify(code)},"message":${JSON.stringify(message)},${stampJson(hubEpoch)}}`;
}

export function sendError(reply: FastifyReply, code: ErrorCode, message: string, hubEpoch: string): FastifyReply {
  reply.request.logFields.error = code;
  return reply.code(statusOf(code)).header('content-type', 'application/json; charset=utf-8').send(errorJson(code, message, hubEpoch));
}
