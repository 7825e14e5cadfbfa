import { z } from 'zod';
import { INVITABLE_ROLES, ROLES } from './role-codes';

export * from './role-codes';
export const ZRole = z.enum(ROLES);
export const ZInvitableRole = z.enum(INVITABLE_ROLES);
