import type { BuildOptions } from 'esbuild';

export const common: BuildOptions;
export const serverBuild: BuildOptions;
export const mainBuild: BuildOptions;
export const preloadBuild: BuildOptions;
