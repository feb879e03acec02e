import type { WorkOrderCategory } from '../work-orders/categories.js';

/** What the caller called about (§2.4-4): the record an agent fills while talking. */
export const CALL_NOTE_CATEGORIES = ['inquiry', 'complaint', 'suggestion', 'query', 'booking', 'other'] as const;
export type CallNoteCategory = (typeof CALL_NOTE_CATEGORIES)[number];

export const CALL_NOTE_CATEGORY_LABELS: Record<CallNoteCategory, string> = {
  inquiry: '咨询',
  complaint: '投诉',
  suggestion: '建议',
  query: '查询',
  booking: '受理',
  other: '其他',
};

export interface CallNoteDraft {
  category: CallNoteCategory;
  topic: string;
  description: string;
  callerName?: string | undefined;
  callbackNumber?: string | undefined;
  /** For an inquiry: was it answered on the call? If not, it becomes a work order (§2.4-7). */
  answeredOnCall?: boolean | undefined;
}

/**
 * §2.4-7: complaints, suggestions and questions that cannot be answered now go to the work-order
 * pool. Returns the work-order category, or undefined when the call note is enough.
 */
export function workOrderCategoryFor(note: Pick<CallNoteDraft, 'category' | 'answeredOnCall'>): WorkOrderCategory | undefined {
  if (note.category === 'complaint' || note.category === 'suggestion') return note.category;
  if (note.category === 'inquiry' && note.answeredOnCall === false) return 'inquiry';
  return undefined;
}

/** Reads a phone number in groups, as agents say it aloud: 138 0013 8000. */
export function groupPhoneNumber(number: string): string {
  const digits = number.replace(/\D/g, '');
  if (digits.length === 11) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * §2.4-5: the agent restates the matter and asks the caller to confirm before saving. The text
 * is generated from the form so that what is read is exactly what is stored.
 */
export function restatementScript(note: CallNoteDraft): string {
  const parts: string[] = [];
  const name = note.callerName?.trim();
  parts.push(name ? `${name}，我跟您确认一下您反映的事项：` : '我跟您确认一下您反映的事项：');
  parts.push(`您这次来电是${CALL_NOTE_CATEGORY_LABELS[note.category]}，关于“${note.topic.trim()}”。`);
  const description = note.description.trim().replace(/[。.]+$/, '');
  if (description) parts.push(`具体情况是：${description}。`);
  const callback = note.callbackNumber?.trim();
  // Read back what was typed: a number with letters is shown as it is (and refused on saving), never as its digits alone.
  if (callback) parts.push(`您留的回电号码是${/^[0-9+\-\s]+$/.test(callback) ? groupPhoneNumber(callback) : callback}。`);
  const handling = workOrderCategoryFor(note);
  if (handling) {
    parts.push('我会按照规定尽快转达您的意见并在规定的时间内给您答复。');
  }
  parts.push('请问以上记录是否准确？');
  return parts.join('');
}
