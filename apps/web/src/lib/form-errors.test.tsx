import { act, renderHook } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { i18n } from '../app/i18n';
import { ApiError, toApiError, unwrap } from './api';
import { applyApiErrorToForm } from './form-errors';

function useRegisterLikeForm() {
  const form = useForm({ defaultValues: { email: '', password: '', displayName: '' } });
  // Reading errors while rendering subscribes to them, as a component showing them would.
  void form.formState.errors;
  return form;
}

describe('toApiError', () => {
  it('keeps the API error body as it is', () => {
    const error = toApiError(409, {
      statusCode: 409,
      code: 'EMAIL_TAKEN',
      message: 'Un compte existe déjà avec cette adresse e-mail.',
      requestId: 'req-1',
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'EMAIL_TAKEN', requestId: 'req-1' });
    expect(error.message).toBe('Un compte existe déjà avec cette adresse e-mail.');
  });

  it('gives a body that is not the API’s the contracts’ message in the current language', async () => {
    await i18n.changeLanguage('ar');
    const error = toApiError(502, '<html>Bad gateway</html>');
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.message).toBe('الخدمة غير متاحة مؤقتا.');
  });

  it('turns a network failure into SERVICE_UNAVAILABLE', async () => {
    const error = await unwrap(Promise.reject(new TypeError('fetch failed'))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'SERVICE_UNAVAILABLE' });
    expect((error as ApiError).cause).toBeInstanceOf(TypeError);
  });
});

describe('applyApiErrorToForm', () => {
  it('puts VALIDATION_FAILED issues on their fields, and nothing on the form when all are placed', () => {
    const { result } = renderHook(useRegisterLikeForm);
    const error = toApiError(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Certaines données envoyées ne sont pas valides.',
      requestId: 'req-2',
      details: [
        { path: ['email'], code: 'invalid_format', message: 'Adresse e-mail invalide' },
        { path: ['password'], code: 'too_small', message: 'Au moins 8 caractères' },
      ],
    });

    act(() => applyApiErrorToForm(error, result.current));

    const { errors } = result.current.formState;
    expect(errors.email).toMatchObject({ message: 'Adresse e-mail invalide', type: 'invalid_format' });
    expect(errors.password).toMatchObject({ message: 'Au moins 8 caractères', type: 'too_small' });
    expect(errors.root?.server).toBeUndefined();
  });

  it('sends issues about fields the form does not have to the form level', () => {
    const { result } = renderHook(useRegisterLikeForm);
    const error = toApiError(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Certaines données envoyées ne sont pas valides.',
      requestId: 'req-3',
      details: [
        { path: ['displayName'], code: 'too_big', message: 'Trop long' },
        { path: [], code: 'unrecognized_keys', message: 'Clé non reconnue : « extra »' },
      ],
    });

    act(() => applyApiErrorToForm(error, result.current));

    const { errors } = result.current.formState;
    expect(errors.displayName?.message).toBe('Trop long');
    expect(errors.root?.server?.message).toBe(
      'Certaines données envoyées ne sont pas valides. Clé non reconnue : « extra »',
    );
  });

  it('puts any other code on the form level, with the API’s localised message', () => {
    const { result } = renderHook(useRegisterLikeForm);
    const error = toApiError(401, {
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      message: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
      requestId: 'req-4',
    });

    act(() => applyApiErrorToForm(error, result.current));

    const { errors } = result.current.formState;
    expect(errors.root?.server).toMatchObject({
      type: 'INVALID_CREDENTIALS',
      message: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    });
    expect(errors.email).toBeUndefined();
  });

  it('shows an unexpected exception as an internal error in the user’s language', () => {
    const { result } = renderHook(useRegisterLikeForm);
    act(() => applyApiErrorToForm(new Error('boom'), result.current));
    expect(result.current.formState.errors.root?.server).toMatchObject({
      type: 'INTERNAL_ERROR',
      message: 'Une erreur inattendue est survenue. Réessayez plus tard.',
    });
  });
});
