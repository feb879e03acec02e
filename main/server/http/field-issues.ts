import type { z } from 'zod';
import type { FieldIssue, FieldIssueCode } from '../../../shared/api/field-issues.js';

/** One zod issue as the desk reads it: the field's path, a code it translates, the English sentence. */
export function fieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const base = { path: issue.path.map(String).join('.'), message: issue.message };
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { code?: FieldIssueCode } | undefined)?.code;
      return { ...base, code: code ?? 'invalid' };
    }
    case 'invalid_type':
      return { ...base, code: issue.input === undefined ? 'required' : 'invalid_type' };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return { ...base, code: minimum <= 1 ? 'required' : 'too_short', minimum };
      return { ...base, code: 'too_small', minimum };
    }
    case 'too_big':
      return { ...base, code: issue.origin === 'string' ? 'too_long' : 'too_big', maximum: Number(issue.maximum) };
    case 'invalid_value':
      return { ...base, code: 'not_allowed' };
    case 'unrecognized_keys':
      return { ...base, code: 'unknown_field' };
    case 'invalid_format':
      return { ...base, code: 'invalid_format' };
    default:
      return { ...base, code: 'invalid' };
  }
}
