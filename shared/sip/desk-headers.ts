/**
 * SIP headers the server and the desk's softphone agree on, beside the standard ones. Portable:
 * no Node or DOM.
 */

/** The call record a SIP call belongs to: on the INVITE that rings an agent, on the answers to a call an agent places. */
export const CALL_ID_HEADER = 'X-12329-Call-Id';
/** The IVR labels the caller went through, '>'-joined and percent-encoded (headers stay ASCII). */
export const IVR_PATH_HEADER = 'X-12329-Ivr-Path';
/** The work order a follow-up call (回访) is placed from. */
export const WORK_ORDER_HEADER = 'X-12329-Work-Order-Id';
/** On the INVITE that rings a team lead's softphone to monitor a call: listen, whisper or barge (the desk answers it by itself). */
export const MONITOR_HEADER = 'X-12329-Monitor';
