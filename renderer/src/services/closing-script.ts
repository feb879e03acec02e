import { workOrderCategoryFor, type CallNoteCategory } from '../../../shared/call-notes/restatement';

export type ClosingVariant = 'opinion' | 'suggestion' | 'solve' | 'answered';

/**
 * §2.4-8's closing words carry alternatives (意见（建议）（或解决您的问题）); the agent reads one:
 * a complaint's opinion, a suggestion, a problem to solve (a work order), or a question answered.
 * From the saved record when there is one, else from the one being filled.
 */
export function closingVariant(
  note: { category: CallNoteCategory; answeredOnCall?: boolean | null | undefined; workOrderId?: number | null | undefined } | undefined,
): ClosingVariant {
  if (!note) return 'answered';
  const opensOrder =
    note.workOrderId !== undefined
      ? note.workOrderId !== null
      : workOrderCategoryFor({ category: note.category, answeredOnCall: note.answeredOnCall ?? undefined }) !== undefined;
  if (!opensOrder) return 'answered';
  if (note.category === 'complaint') return 'opinion';
  if (note.category === 'suggestion') return 'suggestion';
  return 'solve';
}
