import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { hasUnstorableText, INVALID_CHARACTERS_MESSAGES, type TValidationIssue } from '@tahkim/contracts';
import { AppError } from '../errors/app-error';
import { requestLocale, type AppRequest } from '../http/request-context';

const MAX_ISSUES = 20;
const MAX_DEPTH = 32;

type Location = 'body' | 'query' | 'path';

/** Paths to every string (object keys included) that holds an unstorable character, up to a few. */
export function findUnstorableText(value: unknown): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [];
  const walk = (node: unknown, path: Array<string | number>, depth: number): void => {
    if (found.length >= MAX_ISSUES || depth > MAX_DEPTH) return;
    if (typeof node === 'string') {
      if (hasUnstorableText(node)) found.push(path);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, index], depth + 1));
      return;
    }
    if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        if (hasUnstorableText(key)) found.push([...path, key]);
        walk(item, [...path, key], depth + 1);
      }
    }
  };
  walk(value, [], 0);
  return found;
}

/**
 * One input rule for every route, before any service sees the request: text that the database cannot
 * store is a 400 naming the field (body, query or path), never a 500 after half the work.
 */
@Injectable()
export class TextInputGuard implements CanActivate {
  canActivate(execution: ExecutionContext): boolean {
    const request = execution.switchToHttp().getRequest<AppRequest>();
    const sources: Array<[Location, unknown]> = [
      ['path', request.params],
      ['query', request.query],
      ['body', request.body],
    ];
    const issues: TValidationIssue[] = [];
    for (const [location, value] of sources) {
      for (const path of findUnstorableText(value)) {
        issues.push({
          path,
          code: 'invalid_characters',
          message: INVALID_CHARACTERS_MESSAGES[requestLocale(request)],
          ...(location === 'body' ? {} : { in: location }),
        });
      }
    }
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues.slice(0, MAX_ISSUES));
    return true;
  }
}
