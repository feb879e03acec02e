import type { IDENTITY_DOCUMENTS, LoginType } from '../../../../../shared/api/verification';

export interface PinForm {
  identityDocument: (typeof IDENTITY_DOCUMENTS)[number];
  documentNumber: string;
  loginType: LoginType;
  account: string;
  pin: string;
  pinAgain: string;
  checked: boolean;
}

export const EMPTY_PIN_FORM: PinForm = {
  identityDocument: 'id_card',
  documentNumber: '',
  loginType: 'fund_account',
  account: '',
  pin: '',
  pinAgain: '',
  checked: false,
};

/** The outlet form's own checks, in the order the clerk fills it: the field and its sentence key. */
export function pinFormProblem(form: PinForm): { field: keyof PinForm; key: string } | undefined {
  if (form.documentNumber.trim().length < 4) return { field: 'documentNumber', key: 'adminOps.pins.errors.documentNumber' };
  const account = form.account.trim();
  if (account.length < 4 || account.length > 32) return { field: 'account', key: 'adminOps.pins.errors.account' };
  if (!/^\d{6}$/.test(form.pin)) return { field: 'pin', key: 'adminOps.pins.errors.pinDigits' };
  if (form.pin !== form.pinAgain) return { field: 'pinAgain', key: 'adminOps.pins.errors.pinMismatch' };
  if (!form.checked) return { field: 'checked', key: 'adminOps.pins.errors.notChecked' };
  return undefined;
}
