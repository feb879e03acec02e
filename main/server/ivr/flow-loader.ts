import { existsSync, readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { flowSchema, nodePrompts, nodeReferences, type Flow } from './flow-schema.js';
import { promptFile } from './call-channel.js';

export class FlowError extends Error {
  override name = 'FlowError';
  constructor(
    readonly source: string,
    readonly issues: string[],
  ) {
    super(`invalid IVR flow ${source}:\n  ${issues.join('\n  ')}`);
  }
}

export interface LoadedFlow {
  flow: Flow;
  /** Not fatal: nodes no entry reaches. */
  warnings: string[];
}

export interface ParseFlowOptions {
  /** Whether a prompt id has a recording; by default every id is accepted. */
  promptExists?: (id: string) => boolean;
  /** Names the flow in errors (a file path). */
  source?: string;
}

/** "nodes.main.options.1.next" → "node 'main', field 'options.1.next'". */
function where(path: ReadonlyArray<string | number>): string {
  if (path[0] === 'nodes' && path.length >= 2) {
    const field = path.slice(2).join('.');
    return field ? `node '${String(path[1])}', field '${field}'` : `node '${String(path[1])}'`;
  }
  return path.length ? `field '${path.join('.')}'` : 'flow';
}

/** JSON.parse keeps the last of two equal keys silently; a flow with one is a mistake. */
function duplicateKeys(node: YamlNode | null | undefined, path: Array<string | number>, out: string[]): void {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (seen.has(key)) out.push(`${where([...path, key])}: duplicate key '${key}'`);
      seen.add(key);
      duplicateKeys(pair.value as YamlNode, [...path, key], out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => duplicateKeys(item as YamlNode, [...path, i], out));
  }
}

/**
 * Parses and checks a flow: JSON syntax, duplicate keys, the zod shape, node references, prompt
 * recordings. Throws FlowError listing every problem with the node and field; unreachable nodes
 * are warnings.
 */
export function parseFlow(text: string, options: ParseFlowOptions = {}): LoadedFlow {
  const source = options.source ?? 'flow';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FlowError(source, [`not valid JSON: ${(error as Error).message}`]);
  }
  const issues: string[] = [];
  // JSON is YAML 1.2: its AST still holds both copies of a duplicated key.
  duplicateKeys(parseDocument(text, { uniqueKeys: false }).contents as YamlNode, [], issues);

  const parsed = flowSchema.safeParse(value);
  if (!parsed.success) {
    for (const i of parsed.error.issues) issues.push(`${where(i.path as Array<string | number>)}: ${i.message}`);
    throw new FlowError(source, issues);
  }
  const flow = parsed.data;
  const exists = (id: string) => id in flow.nodes;

  for (const [name, target] of Object.entries(flow.entries)) if (!exists(target)) issues.push(`field 'entries.${name}': unknown node '${target}'`);
  if (!exists(flow.defaults.fallback)) issues.push(`field 'defaults.fallback': unknown node '${flow.defaults.fallback}'`);
  for (const [id, node] of Object.entries(flow.nodes)) {
    for (const [field, target] of nodeReferences(node)) if (!exists(target)) issues.push(`${where(['nodes', id, field])}: unknown node '${target}'`);
  }

  const promptExists = options.promptExists;
  if (promptExists) {
    const check = (at: string, item: unknown) => {
      if (typeof item === 'string' && !promptExists(item)) issues.push(`${at}: missing prompt '${item}' (no recording)`);
    };
    flow.defaults.invalidPrompts.forEach((p, i) => check(`field 'defaults.invalidPrompts.${i}'`, p));
    flow.defaults.timeoutPrompts.forEach((p, i) => check(`field 'defaults.timeoutPrompts.${i}'`, p));
    for (const [id, node] of Object.entries(flow.nodes)) for (const [field, item] of nodePrompts(node)) check(where(['nodes', id, field]), item);
  }
  if (issues.length) throw new FlowError(source, issues);

  const reached = new Set<string>();
  const todo = [...Object.values(flow.entries), flow.defaults.fallback];
  while (todo.length) {
    const id = todo.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const [, target] of nodeReferences(flow.nodes[id]!)) todo.push(target);
  }
  const warnings = Object.keys(flow.nodes)
    .filter((id) => !reached.has(id))
    .map((id) => `node '${id}' is unreachable from every entry`);
  return { flow, warnings };
}

/** Loads resources/ivr/<name>.json and checks its prompts against <promptsDir>/<id>.wav. */
export function loadFlowFile(file: string, promptsDir: string): LoadedFlow {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FlowError(file, [`cannot read: ${(error as Error).message}`]);
  }
  return parseFlow(text, { source: file, promptExists: (id) => existsSync(promptFile(promptsDir, id)) });
}
