// What a server is in the network (--mode, --area-code, --parent-url): the checks that refuse a
// configuration that cannot work, before anything starts, with a sentence saying what to fix.
import { regionLevel, regionName } from '../../../shared/regions/gbt2260.js';

export interface NetworkSettings {
  mode: 'center' | 'province' | 'ministry';
  areaCode?: string | undefined;
  centerCode: string;
  parentUrl?: string | undefined;
  parentToken?: string | undefined;
}

/** 北京, 天津, 上海, 重庆: a center may carry the municipality's own code (110000) as well as 110100. */
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

/** This server's code in the network: --area-code, else the center code. */
export function areaCodeOf(config: Pick<NetworkSettings, 'areaCode' | 'centerCode'>): string {
  return config.areaCode ?? config.centerCode;
}

/** The name of this server's area: 住房和城乡建设部, 浙江省 (the bundled GB/T 2260 table). */
export function areaNameOf(config: Pick<NetworkSettings, 'areaCode' | 'centerCode'>): string {
  const code = areaCodeOf(config);
  return regionName(code) ?? code;
}

/** The problem with the network settings, undefined when they fit together. */
export function networkSettingsProblem(config: NetworkSettings): string | undefined {
  const code = areaCodeOf(config);
  const level = regionLevel(code);
  const named = regionName(code);
  if (config.mode === 'center' && level !== 'center' && !MUNICIPALITIES.has(code)) {
    return `--mode center needs the code of a city (like 330100); ${code} is ${level === 'province' ? 'a province' : level === 'ministry' ? 'the ministry' : 'not a GB/T 2260 city'}: set --area-code, or --mode ${level ?? 'center'}`;
  }
  if (config.mode === 'province' && (level !== 'province' || !named)) {
    return `--mode province needs a province code of GB/T 2260 (like 330000) in --area-code; ${code} is ${level === 'center' ? 'a city' : 'not a province'}`;
  }
  if (config.mode === 'ministry' && level !== 'ministry') return `--mode ministry needs --area-code 000000; ${code} is a ${level ?? 'unknown'} code`;
  if (config.mode === 'ministry' && config.parentUrl) return 'a ministry has no parent: leave --parent-url unset';
  if (config.parentUrl && !config.parentToken) return '--parent-url needs AGENT_DESK_PARENT_TOKEN, the token the parent issued for this server';
  return undefined;
}
