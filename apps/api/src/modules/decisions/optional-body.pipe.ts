import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ZodValidationPipe } from 'nestjs-zod';

/**
 * Validates a body that may be left out (read as `{}`) with a contracts DTO: the global pipe would refuse
 * a missing body, so the parameter is typed loosely and validated here, with the same 400 VALIDATION_FAILED.
 */
@Injectable()
export class OptionalBodyPipe implements PipeTransform {
  private readonly pipe: InstanceType<typeof ZodValidationPipe>;

  constructor(dto: ConstructorParameters<typeof ZodValidationPipe>[0]) {
    this.pipe = new ZodValidationPipe(dto);
  }

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    return this.pipe.transform(value ?? {}, metadata);
  }
}
