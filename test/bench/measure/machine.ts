/** The machine a run happened on, as the README's Performance section states it. */
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
	readonly cpus: number;
	readonly cpuModel: string;
	readonly memoryGb: number;
	readonly benchNode: string;
	readonly n8nNode: string;
	readonly n8nVersion: string;
	/** 1-minute load average when the run started and ended: other work on a shared machine shows here. */
	readonly loadAtStart: number;
	loadAtEnd?: number;
}

export function machineInfo(n8nNode: string, n8nVersion: string): MachineInfo {
	return {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? 'unknown',
		memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
		benchNode: process.version,
		n8nNode,
		n8nVersion,
		loadAtStart: loadavg()[0],
	};
}
