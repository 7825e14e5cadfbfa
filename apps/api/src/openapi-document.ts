import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES } from '@tahkim/contracts';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/** The OpenAPI document, generated from the controllers and the contracts' zod schemas. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tahkim API')
    .setDescription(
      'Calls for projects and jury scoring. Every error is `{ statusCode, code, message, details?, requestId }` ' +
        'with a stable `code` and a `message` in the language of `Accept-Language` (ar, fr, en). ' +
        'Sessions use an HttpOnly cookie; state-changing requests from another origin are refused.',
    )
    .setVersion('1')
    .addCookieAuth('tahkim_session')
    .build();
  const document = cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ErrorResponse = {
    type: 'object',
    required: ['statusCode', 'code', 'message', 'requestId'],
    properties: {
      statusCode: { type: 'integer' },
      code: { type: 'string', enum: [...ERROR_CODES] },
      message: { type: 'string', description: "Localised to the caller's language" },
      details: { description: 'For VALIDATION_FAILED: an array of { path, code, message }' },
      requestId: { type: 'string' },
    },
  };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Array<{ responses?: Record<string, unknown> }>) {
      if (operation && typeof operation === 'object' && operation.responses) {
        operation.responses.default ??= {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
        };
      }
    }
  }
  return document;
}
