/** GET /api/v1/service-hours: whether callers can reach 人工 now, so that an idle desk can say why no call comes. */
export interface ServiceHoursResponse {
  open: boolean;
  /** 人工's periods on a working day (center time zone), e.g. [{ from: '08:30', to: '12:00' }]. */
  periods: Array<{ from: string; to: string }>;
  always: boolean;
}
