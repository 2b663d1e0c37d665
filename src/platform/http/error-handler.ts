import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, ERRORS, errorMessage, type ErrorCode } from '../../kernel/errors.js';
import { langOf } from './validation.js';

/**
 * Every failure leaves as `{ error: { code, message, details } }` with the status of its code
 * (domain/errors.ts). Fastify's own errors (bad JSON, body too large, wrong media type) are mapped to the
 * same catalogue; anything else is a bug: logged with the request id, answered 500 without internals.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const lang = langOf(req);
    let code: ErrorCode;
    let details: unknown;
    let message: string | undefined;
    if (err instanceof AppError) {
      code = err.code;
      details = err.details;
      if (err.message !== ERRORS[code].vi && lang === 'vi') message = err.message;
    } else {
      code = fastifyCode(err as FastifyError);
      if (code === 'RATE_LIMITED') details = { retryAfterSeconds: Number(reply.getHeader('retry-after')) || 60 };
      if (code === 'DATABASE_UNAVAILABLE' || code === 'INTERNAL') req.log.error({ err }, 'request failed');
    }
    void reply.status(ERRORS[code].status).type('application/json; charset=utf-8').send({
      error: { code, message: message ?? errorMessage(code, lang), ...(details === undefined ? {} : { details }) },
    });
  });

  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ error: { code: 'NOT_FOUND', message: errorMessage('NOT_FOUND', langOf(req)) } });
  });
}

function fastifyCode(err: FastifyError): ErrorCode {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'MALFORMED_JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      break;
  }
  if (err.statusCode === 429) return 'RATE_LIMITED';
  if (err instanceof SyntaxError && err.statusCode === 400) return 'MALFORMED_JSON';
  if (isConnectionError(err)) return 'DATABASE_UNAVAILABLE';
  if (err.statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  if (err.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (err.statusCode === 400 && err.validation) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

function isConnectionError(err: Error): boolean {
  const code = (err as { code?: string }).code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001', '08003'].includes(code) || /Connection terminated|timeout exceeded when trying to connect/i.test(err.message);
}
