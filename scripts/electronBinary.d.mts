export type ElectronBinaryStatus = { present: true; executablePath: string } | { present: false; reason: string };
export function electronBinaryStatus(root: string): ElectronBinaryStatus;
export function electronBinaryPresent(root: string): boolean;
