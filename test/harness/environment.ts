/**
 * What n8n-core's engine needs around it, set up once per test file (jest gives every test file its
 * own module registry, so its own DI container): a throw-away n8n user folder, outbound HTTP that may
 * reach the sandbox on 127.0.0.1, and the recording logger in place of n8n's.
 */
import 'reflect-metadata';

import { Logger } from '@n8n/backend-common';
import * as n8nConfig from '@n8n/config';
import { InstanceSettingsConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { RecordingLogger } from './recording-logger';
import type { LogSink } from './recording-logger';

export interface Engine {
	/** The sinks of the runs under way; the logger writes to each. */
	logSinks: Set<LogSink>;
	logger: RecordingLogger;
	/** Stands for ~ of the n8n user: InstanceSettings keeps `.n8n/config` (encryption key) here. */
	userFolder: string;
}

let engine: Engine | undefined;

function removeWhenDone(folder: string): void {
	const remove = () => rmSync(folder, { recursive: true, force: true });
	try {
		// Registered while jest collects the file's tests (the harness is imported at the top of it).
		afterAll(remove);
	} catch {
		// Not under jest, or imported from inside a test: fall back to the end of the process.
		process.once('exit', remove);
	}
}

/**
 * n8n-core's InstanceSettings writes `<N8N_USER_FOLDER>/.n8n/config` (a generated encryption key) the
 * first time a node runs, and defaults to the home folder. Point it at a temporary folder instead.
 */
function useTemporaryUserFolder(): string {
	const userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
	process.env.N8N_USER_FOLDER = userFolder;
	const config = Container.get(InstanceSettingsConfig);
	if (config.n8nFolder !== path.join(userFolder, '.n8n')) {
		// Something built n8n's config before the harness ran: the env var is read only then.
		const fresh = new InstanceSettingsConfig();
		fresh.encryptionKey = config.encryptionKey;
		fresh.enforceSettingsFilePermissions = config.enforceSettingsFilePermissions;
		Container.set(InstanceSettingsConfig, fresh);
	}
	removeWhenDone(userFolder);
	return userFolder;
}

/**
 * n8n 2.x sends every node request through `OutboundHttp` (@n8n/backend-network), which applies SSRF
 * protection when `N8N_SSRF_PROTECTION_ENABLED` is set. Its default block list holds 127.0.0.0/8 and
 * ::1, so with protection on, every request to the vendor sandbox would fail as "blocked". It is off
 * by default in 2.41; the harness turns it off explicitly so a developer's or CI's environment cannot
 * turn it on for these tests. This relaxes nothing in the nodes: they never see this setting.
 */
function allowLoopbackRequests(): void {
	// n8n 1.x (`npm run test:n8n1`) has no SSRF protection, nor its config.
	const { SsrfProtectionConfig } = n8nConfig as Partial<typeof n8nConfig>;
	if (SsrfProtectionConfig) Container.get(SsrfProtectionConfig).enabled = false;
}

function installRecordingLogger(): { logger: RecordingLogger; logSinks: Set<LogSink> } {
	const logSinks = new Set<LogSink>();
	const logger = new RecordingLogger(logSinks);
	// A node's `this.logger` and n8n's services resolve the DI Logger; building n8n's own would also
	// re-point LoggerProxy at it (its constructor calls LoggerProxy.init), so ours takes its place.
	Container.set(Logger, logger);
	LoggerProxy.init(logger);
	return { logger, logSinks };
}

/** Sets the environment up on first use and returns it; later calls return the same one. */
export function prepareEngine(): Engine {
	if (engine === undefined) {
		const userFolder = useTemporaryUserFolder();
		allowLoopbackRequests();
		engine = { ...installRecordingLogger(), userFolder };
	}
	// Anything that built a root Logger since would have taken LoggerProxy over.
	LoggerProxy.init(engine.logger);
	return engine;
}
