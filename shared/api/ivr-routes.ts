import { defineRoute, noContent } from './route.js';
import {
  ivrPromptListSchema,
  ivrPromptSchema,
  promptAudioQuerySchema,
  promptIdParamsSchema,
  promptTextRequestSchema,
  promptTicketResponseSchema,
  promptUploadRequestSchema,
  wavFileResponse,
} from './ivr-prompts.js';
import {
  contentOutletSchema,
  contentPolicySchema,
  createOutletRequestSchema,
  outletCodeParamsSchema,
  outletListResponseSchema,
  outletRequestSchema,
  policyIdParamsSchema,
  policyListResponseSchema,
  policyRequestSchema,
} from './self-service-content.js';

/** 语音导航: the IVR's prompts, and the policies and outlets it reads (center admins). */
export const ivrRoutes = {
  prompts: defineRoute({ method: 'GET', path: '/api/v1/ivr/prompts', response: ivrPromptListSchema }),
  promptText: defineRoute({
    method: 'PUT',
    path: '/api/v1/ivr/prompts/:id/text',
    params: promptIdParamsSchema,
    body: promptTextRequestSchema,
    response: ivrPromptSchema,
  }),
  promptRecording: defineRoute({
    method: 'PUT',
    path: '/api/v1/ivr/prompts/:id/recording',
    params: promptIdParamsSchema,
    body: promptUploadRequestSchema,
    response: ivrPromptSchema,
  }),
  revertPrompt: defineRoute({ method: 'DELETE', path: '/api/v1/ivr/prompts/:id', params: promptIdParamsSchema, response: ivrPromptSchema }),
  /** A play ticket for an <audio> element; works for shipped, replaced and spoken (`spoken-…`) prompts. */
  promptTicket: defineRoute({ method: 'POST', path: '/api/v1/ivr/prompts/:id/ticket', params: promptIdParamsSchema, response: promptTicketResponseSchema }),
  promptAudio: defineRoute({
    method: 'GET',
    path: '/api/v1/ivr/prompts/:id/audio',
    params: promptIdParamsSchema,
    query: promptAudioQuerySchema,
    response: wavFileResponse,
  }),

  policies: defineRoute({ method: 'GET', path: '/api/v1/ivr/policies', response: policyListResponseSchema }),
  createPolicy: defineRoute({ method: 'POST', path: '/api/v1/ivr/policies', body: policyRequestSchema, response: contentPolicySchema, status: 201 }),
  updatePolicy: defineRoute({
    method: 'PUT',
    path: '/api/v1/ivr/policies/:id',
    params: policyIdParamsSchema,
    body: policyRequestSchema,
    response: contentPolicySchema,
  }),
  deletePolicy: defineRoute({ method: 'DELETE', path: '/api/v1/ivr/policies/:id', params: policyIdParamsSchema, response: noContent, status: 204 }),

  outlets: defineRoute({ method: 'GET', path: '/api/v1/ivr/outlets', response: outletListResponseSchema }),
  createOutlet: defineRoute({ method: 'POST', path: '/api/v1/ivr/outlets', body: createOutletRequestSchema, response: contentOutletSchema, status: 201 }),
  updateOutlet: defineRoute({
    method: 'PUT',
    path: '/api/v1/ivr/outlets/:code',
    params: outletCodeParamsSchema,
    body: outletRequestSchema,
    response: contentOutletSchema,
  }),
  deleteOutlet: defineRoute({ method: 'DELETE', path: '/api/v1/ivr/outlets/:code', params: outletCodeParamsSchema, response: noContent, status: 204 }),
};
