import { readFileSync } from 'node:fs';
import { OPENAPI_FILE, renderOpenApi } from '../src/openapi';

describe('committed OpenAPI document', () => {
  it('matches the code (run `npm run openapi` after changing a route or a contract)', async () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    expect(committed).toBe(await renderOpenApi());
  });
});

describe('OpenAPI document', () => {
  it('documents nullable fields as nullable scalars, not arrays', async () => {
    const document = JSON.parse(await renderOpenApi());
    const application = document.components.schemas.StaffApplicationDto.properties;
    expect(application.reference).toEqual({ type: 'string', nullable: true });
    expect(application.screeningNote).toEqual({ type: 'string', nullable: true });
  });
});
