/** n8n's command line against one instance: imports, activation, `execute`, `export:nodes`. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { freePort } from './free-port';
import type { N8nInstance } from './n8n-instance';
import { CommandError, runCommand, type CommandResult } from './run-command';
import { findRunRecord, type RunRecord } from './run-record';

export interface CliOptions {
	readonly allowFailure?: boolean;
	readonly timeoutMs?: number;
}

/** Runs `n8n <args>` with the instance's Node and environment; its output joins the instance's logs. */
export async function n8nCommand(instance: N8nInstance, args: readonly string[], options: CliOptions = {}): Promise<CommandResult> {
	const { nodeBin } = instance.install.runtime;
	// Commands that run workflows start a task broker; each gets its own port so nothing collides.
	const env = { ...instance.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	try {
		const result = await runCommand(`n8n ${args.join(' ')}`, nodeBin, [instance.install.n8nEntry, ...args], {
			cwd: instance.userFolder,
			env,
			allowFailure: options.allowFailure,
			timeoutMs: options.timeoutMs ?? 3 * 60_000,
		});
		instance.logSources.push(() => result.output);
		return result;
	} catch (error) {
		if (error instanceof CommandError) instance.logSources.push(() => error.result.output);
		throw error;
	}
}

/** A credential as `n8n import:credentials` takes it: plain `data`, encrypted on import. */
export interface CredentialImport {
	readonly id: string;
	readonly name: string;
	readonly type: string;
	readonly data: Readonly<Record<string, string | number | boolean>>;
}

export async function importCredentials(instance: N8nInstance, credentials: readonly CredentialImport[]): Promise<void> {
	const dir = mkdtempSync(join(instance.userFolder, 'import-'));
	const file = join(dir, 'credentials.json');
	writeFileSync(file, JSON.stringify(credentials));
	try {
		await n8nCommand(instance, ['import:credentials', `--input=${file}`]);
	} finally {
		rmSync(dir, { recursive: true, force: true }); // it holds secrets in plain text
	}
}

/** Imports workflow files (each with a fixed 16-character `id`) in one n8n run. */
export async function importWorkflows(instance: N8nInstance, files: readonly string[]): Promise<void> {
	const dir = mkdtempSync(join(instance.userFolder, 'import-'));
	for (const file of files) copyFileSync(file, join(dir, basename(file)));
	try {
		await n8nCommand(instance, ['import:workflow', '--separate', `--input=${dir}`]);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Makes a workflow's triggers live at the next `n8n start` (2.x publishes a version; 1.x sets `active`). */
export async function activateWorkflow(instance: N8nInstance, id: string): Promise<void> {
	const args = instance.install.flavor.major >= 2 ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
	await n8nCommand(instance, args);
}

export interface ExecuteResult {
	readonly code: number | null;
	readonly output: string;
	readonly record: RunRecord | undefined;
}

/** `n8n execute --id=<id> --rawOutput`; exit code 1 means the run failed (the record says why). */
export async function executeWorkflow(instance: N8nInstance, id: string): Promise<ExecuteResult> {
	const { code, output } = await n8nCommand(instance, ['execute', `--id=${id}`, '--rawOutput'], { allowFailure: true });
	return { code, output, record: findRunRecord(output) };
}

/** Node type names as n8n 2.x's `export:nodes` lists them (the command does not exist in 1.x). */
export async function exportNodeTypes(instance: N8nInstance): Promise<string[]> {
	const file = join(instance.userFolder, 'exported-nodes.json');
	await n8nCommand(instance, ['export:nodes', `--output=${file}`]);
	const nodes = JSON.parse(readFileSync(file, 'utf8')) as readonly { readonly name?: unknown }[];
	return nodes.map((node) => node.name).filter((name): name is string => typeof name === 'string');
}
