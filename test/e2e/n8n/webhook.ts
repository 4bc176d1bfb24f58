/** The Webhook example: POST a group name, get 201 (created), 409 (already there) or 400 (failed). */
import type { VendorName } from '../../sandbox/types';

export const WEBHOOK_EXAMPLE = {
	file: 'webhook-create-group.json',
	path: 'create-group',
	/** The vendor its node creates groups in. */
	vendor: 'invisibleCollector' satisfies VendorName,
} as const;

export interface WebhookAnswer {
	readonly status: number;
	readonly body: unknown;
}

export async function postGroupName(baseUrl: string, name: string): Promise<WebhookAnswer> {
	const response = await fetch(`${baseUrl}/webhook/${WEBHOOK_EXAMPLE.path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name }),
		signal: AbortSignal.timeout(60_000),
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON: keep the text
	}
	return { status: response.status, body };
}
