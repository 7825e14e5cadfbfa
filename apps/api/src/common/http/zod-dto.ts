import { createZodDto as createNestZodDto } from 'nestjs-zod';

type JsonSchema = Record<string, unknown>;

/**
 * Zod writes a nullable scalar as `type: ["string", "null"]`; @nestjs/swagger reads any `type` array
 * as an array of items and documented such fields as string[]. Rewriting them as OpenAPI 3.0's
 * `type: "string", nullable: true` before swagger sees them keeps the document (and the web client
 * typed from it) true to the contracts.
 */
function nullableTypesAsAnyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullableTypesAsAnyOf);
  if (value === null || typeof value !== 'object') return value;
  const schema: JsonSchema = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, nullableTypesAsAnyOf(inner)]));
  const { type } = schema;
  if (Array.isArray(type) && type.includes('null')) {
    const types = type.filter((t) => t !== 'null');
    if (types.length === 1) return { ...schema, type: types[0], nullable: true };
  }
  return schema;
}

/** nestjs-zod's DTO class over a contracts schema, with an OpenAPI description swagger reads right. */
export function createZodDto<T extends Parameters<typeof createNestZodDto>[0]>(schema: T): ReturnType<typeof createNestZodDto<T>> {
  const Dto = createNestZodDto(schema) as ReturnType<typeof createNestZodDto<T>> & { _OPENAPI_METADATA_FACTORY?: () => unknown };
  const factory = Dto._OPENAPI_METADATA_FACTORY;
  if (factory) Object.defineProperty(Dto, '_OPENAPI_METADATA_FACTORY', { value: () => nullableTypesAsAnyOf(factory.call(Dto)) });
  return Dto;
}
