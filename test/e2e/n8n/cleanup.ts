/** Stopping and removing what a tool run (the demo, the benchmark) started: once, at the end or on Ctrl-C. */
import { rmSync } from 'node:fs';

import type { Sandbox } from '../../sandbox/types';
import type { N8nInstance } from './n8n-instance';
import type { PackedPackage } from './pack';
import { onInterrupt, stopAll } from './processes';

/** What the run has started so far; filled in as it goes. */
export interface Started {
	sandbox?: Sandbox;
	packed?: PackedPackage;
	instance?: N8nInstance;
	/** A temporary folder of the run's own. */
	scratch?: string;
}

export class Cleanup {
	private running: Promise<void> | undefined;

	constructor(private readonly started: Started) {
		onInterrupt(async () => await this.run());
	}

	/** Whether cleaning up has begun (after Ctrl-C, a failure no longer needs reporting). */
	get begun(): boolean {
		return this.running !== undefined;
	}

	/** Stops every process and the sandbox and removes the temporary folders; the first call does it. */
	async run(): Promise<void> {
		const { started } = this;
		this.running ??= (async () => {
			await stopAll();
			await started.sandbox?.close();
			started.instance?.remove();
			started.packed?.remove();
			if (started.scratch) rmSync(started.scratch, { recursive: true, force: true });
		})();
		await this.running;
	}
}
