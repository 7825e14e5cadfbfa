import { Injectable, type PipeTransform } from '@nestjs/common';
import { isDecisionOutcome, type TDecisionOutcome } from '@tahkim/contracts';
import { AppError } from '../../common/errors/app-error';

/** `{outcome}` in a path: WINNER or NOT_SELECTED; anything else names nothing (404). */
@Injectable()
export class DecisionOutcomePipe implements PipeTransform<string, TDecisionOutcome> {
  transform(value: string): TDecisionOutcome {
    if (!isDecisionOutcome(value)) throw new AppError('NOT_FOUND');
    return value;
  }
}
