import { workOrderCategoryFor, type CallNoteDraft } from './restatement.js';

/** What a callback number may hold, as agents type them: digits, spaces, "-" and "+" (0571-8888 1234). */
export const CALLBACK_NUMBER_PATTERN = /^[0-9+\-\s]{3,20}$/;

export function isCallbackNumber(value: string): boolean {
  return CALLBACK_NUMBER_PATTERN.test(value.trim()) && /\d{3}/.test(value.replace(/\D/g, ''));
}

/**
 * Why the callback number cannot be saved: 'invalid' (letters: "abc-123" is not "123"), or
 * 'required' when the restatement promises a reply (a work order: complaint, suggestion, an
 * inquiry not answered on the call) and there is no number to reply to.
 */
export function callbackNumberProblem(note: Pick<CallNoteDraft, 'category' | 'answeredOnCall' | 'callbackNumber'>): 'invalid' | 'required' | undefined {
  const number = note.callbackNumber?.trim() ?? '';
  if (number) return isCallbackNumber(number) ? undefined : 'invalid';
  return workOrderCategoryFor(note) ? 'required' : undefined;
}
