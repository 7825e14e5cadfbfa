import { Inject, Injectable } from '@nestjs/common';
import { allFields, type TFormDefinition, type TFormField } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';
import { titleField } from '../applications/application-rules';
import { loadCallForm } from './call-form';

/** A call's form as autosave and submission check answers against it: rebuilt once per form version. */
export interface CompiledForm {
  callId: string;
  version: number;
  form: TFormDefinition;
  /** FILE fields: their answers are attachments, never stored answers. */
  fileKeys: ReadonlySet<string>;
  /** Fields staff have hidden (or that sit in a hidden section): their stored answers are kept. */
  hiddenKeys: readonly string[];
  /** The field naming the project (see titleField). */
  titleField: TFormField | undefined;
}

/** Forms of this many (call, version) pairs stay compiled; the least recently used goes first. */
const CAPACITY = 200;

/**
 * Every change to a form bumps Call.formVersion in the same transaction (CallFormService.put), so a
 * (call, version) pair names one definition for good: what is cached never goes stale, and several
 * API replicas each keep their own copy without agreeing on anything.
 */
@Injectable()
export class CallFormCache {
  private readonly entries = new Map<string, Promise<CompiledForm>>();

  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /**
   * The form at `version` as the caller read it with the call. If the form has moved on since, the
   * current one is returned (and cached under its own version): answers are checked against what is live.
   */
  get(callId: string, version: number): Promise<CompiledForm> {
    const key = `${callId}:${version}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const loading = loadCallForm(this.prisma, callId).then((loaded) => {
      const compiled = compileForm(callId, loaded.version, loaded.form);
      if (loaded.version !== version) {
        this.entries.delete(key);
        this.remember(`${callId}:${loaded.version}`, Promise.resolve(compiled));
      }
      return compiled;
    });
    this.remember(key, loading);
    loading.catch(() => this.entries.delete(key));
    return loading;
  }

  private remember(key: string, value: Promise<CompiledForm>): void {
    this.entries.set(key, value);
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
  }
}

export function compileForm(callId: string, version: number, form: TFormDefinition): CompiledForm {
  const fields: TFormField[] = allFields(form);
  return {
    callId,
    version,
    form,
    fileKeys: new Set(fields.filter((field) => field.type === 'FILE').map((field) => field.key)),
    titleField: titleField(form),
    hiddenKeys: form.sections.flatMap((section) => section.fields.filter((field) => section.hidden || field.hidden).map((field) => field.key)),
  };
}
