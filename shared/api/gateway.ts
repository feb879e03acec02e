import { z } from 'zod';

/**
 * The provident-fund data the hotline reads from the center's core business system (or the
 * embedded demo database). Amounts are integer fen (分); dates are YYYY-MM-DD in the center's
 * time zone; months YYYY-MM. These schemas also validate what an HTTP core system answers.
 */

const fen = z.number().int();
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const ym = z.string().regex(/^\d{4}-\d{2}$/, 'a month YYYY-MM');

export const ACCOUNT_STATUSES = ['正常', '封存', '销户'] as const;
export const LOAN_PROGRESS = ['受理', '审批', '放款', '已结清'] as const;
export const EMPLOYER_STATUSES = ['正常', '封存', '注销'] as const;
export const APPOINTMENT_TYPES = ['loan_application', 'loan_repayment', 'withdrawal'] as const;
export const POLICY_CATEGORIES = ['缴存', '提取', '贷款', '其他'] as const;

export const personAccountSchema = z.object({
  /** 个人公积金账号: the person's key everywhere in the gateway. */
  fundAccount: z.string().min(1),
  idCardNo: z.string().length(18),
  /** 公积金联名卡卡号, when the person has one. */
  cobrandCardNo: z.string().nullable(),
  name: z.string().min(1),
  status: z.enum(ACCOUNT_STATUSES),
  balanceFen: fen,
  monthlyDepositFen: fen,
  employerAccount: z.string().nullable(),
  lastDepositMonth: ym.nullable(),
});
export type PersonAccount = z.infer<typeof personAccountSchema>;

export const personalLoanSchema = z.object({
  contractNo: z.string().min(1),
  fundAccount: z.string().min(1),
  principalFen: fen,
  balanceFen: fen,
  termMonths: z.number().int().positive(),
  monthlyRepaymentFen: fen,
  nextDueDate: ymd.nullable(),
  progress: z.enum(LOAN_PROGRESS),
  appliedOn: ymd,
});
export type PersonalLoan = z.infer<typeof personalLoanSchema>;

export const employerSchema = z.object({
  employerAccount: z.string().min(1),
  name: z.string().min(1),
  headcount: z.number().int().nonnegative(),
  status: z.enum(EMPLOYER_STATUSES),
  arrearsMonths: z.number().int().nonnegative(),
  arrearsFen: fen,
});
export type Employer = z.infer<typeof employerSchema>;

export const outletSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  district: z.string(),
  address: z.string(),
  hours: z.string(),
  phone: z.string(),
});
export type Outlet = z.infer<typeof outletSchema>;

export const appointmentTypeSchema = z.enum(APPOINTMENT_TYPES);
export type AppointmentType = z.infer<typeof appointmentTypeSchema>;

export const appointmentSlotSchema = z.object({
  outletCode: z.string(),
  type: appointmentTypeSchema,
  date: ymd,
  /** HH:MM-HH:MM */
  slot: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/),
  capacity: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
});
export type AppointmentSlot = z.infer<typeof appointmentSlotSchema>;

export const bookAppointmentSchema = z.object({
  fundAccount: z.string().min(1),
  outletCode: z.string().min(1),
  type: appointmentTypeSchema,
  date: ymd,
  slot: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/),
});
export type BookAppointment = z.infer<typeof bookAppointmentSchema>;

export const appointmentSchema = bookAppointmentSchema.extend({
  confirmationNo: z.string().min(1),
  status: z.enum(['booked', 'cancelled']),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const smsSubscriptionSchema = z.object({
  fundAccount: z.string().min(1),
  enabled: z.boolean(),
});
export type SmsSubscription = z.infer<typeof smsSubscriptionSchema>;

export const policyCategorySchema = z.enum(POLICY_CATEGORIES);
export type PolicyCategory = z.infer<typeof policyCategorySchema>;

export const policyDocumentSchema = z.object({
  id: z.string().min(1),
  category: policyCategorySchema,
  title: z.string().min(1),
  /** A short text the IVR can read aloud. */
  summary: z.string(),
  body: z.string(),
  effectiveFrom: ymd,
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

/** Stable error codes of the gateway, the same from both adapters and over HTTP. */
export const GATEWAY_ERROR_CODES = ['not_found', 'slot_full', 'slot_unavailable', 'invalid_request', 'unavailable'] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];
