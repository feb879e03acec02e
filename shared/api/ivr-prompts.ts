import { z } from 'zod';

/**
 * The IVR's prompts as the center admin manages them (系统管理 → 语音导航): every prompt the flow
 * plays, its text, and whether the center replaced it (an uploaded recording, or speech made from
 * a new text). Replacements live in the server's data folder; reverting brings back the shipped one.
 */

/** A prompt id of resources/prompts/zh/prompts.json (welcome, menu-main, …). */
export const promptIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a prompt id');
export const promptIdParamsSchema = z.object({ id: promptIdSchema });

/** The longest text made into speech at once (a caller cannot follow more in one prompt). */
export const MAX_PROMPT_TEXT = 500;
/** The largest recording an admin may upload (a WAV at CD quality holds about a minute). */
export const MAX_PROMPT_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Formats sox reads for an upload, by their first bytes. */
export const PROMPT_UPLOAD_FORMATS = ['wav', 'flac', 'ogg', 'aiff'] as const;
/** How long an uploaded prompt may be, in seconds. */
export const PROMPT_MIN_SECONDS = 0.3;
export const PROMPT_MAX_SECONDS = 120;

export const promptReplacementSchema = z.object({
  source: z.enum(['upload', 'text']),
  /** The uploaded file's name (source upload). */
  fileName: z.string().nullable(),
  updatedAt: z.string(),
  /** Work number of the admin who replaced it. */
  updatedBy: z.string().nullable(),
});
export type PromptReplacement = z.infer<typeof promptReplacementSchema>;

export const ivrPromptSchema = z.object({
  id: promptIdSchema,
  /** What the shipped prompt says. */
  defaultText: z.string(),
  /** What the prompt says now: the new text, or the shipped text (an upload keeps it unless told). */
  text: z.string(),
  /** Played by a menu of the flow (菜单语音): the menu's spoken sentences. */
  menu: z.boolean(),
  /** Length of the prompt played now, in milliseconds. */
  durationMs: z.number().int().nonnegative(),
  replaced: promptReplacementSchema.nullable(),
});
export type IvrPrompt = z.infer<typeof ivrPromptSchema>;
export const ivrPromptListSchema = z.object({ prompts: z.array(ivrPromptSchema) });
export type IvrPromptList = z.infer<typeof ivrPromptListSchema>;

const promptText = z.string().trim().min(1).max(MAX_PROMPT_TEXT);

/** PUT /api/v1/ivr/prompts/:id/text — speech made from this text by the server's TTS. */
export const promptTextRequestSchema = z.object({ text: promptText });

/** PUT /api/v1/ivr/prompts/:id/recording — an uploaded recording, converted by the server to 8 kHz mono. */
export const promptUploadRequestSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  /** The file's bytes in base64 (the API speaks JSON). */
  data: z
    .string()
    .min(1)
    .max(Math.ceil(MAX_PROMPT_UPLOAD_BYTES / 3) * 4 + 4),
  /** What the recording says, when it differs from the prompt's text. */
  text: promptText.optional(),
});
export type PromptUploadRequest = z.infer<typeof promptUploadRequestSchema>;

/** POST /api/v1/ivr/prompts/:id/ticket — a URL an <audio> element can fetch (it sends no headers). */
export const promptTicketResponseSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type PromptTicketResponse = z.infer<typeof promptTicketResponseSchema>;

/** GET /api/v1/ivr/prompts/:id/audio?ticket= */
export const promptAudioQuerySchema = z.object({ ticket: z.string().min(1).max(100).optional() });

/** The audio route answers a WAV file, not JSON. */
export const wavFileResponse = z.unknown();

/** Codes of a refused upload or text, each translated by the desk (adminIvr.errors.<code>). */
export const PROMPT_ERROR_CODES = [
  'prompt_not_found',
  'prompt_file_too_large',
  'prompt_file_not_base64',
  'prompt_format_unsupported',
  'prompt_file_unreadable',
  'prompt_too_short',
  'prompt_too_long',
  'prompt_silent',
  'tts_unavailable',
  'audio_tool_missing',
] as const;
