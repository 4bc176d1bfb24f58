/**
 * A logger that keeps every message instead of printing it. It stands in both for n8n-workflow's
 * LoggerProxy (what the engine logs through) and for the DI `Logger` of @n8n/backend-common (what a
 * node's `this.logger` and n8n's services log through), so a test sees everything n8n logged.
 */
import { Logger } from '@n8n/backend-common';
import { GlobalConfig, InstanceSettingsConfig } from '@n8n/config';
import type { LogScope } from '@n8n/config';
import { Container } from '@n8n/di';
import type { LogMetadata } from 'n8n-workflow';

type Level = 'error' | 'warn' | 'info' | 'debug';

/** Where the messages of one run go; several runs may listen at once. */
export type LogSink = string[];

function errorToObject(error: Error): Record<string, unknown> {
	// Own enumerable fields too: n8n errors carry `description`, `context`, `cause`, request options.
	return { ...error, name: error.name, message: error.message, stack: error.stack };
}

/** JSON of anything a logger may get: errors expanded, cycles cut, bigint as text. */
export function serializeLogEntry(entry: Record<string, unknown>): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(entry, (_key, value: unknown) => {
		if (typeof value === 'bigint') return value.toString();
		if (value instanceof Error) value = errorToObject(value);
		if (typeof value === 'object' && value !== null) {
			if (seen.has(value)) return '[Circular]';
			seen.add(value);
		}
		return value;
	});
}

/**
 * n8n's config with logging off. At any level but `silent` the base constructor pins no-op
 * `debug`/`info`/... onto the instance (own, non-writable properties) for the levels it filters out,
 * which would shadow this class's methods; `silent` also keeps n8n from printing to the console.
 */
function silencedGlobalConfig(): GlobalConfig {
	const config = Container.get(GlobalConfig);
	config.logging.level = 'silent';
	return config;
}

export class RecordingLogger extends Logger {
	constructor(
		private readonly sinks: Set<LogSink>,
		private readonly scopeNames: readonly LogScope[] = [],
	) {
		// As a non-root logger the base class leaves LoggerProxy alone; every method that would reach
		// its winston logger is overridden here.
		super(silencedGlobalConfig(), Container.get(InstanceSettingsConfig), { isRoot: false });
	}

	private record(level: Level, message: string, metadata?: LogMetadata): void {
		if (this.sinks.size === 0) return;
		const entry = serializeLogEntry({
			level,
			message,
			...(this.scopeNames.length > 0 ? { scopes: this.scopeNames } : {}),
			...(metadata !== undefined ? { metadata } : {}),
		});
		for (const sink of this.sinks) sink.push(entry);
	}

	override error(message: string, metadata?: LogMetadata): void {
		this.record('error', message, metadata);
	}

	override warn(message: string, metadata?: LogMetadata): void {
		this.record('warn', message, metadata);
	}

	override info(message: string, metadata?: LogMetadata): void {
		this.record('info', message, metadata);
	}

	override debug(message: string, metadata?: LogMetadata): void {
		this.record('debug', message, metadata);
	}

	override scoped(scopes: LogScope | LogScope[]): Logger {
		return new RecordingLogger(this.sinks, Array.isArray(scopes) ? scopes : [scopes]);
	}
}
